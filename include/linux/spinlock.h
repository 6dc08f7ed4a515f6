/*
 * Spinlocks (Linux API) over the arch ticket lock. Taking a lock disables
 * preemption, as in Linux, so preempt_count is right for the scheduler.
 * Mica keeps no lockdep; a lock records its owner CPU to catch recursion.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <asm/spinlock.h>

typedef struct spinlock {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *l) { l->raw_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED; }

static inline void spin_lock(spinlock_t *l)   { preempt_disable(); arch_spin_lock(&l->raw_lock); }
static inline void spin_unlock(spinlock_t *l) { arch_spin_unlock(&l->raw_lock); preempt_enable(); }
static inline int spin_trylock(spinlock_t *l)
{
	preempt_disable();
	if (arch_spin_trylock(&l->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}
static inline int spin_is_locked(spinlock_t *l) { return arch_spin_is_locked(&l->raw_lock); }

/*
 * The _irq/_irqsave unlocks enable preemption after interrupts, as Linux
 * does: a reschedule asked for while they were off (a wake-up) happens at
 * once, not at the next tick.
 */
static inline void spin_lock_irq(spinlock_t *l)   { local_irq_disable(); spin_lock(l); }
static inline void spin_unlock_irq(spinlock_t *l)
{
	arch_spin_unlock(&l->raw_lock);
	local_irq_enable();
	preempt_enable();
}
#define spin_lock_irqsave(l, flags) do { local_irq_save(flags); spin_lock(l); } while (0)
static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
	arch_spin_unlock(&l->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}
/* Against tasklets (softirqs) on this CPU too. */
static inline void spin_lock_bh(spinlock_t *l)   { local_bh_disable(); spin_lock(l); }
static inline void spin_unlock_bh(spinlock_t *l) { spin_unlock(l); local_bh_enable(); }

#endif
