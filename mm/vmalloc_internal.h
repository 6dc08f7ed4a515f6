/*
 * Shared between mm/vmalloc.c, mm/ioremap.c, mm/vm_desc_pool.c and their
 * tests; not an interface for the rest of the kernel.
 */
#ifndef _MM_VMALLOC_INTERNAL_H
#define _MM_VMALLOC_INTERNAL_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include "vmap_area.h"

/*
 * Fixed-size descriptors for vmap_area, vm_struct and small page arrays.
 * The first objects come from static pages, so ioremap works before the page
 * allocator does; more pages come from alloc_page once it is up and go back
 * when empty. Not kmalloc: ioremap needs descriptors from vmalloc_init(),
 * long before the slab allocator is up, and the per-CPU cache of static
 * descriptors keeps the common vmalloc/vfree off any lock.
 */
/* vm_struct.flags while an area is being set up: vmallocinfo skips it. */
#define VM_UNINITIALIZED 0x00000020

#define VM_DESC_SIZE	64
/* Page pointers that fit in the rest of a vm_struct's descriptor (8 on ARM). */
#define VM_INLINE_PAGES	((VM_DESC_SIZE - sizeof(struct vm_struct)) / sizeof(struct page *))

void vm_desc_pool_init(void);
/* A descriptor (not zeroed: callers set every field), or NULL; a new pool page is allocated with @gfp. */
void *vm_desc_alloc(gfp_t gfp);
void vm_desc_free(void *desc);
/* Two descriptors at once (an area's vm_struct and vmap_area): true, or false with neither. */
bool vm_desc_alloc_pair(gfp_t gfp, void **first, void **second);
/* Pages the pool took from the page allocator (for tests and meminfo). */
unsigned long vm_desc_pool_pages(void);

/* True once the buddy allocator manages memory (alloc_pages may be called). */
static inline bool page_allocator_ready(void)
{
	return READ_ONCE(totalram_pages) != 0;
}

/*
 * Unmap the area at @addr and free its range; it must be of a kind in
 * @kinds (VM_ALLOC, VM_MAP, VM_IOREMAP). Returns the descriptor for the
 * caller to finish with (free pages, then free_vm_desc), or NULL after
 * reporting a bad address as "@who: ...".
 */
struct vm_struct *vm_area_take(const void *addr, unsigned long kinds, const char *who);
/* Free a descriptor from get_vm_area_caller/vm_area_take (not its range). */
void free_vm_struct(struct vm_struct *vm);

/*
 * Copy the first fully set-up area starting at or above *@cursor into
 * @copy and move *@cursor past it; false when there is none. Walks the
 * areas in address order without holding the lock between steps.
 */
bool vm_area_next(unsigned long *cursor, struct vm_struct *copy);

/*
 * Copy the area holding @addr (its guard page included) into @copy; false
 * if there is none, or if the lock is taken (for reports made anywhere).
 */
bool vm_area_lookup(const void *addr, struct vm_struct *copy);

/* Print every area as /proc/vmallocinfo does (mm/vmallocinfo.c). */
typedef int (*vmallocinfo_printf_t)(const char *fmt, ...) __printf(1, 2);
void vmallocinfo_show(vmallocinfo_printf_t print);

/* Areas in the window now (static ones included). */
unsigned long vmalloc_nr_areas(void);

/* Give back the freed areas kept for reuse (drop_caches). */
void vmalloc_drop_spare_areas(void);

#endif
