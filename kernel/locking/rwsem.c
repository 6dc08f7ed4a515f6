/*
 * Read-write semaphores (include/linux/rwsem.h), in the manner of Linux's
 * rwsem-spinlock.c: the state and a FIFO of waiters under one spinlock.
 * Entry is granted by the task that leaves: it updates activity for the
 * waiters it lets in, marks them granted and wakes them.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

enum rwsem_waiter_type { RWSEM_WAITING_FOR_READ, RWSEM_WAITING_FOR_WRITE };

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	enum rwsem_waiter_type type;
	bool granted;
};

/* wait_lock held, activity == 0 or (readers only) > 0: let in who can enter. */
static void __rwsem_do_wake(struct rw_semaphore *sem, bool wakewrite)
{
	struct rwsem_waiter *waiter, *next;

	waiter = list_first_entry(&sem->wait_list, struct rwsem_waiter, list);
	if (waiter->type == RWSEM_WAITING_FOR_WRITE) {
		if (wakewrite && sem->activity == 0) {
			sem->activity = -1;
			list_del(&waiter->list);
			waiter->granted = true;
			wake_up_process(waiter->task);
		}
		return;
	}
	list_for_each_entry_safe(waiter, next, &sem->wait_list, list) {
		if (waiter->type != RWSEM_WAITING_FOR_READ)
			break;
		sem->activity++;
		list_del(&waiter->list);
		waiter->granted = true;
		wake_up_process(waiter->task);
	}
}

/* wait_lock held (interrupts off): queue and sleep until a leaving task grants entry. */
static void rwsem_wait(struct rw_semaphore *sem, enum rwsem_waiter_type type)
{
	struct rwsem_waiter waiter = { .task = current, .type = type, .granted = false };

	list_add_tail(&waiter.list, &sem->wait_list);
	while (!waiter.granted) {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irq(&sem->wait_lock);
		schedule();
		spin_lock_irq(&sem->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
}

void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	spin_lock_irq(&sem->wait_lock);
	if (sem->activity >= 0 && list_empty(&sem->wait_list))
		sem->activity++;
	else
		rwsem_wait(sem, RWSEM_WAITING_FOR_READ);
	spin_unlock_irq(&sem->wait_lock);
}
EXPORT_SYMBOL(down_read);

int down_read_trylock(struct rw_semaphore *sem)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->wait_lock, flags);
	if (sem->activity >= 0 && list_empty(&sem->wait_list)) {
		sem->activity++;
		ret = 1;
	}
	spin_unlock_irqrestore(&sem->wait_lock, flags);
	return ret;
}
EXPORT_SYMBOL(down_read_trylock);

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	WARN_ON(sem->activity <= 0);
	if (--sem->activity == 0 && !list_empty(&sem->wait_list))
		__rwsem_do_wake(sem, true);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(up_read);

void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	spin_lock_irq(&sem->wait_lock);
	if (sem->activity == 0 && list_empty(&sem->wait_list))
		sem->activity = -1;
	else
		rwsem_wait(sem, RWSEM_WAITING_FOR_WRITE);
	spin_unlock_irq(&sem->wait_lock);
}
EXPORT_SYMBOL(down_write);

int down_write_trylock(struct rw_semaphore *sem)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sem->wait_lock, flags);
	if (sem->activity == 0 && list_empty(&sem->wait_list)) {
		sem->activity = -1;
		ret = 1;
	}
	spin_unlock_irqrestore(&sem->wait_lock, flags);
	return ret;
}
EXPORT_SYMBOL(down_write_trylock);

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	WARN_ON(sem->activity != -1);
	sem->activity = 0;
	if (!list_empty(&sem->wait_list))
		__rwsem_do_wake(sem, true);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(up_write);

void downgrade_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	WARN_ON(sem->activity != -1);
	sem->activity = 1;
	if (!list_empty(&sem->wait_list))
		__rwsem_do_wake(sem, false);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(downgrade_write);
