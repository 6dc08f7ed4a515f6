/*
 * Busy-wait delays polling the timer's free-running counter (see
 * include/linux/delay.h for why, and for the loop used before time_init).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/delay.h>
#include <linux/time64.h>
#include <asm/barrier.h>
#include <mica/timer_driver.h>

/* Loop iterations per ns before the counter runs: a 2 GHz core at one a cycle. */
#define EARLY_LOOPS_PER_NS 2

unsigned long loops_per_jiffy;
EXPORT_SYMBOL(loops_per_jiffy);

/* Counter cycles covering at least @ns (rounded up). */
static u64 ns_to_cycles(u64 ns)
{
	u64 hz = timer_rates.counter_hz;

	/* Split like cycles_to_ns: ns * hz would overflow after ~3 minutes at 100 MHz. */
	return (ns / NSEC_PER_SEC) * hz + ((ns % NSEC_PER_SEC) * hz + NSEC_PER_SEC - 1) / NSEC_PER_SEC;
}

static void delay_ns(u64 ns)
{
	const struct timer_ops *t = READ_ONCE(tick_timer);
	u64 start, cycles;

	if (!t) {
		for (cycles = ns * EARLY_LOOPS_PER_NS; cycles; cycles--)
			barrier();
		return;
	}
	start = t->read_counter();
	/* +1: the first tick may be almost over when we start. */
	cycles = ns_to_cycles(ns) + 1;
	while (t->read_counter() - start < cycles)
		cpu_relax();
}

void ndelay(unsigned long nsecs)
{
	delay_ns(nsecs);
}
EXPORT_SYMBOL(ndelay);

void udelay(unsigned long usecs)
{
	delay_ns((u64)usecs * 1000);
}
EXPORT_SYMBOL(udelay);

void mdelay(unsigned long msecs)
{
	delay_ns((u64)msecs * 1000000);
}
EXPORT_SYMBOL(mdelay);
