/*
 * KUnit suite "wait": __wake_up_common's exclusive/non-exclusive
 * semantics, a producer and a consumer handing items over through wait
 * queues on two CPUs, timeouts, and which states a signal or
 * wake_up_interruptible() ends.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

/* ---- __wake_up_common on entries whose wake function only records the call ---- */

struct probe {
	wait_queue_t wait;
	int calls;
	int succeed;		/* what the wake function reports: did it wake a task? */
};

static int probe_wake(wait_queue_t *wait, unsigned int mode, int flags, void *key)
{
	struct probe *p = container_of(wait, struct probe, wait);

	p->calls++;
	return p->succeed;
}

static void probe_add(wait_queue_head_t *q, struct probe *p, bool exclusive, int succeed)
{
	p->calls = 0;
	p->succeed = succeed;
	init_waitqueue_entry(&p->wait, NULL);
	p->wait.func = probe_wake;
	if (exclusive)
		add_wait_queue_exclusive(q, &p->wait);
	else
		add_wait_queue(q, &p->wait);
}

static void reset_calls(struct probe *p, int n)
{
	while (n--)
		p[n].calls = 0;
}

/*
 * Non-exclusive waiters are all woken, even when queued after exclusive
 * ones; then nr_exclusive exclusive ones in queue order, counting only
 * those whose wake function says it woke something.
 */
static void waitqueue_wake_up_common_semantics(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD(q);
	struct probe ex[3], nonex[2];
	int i;

	probe_add(&q, &ex[0], true, 1);
	probe_add(&q, &nonex[0], false, 1);
	probe_add(&q, &ex[1], true, 1);
	probe_add(&q, &ex[2], true, 1);
	probe_add(&q, &nonex[1], false, 1);

	wake_up(&q);
	KUNIT_EXPECT_EQ(test, nonex[0].calls, 1);
	KUNIT_EXPECT_EQ(test, nonex[1].calls, 1);
	KUNIT_EXPECT_EQ(test, ex[0].calls, 1);
	KUNIT_EXPECT_EQ(test, ex[1].calls, 0);
	KUNIT_EXPECT_EQ(test, ex[2].calls, 0);

	reset_calls(ex, 3);
	reset_calls(nonex, 2);
	wake_up_nr(&q, 2);
	KUNIT_EXPECT_EQ(test, ex[0].calls + ex[1].calls + ex[2].calls, 2);
	KUNIT_EXPECT_EQ(test, ex[2].calls, 0);
	KUNIT_EXPECT_EQ(test, nonex[0].calls + nonex[1].calls, 2);

	/* An exclusive entry that woke nobody does not use up nr_exclusive. */
	reset_calls(ex, 3);
	ex[0].succeed = 0;
	wake_up(&q);
	KUNIT_EXPECT_EQ(test, ex[0].calls, 1);
	KUNIT_EXPECT_EQ(test, ex[1].calls, 1);
	KUNIT_EXPECT_EQ(test, ex[2].calls, 0);

	reset_calls(ex, 3);
	wake_up_all(&q);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, ex[i].calls, 1);

	for (i = 0; i < 3; i++)
		remove_wait_queue(&q, &ex[i].wait);
	for (i = 0; i < 2; i++)
		remove_wait_queue(&q, &nonex[i].wait);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&q));
}

/* ---- exclusive waiters that are real tasks: one wake-up, one task ---- */

struct token_pool {
	wait_queue_head_t q;
	spinlock_t lock;
	int tokens;
	atomic_t done;
};

static bool take_token(struct token_pool *tp)
{
	bool got = false;

	spin_lock(&tp->lock);
	if (tp->tokens > 0) {
		tp->tokens--;
		got = true;
	}
	spin_unlock(&tp->lock);
	return got;
}

static int token_waiter(void *data)
{
	struct token_pool *tp = data;
	int ret = wait_event_interruptible_exclusive(tp->q, take_token(tp));

	if (!ret)
		atomic_inc(&tp->done);
	return ret;
}

static void give_tokens(struct token_pool *tp, int n)
{
	spin_lock(&tp->lock);
	tp->tokens += n;
	spin_unlock(&tp->lock);
	while (n--)
		wake_up(&tp->q);
}

static void waitqueue_exclusive_tasks_one_at_a_time(struct kunit *test)
{
	struct token_pool tp = { .tokens = 0, .done = ATOMIC_INIT(0) };
	struct task_struct *p[3];
	int i;

	init_waitqueue_head(&tp.q);
	spin_lock_init(&tp.lock);
	for (i = 0; i < 3; i++)
		p[i] = test_thread_start(test, token_waiter, &tp, -1, "tokenwait");
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&tp.done), 0);
	give_tokens(&tp, 1);
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&tp.done), 1);
	give_tokens(&tp, 2);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p[i]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&tp.done), 3);
	KUNIT_EXPECT_EQ(test, tp.tokens, 0);
}

/* ---- producer and consumer over a small ring ---- */

#define RING_SLOTS 8
#define ITEMS 3000

struct ring {
	spinlock_t lock;
	wait_queue_head_t not_full, not_empty;
	unsigned int head, tail;	/* head - tail items are queued */
	unsigned int slot[RING_SLOTS];
	unsigned int bad;		/* items out of order */
};

static bool ring_put(struct ring *r, unsigned int v)
{
	bool ok;

	spin_lock(&r->lock);
	ok = r->head - r->tail < RING_SLOTS;
	if (ok)
		r->slot[r->head++ % RING_SLOTS] = v;
	spin_unlock(&r->lock);
	return ok;
}

static bool ring_get(struct ring *r, unsigned int *v)
{
	bool ok;

	spin_lock(&r->lock);
	ok = r->head != r->tail;
	if (ok)
		*v = r->slot[r->tail++ % RING_SLOTS];
	spin_unlock(&r->lock);
	return ok;
}

static int producer(void *data)
{
	struct ring *r = data;
	unsigned int i;

	for (i = 0; i < ITEMS; i++) {
		if (wait_event_interruptible(r->not_full, ring_put(r, i)))
			return -EINTR;
		wake_up(&r->not_empty);
	}
	return 0;
}

static int consumer(void *data)
{
	struct ring *r = data;
	unsigned int i, v = 0;

	for (i = 0; i < ITEMS; i++) {
		if (wait_event_interruptible(r->not_empty, ring_get(r, &v)))
			return -EINTR;
		if (v != i)
			r->bad++;
		wake_up(&r->not_full);
	}
	return 0;
}

static void waitqueue_producer_consumer(struct kunit *test)
{
	static struct ring r;
	struct task_struct *prod, *cons;

	spin_lock_init(&r.lock);
	init_waitqueue_head(&r.not_full);
	init_waitqueue_head(&r.not_empty);
	r.head = r.tail = r.bad = 0;
	cons = test_thread_start(test, consumer, &r, raw_smp_processor_id(), "consumer");
	prod = test_thread_start(test, producer, &r, test_other_cpu(), "producer");
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, prod), 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, cons), 0);
	KUNIT_EXPECT_EQ(test, r.head, ITEMS);
	KUNIT_EXPECT_EQ(test, r.tail, ITEMS);
	KUNIT_EXPECT_EQ(test, r.bad, 0);
}

/* ---- timeouts ---- */

struct delayed_flag {
	struct timer_list timer;
	wait_queue_head_t q;
	int flag;
};

static void set_flag(struct timer_list *t)
{
	struct delayed_flag *d = from_timer(d, t, timer);

	WRITE_ONCE(d->flag, 1);
	wake_up(&d->q);
}

static void waitqueue_timeouts(struct kunit *test)
{
	struct delayed_flag d = { .flag = 0 };
	unsigned long start;
	long left;

	init_waitqueue_head(&d.q);
	start = jiffies;
	left = wait_event_timeout(d.q, READ_ONCE(d.flag), 5);
	KUNIT_EXPECT_EQ(test, left, 0);
	KUNIT_EXPECT_GE(test, (long)(jiffies - start), 5);

	/* True before sleeping: at least 1, even with no time given. */
	d.flag = 1;
	KUNIT_EXPECT_EQ(test, wait_event_timeout(d.q, READ_ONCE(d.flag), 0), 1);

	/* Made true by a timer after 3 ticks: the rest of the timeout comes back. */
	d.flag = 0;
	timer_setup(&d.timer, set_flag, 0);
	mod_timer(&d.timer, jiffies + 3);
	left = wait_event_interruptible_timeout(d.q, READ_ONCE(d.flag), 100);
	KUNIT_EXPECT_GT(test, left, 0);
	KUNIT_EXPECT_LE(test, left, 97);
	del_timer_sync(&d.timer);
}

/* ---- what ends which wait ---- */

struct waiter_ctl {
	wait_queue_head_t q;
	int cond;
	int kind;		/* 0 uninterruptible, 1 interruptible, 2 killable */
};

static int waiting_thread(void *data)
{
	struct waiter_ctl *w = data;

	switch (w->kind) {
	case 1:
		return wait_event_interruptible(w->q, READ_ONCE(w->cond));
	case 2:
		return wait_event_killable(w->q, READ_ONCE(w->cond));
	default:
		wait_event(w->q, READ_ONCE(w->cond));
		return 0;
	}
}

/* When the case ends: the condition comes true for every waiter. */
static void waiters_release(void *data)
{
	struct waiter_ctl *w = data;

	WRITE_ONCE(w->cond, 1);
	wake_up_all(&w->q);
}

static void waitqueue_signals_and_interruptible_wakeups(struct kunit *test)
{
	struct waiter_ctl w = { .cond = 0 };
	struct task_struct *p;

	init_waitqueue_head(&w.q);
	test_wake_on_stop(test, waiters_release, &w);

	/* A signal ends an interruptible wait with -ERESTARTSYS. */
	w.kind = 1;
	p = test_thread_start(test, waiting_thread, &w, -1, "waiter");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -ERESTARTSYS);

	/* wake_up_interruptible leaves an uninterruptible waiter asleep; a signal too. */
	w.kind = 0;
	p = test_thread_start(test, waiting_thread, &w, -1, "waiter");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	WRITE_ONCE(w.cond, 1);
	wake_up_interruptible(&w.q);
	send_sig(SIGUSR1, p, 0);
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->state), TASK_UNINTERRUPTIBLE);
	wake_up(&w.q);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);

	/* A killable wait ignores SIGUSR1 and ends on SIGKILL. */
	WRITE_ONCE(w.cond, 0);
	w.kind = 2;
	p = test_thread_start(test, waiting_thread, &w, -1, "waiter");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->state), TASK_KILLABLE);
	send_sig(SIGKILL, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -ERESTARTSYS);
}

static struct kunit_case waitqueue_cases[] = {
	KUNIT_CASE(waitqueue_wake_up_common_semantics),
	KUNIT_CASE(waitqueue_exclusive_tasks_one_at_a_time),
	KUNIT_CASE(waitqueue_producer_consumer),
	KUNIT_CASE(waitqueue_timeouts),
	KUNIT_CASE(waitqueue_signals_and_interruptible_wakeups),
	{}
};

static struct kunit_suite waitqueue_suite = {
	.name = "wait",
	.test_cases = waitqueue_cases,
};
kunit_test_suite(waitqueue_suite);
