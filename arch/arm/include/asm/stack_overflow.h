/*
 * Kernel stack overflow handling. A thread stack (THREAD_SIZE, from
 * vmalloc) has an unmapped page below it; the exception entry checks the
 * interrupted sp against the current task's stack on every exception and,
 * when it lies in that guard page (or too close above it to hold pt_regs),
 * continues on a small per-CPU overflow stack and calls handle_bad_stack(),
 * which prints Linux/ARM's "Insufficient stack space to handle exception!"
 * report and the oops, naming the thread; the thread is then killed.
 */
#ifndef _ASM_STACK_OVERFLOW_H
#define _ASM_STACK_OVERFLOW_H

#define STACK_GUARD_SIZE	4096	/* the unmapped page below a thread stack */
#define OVERFLOW_STACK_SHIFT	12
#define OVERFLOW_STACK_SIZE	(1 << OVERFLOW_STACK_SHIFT)

#ifndef __ASSEMBLER__
#include <linux/types.h>
#include <asm/ptrace.h>

extern u8 overflow_stacks[][OVERFLOW_STACK_SIZE];

/* From the exception entry, on the overflow stack. */
void handle_bad_stack(struct pt_regs *regs);
#endif

#endif
