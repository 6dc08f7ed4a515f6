/*
 * Virtually contiguous kernel memory in the vmalloc window (VMALLOC_START to
 * VMALLOC_END): vmalloc from scattered pages, vmap of the caller's pages,
 * ioremap of device registers (<linux/io.h>). Each area is followed by an
 * unmapped guard page, so running off its end faults. Module memory
 * (module_alloc in kernel/module/main.c) comes from the same allocator in its own
 * window below the kernel; vmallocinfo lists both, as Linux does.
 *
 * Where Mica differs from Linux: protections are the arch's enum
 * kernel_prot (PROT_KERNEL is Linux's PAGE_KERNEL) rather than pgprot_t;
 * vfree unmaps and invalidates the TLB (broadcast to every CPU) at once
 * instead of purging lazily in batches; no NUMA node placement, no huge
 * mappings, no vmalloc_user/remap_vmalloc_range.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/numa.h>
#include <asm/memory.h>
#include <asm/mmu.h>

struct page;

/* vm_struct.flags: what the area holds. */
#define VM_IOREMAP	0x00000001	/* ioremap: device registers */
#define VM_ALLOC	0x00000002	/* vmalloc: pages owned by the area */
#define VM_MAP		0x00000004	/* vmap: the caller's pages */
#define VM_DMA_COHERENT	0x00000010	/* vmap of a dma_alloc_coherent buffer */
#define VM_NO_GUARD	0x00000040	/* no guard page after it */
#define VM_EARLY	0x00010000	/* static, from vm_area_add_early: never unmapped */

struct vm_struct {
	struct vm_struct *next;		/* vm_area_add_early's list only */
	void *addr;
	unsigned long size;		/* guard page included, as in Linux */
	unsigned long flags;
	struct page **pages;		/* VM_ALLOC */
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* VM_IOREMAP */
	const void *caller;		/* who asked, shown by vmallocinfo */
};

#define VMALLOC_TOTAL (VMALLOC_END - VMALLOC_START)

/* Set up the window; call after paging_init, before the first ioremap. */
void vmalloc_init(void);
/* Reserve a fixed mapping made before vmalloc_init (early console). */
void vm_area_add_early(struct vm_struct *vm);

/* @size bytes backed by separately allocated pages (high memory preferred). */
void *vmalloc(unsigned long size);
/* The same, zeroed. */
void *vzalloc(unsigned long size);
/* Page flags and protection chosen by the caller (vmalloc: GFP_KERNEL | __GFP_HIGHMEM). */
void *__vmalloc(unsigned long size, gfp_t gfp_mask, enum kernel_prot prot);
/*
 * Linux's general form: @start/@end name the window, the vmalloc window
 * (VMALLOC_START, VMALLOC_END) or the modules area (MODULES_VADDR,
 * MODULES_END); any other range is refused with a warning. @node is
 * accepted for Linux's signature and ignored.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, enum kernel_prot prot, int node,
			   const void *caller);
/* Unmap and free a vmalloc area; NULL is ignored, anything else bad is reported. */
void vfree(const void *addr);

/* Map @count existing pages contiguously; the caller keeps owning them. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   enum kernel_prot prot);
void vunmap(const void *addr);

/* The page mapped at a vmalloc/vmap address, or NULL. */
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/* A free range of @size bytes (+ guard) of kind @flags, not yet mapped. */
struct vm_struct *get_vm_area_caller(unsigned long size, unsigned long flags,
				     const void *caller);
/* The area starting at @addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);
/* Undo get_vm_area_caller: unmap whatever is mapped, free range and descriptor. */
void free_vm_area(struct vm_struct *area);
/* Map @nr_pages page frames from @pfn at @addr (in an area from get_vm_area_caller;
 * on failure, free_vm_area() unmaps whatever was mapped). */
int vmap_pfn_range(unsigned long addr, unsigned long pfn, unsigned int nr_pages,
		   enum kernel_prot prot);

/*
 * Mica: @fn on a copy of every area of both windows, in address order (the
 * lock is not held while it runs), e.g. to find a module's by their caller.
 */
void vm_area_for_each(void (*fn)(const struct vm_struct *vm, void *data), void *data);

/* For meminfo: pages held by vmalloc areas and the largest free range. */
struct vmalloc_info {
	unsigned long used;		/* bytes (Linux 6.1's VmallocUsed) */
	unsigned long largest_chunk;	/* bytes */
};
void get_vmalloc_info(struct vmalloc_info *vmi);
unsigned long vmalloc_nr_pages(void);

#endif
