/*
 * KUnit suite "jiffies": the tick, INITIAL_JIFFIES, wrap-safe comparisons
 * and local_clock. Timing bounds are wide: QEMU's vCPUs share busy host cores.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <mica/board.h>
#include <mica/timer_driver.h>
#include <mica/kunit.h>

#define ULONG_MAX_     (~0UL)
#define LONG_MAX_      ((long)(~0UL >> 1))

static void spin_ns(u64 ns)
{
	u64 start = local_clock();

	while (local_clock() - start < ns)
		cpu_relax();
}

/* jiffies wraps 5 minutes after boot, and counted every tick since time_init. */
static void jiffies_started_at_initial(struct kunit *test)
{
	unsigned long elapsed = jiffies - INITIAL_JIFFIES, low;
	u64 expected = local_clock() / TICK_NSEC;
	u64 j64;

	KUNIT_EXPECT_EQ(test, (unsigned long)(INITIAL_JIFFIES + 300UL * HZ), 0);
	KUNIT_EXPECT_LE(test, elapsed, expected + 2 + expected / 10);
	KUNIT_EXPECT_GE(test, elapsed + 2 + expected / 10, expected);
	/*
	 * jiffies is the low word of jiffies_64, which started at INITIAL_JIFFIES
	 * too: read both between the same two ticks (a host may stall a vCPU
	 * for several ticks between any two reads).
	 */
	do {
		j64 = get_jiffies_64();
		low = jiffies;
	} while (get_jiffies_64() != j64);
	KUNIT_EXPECT_EQ(test, low, (unsigned long)j64);
	KUNIT_EXPECT_GE(test, j64, (u64)INITIAL_JIFFIES + elapsed);
}

/* What jiffies_tick_rate expects of 500 ms: jiffies within 30%, each CPU a quarter of its ticks. */
static bool tick_counts_ok(unsigned long ticks, const unsigned int *took)
{
	unsigned int cpu;

	if (ticks < HZ / 2 * 7 / 10 || ticks > HZ / 2 * 13 / 10)
		return false;
	for_each_online_cpu(cpu)
		if (took[cpu] < HZ / 2 / 4 || took[cpu] > HZ / 2 * 13 / 10)
			return false;
	return true;
}

static void jiffies_tick_rate(struct kunit *test)
{
	unsigned int before[NR_CPUS], took[NR_CPUS], cpu, round;
	unsigned long j0, ticks;

	/* A host that deschedules a vCPU for long loses its ticks: up to three rounds. */
	for (round = 0; round < 3; round++) {
		j0 = jiffies;
		for_each_online_cpu(cpu)
			before[cpu] = kstat_irqs_cpu(tick_irq(cpu), cpu);
		spin_ns(500 * NSEC_PER_MSEC);
		ticks = jiffies - j0;
		for_each_online_cpu(cpu)
			took[cpu] = kstat_irqs_cpu(tick_irq(cpu), cpu) - before[cpu];
		if (tick_counts_ok(ticks, took))
			break;
		kunit_info(test, "round %u: %lu jiffies in 500 ms, CPU0 took %u ticks", round, ticks,
			   took[0]);
	}
	KUNIT_EXPECT_GE(test, ticks, HZ / 2 * 7 / 10);
	KUNIT_EXPECT_LE(test, ticks, HZ / 2 * 13 / 10);
	/*
	 * Every CPU takes its own tick. Interrupts, unlike jiffies, can be
	 * lost (QEMU merges expiries when the host runs a vCPU late): only
	 * a lower bound of a quarter.
	 */
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE_MSG(test, took[cpu] >= HZ / 2 / 4 && took[cpu] <= HZ / 2 * 13 / 10,
				      "CPU%u took %u ticks in 500 ms", cpu, took[cpu]);
}

/* Wrappers, so that a failure message names the comparison, not its expansion. */
static bool after(unsigned long a, unsigned long b)    { return time_after(a, b); }
static bool before(unsigned long a, unsigned long b)   { return time_before(a, b); }
static bool after_eq(unsigned long a, unsigned long b) { return time_after_eq(a, b); }
static bool before_eq(unsigned long a, unsigned long b) { return time_before_eq(a, b); }
static bool in_range(unsigned long a, unsigned long b, unsigned long c)
{
	return time_in_range(a, b, c);
}
static bool in_range_open(unsigned long a, unsigned long b, unsigned long c)
{
	return time_in_range_open(a, b, c);
}

static void time_after_across_wrap(struct kunit *test)
{
	unsigned long old = ULONG_MAX_ - 5, new = old + 10;	/* new == 4 */
	unsigned long zero = 0, max = ULONG_MAX_;
	unsigned long half = (unsigned long)LONG_MAX_;

	KUNIT_EXPECT_EQ(test, new, 4);
	KUNIT_EXPECT_TRUE(test, after(new, old));
	KUNIT_EXPECT_FALSE(test, after(old, new));
	KUNIT_EXPECT_TRUE(test, before(old, new));
	KUNIT_EXPECT_FALSE(test, before(new, old));
	KUNIT_EXPECT_TRUE(test, after(zero, max));
	KUNIT_EXPECT_FALSE(test, after(max, max));
	KUNIT_EXPECT_TRUE(test, after_eq(max, max));
	KUNIT_EXPECT_TRUE(test, before_eq(max, zero));
	KUNIT_EXPECT_FALSE(test, before_eq(zero, max));
	/* Ranges that straddle the wrap. */
	KUNIT_EXPECT_TRUE(test, in_range(max, old, new));
	KUNIT_EXPECT_TRUE(test, in_range(zero, old, new));
	KUNIT_EXPECT_TRUE(test, in_range(new, old, new));
	KUNIT_EXPECT_FALSE(test, in_range(new + 1, old, new));
	KUNIT_EXPECT_FALSE(test, in_range(old - 1, old, new));
	KUNIT_EXPECT_TRUE(test, in_range_open(old, old, new));
	KUNIT_EXPECT_FALSE(test, in_range_open(new, old, new));
	/*
	 * Up to half the range apart the order is right; further apart it
	 * reads reversed (exactly half is ambiguous: both orders are "after").
	 */
	KUNIT_EXPECT_TRUE(test, after(old + half, old));
	KUNIT_EXPECT_FALSE(test, after(old, old + half));
	KUNIT_EXPECT_FALSE(test, after(old + half + 2, old));
	KUNIT_EXPECT_TRUE(test, before(old + half + 2, old));
	/* The naive comparison gets it wrong: what INITIAL_JIFFIES is there to catch. */
	KUNIT_EXPECT_TRUE(test, new < old);
}

static void time_after64_and_jiffies_helpers(struct kunit *test)
{
	u64 big = ~0ULL - 1, wrapped = big + 3;	/* == 1 */
	unsigned long now = jiffies;

	KUNIT_EXPECT_TRUE(test, time_after64(wrapped, big));
	KUNIT_EXPECT_TRUE(test, time_before64(big, wrapped));
	KUNIT_EXPECT_TRUE(test, time_after_eq64(big, big));
	KUNIT_EXPECT_TRUE(test, time_before_eq64(big, big));
	KUNIT_EXPECT_TRUE(test, time_in_range64(~0ULL, big, wrapped));
	KUNIT_EXPECT_FALSE(test, time_in_range64(2ULL, big, wrapped));

	KUNIT_EXPECT_TRUE(test, time_is_after_jiffies(now + 10 * HZ));
	KUNIT_EXPECT_FALSE(test, time_is_before_jiffies(now + 10 * HZ));
	KUNIT_EXPECT_TRUE(test, time_is_before_jiffies(now - 1));
	KUNIT_EXPECT_TRUE(test, time_is_before_eq_jiffies(now));
	KUNIT_EXPECT_TRUE(test, time_is_after_eq_jiffies(now + 10 * HZ));
}

/* get_jiffies_64 never goes backwards, also while the tick updates it. */
static void get_jiffies_64_monotonic(struct kunit *test)
{
	u64 first = get_jiffies_64(), prev = first, now;
	unsigned long reads = 0, backwards = 0;

	do {
		now = get_jiffies_64();
		if (now < prev)
			backwards++;
		prev = now;
		reads++;
	} while (now < first + 3 && reads < 50000000UL);
	KUNIT_EXPECT_EQ(test, backwards, 0);
	KUNIT_EXPECT_GE(test, now, first + 3);
}

static void read_clock(void *info)
{
	*(u64 *)info = local_clock();
}

/* local_clock is one clock: a reading on another CPU falls between two here. */
static void local_clock_same_on_all_cpus(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		u64 t0, there = 0, t1;

		t0 = local_clock();
		smp_call_function_single(cpu, read_clock, &there, 1);
		t1 = local_clock();
		KUNIT_EXPECT_TRUE_MSG(test, t0 <= there && there <= t1, "CPU%u: %llu not in [%llu, %llu]",
				      cpu, there, t0, t1);
	}
}

static struct kunit_case jiffies_cases[] = {
	KUNIT_CASE(jiffies_started_at_initial),
	KUNIT_CASE(jiffies_tick_rate),
	KUNIT_CASE(time_after_across_wrap),
	KUNIT_CASE(time_after64_and_jiffies_helpers),
	KUNIT_CASE(get_jiffies_64_monotonic),
	KUNIT_CASE(local_clock_same_on_all_cpus),
	{}
};

static struct kunit_suite jiffies_suite = {
	.name = "jiffies",
	.test_cases = jiffies_cases,
};
kunit_test_suite(jiffies_suite);
