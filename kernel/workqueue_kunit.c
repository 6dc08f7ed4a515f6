/*
 * KUnit suite "workqueue": work runs once per queueing in a worker thread
 * that may sleep; flush_work waits for the last queueing (even of an item
 * that requeues itself); cancel_work_sync takes an item off its queue or
 * waits for its run; a single-threaded workqueue keeps order; a per-CPU one
 * runs work on the CPU asked for; delayed work waits its delay and can be
 * cancelled, flushed early or moved; destroy_workqueue runs what is queued
 * and stops its workers; misuse (flushing or cancelling from the item's own
 * function, queueing an item without a function) is reported and returns.
 *
 * A case's items and workqueues are undone by deferred actions however the
 * case ends (a failed ASSERT too): the gate opens, every item is cancelled,
 * then every workqueue is destroyed, so no worker is left blocked or
 * running a freed item.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/workqueue.h>
#include <mica/kunit.h>

struct probe {
	struct work_struct work;
	struct delayed_work dwork;
	atomic_t runs;
	struct task_struct *task;
	int cpu;
	bool atomic;
	unsigned long ran_at;		/* jiffies */
	unsigned int sleep_ms;
	unsigned int requeue;		/* times it queues itself again */
	struct completion *gate;	/* waits for it before returning */
	int *order, seq;
};

static atomic_t order_counter;

static void probe_run(struct probe *p, struct work_struct *work)
{
	p->task = current;
	p->cpu = smp_processor_id();
	p->atomic = in_atomic() || irqs_disabled();
	p->ran_at = jiffies;
	p->seq = atomic_inc_return(&order_counter);
	if (p->gate)
		wait_for_completion(p->gate);
	if (p->sleep_ms)
		msleep(p->sleep_ms);
	if (p->requeue) {
		p->requeue--;
		schedule_work(work);
	}
	atomic_inc(&p->runs);	/* last: the test may return (and @p go) once it sees it */
}

static void probe_fn(struct work_struct *work)
{
	probe_run(container_of(work, struct probe, work), work);
}

static void probe_dfn(struct work_struct *work)
{
	probe_run(container_of(to_delayed_work(work), struct probe, dwork), work);
}

static void probe_init(struct probe *p)
{
	memset(p, 0, sizeof(*p));
	INIT_WORK(&p->work, probe_fn);
	INIT_DELAYED_WORK(&p->dwork, probe_dfn);
}

/* A case's probes and the gate its blocked items wait at. */
struct probe_set {
	struct completion gate;
	unsigned int n;
	struct probe p[];
};

static void probe_set_end(void *arg)
{
	struct probe_set *set = arg;

	complete_all(&set->gate);
	for (unsigned int i = 0; i < set->n; i++) {
		cancel_work_sync(&set->p[i].work);
		cancel_delayed_work_sync(&set->p[i].dwork);
	}
	kfree(set);
}

/*
 * @n probes for this case (and *@gate, if asked for, closed): when the case
 * ends the gate opens and each probe is cancelled, then they are freed.
 */
static struct probe *new_probes(struct kunit *test, unsigned int n, struct completion **gate)
{
	struct probe_set *set = kzalloc(sizeof(*set) + n * sizeof(set->p[0]), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, set);
	init_completion(&set->gate);
	set->n = n;
	for (unsigned int i = 0; i < n; i++)
		probe_init(&set->p[i]);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, probe_set_end, set), 0);
	if (gate)
		*gate = &set->gate;
	return set->p;
}

static void destroy_wq(void *wq)
{
	destroy_workqueue(wq);
}

/* @wq, destroyed when the case ends (after its probes are cancelled: create it first). */
static struct workqueue_struct *test_wq(struct kunit *test, struct workqueue_struct *wq)
{
	KUNIT_ASSERT_NOT_NULL(test, wq);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, destroy_wq, wq), 0);
	return wq;
}

static bool wait_runs(struct probe *p, int n, unsigned int ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	while (atomic_read(&p->runs) < n && time_before(jiffies, end))
		msleep(1);
	return atomic_read(&p->runs) >= n;
}

static void runs_in_a_worker(struct kunit *test)
{
	struct probe *p = new_probes(test, 1, NULL);

	p->sleep_ms = 5;			/* it may sleep */
	KUNIT_EXPECT_TRUE(test, schedule_work(&p->work));
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1, 2000));
	KUNIT_EXPECT_FALSE(test, p->atomic);
	KUNIT_EXPECT_PTR_NE(test, p->task, current);
	KUNIT_EXPECT_EQ(test, strncmp(p->task->comm, "kworker/", 8), 0);
	KUNIT_EXPECT_FALSE(test, work_pending(&p->work));
	KUNIT_EXPECT_FALSE(test, flush_work(&p->work));	/* idle: nothing to wait for */
}

/*
 * A single-threaded workqueue whose worker waits at *@gate in the first of
 * @n probes' item; the others are returned in *@probes.
 */
static struct workqueue_struct *blocked_workqueue(struct kunit *test, unsigned int n,
						  struct completion **gate, struct probe **probes)
{
	struct workqueue_struct *wq = test_wq(test, create_singlethread_workqueue("kunit_wq"));
	struct probe *blocker = new_probes(test, n + 1, gate);

	blocker->gate = *gate;
	queue_work(wq, &blocker->work);
	*probes = blocker + 1;
	return wq;
}

/* Queued twice before it runs: once. flush_work returns after the run. */
static void pending_once_and_flush(struct kunit *test)
{
	struct completion *gate;
	struct probe *p;
	struct workqueue_struct *wq = blocked_workqueue(test, 1, &gate, &p);

	p->sleep_ms = 20;
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &p->work));
	KUNIT_EXPECT_FALSE(test, queue_work(wq, &p->work));
	KUNIT_EXPECT_TRUE(test, work_pending(&p->work));
	complete(gate);
	KUNIT_EXPECT_TRUE(test, flush_work(&p->work));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);	/* done, not just started */
	msleep(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
}

static void cancel_pending_and_running(struct kunit *test)
{
	struct completion *gate;
	struct probe *p;
	struct workqueue_struct *wq = blocked_workqueue(test, 1, &gate, &p);

	queue_work(wq, &p->work);
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&p->work));	/* off the queue */
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&p->work));	/* idle now */
	complete(gate);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 0);

	/* Running: cancel waits for the end of the run. */
	p->sleep_ms = 30;
	queue_work(wq, &p->work);
	while (!READ_ONCE(p->task))
		msleep(1);
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&p->work));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
}

/* flush_work waits for the queueing it saw, not for every later one. */
static void self_requeueing(struct kunit *test)
{
	struct probe *p = new_probes(test, 1, NULL);
	int runs;

	p->requeue = 1000000;
	schedule_work(&p->work);
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 5, 2000));
	KUNIT_EXPECT_TRUE(test, flush_work(&p->work));
	cancel_work_sync(&p->work);
	KUNIT_EXPECT_FALSE(test, work_pending(&p->work));
	runs = atomic_read(&p->runs);
	msleep(10);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), runs);	/* stopped */
}

#define NR_ORDERED 8

static void ordered(struct kunit *test)
{
	struct workqueue_struct *wq = test_wq(test, create_singlethread_workqueue("kunit_ordered"));
	struct probe *p = new_probes(test, NR_ORDERED, NULL);
	unsigned int i;

	for (i = 0; i < NR_ORDERED; i++) {
		p[i].sleep_ms = i % 2;
		queue_work(wq, &p[i].work);
	}
	flush_workqueue(wq);
	for (i = 0; i < NR_ORDERED; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&p[i].runs), 1);
		if (i)
			KUNIT_EXPECT_EQ(test, p[i].seq, p[i - 1].seq + 1);
	}
}

static void per_cpu_workqueue(struct kunit *test)
{
	struct workqueue_struct *wq = test_wq(test, create_workqueue("kunit_percpu"));
	struct probe *p = new_probes(test, 1, NULL);
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		probe_init(p);
		KUNIT_EXPECT_TRUE(test, queue_work_on(cpu, wq, &p->work));
		flush_work(&p->work);	/* false if it already ran on that CPU: fine */
		KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
		KUNIT_EXPECT_EQ(test, p->cpu, (int)cpu);
	}
}

static void delayed(struct kunit *test)
{
	struct probe *p = new_probes(test, 1, NULL);
	unsigned long queued;

	queued = jiffies;
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p->dwork, 5));
	KUNIT_EXPECT_TRUE(test, delayed_work_pending(&p->dwork));
	KUNIT_EXPECT_FALSE(test, schedule_delayed_work(&p->dwork, 1));
	KUNIT_ASSERT_TRUE(test, wait_runs(p, 1, 2000));
	KUNIT_EXPECT_GE(test, p->ran_at - queued, 5);

	/* Cancelled before its time: never runs. */
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p->dwork, HZ));
	KUNIT_EXPECT_TRUE(test, cancel_delayed_work(&p->dwork));
	KUNIT_EXPECT_FALSE(test, cancel_delayed_work(&p->dwork));
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p->dwork, HZ));
	KUNIT_EXPECT_TRUE(test, cancel_delayed_work_sync(&p->dwork));
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);

	/* Flushed: runs now rather than in ten seconds. */
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p->dwork, 10 * HZ));
	KUNIT_EXPECT_TRUE(test, flush_delayed_work(&p->dwork));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 2);

	/* Moved: from ten seconds to now. */
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&p->dwork, 10 * HZ));
	KUNIT_EXPECT_TRUE(test, mod_delayed_work(system_wq, &p->dwork, 0));
	KUNIT_EXPECT_TRUE(test, wait_runs(p, 3, 2000));
}

static DECLARE_DELAYED_WORK(static_dwork, probe_dfn);

/* A DECLARE_DELAYED_WORK item works without any set-up, also cancelled first. */
static void declared_statically(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, cancel_delayed_work_sync(&static_dwork));
	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&static_dwork));
}

/* destroy_workqueue runs what is queued, then its workers are gone. */
#define NR_DRAINED 4

static void destroy_drains(struct kunit *test)
{
	struct workqueue_struct *wq = test_wq(test, create_workqueue("kunit_drain"));
	struct probe *p = new_probes(test, NR_DRAINED, NULL);
	unsigned int i;

	for (i = 0; i < NR_DRAINED; i++) {
		p[i].sleep_ms = 3;
		queue_work(wq, &p[i].work);
	}
	kunit_release_action(test, destroy_wq, wq);
	for (i = 0; i < NR_DRAINED; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&p[i].runs), 1);
		probe_init(&p[i]);	/* idle, their pool gone: nothing left to cancel */
	}
}

struct self_flush {
	struct work_struct work;
	bool flushed, cancelled;
};

static void flush_self_fn(struct work_struct *work)
{
	struct self_flush *s = container_of(work, struct self_flush, work);

	s->flushed = flush_work(work);
	s->cancelled = cancel_work_sync(work);
}

static void misuse_reported(struct kunit *test)
{
	struct self_flush s = { .flushed = true, .cancelled = true };
	struct work_struct blank = { 0 };

	INIT_WORK(&s.work, flush_self_fn);
	schedule_work(&s.work);
	KUNIT_EXPECT_TRUE(test, flush_work(&s.work));	/* it returned: no deadlock */
	KUNIT_EXPECT_FALSE(test, s.flushed);
	KUNIT_EXPECT_FALSE(test, s.cancelled);

	INIT_LIST_HEAD(&blank.entry);
	KUNIT_EXPECT_FALSE(test, schedule_work(&blank));	/* no function */
	KUNIT_EXPECT_FALSE(test, work_pending(&blank));
	KUNIT_EXPECT_FALSE(test, queue_work(NULL, &s.work));
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(runs_in_a_worker),
	KUNIT_CASE(pending_once_and_flush),
	KUNIT_CASE(cancel_pending_and_running),
	KUNIT_CASE(self_requeueing),
	KUNIT_CASE(ordered),
	KUNIT_CASE(per_cpu_workqueue),
	KUNIT_CASE(delayed),
	KUNIT_CASE(declared_statically),
	KUNIT_CASE(destroy_drains),
	KUNIT_CASE(misuse_reported),
	{}
};
static struct kunit_suite workqueue_suite = { .name = "workqueue", .test_cases = workqueue_cases };
kunit_test_suite(workqueue_suite);
