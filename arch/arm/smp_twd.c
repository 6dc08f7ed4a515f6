/*
 * Cortex-A9 MPCore timers, timer type "a9-twd": each CPU's private timer
 * (the TWD, banked at board.timer_base, PPI 29) gives the tick; the global
 * timer (a 64-bit up-counter shared by all CPUs at PERIPHBASE + 0x200, and
 * on the A9 PERIPHBASE is the SCU's address) is the clock. Both count
 * PERIPHCLK with the prescalers left at 0.
 *
 * PERIPHCLK is a fraction of the CPU clock that the board does not tell
 * (QEMU runs it at 100 MHz), so unless board.timer_rate_hz gives it, the
 * global timer is counted against the board's reference counter for 50 ms
 * (on vexpress the motherboard's 24 MHz counter), as Linux's twd driver
 * calibrates against the tick of another timer.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <asm/smp_twd.h>
#include <mica/board.h>
#include <mica/timer_driver.h>

static void __iomem *twd_base;
static void __iomem *gt_base;

static u64 twd_read_counter(void)
{
	return a9_global_timer_read(gt_base);
}

static int twd_init(struct timer_rates *rates)
{
	unsigned long rate;

	if (!board.scu_base)
		return -ENODEV;
	twd_base = ioremap(board.timer_base, A9_TIMER_MAP_SIZE);
	gt_base = ioremap(board.scu_base + A9_GT_OFFSET, A9_TIMER_MAP_SIZE);
	if (!twd_base || !gt_base)
		return -ENOMEM;

	/* Restart the global timer from 0, prescaler 0 (it can only be set while stopped). */
	writel(0, gt_base + GT_CONTROL);
	writel(0, gt_base + GT_COUNTER_LO);
	writel(0, gt_base + GT_COUNTER_HI);
	writel(GT_ENABLE, gt_base + GT_CONTROL);

	rate = board.timer_rate_hz;
	if (!rate) {
		rate = timer_measure_rate(twd_read_counter);
		if (!rate)
			return -ENODEV;	/* no rate given and nothing to measure it against */
		pr_info("Calibrating local timer... %lu.%02luMHz.\n", rate / 1000000, rate / 10000 % 100);
	}
	rates->tick_hz = rate;
	rates->counter_hz = rate;
	return 0;
}

static void twd_start_tick(unsigned long period)
{
	writel(0, twd_base + TWD_CONTROL);
	writel(TWD_EVENT, twd_base + TWD_INTSTAT);
	/* It counts Load..0 and reloads: Load + 1 cycles a period. */
	writel(period - 1, twd_base + TWD_LOAD);
	writel(TWD_ENABLE | TWD_AUTO_RELOAD | TWD_IRQ_ENABLE, twd_base + TWD_CONTROL);
}

static void twd_ack_tick(void)
{
	writel(TWD_EVENT, twd_base + TWD_INTSTAT);
}

static const struct timer_ops twd_ops = {
	.name = "a9-twd",
	.init = twd_init,
	.start_tick = twd_start_tick,
	.ack_tick = twd_ack_tick,
	.read_counter = twd_read_counter,
};
TIMER_DRIVER(twd_ops);
