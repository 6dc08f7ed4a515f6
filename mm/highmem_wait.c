/*
 * Sleeping in kmap until a pkmap slot is free, as Linux does: the waiter
 * queues itself while still holding kmap_lock, so a kunmap that frees a
 * slot after it looked cannot miss it.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "internal.h"

static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);

void kmap_wait_for_slot(spinlock_t *lock, unsigned long *flags)
{
	DECLARE_WAITQUEUE(wait, current);

	__set_current_state(TASK_UNINTERRUPTIBLE);
	add_wait_queue(&pkmap_map_wait, &wait);
	spin_unlock_irqrestore(lock, *flags);
	schedule();
	remove_wait_queue(&pkmap_map_wait, &wait);
	spin_lock_irqsave(lock, *flags);
}

bool kmap_slot_waiters(void)
{
	return waitqueue_active(&pkmap_map_wait);
}

void kmap_wake_slot_waiters(void)
{
	wake_up(&pkmap_map_wait);
}
