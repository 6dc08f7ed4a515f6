/*
 * Completions, as in the kernel-design notes: a count of "done" events and a
 * wait queue. complete() adds one event and wakes one waiter (the queue's
 * exclusive FIFO order); complete_all() lets every present and future
 * waiter through until reinit_completion(). A waiter consumes one event.
 *
 * wait_for_completion*() may sleep (might_sleep()); return values, as Linux:
 *   _timeout                 0 on timeout, else jiffies left (at least 1)
 *   _interruptible/_killable 0, or -ERESTARTSYS when a (fatal) signal came
 *   _interruptible_timeout/_killable_timeout  jiffies left, 0 or -ERESTARTSYS
 * try_wait_for_completion() takes an event without sleeping (true if it
 * got one); completion_done() tells whether a wait would return at once.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
/* On a stack the initializer must run each time: the same thing here (no lockdep classes). */
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* Back to "not done" for reuse (Linux's INIT_COMPLETION / reinit_completion). */
static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}
#define INIT_COMPLETION(x) reinit_completion(&(x))

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#include <linux/sched.h>	/* for wait.h's macros: see the end of wait.h */

#endif
