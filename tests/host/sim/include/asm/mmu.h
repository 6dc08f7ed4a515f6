/*
 * Simulated kernel page tables: the same interface as the ARM asm/mmu.h.
 * A "mapping" maps the RAM memfd's page at the host address, so writes
 * through it land in the same RAM the linear map shows.
 */
#ifndef _ASM_MMU_H
#define _ASM_MMU_H

#include <linux/types.h>

enum kernel_prot {
	PROT_KERNEL,
	PROT_KERNEL_RO,
	PROT_KERNEL_EXEC,
	PROT_DEVICE,
	PROT_UNCACHED,
	PROT_SO,
};

int set_kernel_pte(unsigned long va, unsigned long pfn, enum kernel_prot prot);
void clear_kernel_pte(unsigned long va);
unsigned long kernel_pte_pfn(unsigned long va, bool *present);
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_kernel_page(unsigned long va);

#endif
