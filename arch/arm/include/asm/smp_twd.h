/*
 * The Cortex-A9 MPCore's own timers. Each CPU has a private timer and
 * watchdog (TWD, banked, at PERIPHBASE + 0x600: board.timer_base); all
 * CPUs share the global timer, a 64-bit up-counter at PERIPHBASE + 0x200.
 * On the A9, PERIPHBASE is the SCU's address (board.scu_base). Both count
 * PERIPHCLK through a prescaler. Used by the "a9-twd" tick and clock driver
 * (arch/arm/smp_twd.c) and by the benchmarks' instruction counter
 * (arch/arm/insn_count.c).
 */
#ifndef _ASM_SMP_TWD_H
#define _ASM_SMP_TWD_H

#include <linux/io.h>
#include <linux/types.h>

#define A9_TIMER_MAP_SIZE	0x20

/* The private timer, from its base. */
#define TWD_LOAD		0x00
#define TWD_CONTROL		0x08
#define TWD_INTSTAT		0x0c
#define TWD_ENABLE		(1 << 0)
#define TWD_AUTO_RELOAD		(1 << 1)
#define TWD_IRQ_ENABLE		(1 << 2)
#define TWD_EVENT		(1 << 0)

/* The global timer, from PERIPHBASE + A9_GT_OFFSET. */
#define A9_GT_OFFSET		0x200
#define GT_COUNTER_LO		0x00
#define GT_COUNTER_HI		0x04
#define GT_CONTROL		0x08
#define GT_ENABLE		(1 << 0)	/* prescaler (bits 15:8) left at 0 */

/* The global timer's count: the high word may tick over between the reads, so retry. */
static inline u64 a9_global_timer_read(void __iomem *gt)
{
	u32 hi = readl_relaxed(gt + GT_COUNTER_HI), lo, hi2;

	for (;;) {
		lo = readl_relaxed(gt + GT_COUNTER_LO);
		hi2 = readl_relaxed(gt + GT_COUNTER_HI);
		if (hi2 == hi)
			return (u64)hi << 32 | lo;
		hi = hi2;
	}
}

#endif
