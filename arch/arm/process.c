/*
 * A new task's first registers (Linux/ARM's copy_thread, in
 * arch/arm/kernel/process.c there): its saved context resumes at
 * ret_from_fork (arch/arm/switch_to.S) with r4 = @arg and r5 = @fn, on an
 * empty stack; ret_from_fork finishes the switch and calls fn(arg).
 */
#include <linux/sched.h>
#include <string.h>
#include <asm/thread_info.h>

void ret_from_fork(void);

void copy_thread(struct task_struct *p, void (*fn)(void *), void *arg)
{
	struct cpu_context_save *ctx = &task_thread_info(p)->cpu_context;

	memset(ctx, 0, sizeof(*ctx));
	ctx->r4 = (unsigned long)arg;
	ctx->r5 = (unsigned long)fn;
	ctx->sp = (unsigned long)p->stack + THREAD_START_SP;
	ctx->pc = (unsigned long)ret_from_fork;
}
