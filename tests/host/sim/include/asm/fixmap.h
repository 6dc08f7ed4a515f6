/*
 * Simulated fixmap for host builds: the ARM layout (arch/arm/include/asm/
 * fixmap.h) in the simulator's fixmap window, whose base is a variable.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <linux/kernel.h>
#include <asm/memory.h>
#include <asm/mmu.h>

#define KM_TYPE_NR	16
/*
 * CPU n's slots start at n * KM_STRIDE: the unused half above each CPU's
 * stack makes the slot past a full one the only one with index bit
 * KM_TYPE_NR set (one test in kmap_atomic).
 */
#define KM_STRIDE	(2 * KM_TYPE_NR)

enum fixed_addresses {
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_STRIDE * NR_CPUS,
	__end_of_fixed_addresses
};

#define __fix_to_virt(x)	(FIXADDR_START + ((unsigned long)(x) << PAGE_SHIFT))
#define __virt_to_fix(x)	(((x) - FIXADDR_START) >> PAGE_SHIFT)

/* No direct table access here: a slot is set through the kernel-pte API. */
static inline int fixmap_init(void)
{
	return 0;
}

static inline void set_fixmap_pfn(unsigned int idx, unsigned long pfn)
{
	if (set_kernel_pte(__fix_to_virt(idx), pfn, PROT_KERNEL))
		__bug(__FILE__, __LINE__, "set_fixmap_pfn");
	flush_tlb_kernel_page(__fix_to_virt(idx));
}

#endif
