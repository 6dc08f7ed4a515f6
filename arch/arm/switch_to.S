/*
 * The context switch and a new thread's first steps.
 *
 * struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
 * saves prev's callee-saved registers, sp and return address in its
 * thread_info.cpu_context, makes next `current` (TPIDRURO) and resumes next
 * where it last called __switch_to, returning prev there. Everything else
 * (the caller-saved registers, CPSR) is the C caller's business: the
 * scheduler switches with interrupts off.
 *
 * A new thread's saved context (arch/arm/process.c, copy_thread) resumes at
 * ret_from_fork with r4 = its argument and r5 = its function; it finishes
 * the switch (schedule_tail) and calls fn(arg), which never returns.
 */
#include <asm/thread_info.h>

	.text
	.arm
	.align	5
	.global	__switch_to
	.type	__switch_to, %function
__switch_to:
	add	ip, r0, #TI_CPU_SAVE
	stmia	ip, {r4 - sl, fp, sp, lr}
	mcr	p15, 0, r1, c13, c0, 3		@ current = next
	clrex					@ no exclusive monitor carried over
	add	ip, r1, #TI_CPU_SAVE
	ldmia	ip, {r4 - sl, fp, sp, pc}	@ r0 is still prev
	.size	__switch_to, . - __switch_to

	.global	ret_from_fork
	.type	ret_from_fork, %function
ret_from_fork:
	bl	schedule_tail			@ r0 = the task we came from
	mov	r0, r4
	mov	fp, #0				@ the outermost frame: backtraces stop here
	mov	lr, #0
	bx	r5
	.size	ret_from_fork, . - ret_from_fork
