/*
 * The idle tasks. CPU 0's is init_task: start_kernel() runs in it on the
 * boot stack (arch/arm/head.S's init_stack) and it becomes CPU 0's idle loop
 * at the end of boot. Each other CPU's idle task runs that CPU's bring-up
 * on a static stack here and then idles. Idle stacks have no guard page
 * (Linux's init_stack has none either); every other thread's has one.
 */
#include <linux/sched.h>
#include <linux/preempt.h>
#include "sched.h"

extern char init_stack[];

struct task_struct init_task = {
	.thread_info = { .preempt_count = PREEMPT_DISABLE_OFFSET },
	.stack = init_stack,
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.usage = ATOMIC_INIT(1),
	.on_cpu = 1,
	.cpus_allowed = { 1 },
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.pi_lock = __SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.lock_depth = -1,
	.comm = "swapper/0",
	.tasks = LIST_HEAD_INIT(task_list),
	.exited = COMPLETION_INITIALIZER(init_task.exited),
};

struct list_head task_list = LIST_HEAD_INIT(init_task.tasks);
DEFINE_SPINLOCK(tasklist_lock);

static struct task_struct secondary_idle[NR_CPUS - 1];
static u8 secondary_idle_stacks[NR_CPUS - 1][THREAD_SIZE] __aligned(THREAD_SIZE);

struct task_struct *idle_task(int cpu)
{
	return cpu ? &secondary_idle[cpu - 1] : &init_task;
}

void *idle_stack(int cpu)
{
	return cpu ? (void *)secondary_idle_stacks[cpu - 1] : (void *)init_stack;
}
