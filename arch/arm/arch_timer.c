/*
 * The ARM generic timer (Cortex-A15, QEMU virt): "arm-arch-timer". One
 * 64-bit system counter, the same on every CPU, at the rate firmware put
 * in CNTFRQ; each CPU has its own compare registers. Mica uses the
 * virtual timer (CNTV_*, PPI 11): PL1 may always use it, whatever a
 * hypervisor-level boot loader configured for the physical one.
 *
 * The timer is one-shot (it fires once the counter passes CNTV_CVAL), so
 * the periodic tick advances CVAL by one period at each interrupt, from
 * the previous deadline rather than from "now", so latency does not
 * accumulate as drift. Less than Linux: no event stream, no physical or
 * hypervisor timer, no memory-mapped timer frames.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <asm/barrier.h>
#include <mica/timer_driver.h>

#define CNTV_CTL_ENABLE  (1 << 0)

static DEFINE_PER_CPU(u64, tick_deadline);
static DEFINE_PER_CPU(unsigned long, tick_period);

static u32 read_cntfrq(void)
{
	u32 v;

	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	return v;
}

static u64 arch_timer_read_counter(void)
{
	u32 lo, hi;

	isb();	/* do not read the counter ahead of earlier instructions */
	__asm__ __volatile__("mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));	/* CNTVCT */
	return (u64)hi << 32 | lo;
}

static void write_cntv_cval(u64 cval)
{
	__asm__ __volatile__("mcrr p15, 3, %0, %1, c14" :: "r"((u32)cval), "r"((u32)(cval >> 32)));
	isb();
}

static void write_cntv_ctl(u32 ctl)
{
	__asm__ __volatile__("mcr p15, 0, %0, c14, c3, 1" :: "r"(ctl));
	isb();
}

static int arch_timer_init(struct timer_rates *rates)
{
	u32 freq = read_cntfrq();

	if (!freq) {
		pr_err("arch_timer: CNTFRQ is 0: the firmware did not set the counter's rate\n");
		return -ENODEV;
	}
	rates->tick_hz = freq;
	rates->counter_hz = freq;
	pr_info("arch_timer: cp15 timer(s) running at %lu.%02luMHz (virt).\n",
		(unsigned long)freq / 1000000, (unsigned long)(freq / 10000) % 100);
	return 0;
}

static void arch_timer_start_tick(unsigned long period)
{
	u64 next = arch_timer_read_counter() + period;

	__this_cpu_write(tick_period, period);
	__this_cpu_write(tick_deadline, next);
	write_cntv_cval(next);
	write_cntv_ctl(CNTV_CTL_ENABLE);
}

/* Move the deadline on by whole periods past now; this drops the interrupt. */
static void arch_timer_ack_tick(void)
{
	unsigned long period = __this_cpu_read(tick_period);
	u64 next = __this_cpu_read(tick_deadline) + period, now = arch_timer_read_counter();

	if (next <= now)	/* ticks were missed (e.g. a long irqs-off section) */
		next += ((now - next) / period + 1) * period;
	__this_cpu_write(tick_deadline, next);
	write_cntv_cval(next);
}

static const struct timer_ops arch_timer_ops = {
	.name = "arm-arch-timer",
	.init = arch_timer_init,
	.start_tick = arch_timer_start_tick,
	.ack_tick = arch_timer_ack_tick,
	.read_counter = arch_timer_read_counter,
};
TIMER_DRIVER(arch_timer_ops);
