/*
 * vmalloc, vmap and the vmalloc window (see include/linux/vmalloc.h).
 *
 * One lock guards the area trees (vmap_area.c). Page tables are changed
 * only through the arch's set_kernel_pte/clear_kernel_pte; an area is
 * unmapped and its range invalidated in every CPU's TLB (a broadcast
 * operation, no IPI) before the range goes back to the free blocks, so no
 * CPU can still reach the old pages through a reused address.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/debug_locks.h>
#include <linux/kasan.h>
#include <string.h>
#include <asm/barrier.h>
#include <mica/mm_check.h>
#include "vmalloc_internal.h"

static DEFINE_SPINLOCK(vmap_area_lock);
/* Two windows, one allocator each: vmalloc and the modules area below PAGE_OFFSET. */
static struct vmap_space vmap_space, module_space;
static struct vm_struct *early_areas;
static bool vmalloc_ready;

static struct vmap_area *va_desc_alloc(void)
{
	return vm_desc_alloc(GFP_ATOMIC);	/* under vmap_area_lock */
}

void vm_area_add_early(struct vm_struct *vm)
{
	BUG_ON(vmalloc_ready);
	vm->flags |= VM_EARLY;
	vm->next = early_areas;
	early_areas = vm;
}

void vmalloc_init(void)
{
	struct vm_struct *vm;

	vm_desc_pool_init();
	vmap_space.desc_alloc = va_desc_alloc;
	vmap_space.desc_free = vm_desc_free;
	vmap_space_init(&vmap_space, VMALLOC_START, VMALLOC_END, PAGE_SIZE, vm_desc_alloc(0));
	module_space.desc_alloc = va_desc_alloc;
	module_space.desc_free = vm_desc_free;
	vmap_space_init(&module_space, MODULES_VADDR, MODULES_END, PAGE_SIZE, vm_desc_alloc(0));
	for (vm = early_areas; vm; vm = vm->next) {
		struct vmap_area *va = vm_desc_alloc(0);

		if (!va || vmap_space_reserve(&vmap_space, va, (unsigned long)vm->addr, vm->size))
			panic("vmalloc: cannot reserve early area %p (%lu bytes)", vm->addr, vm->size);
		va->vm = vm;
	}
	vmalloc_ready = true;
}

/* Bytes of @vm that may be mapped: all of it but the guard page. */
static unsigned long mapped_size(const struct vm_struct *vm)
{
	return vm->size - (vm->flags & VM_NO_GUARD ? 0 : PAGE_SIZE);
}

/* The window holding @addr (vmalloc unless it is in the modules area). */
static struct vmap_space *space_of(unsigned long addr)
{
	return addr - MODULES_VADDR < MODULES_END - MODULES_VADDR ? &module_space : &vmap_space;
}

/* The window [@start, @end) names: exactly one of the two, else NULL. */
static struct vmap_space *space_for(unsigned long start, unsigned long end)
{
	if (start == VMALLOC_START && end == VMALLOC_END)
		return &vmap_space;
	if (start == MODULES_VADDR && end == MODULES_END)
		return &module_space;
	return NULL;
}

/*
 * The last few areas of the vmalloc window to be freed stay reserved: a
 * request of the same size takes one back without updating the two trees
 * (Linux, too, gives freed areas back lazily). Such an area is unmapped
 * and flushed like any freed one and has no vm_struct (va->vm == NULL), so
 * lookups pass it by and a second vfree of its address finds nothing. An
 * allocation that finds no room gives them all back and tries again.
 */
#define NR_SPARE_AREAS		4
#define SPARE_AREA_MAX		(16 * PAGE_SIZE)
static struct vmap_area *spare_areas[NR_SPARE_AREAS];	/* vmap_area_lock */
static unsigned int nr_spare_areas;

static bool keep_spare_area(struct vmap_space *space, struct vmap_area *va)
{
	if (space != &vmap_space || nr_spare_areas == NR_SPARE_AREAS ||
	    va->va_end - va->va_start > SPARE_AREA_MAX)
		return false;
	va->vm = NULL;
	spare_areas[nr_spare_areas++] = va;
	return true;
}

/* A spare area of exactly @size bytes, or NULL. */
static struct vmap_area *take_spare_area(struct vmap_space *space, unsigned long size)
{
	unsigned int i;

	if (space != &vmap_space)
		return NULL;
	for (i = nr_spare_areas; i--; ) {
		struct vmap_area *va = spare_areas[i];

		if (va->va_end - va->va_start == size) {
			spare_areas[i] = spare_areas[--nr_spare_areas];
			return va;
		}
	}
	return NULL;
}

/* Give every spare area back to the window; true if there was one. */
static bool release_spare_areas(void)
{
	bool any = nr_spare_areas != 0;

	while (nr_spare_areas)
		vmap_space_release(&vmap_space, spare_areas[--nr_spare_areas]);
	return any;
}

void vmalloc_drop_spare_areas(void)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	release_spare_areas();
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

static struct vm_struct *alloc_vm_area(struct vmap_space *space, unsigned long size,
				       unsigned long align, unsigned long flags, const void *caller)
{
	struct vmap_area *spare = NULL;
	unsigned long irqflags, reserve;
	void *vm_desc, *va_desc;
	struct vm_struct *vm;
	struct vmap_area *va;
	int err;

	if (WARN(!vmalloc_ready, "vmalloc: used before vmalloc_init\n"))
		return NULL;
	size = PAGE_ALIGN(size);
	if (!size)			/* 0, or so large that PAGE_ALIGN wrapped */
		return NULL;
	if (!(flags & VM_NO_GUARD))
		size += PAGE_SIZE;	/* wraps to 0 only from the last page */
	if (!size || size > space->end - space->start)
		return NULL;
	if (!vm_desc_alloc_pair(GFP_KERNEL, &vm_desc, &va_desc))
		return NULL;
	vm = vm_desc;
	va = va_desc;
	/* Field by field: a compound literal here compiles to a memset call. */
	vm->next = NULL;
	vm->addr = NULL;
	vm->size = size;
	vm->flags = flags;
	vm->pages = NULL;
	vm->nr_pages = 0;
	vm->phys_addr = 0;
	vm->caller = caller;

	/*
	 * An area aligned beyond a page reserves address space up to the next
	 * multiple of its alignment, unmapped like its guard page: the gap it
	 * would leave before the next such area (4 KiB behind each 8 KiB-aligned
	 * kernel stack and its guard) is too small for most requests, yet every
	 * gap is one more node in the free tree that each vmalloc and vfree walks.
	 */
	reserve = align > PAGE_SIZE ? ALIGN(size, align) : size;
	spin_lock_irqsave(&vmap_area_lock, irqflags);
	spare = align <= PAGE_SIZE ? take_spare_area(space, reserve) : NULL;
	if (spare) {
		struct vmap_area *unused = va;	/* the new descriptor: freed below */

		va = spare;
		spare = unused;
		err = 0;
	} else {
		err = vmap_space_alloc(space, va, reserve, max(align, PAGE_SIZE));
		if (err && release_spare_areas())
			err = vmap_space_alloc(space, va, reserve, max(align, PAGE_SIZE));
	}
	if (!err) {
		vm->addr = (void *)va->va_start;
		va->vm = vm;
	}
	spin_unlock_irqrestore(&vmap_area_lock, irqflags);
	if (spare)
		vm_desc_free(spare);
	if (!err) {
		if (!kasan_vmalloc_area_alloc(vm->addr, size))
			return vm;
		free_vm_area(vm);	/* no shadow for it: it goes back whole */
		return NULL;
	}
	vm_desc_free(vm);
	vm_desc_free(va);
	return NULL;
}

struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller)
{
	return alloc_vm_area(&vmap_space, size, PAGE_SIZE, flags, caller);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *vm = NULL;
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = vmap_space_find(space_of((unsigned long)addr), (unsigned long)addr);
	if (va && va->va_start == (unsigned long)addr)
		vm = va->vm;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return vm;
}

static void unmap_range(unsigned long start, unsigned long end)
{
	unsigned long a;

	for (a = start; a < end; a += PAGE_SIZE)
		clear_kernel_pte(a);
	if (end - start == PAGE_SIZE)
		flush_tlb_kernel_page(start);	/* cheaper than the general range walk */
	else
		flush_tlb_kernel_range(start, end);
}

static const char *kind_name(unsigned long flags)
{
	if (flags & VM_IOREMAP)
		return "an ioremap";
	if (flags & VM_ALLOC)
		return "a vmalloc";
	return "a vmap";
}

struct vm_struct *vm_area_take(const void *addr, unsigned long kinds, const char *who)
{
	unsigned long start = (unsigned long)addr, flags;
	struct vmap_space *space = space_of(start);
	struct vmap_area *va;
	struct vm_struct *vm;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = vmap_space_find(space, start);
	if (!va || va->va_start != start || !va->vm) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		WARN(1, "%s: trying to free nonexistent vm area (%p)\n", who, addr);
		return NULL;
	}
	vm = va->vm;
	if (!(vm->flags & kinds) || (vm->flags & VM_EARLY)) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		WARN(1, "%s: %p is %s%s area\n", who, addr, vm->flags & VM_EARLY ? "static " : "",
		     kind_name(vm->flags));
		return NULL;
	}
	unmap_range(start, start + mapped_size(vm));
	/* Before the range can be someone else's. */
	kasan_poison_vmalloc(vm->addr, vm->size);
	if (!keep_spare_area(space, va))
		vmap_space_release(space, va);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return vm;
}

void free_vm_struct(struct vm_struct *vm)
{
	vm_desc_free(vm);
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *vm = vm_area_take(area->addr, VM_ALLOC | VM_MAP | VM_IOREMAP,
					    "free_vm_area");

	if (vm)
		free_vm_struct(vm);
}

/*
 * The mappers below stop at the first failure; the caller's free_vm_area()
 * then clears the whole area, so nothing stays mapped.
 * The mapping must be visible to this CPU's table walks before it is used. */
static void publish_ptes(void)
{
	dsb();
	isb();
}

int vmap_pfn_range(unsigned long addr, unsigned long pfn, unsigned int nr_pages,
		   enum kernel_prot prot)
{
	unsigned int i;
	int err;

	for (i = 0; i < nr_pages; i++) {
		err = set_kernel_pte(addr + i * PAGE_SIZE, pfn + i, prot);
		if (err)
			return err;
	}
	publish_ptes();
	kasan_unpoison_vmalloc((void *)addr, (unsigned long)nr_pages << PAGE_SHIFT);
	return 0;
}

static int map_pages(unsigned long addr, struct page **pages, unsigned int nr,
		     enum kernel_prot prot)
{
	unsigned int i;
	int err;

	for (i = 0; i < nr; i++) {
		err = set_kernel_pte(addr + i * PAGE_SIZE, page_to_pfn(pages[i]), prot);
		if (err)
			return err;
	}
	publish_ptes();
	kasan_unpoison_vmalloc((void *)addr, (unsigned long)nr << PAGE_SHIFT);
	return 0;
}

/*
 * The array of @nr page pointers: inside @area's own descriptor when it
 * fits, a pool descriptor when small, one lowmem page up to 1024 entries,
 * else a vmalloc area of its own (as Linux does).
 */
static struct page **alloc_page_array(struct vm_struct *area, unsigned int nr, gfp_t gfp,
				      const void *caller)
{
	size_t bytes = nr * sizeof(struct page *);
	struct page *page;

	if (nr <= VM_INLINE_PAGES)
		return (struct page **)(area + 1);
	if (bytes <= VM_DESC_SIZE)
		return vm_desc_alloc(gfp);
	if (bytes <= PAGE_SIZE) {
		page = alloc_page(gfp);
		return page ? page_address(page) : NULL;
	}
	return __vmalloc_node_range(bytes, PAGE_SIZE, VMALLOC_START, VMALLOC_END,
				    gfp | __GFP_HIGHMEM, PROT_KERNEL, NUMA_NO_NODE, caller);
}

static inline void free_page_array(struct page **pages, unsigned int nr)
{
	size_t bytes = nr * sizeof(struct page *);

	if (nr <= VM_INLINE_PAGES)
		return;
	if (bytes <= VM_DESC_SIZE)
		vm_desc_free(pages);
	else if (bytes <= PAGE_SIZE)
		__free_page(virt_to_page(pages));
	else
		vfree(pages);
}

static void free_area_pages(struct page **pages, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		mod_zone_page_state(page_zone(pages[i]), NR_VMALLOC, -1);
		__free_page(pages[i]);
	}
}

void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, enum kernel_prot prot, int node,
			   const void *caller)
{
	struct vmap_space *space = space_for(start, end);
	/* Metadata: the caller's reclaim behaviour, but lowmem and unzeroed. */
	gfp_t nested_gfp = gfp_mask & GFP_RECLAIM_MASK;
	gfp_t page_gfp = gfp_mask & ~__GFP_ZERO;
	unsigned long real_size = PAGE_ALIGN(size);
	struct vm_struct *area;
	struct page **pages;
	unsigned int nr, i;

	might_sleep_if(gfp_mask & __GFP_WAIT);
	if (WARN(!space, "vmalloc: no window 0x%08lx-0x%08lx\n", start, end))
		return NULL;
	if (!page_allocator_ready())
		goto fail;
	/* It refuses a size of 0, one that overflowed PAGE_ALIGN and one beyond the window. */
	area = alloc_vm_area(space, real_size, align, VM_ALLOC | VM_UNINITIALIZED, caller);
	if (!area)
		goto fail;
	nr = real_size >> PAGE_SHIFT;
	pages = alloc_page_array(area, nr, nested_gfp, caller);
	if (!pages)
		goto fail_area;
	for (i = 0; i < nr; i++) {
		pages[i] = alloc_page(page_gfp);
		if (!pages[i])
			goto fail_pages;
		mod_zone_page_state(page_zone(pages[i]), NR_VMALLOC, 1);
	}
	if (map_pages((unsigned long)area->addr, pages, nr, prot))
		goto fail_pages;
	if (gfp_mask & __GFP_ZERO)
		memset(area->addr, 0, real_size);
	/* Exactly @size bytes: the rest of the last page is out of bounds. */
	kasan_poison_vmalloc(area->addr, real_size);
	kasan_unpoison_vmalloc(area->addr, size);
	area->pages = pages;
	area->nr_pages = nr;
	smp_wmb();	/* vmallocinfo sees the pages before the flag goes */
	area->flags &= ~VM_UNINITIALIZED;
	return area->addr;

fail_pages:
	free_area_pages(pages, i);
	free_page_array(pages, nr);
fail_area:
	free_vm_area(area);
fail:
	if (!(gfp_mask & __GFP_NOWARN))
		pr_warn("vmalloc: allocation failure: %lu bytes, caller %p\n", size, caller);
	return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask, enum kernel_prot prot)
{
	return __vmalloc_node_range(size, PAGE_SIZE, VMALLOC_START, VMALLOC_END, gfp_mask, prot,
				    NUMA_NO_NODE, __builtin_return_address(0));
}
EXPORT_SYMBOL(__vmalloc);

void *vmalloc(unsigned long size)
{
	return __vmalloc_node_range(size, PAGE_SIZE, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM, PROT_KERNEL, NUMA_NO_NODE,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc);

void *vzalloc(unsigned long size)
{
	return __vmalloc_node_range(size, PAGE_SIZE, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_HIGHMEM | __GFP_ZERO, PROT_KERNEL, NUMA_NO_NODE,
				    __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc);

void __frameless vfree(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = vm_area_take(addr, VM_ALLOC, "vfree");
	if (!vm)
		return;
	if (debug_locks_held())
		debug_check_no_locks_freed(vm->addr, vm->nr_pages << PAGE_SHIFT);
	free_area_pages(vm->pages, vm->nr_pages);
	free_page_array(vm->pages, vm->nr_pages);
	free_vm_struct(vm);
}
EXPORT_SYMBOL(vfree);

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   enum kernel_prot prot)
{
	struct vm_struct *area;

	if (!count || count > (VMALLOC_TOTAL >> PAGE_SHIFT))
		return NULL;
	area = get_vm_area_caller((unsigned long)count << PAGE_SHIFT, flags | VM_MAP,
				  __builtin_return_address(0));
	if (!area)
		return NULL;
	if (map_pages((unsigned long)area->addr, pages, count, prot)) {
		free_vm_area(area);
		return NULL;
	}
	return area->addr;
}
EXPORT_SYMBOL(vmap);

void vunmap(const void *addr)
{
	struct vm_struct *vm;

	if (!addr)
		return;
	vm = vm_area_take(addr, VM_MAP, "vunmap");
	if (vm)
		free_vm_struct(vm);
}
EXPORT_SYMBOL(vunmap);

unsigned long vmalloc_to_pfn(const void *addr)
{
	bool present;
	unsigned long pfn = kernel_pte_pfn((unsigned long)addr & PAGE_MASK, &present);

	return present ? pfn : 0;
}
EXPORT_SYMBOL(vmalloc_to_pfn);

struct page *vmalloc_to_page(const void *addr)
{
	unsigned long pfn = vmalloc_to_pfn(addr);

	return pfn && pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
}
EXPORT_SYMBOL(vmalloc_to_page);

unsigned long vmalloc_nr_pages(void)
{
	return global_page_state(NR_VMALLOC);
}

void get_vmalloc_info(struct vmalloc_info *vmi)
{
	unsigned long flags;

	vmi->used = vmalloc_nr_pages() * PAGE_SIZE;
	spin_lock_irqsave(&vmap_area_lock, flags);
	vmi->largest_chunk = vmalloc_ready ? vmap_space_largest_free(&vmap_space) : 0;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

/* The first busy area at or above @addr, the modules area's before vmalloc's. */
static struct vmap_area *busy_from(unsigned long addr)
{
	struct vmap_area *va = NULL;

	if (addr < MODULES_END)
		va = vmap_space_busy_from(&module_space, addr);
	return va ? va : vmap_space_busy_from(&vmap_space, addr);
}

bool vm_area_next(unsigned long *cursor, struct vm_struct *copy)
{
	struct vmap_area *va;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (va = vmalloc_ready ? busy_from(*cursor) : NULL; va; va = busy_from(va->va_end)) {
		if (va->vm && !(READ_ONCE(va->vm->flags) & VM_UNINITIALIZED)) {
			smp_rmb();
			*copy = *va->vm;
			*cursor = va->va_end;
			found = true;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return found;
}

void vm_area_for_each(void (*fn)(const struct vm_struct *vm, void *data), void *data)
{
	unsigned long cursor = 0;
	struct vm_struct vm;

	while (vm_area_next(&cursor, &vm))
		fn(&vm, data);
}

#ifdef CONFIG_KASAN
bool vm_area_lookup(const void *addr, struct vm_struct *copy)
{
	struct vmap_area *va;
	unsigned long flags;
	bool found = false;

	local_irq_save(flags);
	if (!spin_trylock(&vmap_area_lock)) {
		local_irq_restore(flags);
		return false;
	}
	va = vmalloc_ready ? vmap_space_find(space_of((unsigned long)addr), (unsigned long)addr) : NULL;
	if (va && va->vm) {
		*copy = *va->vm;
		found = true;
	}
	spin_unlock(&vmap_area_lock);
	local_irq_restore(flags);
	return found;
}
#endif

unsigned long vmalloc_nr_areas(void)
{
	return READ_ONCE(vmap_space.nr_busy) - READ_ONCE(nr_spare_areas) +
	       READ_ONCE(module_space.nr_busy);
}

int vmalloc_check(char *why, size_t len)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&vmap_area_lock, flags);
	ret = vmap_space_check(&vmap_space, why, len);
	if (!ret)
		ret = vmap_space_check(&module_space, why, len);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return ret;
}
