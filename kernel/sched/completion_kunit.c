/*
 * KUnit suite "completion": completions signalled from a hard interrupt
 * handler and from another CPU, timeouts, one waiter per complete(),
 * complete_all() and reinit, try_wait/completion_done, and the
 * interruptible and killable forms.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

struct irq_completion {
	struct completion done;
	bool in_irq;
};

static irqreturn_t complete_from_irq(int irq, void *dev_id)
{
	struct irq_completion *ic = dev_id;

	ic->in_irq = in_irq();
	complete(&ic->done);
	return IRQ_HANDLED;
}

/* A DMA-style client: the interrupt handler completes what the thread waits for. */
static void completion_from_interrupt_handler(struct kunit *test)
{
	struct irq_completion ic = { .in_irq = false };
	int irq;

	init_completion(&ic.done);
	irq = test_irq_get(test, complete_from_irq, &ic);
	test_irq_raise(irq);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&ic.done, msecs_to_jiffies(TEST_WAIT_MS)), 0);
	KUNIT_EXPECT_TRUE(test, ic.in_irq);
	test_irq_put(test, irq, &ic);
}

struct cross_cpu {
	struct completion done;
	int cpu;
};

static int completer(void *data)
{
	struct cross_cpu *cc = data;

	msleep(10);
	cc->cpu = raw_smp_processor_id();
	complete(&cc->done);
	return 0;
}

static void completion_from_another_cpu(struct kunit *test)
{
	struct cross_cpu cc = { .cpu = -1 };
	int other = test_other_cpu();
	struct task_struct *p;

	init_completion(&cc.done);
	p = test_thread_start(test, completer, &cc, other, "completer");
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&cc.done, msecs_to_jiffies(TEST_WAIT_MS)), 0);
	KUNIT_EXPECT_EQ(test, cc.cpu, other);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), 0);
}

static void completion_timeout_expires(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(never);
	unsigned long start = jiffies;

	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&never, 10), 0);
	KUNIT_EXPECT_GE(test, (long)(jiffies - start), 10);
	KUNIT_EXPECT_LT(test, (long)(jiffies - start), 10 + HZ);	/* generous: QEMU */
	KUNIT_EXPECT_FALSE(test, completion_done(&never));
}

struct waiters {
	struct completion c;
	atomic_t through;
};

static int waiter(void *data)
{
	struct waiters *w = data;

	wait_for_completion(&w->c);
	atomic_inc(&w->through);
	return 0;
}

/* complete() lets exactly one waiter through; complete_all() all, now and later. */
static void completion_one_event_one_waiter(struct kunit *test)
{
	struct waiters w = { .through = ATOMIC_INIT(0) };
	struct task_struct *p[3];
	int i;

	init_completion(&w.c);
	test_wake_on_stop(test, test_complete_all, &w.c);
	for (i = 0; i < 3; i++)
		p[i] = test_thread_start(test, waiter, &w, -1, "waiter");
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE(test, test_wait_asleep(p[i]));
	complete(&w.c);
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&w.through), 1);
	complete_all(&w.c);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, test_thread_reap(test, p[i]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&w.through), 3);

	/* Still complete for everyone after complete_all... */
	wait_for_completion(&w.c);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&w.c));
	KUNIT_EXPECT_TRUE(test, completion_done(&w.c));
	/* ... until reinit_completion. */
	reinit_completion(&w.c);
	KUNIT_EXPECT_FALSE(test, completion_done(&w.c));
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&w.c));
}

/* Events are counted: two complete()s satisfy two waits, and no more. */
static void completion_counts_events(struct kunit *test)
{
	DECLARE_COMPLETION(c);

	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	complete(&c);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 1), 1);
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&c));
	KUNIT_EXPECT_FALSE(test, completion_done(&c));
}

struct sig_waiter {
	struct completion c;
	int killable;
};

static int signalled_waiter(void *data)
{
	struct sig_waiter *s = data;

	if (s->killable)
		return wait_for_completion_killable(&s->c);
	return wait_for_completion_interruptible(&s->c);
}

static void completion_interruptible_and_killable(struct kunit *test)
{
	struct sig_waiter s = { .killable = 0 };
	struct task_struct *p;
	long left;

	init_completion(&s.c);
	test_wake_on_stop(test, test_complete_all, &s.c);
	p = test_thread_start(test, signalled_waiter, &s, -1, "sigwait");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -ERESTARTSYS);

	s.killable = 1;
	p = test_thread_start(test, signalled_waiter, &s, -1, "killwait");
	KUNIT_EXPECT_TRUE(test, test_wait_asleep(p));
	send_sig(SIGUSR1, p, 0);
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->state), TASK_KILLABLE);
	send_sig(SIGKILL, p, 0);
	KUNIT_EXPECT_EQ(test, test_thread_reap(test, p), -ERESTARTSYS);

	/* The timed forms: jiffies left when completed, 0 on timeout. */
	complete(&s.c);
	left = wait_for_completion_interruptible_timeout(&s.c, 50);
	KUNIT_EXPECT_EQ(test, left, 50);
	KUNIT_EXPECT_EQ(test, wait_for_completion_killable_timeout(&s.c, 2), 0);
}

static struct kunit_case completion_cases[] = {
	KUNIT_CASE(completion_from_interrupt_handler),
	KUNIT_CASE(completion_from_another_cpu),
	KUNIT_CASE(completion_timeout_expires),
	KUNIT_CASE(completion_one_event_one_waiter),
	KUNIT_CASE(completion_counts_events),
	KUNIT_CASE(completion_interruptible_and_killable),
	{}
};

static struct kunit_suite completion_suite = {
	.name = "completion",
	.test_cases = completion_cases,
};
kunit_test_suite(completion_suite);
