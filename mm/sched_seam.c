/*
 * Where mm/ sleeps: the only file of mm/ that needs the scheduler (wait
 * queues, schedule()). It is a seam: the host build of mm/
 * (tests/host/Makefile.mm) leaves it out and links
 * tests/host/sim/sched_seam.c, which provides the same functions for a
 * machine without tasks. Their contract is in mm/internal.h.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "internal.h"

/*
 * An allocation that may sleep (__GFP_WAIT) and found no memory even after
 * reclaim waits a little for pages to be freed before it fails: Linux's
 * congestion wait, but woken by the frees themselves. A free notices
 * waiters through the static key alloc_free_waiters, on while there are
 * some, so the common case costs a NOP (and the rare wait patches the
 * frees' code); a free that races with a waiter arriving is caught by the
 * timeout.
 */
static DECLARE_WAIT_QUEUE_HEAD(page_free_wait);
static unsigned int free_events;	/* frees seen while somebody waited */
DEFINE_STATIC_KEY_FALSE(alloc_free_waiters);

bool alloc_wait_for_freed_pages(long timeout)
{
	unsigned int seen = READ_ONCE(free_events);
	long left;

	if (!scheduler_running || in_atomic() || irqs_disabled())
		return false;
	static_branch_inc(&alloc_free_waiters);
	left = wait_event_timeout(page_free_wait, READ_ONCE(free_events) != seen, timeout);
	static_branch_dec(&alloc_free_waiters);
	return left > 0;
}

void __alloc_wake_on_free(void)
{
	__atomic_add_fetch(&free_events, 1, __ATOMIC_RELAXED);
	wake_up_all(&page_free_wait);
}

/*
 * Sleeping in kmap until a pkmap slot is free, as Linux does: the waiter
 * queues itself while still holding kmap_lock, so a kunmap that frees a
 * slot after it looked cannot miss it.
 */
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
