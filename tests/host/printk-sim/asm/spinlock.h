/*
 * Host simulation of the ticket lock for the printk tests. There is one
 * thread, so waiting for a held lock could never end: the test is told
 * (sim_spin_deadlock) instead of hanging.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

typedef struct { int locked; } arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }

void sim_spin_deadlock(arch_spinlock_t *lock);
void sim_spin_bad_unlock(arch_spinlock_t *lock);

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	if (lock->locked)
		sim_spin_deadlock(lock);
	lock->locked = 1;
}
static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	if (lock->locked)
		return 0;
	lock->locked = 1;
	return 1;
}
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	if (!lock->locked)
		sim_spin_bad_unlock(lock);
	lock->locked = 0;
}
static inline int arch_spin_is_locked(arch_spinlock_t *lock) { return lock->locked; }

#endif
