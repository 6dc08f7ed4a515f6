/*
 * KUnit suite "timer": timer_list expiry within one tick, on the CPU that
 * armed it, in interrupt context; mod_timer/del_timer return values;
 * del_timer_sync waiting for a running function; a timer far enough out to
 * sit in the wheel's second level; schedule_timeout returning the time
 * left; msleep measured against the hardware clock; jiffies conversions.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <mica/kunit.h>
#include <mica/timer_driver.h>
#include <mica/kunit_threads.h>

#define NPROBES 8

struct probe_timer {
	struct timer_list timer;
	unsigned long fired_jiffies;
	u64 armed_ns, fired_ns;
	u64 armed_lag_ns;	/* jiffies_lag_ns() when armed */
	int cpu;
	bool in_irq;
	atomic_t *fired;
};

static void probe_fn(struct timer_list *t)
{
	struct probe_timer *p = from_timer(p, t, timer);

	p->fired_jiffies = jiffies;
	p->fired_ns = local_clock();
	p->cpu = smp_processor_id();
	p->in_irq = in_irq();
	atomic_inc(p->fired);
}

struct arming {
	struct probe_timer probe[NPROBES];
	atomic_t fired;
	int cpu;
	bool armed;		/* the probes are set up */
};

/* When the case ends: no probe of an arming thread is left pending. */
static void disarm_probes(void *data)
{
	struct arming *a = data;
	int cpu, i;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!a[cpu].armed)
			continue;
		for (i = 0; i < NPROBES; i++)
			del_timer_sync(&a[cpu].probe[i].timer);
		a[cpu].armed = false;
	}
}

/* When the case ends: a timer set up by the case is not left pending. */
static void disarm_timer(void *timer)
{
	del_timer_sync(timer);
}

/* Arm NPROBES timers 1..NPROBES jiffies ahead on this thread's (bound) CPU. */
static int arm_probes(void *data)
{
	struct arming *a = data;
	int i;

	a->cpu = raw_smp_processor_id();
	for (i = 0; i < NPROBES; i++) {
		struct probe_timer *p = &a->probe[i];

		timer_setup(&p->timer, probe_fn, 0);
		p->fired = &a->fired;
		p->cpu = -1;
		p->armed_ns = local_clock();
		p->armed_lag_ns = jiffies_lag_ns();
		mod_timer(&p->timer, jiffies + 1 + i);
	}
	a->armed = true;
	return 0;
}

/*
 * Timers fire on the tick at or after their expiry, on the arming CPU, in
 * interrupt context. A host that deschedules QEMU's vCPUs delays ticks:
 * most timers must be on time in one of a few rounds (a kernel that fires
 * them late does so in every round).
 */
static void timer_fires_within_a_tick_on_arming_cpu(struct kunit *test)
{
	static struct arming a[NR_CPUS];
	unsigned int late = 0, total = 0, worst = 0, round;
	int cpu, i;

	KUNIT_ASSERT_EQ(test, kunit_add_action(test, disarm_probes, a), 0);
	for (round = 0; round < 3; round++) {
		late = total = worst = 0;
		for_each_online_cpu(cpu) {
			struct task_struct *p;

			atomic_set(&a[cpu].fired, 0);
			p = test_thread_start(test, arm_probes, &a[cpu], cpu, "armer");
			KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
		}
		msleep(1000 * (NPROBES + 2) / HZ + 100);
		for_each_online_cpu(cpu) {
			KUNIT_EXPECT_EQ(test, atomic_read(&a[cpu].fired), NPROBES);
			for (i = 0; i < NPROBES; i++) {
				struct probe_timer *p = &a[cpu].probe[i];
				long early = (long)(p->timer.expires - p->fired_jiffies);
				u64 ns = p->fired_ns - p->armed_ns;

				KUNIT_EXPECT_EQ(test, p->cpu, a[cpu].cpu);
				KUNIT_EXPECT_TRUE(test, p->in_irq);
				KUNIT_EXPECT_LE(test, early, 0);	/* never before its expiry */
				/*
				 * Jiffies count whole periods of the hardware counter, so
				 * expiry i comes i periods after the first boundary, which
				 * is ahead of the arming unless the tick was late then.
				 */
				KUNIT_EXPECT_GE(test, ns + p->armed_lag_ns, (u64)i * TICK_NSEC);
				late += -early > 1;
				worst = max(worst, (unsigned int)-early);
				total++;
				KUNIT_EXPECT_FALSE(test, timer_pending(&p->timer));
			}
		}
		disarm_probes(a);	/* none pending before they are set up again */
		kunit_info(test, "%u of %u timers more than a tick late (worst %u)", late, total,
			   worst);
		if (late * 8 <= total)
			break;
	}
	KUNIT_EXPECT_LE(test, late * 8, total);
}

static void timer_mod_and_del(struct kunit *test)
{
	struct probe_timer p = { .cpu = -1 };
	atomic_t fired = ATOMIC_INIT(0);

	p.fired = &fired;
	timer_setup(&p.timer, probe_fn, 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.timer));
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, jiffies + 5), 0);	/* was not pending */
	KUNIT_EXPECT_TRUE(test, timer_pending(&p.timer));
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, jiffies + 10), 1);	/* was pending */
	KUNIT_EXPECT_EQ(test, mod_timer(&p.timer, p.timer.expires), 1);	/* unchanged */
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 1);
	KUNIT_EXPECT_EQ(test, del_timer(&p.timer), 0);
	msleep(1000 * 12 / HZ + 20);
	KUNIT_EXPECT_EQ(test, atomic_read(&fired), 0);	/* a deleted timer does not fire */
	KUNIT_EXPECT_EQ(test, del_timer_sync(&p.timer), 0);
}

static unsigned long legacy_data;

static void legacy_fn(unsigned long data)
{
	WRITE_ONCE(legacy_data, data);
}

static void timer_setup_timer_form(struct kunit *test)
{
	struct timer_list t;
	unsigned long end = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	legacy_data = 0;
	setup_timer(&t, legacy_fn, 0x5a5a);
	t.expires = jiffies + 2;
	add_timer(&t);
	while (!READ_ONCE(legacy_data) && time_before(jiffies, end))
		msleep(1);
	KUNIT_EXPECT_EQ(test, legacy_data, 0x5a5a);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&t), 0);
}

struct slow_timer {
	struct timer_list timer;
	int running, finished;
	bool armed;
};

static void disarm_slow(void *data)
{
	struct slow_timer *s = data;

	if (s->armed)
		del_timer_sync(&s->timer);
}

static void slow_fn(struct timer_list *t)
{
	struct slow_timer *s = from_timer(s, t, timer);
	u64 start = local_clock();

	WRITE_ONCE(s->running, 1);
	while (local_clock() - start < 20 * NSEC_PER_MSEC)
		cpu_relax();
	WRITE_ONCE(s->finished, 1);
}

static int arm_slow(void *data)
{
	struct slow_timer *s = data;

	timer_setup(&s->timer, slow_fn, 0);
	mod_timer(&s->timer, jiffies + 1);
	s->armed = true;
	return 0;
}

/* del_timer_sync() returns only once a running timer function has finished. */
static void timer_del_sync_waits_for_running(struct kunit *test)
{
	struct slow_timer s = { .running = 0 };
	unsigned long end;
	struct task_struct *p;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU");
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, disarm_slow, &s), 0);
	p = test_thread_start(test, arm_slow, &s, test_other_cpu(), "armer");
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
	end = jiffies + msecs_to_jiffies(TEST_WAIT_MS);
	while (!READ_ONCE(s.running) && time_before(jiffies, end))
		cpu_relax();
	KUNIT_ASSERT_TRUE(test, READ_ONCE(s.running));
	kunit_release_action(test, disarm_slow, &s);	/* del_timer_sync() */
	KUNIT_EXPECT_EQ(test, READ_ONCE(s.finished), 1);
}

/* More than 256 jiffies out: the timer waits in the wheel's second level and cascades down. */
static void timer_cascades_from_second_level(struct kunit *test)
{
	struct probe_timer p = { .cpu = -1 };
	atomic_t fired = ATOMIC_INIT(0);
	unsigned long end;

	p.fired = &fired;
	timer_setup(&p.timer, probe_fn, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, disarm_timer, &p.timer), 0);
	mod_timer(&p.timer, jiffies + 260);
	end = p.timer.expires + msecs_to_jiffies(TEST_WAIT_MS);
	while (!atomic_read(&fired) && time_before(jiffies, end))
		msleep(20);
	KUNIT_ASSERT_EQ(test, atomic_read(&fired), 1);
	kunit_release_action(test, disarm_timer, &p.timer);
	KUNIT_EXPECT_GE(test, (long)(p.fired_jiffies - p.timer.expires), 0);
	KUNIT_EXPECT_LE(test, (long)(p.fired_jiffies - p.timer.expires), 10);	/* QEMU noise */
}

static int timed_sleeper(void *data)
{
	set_current_state(TASK_INTERRUPTIBLE);
	return (int)schedule_timeout(100);
}

static void timer_schedule_timeout_returns_time_left(struct kunit *test)
{
	struct task_struct *p = test_thread_start(test, timed_sleeper, NULL, -1, "timeout");
	unsigned long start;
	int left;

	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	msleep(20);
	wake_up_process(p);
	left = test_thread_reap(test, p);
	KUNIT_EXPECT_GT(test, left, 0);
	KUNIT_EXPECT_LT(test, left, 100);
	KUNIT_EXPECT_GT(test, left, 100 - 2 - (int)msecs_to_jiffies(20) - HZ / 2);	/* wide: QEMU */

	start = jiffies;
	KUNIT_EXPECT_EQ(test, schedule_timeout_uninterruptible(5), 0);
	KUNIT_EXPECT_GE(test, (long)(jiffies - start), 5);
	/* Still TASK_RUNNING: returns at once with nothing used. */
	KUNIT_EXPECT_EQ(test, schedule_timeout(0), 0);
}

/* msleep sleeps at least what was asked, measured by the hardware timer behind local_clock. */
static void timer_msleep_against_hardware_clock(struct kunit *test)
{
	static const unsigned int ms[] = { 1, 20, 100 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ms); i++) {
		u64 start = local_clock(), lag = jiffies_lag_ns(), took;

		msleep(ms[i]);
		took = local_clock() - start;
		kunit_info(test, "msleep(%u) took %llu us", ms[i], took / 1000);
		/* At least what was asked, from the jiffy boundary a late tick had not counted yet. */
		KUNIT_EXPECT_GE(test, took + lag, (u64)ms[i] * NSEC_PER_MSEC);
		/* At most two ticks of rounding, plus generous room for QEMU. */
		KUNIT_EXPECT_LT(test, took, (u64)ms[i] * NSEC_PER_MSEC + 2 * TICK_NSEC + 500 * NSEC_PER_MSEC);
	}
}

static int interrupted_sleeper(void *data)
{
	return (int)msleep_interruptible(1000);
}

static void timer_msleep_interruptible_returns_rest(struct kunit *test)
{
	struct task_struct *p = test_thread_start(test, interrupted_sleeper, NULL, -1, "msleep");
	int left;

	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	left = test_thread_reap(test, p);
	KUNIT_EXPECT_GT(test, left, 0);
	KUNIT_EXPECT_LE(test, left, 1000 + 1000 / HZ);
}

static void timer_jiffies_conversions(struct kunit *test)
{
	unsigned int ms_per_tick = 1000 / HZ;

	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(0), 0);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1);			/* rounds up */
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(ms_per_tick), 1);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(ms_per_tick + 1), 2);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(~0U),				/* no wrap */
			min_t(u64, DIV_ROUND_UP(0xffffffffULL, ms_per_tick), MAX_JIFFY_OFFSET));
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000);
	KUNIT_EXPECT_EQ(test, jiffies_to_usecs(1), 1000000 / HZ);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1), 1);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1000000), HZ);
	/* USER_HZ is 100 whatever HZ is. */
	KUNIT_EXPECT_EQ(test, jiffies_to_clock_t(HZ), USER_HZ);
	KUNIT_EXPECT_EQ(test, jiffies_to_clock_t(5 * HZ), 5 * USER_HZ);
	KUNIT_EXPECT_EQ(test, jiffies_64_to_clock_t(3600ULL * HZ), 3600ULL * USER_HZ);
	KUNIT_EXPECT_EQ(test, CLOCKS_PER_SEC, 100);
	/* Wrap-safe comparisons around the wrap INITIAL_JIFFIES brings early. */
	KUNIT_EXPECT_TRUE(test, time_after(5UL, ~0UL - 5));
	KUNIT_EXPECT_TRUE(test, time_before(~0UL - 5, 5UL));
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(timer_fires_within_a_tick_on_arming_cpu),
	KUNIT_CASE(timer_mod_and_del),
	KUNIT_CASE(timer_setup_timer_form),
	KUNIT_CASE(timer_del_sync_waits_for_running),
	KUNIT_CASE(timer_cascades_from_second_level),
	KUNIT_CASE(timer_schedule_timeout_returns_time_left),
	KUNIT_CASE(timer_msleep_against_hardware_clock),
	KUNIT_CASE(timer_msleep_interruptible_returns_rest),
	KUNIT_CASE(timer_jiffies_conversions),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
