/*
 * Cache line size, for aligning data that CPUs or DMA share. Cortex-A9 lines
 * are 32 bytes and Cortex-A15 lines 64: Mica uses 64, as Linux does for
 * ARMv7 kernels that run on both, so an aligned object never shares a line
 * on either.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#define ____cacheline_aligned	__aligned(SMP_CACHE_BYTES)

static inline int cache_line_size(void)
{
	return L1_CACHE_BYTES;
}

#endif
