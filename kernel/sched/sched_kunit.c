/*
 * KUnit suite "sched": kernel threads (create, run, stop, exit codes),
 * time slices and preemption, preempt_disable, cond_resched, yield, wake-up
 * placement, load balancing and migration, idle tasks, stack use and the
 * guard page that turns a stack overflow into an oops that kills the
 * thread. Cases that need two CPUs are skipped on one.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/mm.h>
#include <linux/time64.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

#define SPIN_MS 400

/* Spin until *@v >= @target or TEST_WAIT_MS pass; true if reached. */
static bool wait_atomic_at_least(atomic_t *v, int target)
{
	u64 start = local_clock();

	while (atomic_read(v) < target) {
		if (local_clock() - start > (u64)TEST_WAIT_MS * NSEC_PER_MSEC)
			return false;
		msleep(1);
	}
	return true;
}

static int counting_thread(void *data)
{
	atomic_t *n = data;

	while (!kthread_should_stop()) {
		atomic_inc(n);
		msleep(1);
	}
	return 42;
}

static void sched_kthread_runs_and_stops(struct kunit *test)
{
	atomic_t n = ATOMIC_INIT(0);
	struct task_struct *p = test_thread_start(test, counting_thread, &n, -1, "counter");

	KUNIT_EXPECT_TRUE(test, wait_atomic_at_least(&n, 3));
	KUNIT_EXPECT_GT(test, p->pid, 1);
	KUNIT_EXPECT_STREQ(test, p->comm, "counter");
	KUNIT_EXPECT_TRUE(test, p->flags & PF_KTHREAD);
	KUNIT_EXPECT_EQ(test, test_thread_stop(test, p), 42);
}

static int must_not_run(void *data)
{
	WRITE_ONCE(*(bool *)data, true);
	return 0;
}

/* A thread stopped before its first wake-up never runs its function. */
static void sched_kthread_stop_before_run(struct kunit *test)
{
	bool ran = false;
	struct task_struct *p = test_thread_create(test, must_not_run, &ran, -1, "never");

	KUNIT_EXPECT_EQ(test, p->state, TASK_UNINTERRUPTIBLE);
	KUNIT_EXPECT_EQ(test, test_thread_stop(test, p), -EINTR);
	KUNIT_EXPECT_FALSE(test, ran);
}

struct sleeper {
	struct completion go;
	int interruptible;
	int woke_on;		/* the CPU it ran on after the wait */
};

static int sleeping_thread(void *data)
{
	struct sleeper *s = data;

	if (s->interruptible && wait_for_completion_interruptible(&s->go))
		return 1;
	if (!s->interruptible)
		wait_for_completion(&s->go);
	s->woke_on = raw_smp_processor_id();
	return 7;
}

/* A sleeping thread shows its state; a thread returning by itself gives its exit code. */
static void sched_states_and_exit_code(struct kunit *test)
{
	struct sleeper s;
	int interruptible;

	test_wake_on_stop(test, test_complete_all, &s.go);
	for (interruptible = 0; interruptible < 2; interruptible++) {
		long want = interruptible ? TASK_INTERRUPTIBLE : TASK_UNINTERRUPTIBLE;
		struct task_struct *p;

		s = (struct sleeper){ .interruptible = interruptible };
		init_completion(&s.go);
		p = test_thread_start(test, sleeping_thread, &s, -1, "sleeper");
		KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
		KUNIT_EXPECT_EQ(test, READ_ONCE(p->state), want);
		KUNIT_EXPECT_EQ(test, READ_ONCE(p->on_rq), 0);
		complete(&s.go);
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 7);
	}
}

struct spinner {
	atomic_t count;
	volatile int cpu;
	bool with_cond_resched;
};

static int spinning_thread(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop()) {
		atomic_inc(&s->count);
		s->cpu = raw_smp_processor_id();
		if (s->with_cond_resched)
			cond_resched();
	}
	return 0;
}

/*
 * Two threads that never sleep share one CPU: only the tick ending a time
 * slice and the interrupt return path switching them lets both progress.
 */
static void sched_time_slices_share_a_cpu(struct kunit *test)
{
	struct spinner s[2] = {};
	struct task_struct *p[2];
	int cpu = test_other_cpu(), i;
	unsigned int waited;

	for (i = 0; i < 2; i++)
		p[i] = test_thread_start(test, spinning_thread, &s[i], cpu, "spinner");
	msleep(SPIN_MS);
	/* A host that deschedules the vCPU holds its ticks back: up to TEST_WAIT_MS for a switch each. */
	for (waited = SPIN_MS; waited < TEST_WAIT_MS &&
	     !(READ_ONCE(p[0]->nivcsw) && READ_ONCE(p[1]->nivcsw)); waited += 10)
		msleep(10);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_GT(test, atomic_read(&s[i].count), 0);
		KUNIT_EXPECT_GT(test, READ_ONCE(p[i]->nivcsw), 0);
		KUNIT_EXPECT_EQ(test, s[i].cpu, cpu);
	}
	for (i = 0; i < 2; i++)
		test_thread_stop(test, p[i]);
}

struct no_preempt {
	atomic_t *other;
	int other_before, other_after;
	bool resched_pending;
};

static int preempt_off_thread(void *data)
{
	struct no_preempt *np = data;
	u64 start;

	preempt_disable();
	np->other_before = atomic_read(np->other);
	start = local_clock();
	/* Longer than two time slices: the other thread would have run by now. */
	while (local_clock() - start < 3 * SCHED_TIMESLICE_MS * NSEC_PER_MSEC)
		cpu_relax();
	np->other_after = atomic_read(np->other);
	np->resched_pending = need_resched();
	preempt_enable();
	return 0;
}

/* With preemption disabled nothing else runs on the CPU, though a switch is due. */
static void sched_preempt_disable_holds_the_cpu(struct kunit *test)
{
	struct spinner s = {};
	struct no_preempt np = { .other = &s.count };
	struct task_struct *spinner, *holder;
	int cpu = test_other_cpu();

	spinner = test_thread_start(test, spinning_thread, &s, cpu, "spinner");
	KUNIT_EXPECT_TRUE(test, wait_atomic_at_least(&s.count, 1));
	holder = test_thread_start(test, preempt_off_thread, &np, cpu, "nopreempt");
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, holder), 0);
	test_thread_stop(test, spinner);
	KUNIT_EXPECT_EQ(test, np.other_after, np.other_before);
	KUNIT_EXPECT_TRUE(test, np.resched_pending);
}

/* A thread that keeps preemption off except at cond_resched() still lets others in. */
static void sched_cond_resched_gives_way(struct kunit *test)
{
	struct spinner counted = {}, polite = { .with_cond_resched = true };
	struct task_struct *a, *b;
	int cpu = test_other_cpu();

	a = test_thread_start(test, spinning_thread, &polite, cpu, "polite");
	b = test_thread_start(test, spinning_thread, &counted, cpu, "counted");
	msleep(SPIN_MS);
	KUNIT_EXPECT_GT(test, atomic_read(&counted.count), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&polite.count), 0);
	test_thread_stop(test, a);
	test_thread_stop(test, b);
}

#define YIELD_ROUNDS 50

struct yielder {
	int id;
	atomic_t *next;		/* index into order[] */
	int *order;
	struct completion *started;
};

static int yielding_thread(void *data)
{
	struct yielder *y = data;
	int i;

	complete(y->started);
	while (READ_ONCE(*y->order) < 0)	/* both started */
		yield();
	for (i = 0; i < YIELD_ROUNDS; i++) {
		y->order[1 + atomic_fetch_inc(y->next)] = y->id;
		yield();
	}
	return 0;
}

/* When the case ends: a yielder left waiting for its partner goes through its rounds. */
static void yielders_go(void *order)
{
	WRITE_ONCE(*(int *)order, 0);
}

/* yield() puts the caller behind the other runnable thread of its CPU: they alternate. */
static void sched_yield_alternates(struct kunit *test)
{
	static int order[1 + 2 * YIELD_ROUNDS];
	struct completion started;
	atomic_t next = ATOMIC_INIT(0);
	struct yielder y[2];
	struct task_struct *p[2];
	int cpu = test_other_cpu(), i, switches = 0;

	init_completion(&started);
	order[0] = -1;
	test_wake_on_stop(test, yielders_go, order);
	for (i = 0; i < 2; i++) {
		y[i] = (struct yielder){ i, &next, order, &started };
		p[i] = test_thread_start(test, yielding_thread, &y[i], cpu, "yielder");
	}
	wait_for_completion(&started);
	wait_for_completion(&started);
	WRITE_ONCE(order[0], 0);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p[i]), 0);
	for (i = 2; i <= 2 * YIELD_ROUNDS; i++)
		switches += order[i] != order[i - 1];
	/* Strict alternation but for a time slice ending at the wrong moment. */
	KUNIT_EXPECT_GE(test, switches, 2 * YIELD_ROUNDS - 1 - 4);
}

/* Every online CPU has one of @n spinners on it now. */
static bool spinners_cover_cpus(struct spinner *s, int n)
{
	unsigned long seen = 0;
	int i;

	for (i = 0; i < n; i++)
		seen |= 1UL << s[i].cpu;
	return (seen & cpu_online_map.bits) == cpu_online_map.bits;
}

/* Threads crowded on one CPU spread over all of them once they may (load balancing). */
static void sched_load_balancing_spreads_threads(struct kunit *test)
{
	int ncpus = num_online_cpus(), n = 2 * ncpus, crowd = test_other_cpu(), i;
	struct spinner s[2 * NR_CPUS] = {};
	struct task_struct *p[2 * NR_CPUS];
	cpumask_t all = cpu_online_map;
	u64 start;

	if (ncpus < 2)
		kunit_skip(test, "one CPU");
	for (i = 0; i < n; i++) {
		s[i].cpu = -1;
		p[i] = test_thread_start(test, spinning_thread, &s[i], crowd, "crowd");
	}
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_TRUE(test, wait_atomic_at_least(&s[i].count, 1));
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p[i], &all), 0);
	start = local_clock();
	while (!spinners_cover_cpus(s, n) && local_clock() - start < (u64)TEST_WAIT_MS * NSEC_PER_MSEC)
		msleep(10);
	KUNIT_EXPECT_TRUE_MSG(test, spinners_cover_cpus(s, n), "after %llu ms",
			      (local_clock() - start) / NSEC_PER_MSEC);
	for (i = 0; i < n; i++)
		test_thread_stop(test, p[i]);
}

static int hopping_thread(void *data)
{
	int cpu, wrong = 0;

	for_each_online_cpu(cpu) {
		cpumask_t one = cpumask_of_cpu(cpu);

		if (set_cpus_allowed_ptr(current, &one) || raw_smp_processor_id() != cpu)
			wrong++;
	}
	return wrong;
}

/* A thread moves itself, a running one is moved by another, a sleeping one wakes where allowed. */
static void sched_migration_follows_allowed_cpus(struct kunit *test)
{
	int a = raw_smp_processor_id(), b = test_other_cpu();
	struct sleeper sl = { .interruptible = 0 };
	struct spinner s = { .cpu = -1 };
	cpumask_t to_b = cpumask_of_cpu(b), to_a = cpumask_of_cpu(a);
	struct task_struct *p;
	u64 start;

	p = test_thread_start(test, hopping_thread, NULL, -1, "hopper");
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);

	p = test_thread_start(test, spinning_thread, &s, a, "moved");
	KUNIT_EXPECT_TRUE(test, wait_atomic_at_least(&s.count, 1));
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p, &to_b), 0);
	start = local_clock();
	while (s.cpu != b && local_clock() - start < (u64)TEST_WAIT_MS * NSEC_PER_MSEC)
		msleep(1);
	KUNIT_EXPECT_EQ(test, s.cpu, b);
	test_thread_stop(test, p);

	init_completion(&sl.go);
	test_wake_on_stop(test, test_complete_all, &sl.go);
	p = test_thread_start(test, sleeping_thread, &sl, b, "sleeper");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(p, &to_a), 0);
	complete(&sl.go);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 7);
	KUNIT_EXPECT_EQ(test, sl.woke_on, a);
}

/* Each CPU has its idle task: PID 0, swapper/N, never on a run queue. */
static void sched_idle_tasks(struct kunit *test)
{
	char name[TASK_COMM_LEN];
	int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *idle = idle_task(cpu);

		snprintf(name, sizeof(name), "swapper/%d", cpu);
		KUNIT_EXPECT_EQ(test, idle->pid, 0);
		KUNIT_EXPECT_STREQ(test, idle->comm, name);
		KUNIT_EXPECT_TRUE(test, is_idle_task(idle));
		KUNIT_EXPECT_EQ(test, task_cpu(idle), cpu);
		KUNIT_EXPECT_EQ(test, idle->on_rq, 0);
	}
	KUNIT_EXPECT_FALSE(test, is_idle_task(current));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* The task list (what ps shows) has an idle task for each CPU that exists, no more. */
static void sched_idle_tasks_listed_for_possible_cpus(struct kunit *test)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int idle = 0, bad = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!is_idle_task(p))
			continue;
		idle++;
		bad += !cpu_possible(task_cpu(p)) || p != idle_task(task_cpu(p));
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	KUNIT_EXPECT_EQ(test, idle, num_possible_cpus());
	KUNIT_EXPECT_EQ(test, bad, 0);
	/* Possible is what the chip has (every such CPU came up), not NR_CPUS: -smp 2 lists two. */
	KUNIT_EXPECT_EQ(test, num_possible_cpus(), num_online_cpus());
}

/*
 * meminfo's KernelStack counts every thread's stack, from creation to the
 * end. The counter is system-wide: a thread that another subsystem starts
 * or ends meanwhile (a worker) moves it too, so a few tries are allowed;
 * a kernel that does not count never gets one right.
 */
static void sched_kernel_stack_counted(struct kunit *test)
{
	const unsigned long pages = THREAD_SIZE / PAGE_SIZE;
	unsigned long before = 0, created = 0, stopped = 0;
	struct task_struct *p;
	int tries;

	for (tries = 0; tries < 5; tries++) {
		before = global_page_state(NR_KERNEL_STACK);
		KUNIT_ASSERT_GE(test, before, pages);	/* this one's, at least */
		p = test_thread_create(test, must_not_run, NULL, -1, "stackcount");
		created = global_page_state(NR_KERNEL_STACK);
		test_thread_stop(test, p);
		stopped = global_page_state(NR_KERNEL_STACK);
		if (created == before + pages && stopped == before)
			return;
		kunit_info(test, "KernelStack %lu, %lu with a thread, %lu after it: again\n",
			   before, created, stopped);
	}
	KUNIT_EXPECT_EQ(test, created, before + pages);
	KUNIT_EXPECT_EQ(test, stopped, before);
}

static int stack_user(void *data)
{
	volatile char buf[2048];
	unsigned int i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = 1;
	return (int)stack_used_bytes(current) + buf[0] - 1;
}

/* Stack use is measured from the high-water mark of the zeroed stack. */
static void sched_stack_use_is_measured(struct kunit *test)
{
	struct task_struct *p = test_thread_start(test, stack_user, NULL, -1, "stackuser");
	int used = test_thread_reap(test, p);

	KUNIT_EXPECT_GE(test, used, 2048);
	KUNIT_EXPECT_LT(test, used, THREAD_SIZE);
	KUNIT_EXPECT_GT(test, stack_used_bytes(current), 0);
	KUNIT_EXPECT_LT(test, stack_used_bytes(current), THREAD_SIZE);
}

#define FRAME_PAD 128

/* Where the first frame's pad was, and the deepest one so far. */
struct stack_reach {
	unsigned long first, deepest;
};

static noinline int recurse(struct stack_reach *reach, int n)
{
	volatile char pad[FRAME_PAD];

	pad[0] = (char)n;
	if (n == 1)
		WRITE_ONCE(reach->first, (unsigned long)pad);
	WRITE_ONCE(reach->deepest, (unsigned long)pad);
	if (n > 1000000)	/* never: a stack holds a few dozen of these frames */
		return 0;
	return recurse(reach, n + 1) + pad[0];
}

static int overflowing_thread(void *data)
{
	/* Interrupts off: the fault, not an interrupt, must be what meets the guard page. */
	local_irq_disable();
	return recurse(data, 1);
}

/* Running off the bottom of a thread stack hits the guard page: an oops kills the thread. */
static void sched_stack_overflow_is_caught(struct kunit *test)
{
	struct stack_reach reach = { 0, 0 };
	struct task_struct *p;
	int code;

	kunit_expect_fault_begin(test);
	p = test_thread_start(test, overflowing_thread, &reach, -1, "overflow");
	code = test_thread_reap(test, p);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, code, SIGSEGV);
	KUNIT_EXPECT_GE(test, READ_ONCE(reach.first) - READ_ONCE(reach.deepest), THREAD_SIZE / 2);
}

static struct task_struct *abandoned;

static int frame_writer(void *data)
{
	volatile int *counter = data;

	while (!kthread_should_stop()) {
		(*counter)++;
		msleep(1);
	}
	return 0;
}

static void helper_asserts_with_a_thread_running(struct kunit *test)
{
	volatile int counter = 0;	/* in this case's frame: the thread writes it */
	unsigned long end = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	abandoned = test_thread_start(test, frame_writer, (void *)&counter, -1, "abandoned");
	get_task_struct(abandoned);
	while (!counter && time_before(jiffies, end))
		msleep(1);
	KUNIT_ASSERT_EQ(test, counter, -1);	/* ends the case with the thread running */
}

/* A case that ends by an ASSERT has its threads stopped before its stack goes. */
static void sched_assert_stops_the_case_threads(struct kunit *test)
{
	struct kunit inner = { .name = "inner" };
	char log[256] = "";
	bool stopped;

	inner.log = log;
	inner.log_size = sizeof(log);
	abandoned = NULL;
	kunit_try_run_case(&inner, helper_asserts_with_a_thread_running);
	KUNIT_EXPECT_EQ(test, inner.status, KUNIT_FAILURE);
	KUNIT_ASSERT_NOT_NULL(test, abandoned);
	stopped = completion_done(&abandoned->exited);
	KUNIT_EXPECT_TRUE(test, stopped);
	if (!stopped)
		kthread_stop(abandoned);	/* the kernel must survive the failure */
	put_task_struct(abandoned);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_kthread_runs_and_stops),
	KUNIT_CASE(sched_kthread_stop_before_run),
	KUNIT_CASE(sched_states_and_exit_code),
	KUNIT_CASE(sched_time_slices_share_a_cpu),
	KUNIT_CASE(sched_preempt_disable_holds_the_cpu),
	KUNIT_CASE(sched_cond_resched_gives_way),
	KUNIT_CASE(sched_yield_alternates),
	KUNIT_CASE(sched_load_balancing_spreads_threads),
	KUNIT_CASE(sched_migration_follows_allowed_cpus),
	KUNIT_CASE(sched_idle_tasks),
	KUNIT_CASE(sched_idle_tasks_listed_for_possible_cpus),
	KUNIT_CASE(sched_kernel_stack_counted),
	KUNIT_CASE(sched_stack_use_is_measured),
	KUNIT_CASE(sched_stack_overflow_is_caught),
	KUNIT_CASE(sched_assert_stops_the_case_threads),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
