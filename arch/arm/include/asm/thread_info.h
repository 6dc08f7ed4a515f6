/*
 * Kernel stacks. Every kernel stack (the boot CPU's init_stack, the
 * secondaries' stacks, later thread stacks) is THREAD_SIZE bytes and
 * THREAD_SIZE-aligned, so the stack that holds an sp is found by masking:
 * the backtrace code relies on it to bound its walk.
 *
 * struct thread_info is the part of a task the exception entry and the
 * context switch read from assembly. As in Linux with THREAD_INFO_IN_TASK
 * it is the first member of struct task_struct, not the bottom of the
 * stack: a thread stack that overflows into its guard page must not take
 * `current` and preempt_count with it. `current` itself is kept in
 * TPIDRURO (asm/current.h).
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#define THREAD_SIZE 8192
/* Where a new thread's sp starts: Linux/ARM's THREAD_START_SP. */
#define THREAD_START_SP (THREAD_SIZE - 8)

/* Offsets for assembly (checked against the C layout in kernel/sched/core.c). */
#define TI_FLAGS        0
#define TI_PREEMPT      4
#define TI_CPU          8
#define TI_CPU_SAVE     12
#define TSK_STACK       52	/* offsetof(struct task_struct, stack) */

/* thread_info.flags bits (Linux/ARM's numbers). */
#define TIF_SIGPENDING   0	/* a signal is pending */
#define TIF_NEED_RESCHED 1	/* schedule() at the next preemption point */
#define _TIF_SIGPENDING   (1 << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED (1 << TIF_NEED_RESCHED)

#ifndef __ASSEMBLER__
/* Registers a task keeps across __switch_to (the callee-saved ones, sp, pc). */
struct cpu_context_save {
	unsigned long r4, r5, r6, r7, r8, r9, sl, fp, sp, pc;
};

struct thread_info {
	unsigned long flags;		/* TIF_*; set by other CPUs with atomic bitops */
	int preempt_count;		/* 0: preemptible; see linux/preempt.h */
	int cpu;			/* the CPU it runs on: set by the CPU switching to it */
	struct cpu_context_save cpu_context;
};

/* Lowest address of the kernel stack that holds @sp. */
static inline unsigned long stack_base(unsigned long sp)
{
	return sp & ~(THREAD_SIZE - 1UL);
}
#endif

#endif
