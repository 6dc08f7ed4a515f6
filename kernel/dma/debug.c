/*
 * DMA-API debugging: the table of live DMA mappings and the checks made on
 * every unmap and sync (include/linux/dma-debug.h). Messages and their
 * order follow Linux's kernel/dma/debug.c.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>
#include <linux/dma-debug.h>
#include <asm/sections.h>
#include <asm/thread_info.h>

#define HASH_SIZE   64
#define HASH_SHIFT  13		/* a bucket covers 8 KiB of bus addresses, as in Linux */

enum { dma_debug_single, dma_debug_page, dma_debug_sg, dma_debug_coherent };
enum map_err_types { MAP_ERR_CHECK_NOT_APPLICABLE, MAP_ERR_NOT_CHECKED, MAP_ERR_CHECKED };

struct dma_debug_entry {
	struct list_head list;
	struct device *dev;
	int type;
	int direction;
	dma_addr_t dev_addr;
	u64 size;
	void *virt;		/* coherent allocations */
	int sg_call_ents;	/* nents passed to dma_map_sg */
	int map_err_type;
};

static const char *const type2name[] = { "single", "page", "scatter-gather", "coherent" };
static const char *const dir2name[] = { "DMA_BIDIRECTIONAL", "DMA_TO_DEVICE",
					"DMA_FROM_DEVICE", "DMA_NONE" };

static struct dma_debug_entry entry_pool[DMA_DEBUG_ENTRIES];
static struct list_head free_entries;
static struct list_head buckets[HASH_SIZE];
static DEFINE_SPINLOCK(dma_debug_lock);
static bool initialized, disabled;
static unsigned int error_count;

#define err_printk(dev, fmt, ...) do {							\
	error_count++;									\
	WARN(1, "DMA-API: %s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__); \
} while (0)

static const char *dir_name(int dir)
{
	return dir >= 0 && dir <= DMA_NONE ? dir2name[dir] : "invalid";
}

/* Called with the lock held. */
static void init_once(void)
{
	unsigned int i;

	if (initialized)
		return;
	INIT_LIST_HEAD(&free_entries);
	for (i = 0; i < HASH_SIZE; i++)
		INIT_LIST_HEAD(&buckets[i]);
	for (i = 0; i < DMA_DEBUG_ENTRIES; i++)
		list_add_tail(&entry_pool[i].list, &free_entries);
	initialized = true;
}

static struct list_head *bucket_of(dma_addr_t addr)
{
	return &buckets[(addr >> HASH_SHIFT) & (HASH_SIZE - 1)];
}

/* Take the lock; false if checking is off. */
static bool debug_lock(unsigned long *flags)
{
	spin_lock_irqsave(&dma_debug_lock, *flags);
	init_once();
	if (!disabled)
		return true;
	spin_unlock_irqrestore(&dma_debug_lock, *flags);
	return false;
}

static void debug_unlock(unsigned long flags)
{
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

static void add_entry(const struct dma_debug_entry *ref)
{
	struct dma_debug_entry *e;

	if (list_empty(&free_entries)) {
		pr_err("DMA-API: debugging out of memory - disabling\n");
		disabled = true;
		return;
	}
	e = list_first_entry(&free_entries, struct dma_debug_entry, list);
	list_del(&e->list);
	*e = *ref;
	list_add_tail(&e->list, bucket_of(ref->dev_addr));
}

static void free_entry(struct dma_debug_entry *e)
{
	list_move(&e->list, &free_entries);
}

/* The entry mapped at exactly @addr for @dev (for an sg list, its element there). */
static struct dma_debug_entry *find_exact(struct device *dev, dma_addr_t addr)
{
	struct dma_debug_entry *e;

	list_for_each_entry(e, bucket_of(addr), list)
		if (e->dev == dev && e->dev_addr == addr)
			return e;
	return NULL;
}

/* The entry of @dev whose range holds @addr (syncs may cover part of a mapping). */
static struct dma_debug_entry *find_containing(struct device *dev, dma_addr_t addr)
{
	struct dma_debug_entry *e;
	unsigned int i;

	for (i = 0; i < HASH_SIZE; i++)
		list_for_each_entry(e, &buckets[i], list)
			if (e->dev == dev && addr >= e->dev_addr && addr - e->dev_addr < e->size)
				return e;
	return NULL;
}

static bool on_current_stack(const void *addr)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long a = (unsigned long)addr;

	return a - stack_base(sp) < THREAD_SIZE;
}

static bool overlaps(unsigned long a, unsigned long len, const void *start, const void *end)
{
	return a < (unsigned long)end && a + len > (unsigned long)start;
}

bool debug_dma_map_single(struct device *dev, const void *addr, unsigned long len)
{
	unsigned long a = (unsigned long)addr;

	if (is_vmalloc_addr(addr))
		err_printk(dev, "device driver maps memory from vmalloc area [addr=%p] [len=%lu]\n",
			   addr, len);
	else if (on_current_stack(addr))
		err_printk(dev, "device driver maps memory from stack [addr=%p]\n", addr);
	else if (overlaps(a, len, _text, _etext) || overlaps(a, len, __start_rodata, __end_rodata))
		err_printk(dev, "device driver maps memory from kernel text or rodata [addr=%p] [len=%lu]\n",
			   addr, len);
	else if (!len || !virt_addr_valid(addr) || !virt_addr_valid(a + len - 1))
		err_printk(dev, "device driver maps memory outside the linear map [addr=%p] [len=%lu]\n",
			   addr, len);
	else
		return true;
	return false;
}

void debug_dma_map_beyond_mask(struct device *dev, phys_addr_t addr, size_t size, u64 mask)
{
	err_printk(dev, "DMA addr 0x%08lx+%zu overflow (mask %llx)\n", (unsigned long)addr, size,
		   (unsigned long long)mask);
}

void debug_dma_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			int direction, dma_addr_t dma_addr, bool map_single)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = map_single ? dma_debug_single : dma_debug_page,
		.direction = direction, .dev_addr = dma_addr, .size = size,
		.map_err_type = MAP_ERR_NOT_CHECKED,
	};
	unsigned long flags;

	if (!debug_lock(&flags))
		return;
	add_entry(&ref);
	debug_unlock(flags);
}

void debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	struct dma_debug_entry *e;
	unsigned long flags;

	if (!debug_lock(&flags))
		return;
	e = find_exact(dev, dma_addr);
	if (e && e->map_err_type == MAP_ERR_NOT_CHECKED)
		e->map_err_type = MAP_ERR_CHECKED;
	debug_unlock(flags);
}

/* An unmap or free: does it match a live entry in every respect? */
static void check_unmap(const struct dma_debug_entry *ref)
{
	struct device *dev = ref->dev;
	unsigned long long addr = ref->dev_addr, size = ref->size;
	struct dma_debug_entry *e;
	unsigned long flags;

	if (!debug_lock(&flags))
		return;
	e = find_exact(dev, ref->dev_addr);
	if (!e) {
		err_printk(dev, "device driver tries to free DMA memory it has not allocated "
			   "[device address=0x%016llx] [size=%llu bytes]\n", addr, size);
		goto out;
	}
	if (ref->size != e->size)
		err_printk(dev, "device driver frees DMA memory with different size "
			   "[device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
			   addr, (unsigned long long)e->size, size);
	if (ref->type != e->type)
		err_printk(dev, "device driver frees DMA memory with wrong function "
			   "[device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]\n",
			   addr, size, type2name[e->type], type2name[ref->type]);
	else if (e->type == dma_debug_coherent && ref->virt != e->virt)
		err_printk(dev, "device driver frees DMA memory with different CPU address "
			   "[device address=0x%016llx] [size=%llu bytes] [cpu alloc address=%p] "
			   "[cpu free address=%p]\n", addr, size, e->virt, ref->virt);
	if (ref->sg_call_ents && e->type == dma_debug_sg && ref->sg_call_ents != e->sg_call_ents)
		err_printk(dev, "device driver frees DMA sg list with different entry count "
			   "[map count=%d] [unmap count=%d]\n", e->sg_call_ents, ref->sg_call_ents);
	if (ref->direction != e->direction)
		err_printk(dev, "device driver frees DMA memory with different direction "
			   "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]\n",
			   addr, size, dir_name(e->direction), dir_name(ref->direction));
	if (e->map_err_type == MAP_ERR_NOT_CHECKED)
		err_printk(dev, "device driver failed to check map error "
			   "[device address=0x%016llx] [size=%llu bytes] [mapped as %s]\n",
			   addr, size, type2name[e->type]);
	free_entry(e);
out:
	debug_unlock(flags);
}

void debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			  int direction, bool map_single)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = map_single ? dma_debug_single : dma_debug_page,
		.direction = direction, .dev_addr = addr, .size = size,
	};

	check_unmap(&ref);
}

void debug_dma_map_sg(struct device *dev, struct scatterlist *sg, int nents, int mapped_ents,
		      int direction)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = dma_debug_sg, .direction = direction,
		.sg_call_ents = nents, .map_err_type = MAP_ERR_CHECK_NOT_APPLICABLE,
	};
	unsigned long flags;
	int i;

	if (!debug_lock(&flags))
		return;
	for (i = 0; i < mapped_ents && sg; i++, sg = sg_next(sg)) {
		ref.dev_addr = sg_dma_address(sg);
		ref.size = sg_dma_len(sg);
		add_entry(&ref);
	}
	debug_unlock(flags);
}

void debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist, int nelems, int dir)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = dma_debug_sg, .direction = dir, .sg_call_ents = nelems,
	};
	struct scatterlist *sg;
	int i;

	for_each_sg(sglist, sg, nelems, i) {
		ref.dev_addr = sg_dma_address(sg);
		ref.size = sg_dma_len(sg);
		check_unmap(&ref);
	}
}

void debug_dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t dma_addr, void *virt)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = dma_debug_coherent, .direction = DMA_BIDIRECTIONAL,
		.dev_addr = dma_addr, .size = size, .virt = virt,
	};
	unsigned long flags;

	if (!debug_lock(&flags))
		return;
	add_entry(&ref);
	debug_unlock(flags);
}

void debug_dma_free_coherent(struct device *dev, size_t size, void *virt, dma_addr_t addr)
{
	struct dma_debug_entry ref = {
		.dev = dev, .type = dma_debug_coherent, .direction = DMA_BIDIRECTIONAL,
		.dev_addr = addr, .size = size, .virt = virt,
	};

	check_unmap(&ref);
}

static void check_sync(struct device *dev, dma_addr_t addr, size_t size, int direction)
{
	unsigned long long a = addr, sz = size;
	struct dma_debug_entry *e;
	unsigned long flags;

	if (!debug_lock(&flags))
		return;
	e = find_containing(dev, addr);
	if (!e) {
		err_printk(dev, "device driver tries to sync DMA memory it has not allocated "
			   "[device address=0x%016llx] [size=%llu bytes]\n", a, sz);
		goto out;
	}
	if (addr + size > e->dev_addr + e->size)
		err_printk(dev, "device driver syncs DMA memory outside allocated range "
			   "[device address=0x%016llx] [allocation size=%llu bytes] "
			   "[sync offset+size=%llu]\n", (unsigned long long)e->dev_addr,
			   (unsigned long long)e->size, a - e->dev_addr + sz);
	if (e->direction != DMA_BIDIRECTIONAL && direction != e->direction)
		err_printk(dev, "device driver syncs DMA memory with different direction "
			   "[device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			   a, sz, dir_name(e->direction), dir_name(direction));
out:
	debug_unlock(flags);
}

void debug_dma_sync_single_for_cpu(struct device *dev, dma_addr_t dma_handle, size_t size,
				   int direction)
{
	check_sync(dev, dma_handle, size, direction);
}

void debug_dma_sync_single_for_device(struct device *dev, dma_addr_t dma_handle, size_t size,
				      int direction)
{
	check_sync(dev, dma_handle, size, direction);
}

void debug_dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sglist, int nelems,
			       int direction)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sglist, sg, nelems, i)
		check_sync(dev, sg_dma_address(sg), sg_dma_len(sg), direction);
}

void debug_dma_sync_sg_for_device(struct device *dev, struct scatterlist *sglist, int nelems,
				  int direction)
{
	debug_dma_sync_sg_for_cpu(dev, sglist, nelems, direction);
}

unsigned int dma_debug_error_count(void)
{
	return READ_ONCE(error_count);
}

static unsigned int count_entries(struct device *dev, bool streaming_only)
{
	struct dma_debug_entry *e;
	unsigned int i, n = 0;
	unsigned long flags;

	if (!debug_lock(&flags))
		return 0;
	for (i = 0; i < HASH_SIZE; i++)
		list_for_each_entry(e, &buckets[i], list)
			if ((!dev || e->dev == dev) &&
			    (!streaming_only || e->type != dma_debug_coherent))
				n++;
	debug_unlock(flags);
	return n;
}

unsigned int dma_debug_device_entries(struct device *dev)
{
	return count_entries(dev, false);
}

unsigned int dma_debug_streaming_entries(void)
{
	return count_entries(NULL, true);
}
