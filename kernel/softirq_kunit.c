/*
 * KUnit suite "softirq": tasklets run once per scheduling, in softirq
 * context with interrupts on, on the CPU that scheduled them (from a task,
 * from a timer, from an IPI on every CPU), HI before the others; disabled
 * ones wait; local_bh_disable() holds them off and local_bh_enable() runs
 * them; tasklet_kill() waits for a run and for a tasklet that reschedules
 * itself a while, and nothing runs after it;
 * misuse (kill from interrupt context, kill of a disabled scheduled
 * tasklet, scheduling one never initialised) is reported, never hangs.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <mica/kunit.h>

struct probe {
	struct tasklet_struct t;
	atomic_t runs;
	int cpu;
	bool serving_softirq, in_irq, irqs_on;
	int seq;			/* order among probes */
	unsigned int reschedule;	/* times it schedules itself again */
	unsigned int delay_ms;
};

static atomic_t order;

static void probe_fn(unsigned long data)
{
	struct probe *p = (struct probe *)data;

	p->cpu = smp_processor_id();
	p->serving_softirq = in_serving_softirq();
	p->in_irq = in_irq();
	p->irqs_on = !irqs_disabled();
	p->seq = atomic_inc_return(&order);
	if (p->delay_ms)
		mdelay(p->delay_ms);
	if (p->reschedule) {
		p->reschedule--;
		tasklet_schedule(&p->t);
	}
	atomic_inc(&p->runs);	/* last: the test may return (and @p go) once it sees it */
}

static void probe_init(struct probe *p)
{
	memset(p, 0, sizeof(*p));
	tasklet_init(&p->t, probe_fn, (unsigned long)p);
}

static void kill_probe(void *arg)
{
	tasklet_kill(&((struct probe *)arg)->t);
}

/*
 * probe_init() for a probe on the case's stack, killed however the case
 * ends: a failed ASSERT or a skip kills it before the stack goes; the
 * case's own end calls probe_stop().
 */
static void probe_start(struct kunit *test, struct probe *p)
{
	probe_init(p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, kill_probe, p), 0);
}

static void probe_stop(struct kunit *test, struct probe *p)
{
	kunit_release_action(test, kill_probe, p);
}

/* Wait up to @ms for @n runs. */
static bool wait_runs(struct probe *p, int n, unsigned int ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	while (atomic_read(&p->runs) < n && time_before(jiffies, end))
		msleep(1);
	return atomic_read(&p->runs) >= n;
}

static void from_task(struct kunit *test)
{
	struct probe p;

	probe_start(test, &p);
	tasklet_schedule(&p.t);
	KUNIT_ASSERT_TRUE(test, wait_runs(&p, 1, 1000));
	KUNIT_EXPECT_TRUE(test, p.serving_softirq);
	KUNIT_EXPECT_FALSE(test, p.in_irq);
	KUNIT_EXPECT_TRUE(test, p.irqs_on);
	probe_stop(test, &p);
}

/* With bottom halves off nothing runs; scheduling twice is once; enabling runs it. */
static void bh_disable_holds_off(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct probe p;
	int cpu;

	probe_init(&p);
	local_bh_disable();
	cpu = smp_processor_id();
	tasklet_schedule(&p.t);
	tasklet_schedule(&p.t);
	mdelay(30);				/* ticks come and go */
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
	KUNIT_EXPECT_TRUE(test, in_softirq());
	KUNIT_EXPECT_FALSE(test, in_serving_softirq());
	local_bh_enable();			/* runs it, here and now */
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_EQ(test, p.cpu, cpu);

	spin_lock_bh(&lock);
	tasklet_schedule(&p.t);
	mdelay(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	spin_unlock_bh(&lock);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 2);
	tasklet_kill(&p.t);
}

static void schedule_here(void *info)
{
	tasklet_schedule(info);
}

/* Scheduled in an interrupt on each CPU, it runs on that CPU after the handler. */
static void from_irq_on_every_cpu(struct kunit *test)
{
	struct probe p;
	unsigned int cpu, n = 0;

	probe_start(test, &p);
	for_each_online_cpu(cpu) {
		if (cpu == (unsigned int)raw_smp_processor_id())
			continue;
		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, schedule_here, &p.t, 1), 0);
		KUNIT_ASSERT_TRUE(test, wait_runs(&p, ++n, 1000));
		KUNIT_EXPECT_EQ(test, p.cpu, (int)cpu);
		KUNIT_EXPECT_TRUE(test, p.serving_softirq);
		KUNIT_EXPECT_FALSE(test, p.in_irq);
	}
	if (!n)
		kunit_skip(test, "one CPU online");
	probe_stop(test, &p);
}

struct timer_probe {
	struct timer_list timer;
	struct probe normal, hi;
	bool in_irq;
};

static void schedule_both(struct timer_list *t)
{
	struct timer_probe *tp = from_timer(tp, t, timer);

	tp->in_irq = in_irq();
	tasklet_schedule(&tp->normal.t);
	tasklet_hi_schedule(&tp->hi.t);
}

static void stop_timer(void *timer)
{
	del_timer_sync(timer);
}

static void hi_before_normal(struct kunit *test)
{
	struct timer_probe tp;

	probe_start(test, &tp.normal);
	probe_start(test, &tp.hi);
	timer_setup(&tp.timer, schedule_both, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, stop_timer, &tp.timer), 0);
	mod_timer(&tp.timer, jiffies + 1);
	KUNIT_ASSERT_TRUE(test, wait_runs(&tp.normal, 1, 1000));
	KUNIT_ASSERT_TRUE(test, wait_runs(&tp.hi, 1, 1000));
	KUNIT_EXPECT_TRUE(test, tp.in_irq);
	KUNIT_EXPECT_LT(test, tp.hi.seq, tp.normal.seq);
	kunit_release_action(test, stop_timer, &tp.timer);
	probe_stop(test, &tp.hi);
	probe_stop(test, &tp.normal);
}

static void disabled_waits(struct kunit *test)
{
	struct probe p;

	probe_init(&p);
	tasklet_disable(&p.t);
	tasklet_schedule(&p.t);
	msleep(30);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
	tasklet_enable(&p.t);
	KUNIT_EXPECT_TRUE(test, wait_runs(&p, 1, 1000));
	tasklet_kill(&p.t);
}

/* After tasklet_kill of one that reschedules itself, it has stopped for good. */
static void kill_of_self_rescheduling(struct kunit *test)
{
	struct probe p;
	int runs;

	probe_start(test, &p);
	p.reschedule = 200;
	tasklet_schedule(&p.t);
	KUNIT_ASSERT_TRUE(test, wait_runs(&p, 10, 1000));
	probe_stop(test, &p);
	runs = atomic_read(&p.runs);
	KUNIT_EXPECT_LE(test, runs, 201);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), runs);
	KUNIT_EXPECT_EQ(test, p.t.state, 0);
}

/* tasklet_kill on one CPU waits for the run in progress on another. */
static void kill_waits_for_a_run(struct kunit *test)
{
	unsigned int cpu, other = NR_CPUS;
	struct probe p;

	for_each_online_cpu(cpu)
		if (cpu != (unsigned int)raw_smp_processor_id())
			other = cpu;
	if (other == NR_CPUS)
		kunit_skip(test, "one CPU online");
	probe_start(test, &p);
	p.delay_ms = 50;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(other, schedule_here, &p.t, 1), 0);
	while (!test_bit(TASKLET_STATE_RUN, &p.t.state) && !atomic_read(&p.runs))
		cpu_relax();
	probe_stop(test, &p);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);	/* it finished before kill returned */
}

struct kill_in_irq {
	struct timer_list timer;
	struct probe p;
	atomic_t done;
};

static void kill_from_timer(struct timer_list *t)
{
	struct kill_in_irq *k = from_timer(k, t, timer);

	tasklet_kill(&k->p.t);		/* refused: interrupt context */
	atomic_inc(&k->done);
}

/* Misuse is reported and returns; nothing hangs or runs a NULL function. */
static void misuse_reported(struct kunit *test)
{
	struct tasklet_struct blank = { 0 };
	struct kill_in_irq k;
	struct probe p;

	atomic_set(&k.done, 0);
	probe_init(&k.p);
	timer_setup(&k.timer, kill_from_timer, 0);
	mod_timer(&k.timer, jiffies + 1);
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&k.done), 1);
	del_timer_sync(&k.timer);

	probe_init(&p);
	tasklet_disable(&p.t);
	tasklet_schedule(&p.t);
	tasklet_kill(&p.t);		/* disabled and scheduled: could never finish */
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
	tasklet_enable(&p.t);
	KUNIT_EXPECT_TRUE(test, wait_runs(&p, 1, 1000));
	tasklet_kill(&p.t);

	tasklet_schedule(&blank);	/* never initialised */
	KUNIT_EXPECT_FALSE(test, test_bit(TASKLET_STATE_SCHED, &blank.state));
	msleep(10);
}

static struct kunit_case softirq_cases[] = {
	KUNIT_CASE(from_task),
	KUNIT_CASE(bh_disable_holds_off),
	KUNIT_CASE(from_irq_on_every_cpu),
	KUNIT_CASE(hi_before_normal),
	KUNIT_CASE(disabled_waits),
	KUNIT_CASE(kill_of_self_rescheduling),
	KUNIT_CASE(kill_waits_for_a_run),
	KUNIT_CASE(misuse_reported),
	{}
};
static struct kunit_suite softirq_suite = { .name = "softirq", .test_cases = softirq_cases };
kunit_test_suite(softirq_suite);
