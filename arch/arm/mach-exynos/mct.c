/*
 * Exynos4 Multi Core Timer, timer type "exynos-mct": the global free-running
 * 64-bit counter is the clock, and each CPU's own local timer (local timer n
 * for CPU n) gives that CPU's tick, as Linux's exynos_mct driver does.
 *
 * Why not the A9 private timer on these boards: QEMU's smdkc210 wires PPI 29
 * of the A9 only to the Cortex-A9's internal interrupt controller, not to the
 * external GIC that Mica drives (docs/boards.md).
 *
 * Where the local timer interrupts arrive (Linux's device trees):
 *  - Exynos4210 (QEMU smdkc210): each local timer has its own SPI, 42 for
 *    L0 and 48 for L1 (IDs 74, 80). board.timer_irq names L0's; mct.c knows
 *    L1's. Each CPU's line is routed to that CPU only.
 *  - Exynos4412 (FS4412): all four local timers share the banked PPI 12
 *    (ID 28); board.timer_irq is 28.
 *
 * The MCT counts its input clock (XXTI, 24 MHz on both boards) through a
 * prescaler and divider we leave at 1. A write to a count or control
 * register takes a few timer cycles to land; the block reports it in the
 * matching WSTAT bit, which we wait for and clear (QEMU sets the bits at
 * once). A local timer fires after (TCNTB + 1) * (ICNTB + 1) cycles; TCNTB
 * is 1, so the period is 2 * (ICNTB + 1).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/smp.h>
#include <mica/board.h>
#include <mica/timer_driver.h>
#include "exynos.h"

#define MCT_CFG            0x000
#define G_CNT_L            0x100
#define G_CNT_U            0x104
#define G_TCON             0x240
#define G_TCON_START       (1 << 8)
#define G_WSTAT            0x24c
#define G_WSTAT_TCON       (1 << 16)

#define L_BASE(n)          (0x300 + 0x100 * (n))
#define L_TCNTB            0x00
#define L_ICNTB            0x08
#define L_TCON             0x20
#define L_INT_CSTAT        0x30
#define L_INT_ENB          0x34
#define L_WSTAT            0x40
#define L_ICNTB_MANUAL     (1U << 31)	/* load ICNTB into the counter now */
#define L_TCON_TICK_START  (1 << 0)
#define L_TCON_INT_START   (1 << 1)
#define L_TCON_INTERVAL    (1 << 2)	/* reload and go on after each interrupt */
#define L_INT_ICNT         (1 << 0)	/* interrupt counter expired */
#define L_WSTAT_TCNTB      (1 << 0)
#define L_WSTAT_ICNTB      (1 << 1)
#define L_WSTAT_TCON       (1 << 3)

#define MCT_SIZE           0x800
#define MCT_TICK_TCNTB     1
#define WSTAT_TIMEOUT      100000	/* polls; a write lands within a few 24 MHz cycles */

/* Exynos4210: local timer n's interrupt (SPI 42 and 48). */
static const unsigned int exynos4210_local_irqs[] = { 32 + 42, 32 + 48 };

static void __iomem *mct_base;

/* Write @val to register @reg and wait until the block has taken it. */
static void mct_write(u32 val, unsigned int reg, unsigned int wstat_reg, u32 wstat_bit)
{
	unsigned int i;

	writel_relaxed(val, mct_base + reg);
	for (i = 0; i < WSTAT_TIMEOUT; i++) {
		if (readl_relaxed(mct_base + wstat_reg) & wstat_bit) {
			writel_relaxed(wstat_bit, mct_base + wstat_reg);	/* write 1 to clear */
			return;
		}
	}
	pr_warn("exynos-mct: register 0x%03x: write not acknowledged\n", reg);
}

/* The high word may change between the reads: retry until it holds still. */
static u64 mct_read_counter(void)
{
	u32 hi, lo, hi2;

	hi = readl_relaxed(mct_base + G_CNT_U);
	for (;;) {
		lo = readl_relaxed(mct_base + G_CNT_L);
		hi2 = readl_relaxed(mct_base + G_CNT_U);
		if (hi2 == hi)
			return (u64)hi << 32 | lo;
		hi = hi2;
	}
}

static int mct_init(struct timer_rates *rates)
{
	unsigned long rate = board.timer_rate_hz;

	mct_base = ioremap(board.timer_base, MCT_SIZE);
	if (!mct_base)
		return -ENOMEM;
	writel_relaxed(0, mct_base + MCT_CFG);	/* prescaler 1, divider 1 */
	mct_write(readl_relaxed(mct_base + G_TCON) | G_TCON_START, G_TCON, G_WSTAT, G_WSTAT_TCON);
	if (!rate) {
		rate = timer_measure_rate(mct_read_counter);
		if (!rate)
			return -ENODEV;
	}
	rates->tick_hz = rate;
	rates->counter_hz = rate;
	return 0;
}

static unsigned int mct_tick_irq(unsigned int cpu)
{
	if (board.timer_irq < 32)
		return board.timer_irq;		/* Exynos4412: banked PPI */
	if (cpu >= ARRAY_SIZE(exynos4210_local_irqs))
		return 0;
	return exynos4210_local_irqs[cpu];
}

static void mct_start_tick(unsigned long period)
{
	unsigned int base = L_BASE(smp_processor_id());
	unsigned long icnt = period / (MCT_TICK_TCNTB + 1);

	mct_write(0, base + L_TCON, base + L_WSTAT, L_WSTAT_TCON);
	writel_relaxed(L_INT_ICNT, mct_base + base + L_INT_CSTAT);
	mct_write(MCT_TICK_TCNTB, base + L_TCNTB, base + L_WSTAT, L_WSTAT_TCNTB);
	mct_write((icnt - 1) | L_ICNTB_MANUAL, base + L_ICNTB, base + L_WSTAT, L_WSTAT_ICNTB);
	writel_relaxed(L_INT_ICNT, mct_base + base + L_INT_ENB);
	mct_write(L_TCON_TICK_START | L_TCON_INT_START | L_TCON_INTERVAL,
		  base + L_TCON, base + L_WSTAT, L_WSTAT_TCON);
}

static void mct_ack_tick(void)
{
	writel_relaxed(L_INT_ICNT, mct_base + L_BASE(smp_processor_id()) + L_INT_CSTAT);
}

static const struct timer_ops mct_ops = {
	.name = "exynos-mct",
	.init = mct_init,
	.tick_irq = mct_tick_irq,
	.start_tick = mct_start_tick,
	.ack_tick = mct_ack_tick,
	.read_counter = mct_read_counter,
};
TIMER_DRIVER(mct_ops);
