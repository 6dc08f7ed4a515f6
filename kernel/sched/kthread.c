/* Kernel threads: see include/linux/kthread.h. */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <stdarg.h>
#include "sched.h"

static void kthread(void *unused)
{
	struct task_struct *self = current;
	int ret = -EINTR;

	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	kthread_exit(ret);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	struct task_struct *p;
	va_list args;

	might_sleep();
	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	p = create_kernel_thread(kthread, NULL, name);
	if (IS_ERR(p))
		return p;
	p->threadfn = threadfn;
	p->data = data;
	/* Asleep until woken, as a Linux kthread waits in kthread() for its first wake-up. */
	p->state = TASK_UNINTERRUPTIBLE;
	return p;
}
EXPORT_SYMBOL(kthread_create);

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	unsigned long flags;

	if (WARN_ON(READ_ONCE(k->on_rq) || READ_ONCE(k->on_cpu) || cpu >= NR_CPUS))
		return;
	spin_lock_irqsave(&k->pi_lock, flags);
	k->cpus_allowed = cpumask_of_cpu(cpu);
	WRITE_ONCE(k->cpu, cpu);
	spin_unlock_irqrestore(&k->pi_lock, flags);
}
EXPORT_SYMBOL(kthread_bind);

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}
EXPORT_SYMBOL(kthread_should_stop);

int kthread_stop(struct task_struct *k)
{
	int ret;

	get_task_struct(k);
	WRITE_ONCE(k->should_stop, 1);
	smp_mb();	/* seen by the thread before its wake-up's state test */
	wake_up_process(k);
	wait_for_completion(&k->exited);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);

void kthread_exit(long result)
{
	do_exit(result);
}
EXPORT_SYMBOL(kthread_exit);
