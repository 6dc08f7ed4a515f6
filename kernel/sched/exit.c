/*
 * The end of a task: do_exit() (a kthread returning, or kthread_exit) and
 * make_task_dead() (an oops in task context). The task leaves the task
 * list, whoever waits in kthread_stop() is told, and it switches away for
 * the last time; the next task on that CPU drops its last scheduler
 * reference, which frees the stack and task_struct once nobody else holds
 * one (put_task_struct).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp_lock.h>
#include <linux/mutex.h>
#include <linux/hardirq.h>
#include "sched.h"

void do_exit(long code)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	/* As Linux: nobody can take over from PID 1 (here the console shell). */
	if (unlikely(is_global_init(tsk)))
		panic("Attempted to kill init! exitcode=0x%08lx", (unsigned long)code);
	if (preempt_count()) {
		pr_info("note: %s[%d] exited with preempt_count %d\n", tsk->comm, tsk->pid,
			preempt_count());
		preempt_count_set(0);
	}
	tsk->flags |= PF_EXITING;
	if (tsk->lock_depth >= 0) {
		pr_info("note: %s[%d] exited holding the big kernel lock\n", tsk->comm, tsk->pid);
		tsk->lock_depth = 0;
		unlock_kernel();
	}
	debug_check_no_locks_held(tsk);
	tsk->exit_code = (int)code;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&tsk->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	complete_all(&tsk->exited);

	preempt_disable();
	do_task_dead();
}

void make_task_dead(int signr)
{
	struct task_struct *tsk = current;

	if (unlikely(tsk->flags & PF_EXITING)) {
		/* An oops while exiting: do not run the exit path again. */
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		preempt_count_set(PREEMPT_DISABLE_OFFSET);
		do_task_dead();
	}
	do_exit(signr);
}
