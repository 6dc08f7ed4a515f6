/*
 * The scheduler's side of mm/, simulated: the host build's stand-in for
 * mm/sched_seam.c, and for what mm/ calls in kernel/locking/ (might_sleep,
 * the mutex debug checks). There are no tasks here: nothing ever sleeps,
 * so nobody waits for freed pages, a kmap short of slots polls instead of
 * sleeping, and no mutex can be held. might_sleep() is still checked: an
 * allocation that may sleep from a simulated CPU with "interrupts off" or
 * a spinlock held is the same bug it would be on the board, and fails the
 * test.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/debug_locks.h>
#include <linux/spinlock.h>
#include "../../../mm/internal.h"

void __might_sleep(const char *file, int line)
{
	if (preempt_count() == 0 && !irqs_disabled())
		return;
	panic("BUG: sleeping function called from invalid context at %s:%d "
	      "(preempt_count %lx, irqs_disabled %d)", file, line,
	      (unsigned long)preempt_count(), irqs_disabled());
}

DEFINE_STATIC_KEY_FALSE(alloc_free_waiters);	/* never anyone: nothing sleeps */
atomic_t nr_held_mutexes;		/* never any: there are no mutexes here */
/* The kernel's debugging switches (kernel/locking/), on as at boot. */
DEFINE_STATIC_KEY_TRUE(debug_locks_key);
DEFINE_STATIC_KEY_TRUE(debug_atomic_sleep);

bool alloc_wait_for_freed_pages(long timeout)
{
	return false;
}

void __alloc_wake_on_free(void)
{
}

void debug_check_no_locks_freed(const void *from, unsigned long len)
{
}

/* No task sleeps here: a kmap that finds every slot taken polls until a CPU's kunmap frees one. */
void kmap_wait_for_slot(spinlock_t *lock, unsigned long *flags)
{
	spin_unlock_irqrestore(lock, *flags);
	sim_cpu_relax();
	spin_lock_irqsave(lock, *flags);
}

bool kmap_slot_waiters(void)
{
	return false;
}

void kmap_wake_slot_waiters(void)
{
}
