/*
 * Scheduler and locking micro-benchmarks, run by the `sched_bench` console
 * command (and `make bench`, which boots QEMU with -icount shift=0 so that
 * a nanosecond of virtual time is one guest instruction: the figures are
 * then instruction counts). Each prints "bench <name>: <ns> ns/op (<n> ops)"
 * to the hundredth:
 *
 *   context_switch     two threads on one CPU yielding to each other
 *   mutex_uncontended  mutex_lock + mutex_unlock (with debug_locks as booted)
 *   spinlock_pair      spin_lock + spin_unlock
 *   completion_rtt     complete() and wait back, between two CPUs
 *   timer_wakeup       from a timer's function waking a task to the task running
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/completion.h>
#include <linux/debug_locks.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <mica/shell.h>
#include <string.h>

#define SWITCH_ROUNDS	5000
#define LOCK_ROUNDS	20000
#define RTT_ROUNDS	2000
#define WAKEUP_ROUNDS	50

/* In hundredths: a pair of a few dozen instructions is not rounded away. */
static void report(const char *name, u64 ns, unsigned long ops)
{
	u64 x100 = ops ? (ns * 100 + ops / 2) / ops : 0;

	shell_printf("bench %s: %llu.%02llu ns/op (%lu ops)\n", name, x100 / 100, x100 % 100, ops);
}

/* Start @fn(@data) bound to @cpu and hold a reference until bench_reap(). */
static struct task_struct *bench_start(int (*fn)(void *), void *data, int cpu, const char *name)
{
	struct task_struct *p = kthread_create(fn, data, "%s", name);

	if (IS_ERR(p))
		return p;
	get_task_struct(p);
	kthread_bind(p, cpu);
	wake_up_process(p);
	return p;
}

static void bench_reap(struct task_struct *p)
{
	wait_for_completion(&p->exited);
	while (READ_ONCE(p->on_cpu))
		cpu_relax();
	put_task_struct(p);
}

/* The other online CPU, or this one when there is no other. */
static int other_cpu(void)
{
	int self = raw_smp_processor_id(), cpu;

	for_each_online_cpu(cpu)
		if (cpu != self)
			return cpu;
	return self;
}

struct yield_pair {
	struct completion ready;
	atomic_t started, timing;
	u64 t0, t1;		/* the first one in, the last one out */
};

static int yielder(void *data)
{
	struct yield_pair *y = data;
	int i;

	/* Both must be on the run queue before timing starts. */
	atomic_inc(&y->started);
	while (atomic_read(&y->started) < 2)
		yield();
	if (atomic_inc_return(&y->timing) == 1)
		y->t0 = local_clock();
	for (i = 0; i < SWITCH_ROUNDS; i++)
		yield();
	y->t1 = local_clock();
	complete(&y->ready);
	return 0;
}

static int bench_context_switch(void)
{
	struct yield_pair y = { .started = ATOMIC_INIT(0), .timing = ATOMIC_INIT(0) };
	struct task_struct *a, *b;
	int cpu = other_cpu();

	init_completion(&y.ready);
	a = bench_start(yielder, &y, cpu, "yield-a");
	if (IS_ERR(a))
		return PTR_ERR(a);
	b = bench_start(yielder, &y, cpu, "yield-b");
	if (IS_ERR(b)) {
		bench_reap(a);
		return PTR_ERR(b);
	}
	wait_for_completion(&y.ready);
	wait_for_completion(&y.ready);
	report("context_switch", y.t1 - y.t0, 2UL * SWITCH_ROUNDS);
	bench_reap(a);
	bench_reap(b);
	return 0;
}

/* With the lock debugging the command line chose (debug_locks=): it is set at boot only. */
static int bench_mutex(void)
{
	DEFINE_MUTEX(m);
	u64 start = local_clock();
	int i;

	for (i = 0; i < LOCK_ROUNDS; i++) {
		mutex_lock(&m);
		mutex_unlock(&m);
	}
	report(debug_locks ? "mutex_uncontended (debug_locks=1)" : "mutex_uncontended (debug_locks=0)",
	       local_clock() - start, LOCK_ROUNDS);
	return 0;
}

static int bench_spinlock(void)
{
	DEFINE_SPINLOCK(lock);
	u64 start = local_clock();
	int i;

	for (i = 0; i < LOCK_ROUNDS; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	report("spinlock_pair", local_clock() - start, LOCK_ROUNDS);
	return 0;
}

struct ping_pong {
	struct completion ping, pong;
};

static int ponger(void *data)
{
	struct ping_pong *pp = data;
	int i;

	for (i = 0; i < RTT_ROUNDS; i++) {
		wait_for_completion(&pp->ping);
		complete(&pp->pong);
	}
	return 0;
}

static int pinger(void *data)
{
	struct ping_pong *pp = data;
	int i;

	for (i = 0; i < RTT_ROUNDS; i++) {
		complete(&pp->ping);
		wait_for_completion(&pp->pong);
	}
	return 0;
}

static int bench_completion_rtt(void)
{
	struct ping_pong pp;
	struct task_struct *a, *b;
	int here = raw_smp_processor_id(), there = other_cpu();
	u64 start;

	init_completion(&pp.ping);
	init_completion(&pp.pong);
	b = bench_start(ponger, &pp, there, "ponger");
	if (IS_ERR(b))
		return PTR_ERR(b);
	start = local_clock();
	a = bench_start(pinger, &pp, here, "pinger");
	if (IS_ERR(a)) {
		complete_all(&pp.ping);
		bench_reap(b);
		return PTR_ERR(a);
	}
	bench_reap(a);
	report(here == there ? "completion_rtt (one CPU)" : "completion_rtt", local_clock() - start,
	       RTT_ROUNDS);
	bench_reap(b);
	return 0;
}

struct wakeup_probe {
	struct timer_list timer;
	struct task_struct *task;
	u64 fired;
};

static void wake_task(struct timer_list *t)
{
	struct wakeup_probe *w = from_timer(w, t, timer);

	w->fired = local_clock();
	wake_up_process(w->task);
}

static int bench_timer_wakeup(void)
{
	struct wakeup_probe w = { .task = current };
	u64 total = 0;
	int i;

	timer_setup(&w.timer, wake_task, 0);
	for (i = 0; i < WAKEUP_ROUNDS; i++) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		mod_timer(&w.timer, jiffies + 1);
		schedule();
		total += local_clock() - w.fired;
	}
	del_timer_sync(&w.timer);
	report("timer_wakeup", total, WAKEUP_ROUNDS);
	return 0;
}

static const struct {
	const char *name;
	int (*run)(void);
} benches[] = {
	{ "context_switch", bench_context_switch },
	{ "mutex_uncontended", bench_mutex },
	{ "spinlock_pair", bench_spinlock },
	{ "completion_rtt", bench_completion_rtt },
	{ "timer_wakeup", bench_timer_wakeup },
};

static int cmd_bench(int argc, char **argv)
{
	struct shell_args args;
	unsigned int i;
	int ret, ran = 0, n;

	n = shell_operands_only(&args, argc, argv, 0, 1);
	if (n < 0)
		return n;
	ret = 0;
	for (i = 0; i < ARRAY_SIZE(benches); i++) {
		if (n && strcmp(argv[args.optind], benches[i].name))
			continue;
		ran++;
		ret = benches[i].run();
		if (ret)
			break;
	}
	if (!ran) {
		shell_printf("sched_bench: no benchmark named '%s'\n", argv[args.optind]);
		return -ENOENT;
	}
	return ret;
}
SHELL_COMMAND("sched_bench", "[NAME]", "scheduler and locking micro-benchmarks (all, or one)",
	      cmd_bench);
