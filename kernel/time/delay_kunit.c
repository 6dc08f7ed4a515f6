/*
 * KUnit suite "delay": busy-wait delays against local_clock, and
 * local_clock against the board's independent reference counter.
 * Timing bounds are wide: QEMU's vCPUs share busy host cores.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/time64.h>
#include <mica/board.h>
#include <mica/timer_driver.h>
#include <mica/kunit.h>


/*
 * Shortest of a few runs, interrupts off: every run must last at least
 * @min_ns; the shortest must stay under @max_ns (one may be stretched by
 * the host, all of them would mean the delay is wrong).
 */
static void check_delay(struct kunit *test, void (*delay)(unsigned long), unsigned long arg,
			u64 min_ns, u64 max_ns)
{
	u64 shortest = ~0ULL;
	int run;

	for (run = 0; run < 5; run++) {
		unsigned long flags;
		u64 t0, t;

		local_irq_save(flags);
		t0 = local_clock();
		delay(arg);
		t = local_clock() - t0;
		local_irq_restore(flags);
		KUNIT_EXPECT_GE(test, t, min_ns);
		if (t < shortest)
			shortest = t;
	}
	KUNIT_EXPECT_LE(test, shortest, max_ns);
}

static void udelay_1000(struct kunit *test)
{
	check_delay(test, udelay, 1000, 1000000, 5000000);
}

static void mdelay_10(struct kunit *test)
{
	check_delay(test, mdelay, 10, 10 * NSEC_PER_MSEC, 50 * NSEC_PER_MSEC);
}

static void ndelay_and_short_udelay(struct kunit *test)
{
	check_delay(test, ndelay, 100000, 100000, 500000);
	check_delay(test, ndelay, 500, 500, 200000);	/* the floor is the clock read itself */
	check_delay(test, udelay, 1, 1000, 200000);
}

/*
 * The delays and local_clock share one counter, so the checks above cannot
 * see a wrong rate: count the board's reference clock across 100 ms instead.
 */
static void local_clock_matches_reference(struct kunit *test)
{
	void __iomem *ref;
	u32 r0, r1;
	u64 t0, t1, ref_ns;
	long long error_ppm;

	if (!board.refclk_base)
		kunit_skip(test, "%s has no reference counter", board.name);
	ref = ioremap(board.refclk_base, 4);
	KUNIT_ASSERT_TRUE(test, ref != NULL);
	r0 = readl(ref);
	t0 = local_clock();
	mdelay(100);
	r1 = readl(ref);
	t1 = local_clock();
	iounmap(ref);
	ref_ns = (u64)(r1 - r0) * NSEC_PER_SEC / board.refclk_hz;
	error_ppm = ((long long)(t1 - t0) - (long long)ref_ns) * 1000000 / (long long)ref_ns;
	KUNIT_EXPECT_TRUE_MSG(test, error_ppm > -20000 && error_ppm < 20000,
			      "local_clock %llu ns vs reference %llu ns (%lld ppm)", t1 - t0, ref_ns,
			      error_ppm);
}

static struct kunit_case delay_cases[] = {
	KUNIT_CASE(udelay_1000),
	KUNIT_CASE(mdelay_10),
	KUNIT_CASE(ndelay_and_short_udelay),
	KUNIT_CASE(local_clock_matches_reference),
	{}
};

static struct kunit_suite delay_suite = {
	.name = "delay",
	.test_cases = delay_cases,
};
kunit_test_suite(delay_suite);
