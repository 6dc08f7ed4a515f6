/*
 * The kernel's translation tables: the arch side of the mm interface.
 * mm/ code maps and unmaps kernel pages only through these.
 */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include <linux/types.h>
#include <asm/pgtable-hwdef.h>

/* Page protections for set_kernel_pte(). */
enum kernel_prot {
	PROT_KERNEL,		/* normal RW, not executable */
	PROT_KERNEL_RO,		/* normal read-only, not executable */
	PROT_KERNEL_EXEC,	/* normal read-only, executable (text) */
	PROT_DEVICE,		/* device memory, RW, never executable */
	PROT_UNCACHED,		/* normal non-cacheable (coherent DMA) */
	PROT_SO,		/* strongly ordered */
};

/* Before paging_init: map one 1 MiB device section in the boot table. */
void early_map_device_section(unsigned long virt, phys_addr_t phys);

/*
 * Kernel page mappings with 4 KiB pages (vmalloc, ioremap, pkmap, fixmap).
 * Second-level tables are allocated on demand and never freed. These do
 * not flush the TLB: callers batch that with flush_tlb_kernel_range().
 */
int set_kernel_pte(unsigned long va, unsigned long pfn, enum kernel_prot prot);
void clear_kernel_pte(unsigned long va);
/* pfn mapped at @va, or 0 with *present = false. */
unsigned long kernel_pte_pfn(unsigned long va, bool *present);
/* Invalidate the kernel range on every CPU (inner-shareable broadcast). */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_kernel_page(unsigned long va);

#endif
