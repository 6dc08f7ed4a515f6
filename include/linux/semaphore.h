/*
 * Counting semaphores (Linux's generic implementation): down() takes one
 * unit of count, sleeping while there is none; up() gives one back, to the
 * longest waiter first. Unlike a mutex a semaphore has no owner: any task
 * or interrupt handler may up() it.
 *
 *   down_interruptible()  0, or -EINTR when a signal came
 *   down_killable()       0, or -EINTR for a fatal signal
 *   down_timeout()        0, or -ETIME after @jiffies
 *   down_trylock()        0 if it took a unit, 1 if none was free (sic: the
 *                         opposite of mutex_trylock), never sleeps
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n) {				\
	.lock = __SPIN_LOCK_UNLOCKED((name).lock),			\
	.count = n,							\
	.wait_list = LIST_HEAD_INIT((name).wait_list) }
/* A binary semaphore, free (Linux before 6.4: count 1). */
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

static inline void sema_init(struct semaphore *sem, int val)
{
	spin_lock_init(&sem->lock);
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

#endif
