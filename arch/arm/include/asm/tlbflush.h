/*
 * TLB and branch-predictor maintenance (ARMv7 with the multiprocessing
 * extensions). The *_is forms broadcast to every CPU in the inner-shareable
 * domain; the local_ forms touch only this CPU. Table writes must be made
 * visible first (dsb ishst), as these helpers do.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <asm/barrier.h>

#define dsb_ishst() __asm__ __volatile__("dsb ishst" ::: "memory")
#define dsb_ish()   __asm__ __volatile__("dsb ish" ::: "memory")
#define dsb_nsh()   __asm__ __volatile__("dsb nsh" ::: "memory")

/* Every entry, this CPU only (TLBIALL + BPIALL). */
static inline void local_flush_tlb_all(void)
{
	dsb_nsh();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c7, 0\n\t"
			     "mcr p15, 0, %0, c7, c5, 6" :: "r"(0) : "memory");
	dsb_nsh();
	isb();
}

/* Every entry on every CPU (TLBIALLIS + BPIALLIS). */
static inline void flush_tlb_all(void)
{
	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 0\n\t"
			     "mcr p15, 0, %0, c7, c1, 6" :: "r"(0) : "memory");
	dsb_ish();
	isb();
}

/*
 * One page on every CPU (TLBIMVAIS). Kernel mappings are global, so the
 * ASID field is ignored (which also sidesteps Cortex-A9 erratum 720789).
 */
static inline void __flush_tlb_kernel_page_is(unsigned long va)
{
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 1" :: "r"(va & ~0xfffUL) : "memory");
}

static inline void __flush_bp_all_is(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 6" :: "r"(0) : "memory");
}

#endif
