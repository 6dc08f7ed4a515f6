/*
 * Cache maintenance by virtual address range (ARMv7, to the point of
 * coherency), the inner half of what DMA and SMP bring-up need. On boards
 * with an outer L2 cache, the outer_* hooks (arch/arm/mm/cache-l2x0.c)
 * must follow for physical ranges.
 */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include <linux/types.h>
#include <asm/barrier.h>

/* Smallest D-cache line in the system (CTR.DminLine). */
static inline unsigned long dcache_line_size(void)
{
	u32 ctr;
	__asm__("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	return 4UL << ((ctr >> 16) & 0xf);
}

#define __DCACHE_RANGE_OP(name, crm, opc2)					\
static inline void name(const void *start, size_t size)			\
{										\
	unsigned long line = dcache_line_size();				\
	unsigned long a = (unsigned long)start & ~(line - 1);			\
	unsigned long end = (unsigned long)start + size;			\
	for (; a < end; a += line)						\
		__asm__ __volatile__("mcr p15, 0, %0, c7, " #crm ", " #opc2	\
				     :: "r"(a) : "memory");			\
	dsb();									\
}

/* Write dirty lines back to memory (DCCMVAC). */
__DCACHE_RANGE_OP(dcache_clean_range, c10, 1)
/* Drop lines without writing back (DCIMVAC): only for whole, owned lines. */
__DCACHE_RANGE_OP(dcache_inv_range, c6, 1)
/* Write back and drop (DCCIMVAC). */
__DCACHE_RANGE_OP(dcache_flush_range, c14, 1)
/* Write dirty lines back to the point of unification, where the I-cache reads (DCCMVAU). */
__DCACHE_RANGE_OP(dcache_clean_range_pou, c11, 1)

/* Make newly written instructions visible (ICIALLUIS + BPIALLIS). */
static inline void icache_inval_all(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 0\n\t"
			     "mcr p15, 0, %0, c7, c1, 6" :: "r"(0) : "memory");
	dsb();
	isb();
}

/*
 * Linux's flush_icache_range: make the instructions just written to
 * [@start, @end) visible to instruction fetch on every CPU.
 */
static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	dcache_clean_range_pou((const void *)start, end - start);
	icache_inval_all();
}

#endif
