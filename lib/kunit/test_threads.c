/* Helpers for the scheduler and synchronisation self-tests (include/mica/kunit_threads.h). */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>

struct task_struct *test_thread_start(struct kunit *test, int (*fn)(void *), void *data,
				      int cpu, const char *name)
{
	struct task_struct *p = kthread_create(fn, data, "%s", name);

	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	get_task_struct(p);
	if (cpu >= 0)
		kthread_bind(p, cpu);
	wake_up_process(p);
	return p;
}

/* Dead and off its CPU: only our reference is left. */
static void wait_switched_out(struct task_struct *p)
{
	while (!(READ_ONCE(p->state) & TASK_DEAD) || READ_ONCE(p->on_cpu))
		cpu_relax();
}

int test_thread_stop(struct task_struct *p)
{
	int ret = kthread_stop(p);

	wait_switched_out(p);
	put_task_struct(p);
	return ret;
}

int test_thread_reap(struct task_struct *p)
{
	int ret;

	if (!wait_for_completion_timeout(&p->exited, msecs_to_jiffies(TEST_WAIT_MS)))
		return -ETIMEDOUT;	/* leaves it running: the case fails anyway */
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

int test_irq_get(irq_handler_t handler, void *dev_id)
{
	int irq;

	/* From the top: boards wire their devices to the low lines. */
	for (irq = (int)nr_irqs - 1; irq >= 32; irq--) {
		bool pending;

		if (irq_get_irqchip_state(irq, IRQCHIP_STATE_PENDING, &pending) || pending)
			continue;
		if (!request_irq(irq, handler, IRQF_TRIGGER_RISING, "sched-test", dev_id))
			return irq;
	}
	return -EBUSY;
}

void test_irq_raise(int irq)
{
	irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
}

void test_irq_put(int irq, void *dev_id)
{
	free_irq(irq, dev_id);
}
