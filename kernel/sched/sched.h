/* Between the scheduler core (kernel/sched/core.c), task creation (fork.c) and exit (exit.c). */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/*
 * Scheduler fields of a new task: TASK_NEW, every CPU allowed, on this
 * CPU, a full time slice, the preempt_count schedule_tail() expects.
 */
void sched_fork(struct task_struct *p);
/* Switch away for good (TASK_DEAD); preemption disabled. */
void do_task_dead(void) __noreturn;
/* Make a task running @fn(@arg) named @name (not yet runnable: wake_up_new_task). */
struct task_struct *create_kernel_thread(void (*fn)(void *), void *arg, const char *name);

/* The static stack @cpu's idle task runs on. */
void *idle_stack(int cpu);

#endif
