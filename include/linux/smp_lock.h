/*
 * The big kernel lock, as the kernel-design notes describe it (Linux 2.6's
 * lib/kernel_lock.c): one spinlock for the whole kernel that a task may
 * take recursively (current->lock_depth counts the nesting, -1 when not
 * held) and keeps while it sleeps: schedule() drops it before switching
 * away and takes it back before returning. Holding it disables preemption.
 * Kept for fidelity with the notes; nothing in Mica needs it.
 */
#ifndef _LINUX_SMP_LOCK_H
#define _LINUX_SMP_LOCK_H

#include <linux/sched.h>

void _lock_kernel(const char *func, const char *file, int line);
void _unlock_kernel(const char *func, const char *file, int line);

#define lock_kernel() do {						\
	_lock_kernel(__func__, __FILE__, __LINE__);			\
} while (0)
#define unlock_kernel() do {						\
	_unlock_kernel(__func__, __FILE__, __LINE__);			\
} while (0)

#define kernel_locked() (current->lock_depth >= 0)

/* For schedule(): drop the lock (keeping lock_depth) and take it back afterwards. */
void release_kernel_lock(struct task_struct *task);
void reacquire_kernel_lock(struct task_struct *task);

#endif
