/*
 * Mutexes, with the kernel-design notes' strict semantics:
 *
 * - only one task can hold the mutex at a time
 * - only the owner can unlock the mutex; multiple unlocks are not permitted
 * - recursive locking is not permitted
 * - a mutex must be initialised with mutex_init()/DEFINE_MUTEX, not memset
 *   or copied, and not re-initialised while held
 * - a task may not exit with a mutex held
 * - memory where a held mutex lives must not be freed
 * - mutexes may not be used from hard or soft interrupt context
 *
 * With lock debugging on (debug_locks, linux/debug_locks.h) every one of
 * these is reported; locking from interrupt context is reported by
 * might_sleep(). count is the notes': 1 unlocked, 0 locked, negative
 * locked with possible waiters; the uncontended lock and unlock are one
 * atomic operation each (the fast path), waiting is FIFO (the slow path).
 *
 * mutex_lock_interruptible()/_killable() return 0 or -EINTR;
 * mutex_trylock() returns 1 when it got the mutex (note: the opposite of
 * down_trylock()).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/debug_locks.h>

struct task_struct;

struct mutex {
	/* 1: unlocked, 0: locked, negative: locked, possible waiters */
	atomic_t count;
	spinlock_t wait_lock;
	struct list_head wait_list;
	struct task_struct *owner;
	const char *name;		/* for reports */
	void *magic;			/* == the mutex itself once initialised */
};

#define __MUTEX_INITIALIZER(lockname) {					\
	.count = ATOMIC_INIT(1),					\
	.wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	.name = #lockname,						\
	.magic = &lockname }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(mutex) __mutex_init((mutex), #mutex)
/* The mutex will not be used again (debugging: it must be unlocked). */
void mutex_destroy(struct mutex *lock);

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline int mutex_is_locked(struct mutex *lock)
{
	return atomic_read(&lock->count) != 1;
}

#endif
