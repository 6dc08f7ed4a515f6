/*
 * Simulated ticket spinlock: the same FIFO behaviour as the ARM one, on
 * __atomic builtins. A lock that cannot be had for a long time, or is
 * released while free, is reported (sim_lock_error) instead of hanging or
 * corrupting the count: a test with one thread can never see it released.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <linux/types.h>
#include <asm/barrier.h>

typedef struct {
	u16 owner, next;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0, 0 }

/* Wait for @ticket's turn (tests/host/sim/cpu.c). */
void sim_spin_wait(arch_spinlock_t *lock, u16 ticket);
void sim_lock_error(const char *what);

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	if (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		sim_spin_wait(lock, ticket);
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u16 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	u16 expect = owner;

	return __atomic_compare_exchange_n(&lock->next, &expect, (u16)(owner + 1), false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&lock->next, __ATOMIC_RELAXED);
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	u16 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);

	if (!arch_spin_is_locked(lock))
		sim_lock_error("released a spinlock that was not held");
	__atomic_store_n(&lock->owner, (u16)(owner + 1), __ATOMIC_RELEASE);
}

#endif
