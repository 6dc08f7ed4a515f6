/*
 * An allocation that may sleep (__GFP_WAIT) and found no memory even after
 * reclaim waits a little for pages to be freed before it fails: Linux's
 * congestion wait, but woken by the frees themselves. A free notices
 * waiters through the static key alloc_free_waiters, on while there are
 * some, so the common case costs a NOP (and the rare wait patches the
 * frees' code); a free that races with a waiter arriving is caught by the
 * timeout.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include "internal.h"

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
