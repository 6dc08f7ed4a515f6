/*
 * Read-write semaphores: many readers or one writer, sleeping while they
 * cannot enter. Fair, as Linux's spinlock-based rwsem: once a writer
 * waits, new readers queue behind it, so writers do not starve; a writer
 * leaving lets in the waiting writer or every reader at the head of the
 * queue. downgrade_write() turns the caller's write hold into a read hold
 * and lets the readers queued at the head in with it.
 *
 * The trylock forms return 1 on success, 0 otherwise, and never sleep.
 * Less than Linux: no owner tracking or optimistic spinning.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct rw_semaphore {
	long activity;			/* 0: free, > 0: readers inside, -1: a writer inside */
	spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __RWSEM_INITIALIZER(name) {					\
	.activity = 0,							\
	.wait_lock = __SPIN_LOCK_UNLOCKED((name).wait_lock),		\
	.wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->activity = 0;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
}

static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->activity) != 0;
}

void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

#endif
