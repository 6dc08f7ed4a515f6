/*
 * Walking the kernel stack through APCS frames (the kernel is built with
 * -mapcs-frame): fp points at the saved pc, [fp-4] is the saved lr,
 * [fp-8] the caller's sp, [fp-12] the caller's fp. Frames built by the
 * exception entry are crossed through the pt_regs they saved. Every read
 * is checked to stay inside the kernel stack being walked, and fp must
 * grow from frame to frame, so a corrupt stack ends the walk.
 */
#ifndef _ASM_STACKTRACE_H
#define _ASM_STACKTRACE_H

#include <linux/types.h>
#include <asm/ptrace.h>

struct stackframe {
	unsigned long fp;
	unsigned long sp;
	unsigned long pc;
	unsigned long lr;		/* the return address, while lr_valid */
	bool lr_valid;			/* pc came from pt_regs: its function may have no frame yet */
	struct pt_regs *regs;		/* pc is in the exception entry that saved these */
	unsigned long stack_lo, stack_hi;	/* the kernel stack being walked */
	unsigned long last_fp;		/* fp of the previous frame (must grow) */
};

/* Start at the state an exception saved. */
void arm_frame_from_regs(struct stackframe *frame, struct pt_regs *regs);
/* Start at the caller of this function. */
void arm_frame_from_caller(struct stackframe *frame, unsigned long pc, unsigned long fp,
			   unsigned long sp);
/* Step to the caller: 0, or negative at the end of the chain or a bad frame. */
int unwind_frame(struct stackframe *frame);

/* This function's APCS frame pointer (valid after its prologue, which the builtin guarantees). */
#define ARM_CURRENT_FP() ((unsigned long)__builtin_frame_address(0))
#define ARM_CURRENT_SP() ({ unsigned long __sp; __asm__ __volatile__("mov %0, sp" : "=r"(__sp)); __sp; })

#endif
