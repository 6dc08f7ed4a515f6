/*
 * Kernel threads (Linux's API).
 *
 * kthread_create() makes a thread that will run @threadfn(@data) once
 * woken (wake_up_process); kthread_run() creates and wakes. The thread's
 * name is printf-formatted. A thread ends when @threadfn returns (its value
 * is the exit code) or calls kthread_exit(). kthread_stop() asks a thread
 * to stop (kthread_should_stop() becomes true and the thread is woken),
 * waits for it to end and returns its exit code; a thread stopped before
 * it ever ran does not run @threadfn at all and returns -EINTR.
 * kthread_bind() pins a created, not yet woken thread to one CPU.
 *
 * Less than Linux: threads are created directly by the caller (no
 * kthreadd), no parking, no kthread_worker. A thread that may end on its
 * own before kthread_stop() must be pinned with get_task_struct() by
 * whoever will stop it, as in Linux.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);

#define kthread_run(threadfn, data, namefmt, ...) ({				\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))							\
		wake_up_process(__k);						\
	__k;									\
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void kthread_exit(long result) __noreturn;

#endif
