/*
 * Wait queues, in the kernel-design notes' (Linux 2.6) shape: a head with a
 * lock and a list of entries, each entry a task plus the function that
 * wakes it. Non-exclusive waiters are added at the front, exclusive ones
 * (WQ_FLAG_EXCLUSIVE) at the back, so __wake_up_common() wakes every
 * non-exclusive waiter and then @nr_exclusive exclusive ones (0: all).
 *
 * The wait_event*() macros sleep until @condition is true, re-testing it
 * after every wake-up; the caller makes the condition true and then calls
 * wake_up*() on the same queue. Return values follow Linux:
 *   wait_event_timeout          0 if @condition was still false when the
 *                               timeout elapsed, else the jiffies left (>= 1)
 *   wait_event_interruptible    0, or -ERESTARTSYS when a signal came
 *   wait_event_interruptible_timeout  jiffies left (>= 1), 0, or -ERESTARTSYS
 *   wait_event_killable         0, or -ERESTARTSYS for a fatal signal
 * They must be called where sleeping is allowed (see might_sleep()).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <asm/current.h>

typedef struct __wait_queue wait_queue_t;
typedef int (*wait_queue_func_t)(wait_queue_t *wait, unsigned int mode, int flags, void *key);

struct __wait_queue {
	unsigned int flags;
#define WQ_FLAG_EXCLUSIVE 0x01
	void *private;			/* the waiting task */
	wait_queue_func_t func;
	struct list_head task_list;
};

struct __wait_queue_head {
	spinlock_t lock;
	struct list_head task_list;
};
typedef struct __wait_queue_head wait_queue_head_t;

/* Wake @wait->private if its state is in @mode (try_to_wake_up). */
int default_wake_function(wait_queue_t *wait, unsigned int mode, int flags, void *key);
/* The same, and on success take the entry off its queue (DEFINE_WAIT). */
int autoremove_wake_function(wait_queue_t *wait, unsigned int mode, int flags, void *key);

#define __WAITQUEUE_INITIALIZER(name, tsk) {				\
	.private = tsk, .func = default_wake_function,			\
	.task_list = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) wait_queue_t name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.task_list = LIST_HEAD_INIT((name).task_list) }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define DEFINE_WAIT_FUNC(name, function) wait_queue_t name = {		\
	.private = current, .func = function,				\
	.task_list = LIST_HEAD_INIT((name).task_list) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline void init_waitqueue_head(wait_queue_head_t *q)
{
	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->task_list);
}

static inline void init_waitqueue_entry(wait_queue_t *wait, struct task_struct *p)
{
	wait->flags = 0;
	wait->private = p;
	wait->func = default_wake_function;
}

/* Anyone waiting? Unlocked: only a hint unless the caller orders it (smp_mb). */
static inline int waitqueue_active(wait_queue_head_t *q)
{
	return !list_empty(&q->task_list);
}

/* With q->lock held. */
static inline void __add_wait_queue(wait_queue_head_t *head, wait_queue_t *wait)
{
	list_add(&wait->task_list, &head->task_list);
}
static inline void __add_wait_queue_tail(wait_queue_head_t *head, wait_queue_t *wait)
{
	list_add_tail(&wait->task_list, &head->task_list);
}
static inline void __remove_wait_queue(wait_queue_head_t *head, wait_queue_t *wait)
{
	list_del(&wait->task_list);
}

void add_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);
void add_wait_queue_exclusive(wait_queue_head_t *q, wait_queue_t *wait);
void remove_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);

/*
 * Queue @wait (if it is not queued yet) and set the task's state; the
 * caller then tests its condition and calls schedule() if it is still
 * false. finish_wait() sets TASK_RUNNING and dequeues.
 */
void prepare_to_wait(wait_queue_head_t *q, wait_queue_t *wait, int state);
void prepare_to_wait_exclusive(wait_queue_head_t *q, wait_queue_t *wait, int state);
void finish_wait(wait_queue_head_t *q, wait_queue_t *wait);

/* The wake-up itself; wake_up*() below are its usual forms. */
void __wake_up(wait_queue_head_t *q, unsigned int mode, int nr_exclusive, void *key);
/* The same with q->lock already held. */
void __wake_up_locked(wait_queue_head_t *q, unsigned int mode, int nr_exclusive);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x)		__wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr)	__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * The common loop of the wait_event family. @state is the sleeping state,
 * @exclusive queues at the back, @cmd is how to sleep (it may update
 * __ret). Evaluates to 0 or -ERESTARTSYS when a signal ends the wait for a
 * state that allows it; __ret starts as @ret (the timeout, if any).
 */
#define ___wait_event(wq, condition, state, exclusive, ret, cmd) ({	\
	wait_queue_t __wait;						\
	long __ret = ret;						\
									\
	init_wait_entry(&__wait, exclusive ? WQ_FLAG_EXCLUSIVE : 0);	\
	for (;;) {							\
		long __int = prepare_to_wait_event(&(wq), &__wait, state); \
									\
		if (condition)						\
			break;						\
		if (___wait_is_interruptible(state) && __int) {		\
			__ret = __int;					\
			break;						\
		}							\
		cmd;							\
	}								\
	finish_wait(&(wq), &__wait);					\
	__ret;								\
})

#define ___wait_is_interruptible(state) \
	((state) == TASK_INTERRUPTIBLE || (state) == TASK_KILLABLE)

/* For ___wait_event: set up an entry for the current task. */
void init_wait_entry(wait_queue_t *wait, int flags);
/* Queue and set @state; returns -ERESTARTSYS (and leaves the queue) if a signal ends the wait. */
long prepare_to_wait_event(wait_queue_head_t *q, wait_queue_t *wait, int state);

/* Timed forms: true when the condition holds, and then __ret is at least 1. */
#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

#define wait_event(wq, condition) do {					\
	might_sleep();							\
	if (condition)							\
		break;							\
	(void)___wait_event(wq, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
} while (0)

#define wait_event_timeout(wq, condition, timeout) ({			\
	long __r = (timeout);						\
	might_sleep();							\
	if (!___wait_cond_timeout_once(condition, __r))			\
		__r = ___wait_event(wq, ___wait_cond_timeout(condition),	\
				    TASK_UNINTERRUPTIBLE, 0, timeout,	\
				    __ret = schedule_timeout(__ret));	\
	__r;								\
})

#define wait_event_interruptible(wq, condition) ({			\
	int __r = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, 0, 0, schedule()); \
	__r;								\
})

#define wait_event_interruptible_timeout(wq, condition, timeout) ({	\
	long __r = (timeout);						\
	might_sleep();							\
	if (!___wait_cond_timeout_once(condition, __r))			\
		__r = ___wait_event(wq, ___wait_cond_timeout(condition),	\
				    TASK_INTERRUPTIBLE, 0, timeout,	\
				    __ret = schedule_timeout(__ret));	\
	__r;								\
})

#define wait_event_interruptible_exclusive(wq, condition) ({		\
	int __r = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, 1, 0, schedule()); \
	__r;								\
})

#define wait_event_killable(wq, condition) ({				\
	int __r = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__r = ___wait_event(wq, condition, TASK_KILLABLE, 0, 0, schedule()); \
	__r;								\
})

/* Before sleeping at all: the condition already holds (then @r becomes at least 1). */
#define ___wait_cond_timeout_once(condition, r) ({			\
	bool __c = (condition);						\
	if (__c && !(r))						\
		(r) = 1;						\
	__c;								\
})

/*
 * The wait_event macros use schedule(), TASK_* and signals from
 * linux/sched.h, which itself needs struct completion (so, wait queues):
 * when completion.h is what is being included, it includes sched.h itself
 * once struct completion is defined.
 */
#ifndef _LINUX_COMPLETION_H
#include <linux/sched.h>
#endif

#endif
