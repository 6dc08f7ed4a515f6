/*
 * The DMA mapping API on ARMv7 (include/linux/dma-mapping.h): coherent
 * allocations mapped Normal Non-cacheable in the vmalloc window, and the
 * cache maintenance of streaming mappings, inner (by virtual address, to
 * the point of coherency) then outer (L2C-310, by physical address).
 *
 * What each ownership change does, as Linux's ARM code:
 *   to the device (map, sync_for_device): DMA_FROM_DEVICE invalidates (no
 *     dirty line may later be written back over what the device wrote),
 *     the other directions clean (the device must read what the CPU wrote);
 *   to the CPU (unmap, sync_for_cpu): unless DMA_TO_DEVICE, invalidate
 *     again, outer first: lines fetched speculatively while the device
 *     owned the buffer hold stale data.
 * An invalidation never drops a line partly outside the buffer: such edge
 * lines are cleaned and invalidated instead, so neighbouring data survives
 * (the buffer's own bytes in them are then rewritten by the device, or
 * were written back harmlessly before it wrote them).
 */
#include <linux/kernel.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/dma-mapping.h>
#include <linux/dma-debug.h>
#include <linux/highmem.h>
#include <linux/kasan.h>
#include <linux/vmalloc.h>
#include <linux/mmzone.h>
#include <string.h>
#include <asm/cacheflush.h>
#include <asm/outercache.h>

phys_addr_t arm_dma_zone_limit(void)
{
	struct zone *z = &NODE_DATA(first_online_node())->node_zones[ZONE_DMA];

	if (!z->spanned_pages)
		return PFN_PHYS(max_low_pfn) - 1;
	return PFN_PHYS(zone_end_pfn(z)) - 1;
}

int dma_supported(struct device *dev, u64 mask)
{
	return mask >= arm_dma_zone_limit();
}
EXPORT_SYMBOL(dma_supported);

int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask || !dma_supported(dev, mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}
EXPORT_SYMBOL(dma_set_mask);

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!dma_supported(dev, mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}
EXPORT_SYMBOL(dma_set_coherent_mask);

int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	debug_dma_mapping_error(dev, dma_addr);
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}
EXPORT_SYMBOL(dma_mapping_error);

/* Invalidate [start, start + size), cleaning partial lines at either end. */
static void dma_inv_area(const void *start, size_t size)
{
	unsigned long line = dcache_line_size();
	unsigned long a = (unsigned long)start, end = a + size;
	unsigned long head = ALIGN_DOWN(a, line), tail = ALIGN_DOWN(end, line);

	if (head != a) {
		dcache_flush_range((void *)head, line);
		a = head + line;
	}
	if (tail != end && tail >= a) {
		dcache_flush_range((void *)tail, line);
		end = tail;
	}
	if (a < end)
		dcache_inv_range((void *)a, end - a);
}

static void dma_clean_area(const void *start, size_t size)
{
	dcache_clean_range(start, size);
}

/* Apply @op to the kernel view of @size bytes from @offset into @page (and the pages after it). */
static void inner_op(struct page *page, unsigned long offset, size_t size,
		     void (*op)(const void *, size_t))
{
	page += offset >> PAGE_SHIFT;
	offset &= PAGE_SIZE - 1;
	if (!PageHighMem(page)) {
		op((char *)lowmem_page_address(page) + offset, size);
		return;
	}
	while (size) {
		size_t len = min_t(size_t, size, PAGE_SIZE - offset);
		char *va = kmap_atomic(page);

		op(va + offset, len);
		kunmap_atomic(va);
		size -= len;
		offset = 0;
		page++;
	}
}

static void dma_page_cpu_to_dev(struct page *page, unsigned long offset, size_t size,
				enum dma_data_direction dir)
{
	phys_addr_t paddr = page_to_phys(page) + offset;

	if (dir == DMA_FROM_DEVICE) {
		inner_op(page, offset, size, dma_inv_area);
		outer_inv_range(paddr, paddr + size);
	} else {
		inner_op(page, offset, size, dma_clean_area);
		outer_clean_range(paddr, paddr + size);
	}
}

static void dma_page_dev_to_cpu(struct page *page, unsigned long offset, size_t size,
				enum dma_data_direction dir)
{
	phys_addr_t paddr = page_to_phys(page) + offset;

	if (dir == DMA_TO_DEVICE)
		return;
	outer_inv_range(paddr, paddr + size);
	inner_op(page, offset, size, dma_inv_area);
}

static bool dma_capable(struct device *dev, phys_addr_t addr, size_t size)
{
	return size && addr + size - 1 >= addr && addr + size - 1 <= dma_get_mask(dev);
}

/* Check, maintain and translate; the caller tells dma-debug about the mapping. */
static dma_addr_t __map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			     enum dma_data_direction dir)
{
	phys_addr_t addr = page_to_phys(page) + offset;

	if (WARN(!valid_dma_direction(dir), "DMA-API: %s %s: invalid direction %d\n",
		 dev_driver_string(dev), dev_name(dev), dir))
		return DMA_MAPPING_ERROR;
	if (!dma_capable(dev, addr, size)) {
		debug_dma_map_beyond_mask(dev, addr, size, dma_get_mask(dev));
		return DMA_MAPPING_ERROR;
	}
	/* KASAN: the device will read or write all of it, so all of it must be the buffer. */
	if (!PageHighMem(page + (offset >> PAGE_SHIFT))) {
		void *cpu = (char *)lowmem_page_address(page) + offset;

		if (dir == DMA_FROM_DEVICE)
			kasan_check_write(cpu, size);
		else
			kasan_check_read(cpu, size);
	}
	dma_page_cpu_to_dev(page, offset, size, dir);
	return addr;
}

static dma_addr_t map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			   enum dma_data_direction dir, bool map_single)
{
	dma_addr_t addr = __map_page(dev, page, offset, size, dir);

	if (addr != DMA_MAPPING_ERROR)
		debug_dma_map_page(dev, page, offset, size, dir, addr, map_single);
	return addr;
}

/* A module's mapping is recorded for the report on rmmod (mica/module_track.h). */
static dma_addr_t track_map(dma_addr_t addr, size_t size, unsigned long caller)
{
	if (module_track_caller(caller) && addr != DMA_MAPPING_ERROR)
		module_track_alloc(MT_DMA_MAP, (void *)addr, size, caller, NULL);
	return addr;
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset,
			      size_t size, enum dma_data_direction dir, unsigned long attrs)
{
	return track_map(map_page(dev, page, offset, size, dir, false), size, _RET_IP_);
}
EXPORT_SYMBOL(dma_map_page_attrs);

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs)
{
	if (!debug_dma_map_single(dev, ptr, size))
		return DMA_MAPPING_ERROR;
	return track_map(map_page(dev, virt_to_page(ptr), (unsigned long)ptr & (PAGE_SIZE - 1),
				  size, dir, true), size, _RET_IP_);
}
EXPORT_SYMBOL(dma_map_single_attrs);

/* The page behind a bus address, if it is RAM the kernel manages. */
static struct page *dma_to_page(dma_addr_t addr)
{
	unsigned long pfn = PHYS_PFN(addr);

	return pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}

static void unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		       enum dma_data_direction dir, bool map_single)
{
	struct page *page = dma_to_page(addr);

	if (module_track_held_any(MT_DMA_MAP))
		module_track_free(MT_DMA_MAP, (void *)addr);
	debug_dma_unmap_page(dev, addr, size, dir, map_single);
	if (page && valid_dma_direction(dir))
		dma_page_dev_to_cpu(page, addr & (PAGE_SIZE - 1), size, dir);
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	unmap_page(dev, addr, size, dir, false);
}
EXPORT_SYMBOL(dma_unmap_page_attrs);

void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs)
{
	unmap_page(dev, addr, size, dir, true);
}
EXPORT_SYMBOL(dma_unmap_single_attrs);

int dma_map_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
		     enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i, j;

	for_each_sg(sgl, sg, nents, i) {
		sg->dma_address = __map_page(dev, sg->page, sg->offset, sg->length, dir);
		if (sg->dma_address == DMA_MAPPING_ERROR)
			goto undo;
		sg->dma_length = sg->length;
	}
	debug_dma_map_sg(dev, sgl, nents, nents, dir);
	if (module_track_caller(_RET_IP_))
		module_track_alloc(MT_DMA_SG, sgl, nents, _RET_IP_, NULL);
	return nents;

undo:
	for_each_sg(sgl, sg, i, j)
		dma_page_dev_to_cpu(sg->page, sg->offset, sg->length, dir);
	return 0;
}
EXPORT_SYMBOL(dma_map_sg_attrs);

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	debug_dma_unmap_sg(dev, sgl, nents, dir);
	if (module_track_held_any(MT_DMA_SG))
		module_track_free(MT_DMA_SG, sgl);
	if (!valid_dma_direction(dir))
		return;
	for_each_sg(sgl, sg, nents, i)
		dma_page_dev_to_cpu(sg->page, sg->offset, sg->length, dir);
}
EXPORT_SYMBOL(dma_unmap_sg_attrs);

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	struct page *page = dma_to_page(addr);

	debug_dma_sync_single_for_cpu(dev, addr, size, dir);
	if (page && valid_dma_direction(dir))
		dma_page_dev_to_cpu(page, addr & (PAGE_SIZE - 1), size, dir);
}
EXPORT_SYMBOL(dma_sync_single_for_cpu);

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir)
{
	struct page *page = dma_to_page(addr);

	debug_dma_sync_single_for_device(dev, addr, size, dir);
	if (page && valid_dma_direction(dir))
		dma_page_cpu_to_dev(page, addr & (PAGE_SIZE - 1), size, dir);
}
EXPORT_SYMBOL(dma_sync_single_for_device);

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sgl, int nents,
			 enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	debug_dma_sync_sg_for_cpu(dev, sgl, nents, dir);
	if (!valid_dma_direction(dir))
		return;
	for_each_sg(sgl, sg, nents, i)
		dma_page_dev_to_cpu(sg->page, sg->offset, sg->length, dir);
}
EXPORT_SYMBOL(dma_sync_sg_for_cpu);

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sgl, int nents,
			    enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	debug_dma_sync_sg_for_device(dev, sgl, nents, dir);
	if (!valid_dma_direction(dir))
		return;
	for_each_sg(sgl, sg, nents, i)
		dma_page_cpu_to_dev(sg->page, sg->offset, sg->length, dir);
}
EXPORT_SYMBOL(dma_sync_sg_for_device);

/* GFP zone for a device that can only reach @mask: ZONE_DMA unless all of lowmem fits. */
static gfp_t zone_gfp_for_mask(u64 mask)
{
	return mask < PFN_PHYS(max_low_pfn) - 1 ? GFP_DMA : 0;
}

/*
 * As Linux 3.x/ARM's get_coherent_dma_mask: no device means a 32-bit mask
 * (drivers of that time pass NULL); a device that never set its mask gets
 * a warning and no memory.
 */
static u64 coherent_mask(struct device *dev)
{
	if (!dev)
		return DMA_BIT_MASK(32);
	if (!dev->coherent_dma_mask)
		dev_warn(dev, "coherent DMA mask is unset\n");
	return dev->coherent_dma_mask;
}

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t gfp, unsigned long attrs)
{
	unsigned int order = get_order(size);
	unsigned long nr = 1UL << order;
	u64 mask = coherent_mask(dev);
	struct vm_struct *area;
	struct page *page;
	phys_addr_t phys;
	void *lowmem;

	if (!size || !mask)
		return NULL;
	gfp &= ~(__GFP_HIGHMEM | __GFP_DMA | __GFP_DMA32 | __GFP_MOVABLE | __GFP_COMP);
	gfp |= zone_gfp_for_mask(mask);
	page = alloc_pages(gfp, order);
	if (!page)
		return NULL;
	phys = page_to_phys(page);
	if (phys + (nr << PAGE_SHIFT) - 1 > mask)
		goto free_pages;

	/* No dirty line of the cacheable alias may land on the buffer later. */
	lowmem = lowmem_page_address(page);
	memset(lowmem, 0, nr << PAGE_SHIFT);
	dcache_flush_range(lowmem, nr << PAGE_SHIFT);
	outer_flush_range(phys, phys + (nr << PAGE_SHIFT));

	area = get_vm_area_caller(nr << PAGE_SHIFT, VM_MAP | VM_DMA_COHERENT,
				  __builtin_return_address(0));
	if (!area)
		goto free_pages;
	if (vmap_pfn_range((unsigned long)area->addr, page_to_pfn(page), nr, PROT_UNCACHED)) {
		free_vm_area(area);
		goto free_pages;
	}
	*dma_handle = phys;
	debug_dma_alloc_coherent(dev, size, phys, area->addr);
	/* The buffer is @size bytes, not the pages behind it. */
	kasan_poison_vmalloc(area->addr, nr << PAGE_SHIFT);
	kasan_unpoison_vmalloc(area->addr, size);
	return area->addr;

free_pages:
	__free_pages(page, order);
	return NULL;
}
EXPORT_SYMBOL(dma_alloc_attrs);

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs)
{
	struct vm_struct *area;
	struct page *page;
	unsigned int order;

	if (!cpu_addr)
		return;
	debug_dma_free_coherent(dev, size, cpu_addr, dma_handle);
	area = find_vm_area(cpu_addr);
	page = dma_to_page(dma_handle);
	/* Whatever the caller got wrong, dma-debug has said so: free only what matches. */
	if (!area || !page || vmalloc_to_page(cpu_addr) != page)
		return;
	order = get_order(area->size - PAGE_SIZE);	/* the area has a guard page */
	free_vm_area(area);
	__free_pages(page, order);
}
EXPORT_SYMBOL(dma_free_attrs);
