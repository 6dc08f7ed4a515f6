/* Between the scheduler core (kernel/sched/core.c), task creation (fork.c) and exit (exit.c). */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/* Scheduler fields of a new task: TASK_NEW, every CPU allowed, on this CPU. */
void sched_fork(struct task_struct *p);
/* Its first context: ret_from_fork calls @fn(@arg) with preemption enabled. */
void copy_thread(struct task_struct *p, void (*fn)(void *), void *arg);
/* Switch away for good (TASK_DEAD); preemption disabled. */
void do_task_dead(void) __noreturn;
/* Make a task running @fn(@arg) named @name (not yet runnable: wake_up_new_task). */
struct task_struct *create_kernel_thread(void (*fn)(void *), void *arg, const char *name);

/* The static stack @cpu's idle task runs on. */
void *idle_stack(int cpu);

#endif
