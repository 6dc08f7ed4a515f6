/* Helpers for the scheduler and synchronisation self-tests (include/mica/kunit_threads.h). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

/* Dead and off its CPU: only our reference is left. */
static void wait_switched_out(struct task_struct *p)
{
	while (!(READ_ONCE(p->state) & TASK_DEAD) || READ_ONCE(p->on_cpu))
		cpu_relax();
}

/*
 * The threads the running case started and has not ended yet (one KUnit
 * run at a time), and what wakes them: a single deferred action stops them
 * all when the case ends.
 */
static struct {
	struct task_struct *task[TEST_MAX_THREADS];
	unsigned int n;
	struct kunit_action wakers[8];
	unsigned int nr_wakers;
	bool armed;		/* the case's stop_all() is registered */
} started;

static void forget(struct task_struct *p)
{
	unsigned int i;

	for (i = 0; i < started.n; i++)
		if (started.task[i] == p) {
			started.task[i] = started.task[--started.n];
			return;
		}
}

/* kthread_stop()'s request: the thread sees it at its next check or wake-up. */
static void ask_to_stop(struct task_struct *p)
{
	WRITE_ONCE(p->should_stop, 1);
	smp_mb();	/* seen by the thread before its wake-up's state test */
	wake_up_process(p);
}

/*
 * Wait for a thread asked to stop and free it; its exit code. Says so when
 * it does not stop: a thread asleep on something its ended case will
 * never do would otherwise hang the console without a word.
 */
static int wait_and_free(struct task_struct *p)
{
	unsigned long waited_ms = 0;
	int ret;

	while (!wait_for_completion_timeout(&p->exited, msecs_to_jiffies(TEST_WAIT_MS))) {
		waited_ms += TEST_WAIT_MS;
		pr_err("kunit: test thread %s[%d] has not stopped after %lu ms; still waiting\n",
		       p->comm, p->pid, waited_ms);
		wake_up_process(p);
	}
	ret = p->exit_code;
	wait_switched_out(p);
	put_task_struct(p);
	return ret;
}

static void stop_all(void *test)
{
	unsigned int i;

	/*
	 * Only for threads still running: a case that ended them all may
	 * have returned, and what the wakers point at went with its frame.
	 */
	while (started.nr_wakers) {
		struct kunit_action w = started.wakers[--started.nr_wakers];

		if (started.n)
			w.fn(w.ctx);
	}
	/* SIGKILL too: it ends interruptible and killable waits, which kthread_stop does not. */
	for (i = 0; i < started.n; i++) {
		send_sig(SIGKILL, started.task[i], 0);
		ask_to_stop(started.task[i]);
	}
	while (started.n)
		wait_and_free(started.task[--started.n]);
	started.armed = false;
}

static void arm_stop_all(struct kunit *test)
{
	if (started.armed)
		return;
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, stop_all, test), 0);
	started.armed = true;
}

void test_wake_on_stop(struct kunit *test, kunit_action_t *wake, void *ctx)
{
	arm_stop_all(test);
	KUNIT_ASSERT_LT(test, started.nr_wakers, ARRAY_SIZE(started.wakers));
	started.wakers[started.nr_wakers++] = (struct kunit_action){ wake, ctx };
}

void test_complete_all(void *completion)
{
	complete_all(completion);
}

struct task_struct *test_thread_create(struct kunit *test, int (*fn)(void *), void *data,
				       int cpu, const char *name)
{
	struct task_struct *p;

	arm_stop_all(test);
	KUNIT_ASSERT_LT(test, started.n, TEST_MAX_THREADS);
	p = kthread_create(fn, data, "%s", name);
	if (IS_ERR(p)) {
		KUNIT_FAIL(test, "cannot create thread %s (%ld)", name, PTR_ERR(p));
		kunit_abort(test);
	}
	get_task_struct(p);
	started.task[started.n++] = p;
	if (cpu >= 0)
		kthread_bind(p, cpu);
	return p;
}

struct task_struct *test_thread_start(struct kunit *test, int (*fn)(void *), void *data,
				      int cpu, const char *name)
{
	struct task_struct *p = test_thread_create(test, fn, data, cpu, name);

	wake_up_process(p);
	return p;
}

int test_thread_stop(struct kunit *test, struct task_struct *p)
{
	forget(p);
	ask_to_stop(p);
	return wait_and_free(p);
}

int test_thread_reap(struct kunit *test, struct task_struct *p)
{
	int ret;

	if (!wait_for_completion_timeout(&p->exited, msecs_to_jiffies(TEST_REAP_MS))) {
		/* End the case now, while what the thread uses is still there. */
		KUNIT_FAIL(test, "thread %s[%d] did not end within %d ms", p->comm, p->pid,
			   TEST_REAP_MS);
		kunit_abort(test);
	}
	forget(p);
	ret = p->exit_code;
	wait_switched_out(p);
	put_task_struct(p);
	return ret;
}

bool test_wait_asleep(struct task_struct *p)
{
	unsigned long end = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	while (READ_ONCE(p->on_rq) || READ_ONCE(p->state) == TASK_RUNNING) {
		if (time_after(jiffies, end))
			return false;
		msleep(1);
	}
	return true;
}

int test_other_cpu(void)
{
	int self = raw_smp_processor_id(), cpu;

	for_each_online_cpu(cpu)
		if (cpu != self)
			return cpu;
	return self;
}

/* The lines test_irq_get() lent out, for their deferred release. */
static struct test_irq {
	int irq;
	void *dev_id;
} test_irqs[4];

static void irq_release(void *ctx)
{
	struct test_irq *t = ctx;

	free_irq(t->irq, t->dev_id);
	t->dev_id = NULL;
}

int test_irq_get(struct kunit *test, irq_handler_t handler, void *dev_id)
{
	struct test_irq *t = NULL;
	unsigned int i;
	int irq;

	for (i = 0; i < ARRAY_SIZE(test_irqs) && !t; i++)
		if (!test_irqs[i].dev_id)
			t = &test_irqs[i];
	KUNIT_ASSERT_NOT_NULL(test, t);
	/* From the top: boards wire their devices to the low lines. */
	for (irq = (int)nr_irqs - 1; irq >= 32; irq--) {
		bool pending;

		if (irq_get_irqchip_state(irq, IRQCHIP_STATE_PENDING, &pending) || pending)
			continue;
		if (!request_irq(irq, handler, IRQF_TRIGGER_RISING, "sched-test", dev_id))
			break;
	}
	if (irq < 32) {
		KUNIT_FAIL(test, "no spare interrupt line");
		kunit_abort(test);
	}
	*t = (struct test_irq){ irq, dev_id };
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, irq_release, t), 0);
	return irq;
}

void test_irq_raise(int irq)
{
	irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
}

void test_irq_put(struct kunit *test, int irq, void *dev_id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(test_irqs); i++)
		if (test_irqs[i].irq == irq && test_irqs[i].dev_id == dev_id)
			kunit_release_action(test, irq_release, &test_irqs[i]);
}
