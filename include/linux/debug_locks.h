/*
 * Lock debugging switches and reports (Linux's names). debug_locks is 1
 * unless the command line says debug_locks=0; while it is 1, the mutex
 * checks (kernel/locking/mutex.c, the kernel-design notes' CONFIG_DEBUG_MUTEXES rules)
 * report each violation with DEBUG_LOCKS_WARN_ON's warning. The code paths
 * test debug_locks_key, a static key that mirrors it (set with it, at boot).
 *
 * Unlike Linux, the first report does not turn debugging off: each
 * violation is reported (debug_locks_reports counts them, for tests).
 */
#ifndef _LINUX_DEBUG_LOCKS_H
#define _LINUX_DEBUG_LOCKS_H

#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/jump_label.h>

struct task_struct;

extern int debug_locks;
DECLARE_STATIC_KEY_TRUE(debug_locks_key);
extern atomic_t debug_locks_reports;
/* Mutexes held right now, all tasks together (kernel/locking/mutex.c). */
extern atomic_t nr_held_mutexes;

/*
 * Is lock debugging on and any mutex held? The free paths test this first:
 * a NOP with debug_locks=0, a NOP and a load when none is held.
 */
static __always_inline bool debug_locks_held(void)
{
	return static_branch_unlikely(&debug_locks_key) && atomic_read(&nr_held_mutexes) != 0;
}

#define DEBUG_LOCKS_WARN_ON(c) ({						\
	bool __ret = false;							\
	if (READ_ONCE(debug_locks) && !oops_in_progress && unlikely(c)) {	\
		atomic_inc(&debug_locks_reports);				\
		WARN(1, "DEBUG_LOCKS_WARN_ON(%s)\n", #c);			\
		__ret = true;							\
	}									\
	__ret;									\
})

/* Report a held mutex inside [from, from + len) (memory being freed or reused). */
void debug_check_no_locks_freed(const void *from, unsigned long len);
/* Report mutexes @task still holds (it is exiting). */
void debug_check_no_locks_held(struct task_struct *task);

#endif
