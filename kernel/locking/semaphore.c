/*
 * Counting semaphores (include/linux/semaphore.h). Waiters queue in FIFO
 * order; up() with waiters hands its unit straight to the first one
 * (waiter.up) instead of raising the count, so a task arriving meanwhile
 * cannot take it first.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/semaphore.h>
#include <linux/sched.h>

struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up;
};

/* sem->lock held with interrupts off; returns with it held. */
static int __down_common(struct semaphore *sem, long state, long timeout)
{
	struct semaphore_waiter waiter;

	list_add_tail(&waiter.list, &sem->wait_list);
	waiter.task = current;
	waiter.up = false;
	for (;;) {
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			return -EINTR;
		}
		if (unlikely(timeout <= 0)) {
			list_del(&waiter.list);
			return -ETIME;
		}
		__set_current_state(state);
		spin_unlock_irq(&sem->lock);
		timeout = schedule_timeout(timeout);
		spin_lock_irq(&sem->lock);
		if (waiter.up)
			return 0;
	}
}

static int down_common(struct semaphore *sem, long state, long timeout)
{
	unsigned long flags;
	int ret = 0;

	might_sleep();
	spin_lock_irqsave(&sem->lock, flags);
	if (likely(sem->count > 0))
		sem->count--;
	else
		ret = __down_common(sem, state, timeout);
	spin_unlock_irqrestore(&sem->lock, flags);
	return ret;
}

void down(struct semaphore *sem)
{
	down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down);

int down_interruptible(struct semaphore *sem)
{
	return down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_interruptible);

int down_killable(struct semaphore *sem)
{
	return down_common(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_killable);

int down_timeout(struct semaphore *sem, long jiffies)
{
	return down_common(sem, TASK_UNINTERRUPTIBLE, jiffies);
}
EXPORT_SYMBOL(down_timeout);

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int count;

	spin_lock_irqsave(&sem->lock, flags);
	count = sem->count - 1;
	if (likely(count >= 0))
		sem->count = count;
	spin_unlock_irqrestore(&sem->lock, flags);
	return count < 0;
}
EXPORT_SYMBOL(down_trylock);

void up(struct semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->lock, flags);
	if (likely(list_empty(&sem->wait_list))) {
		sem->count++;
	} else {
		struct semaphore_waiter *waiter =
			list_first_entry(&sem->wait_list, struct semaphore_waiter, list);

		list_del(&waiter->list);
		waiter->up = true;
		wake_up_process(waiter->task);
	}
	spin_unlock_irqrestore(&sem->lock, flags);
}
EXPORT_SYMBOL(up);
