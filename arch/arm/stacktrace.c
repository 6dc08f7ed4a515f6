/*
 * Frame-pointer unwinding over APCS frames (see asm/stacktrace.h) and
 * Linux's stack_trace_save family on top of it.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/stacktrace.h>
#include <asm/sections.h>
#include <asm/stacktrace.h>
#include <asm/thread_info.h>

#define APCS_FRAME_BELOW 12	/* saved fp, sp, lr sit below the pc slot */

static void set_stack(struct stackframe *frame, unsigned long sp)
{
	frame->stack_lo = stack_base(sp);
	frame->stack_hi = frame->stack_lo + THREAD_SIZE;
}

void arm_frame_from_regs(struct stackframe *frame, struct pt_regs *regs)
{
	frame->fp = regs->ARM_fp;
	frame->sp = regs->ARM_sp;
	frame->pc = regs->ARM_pc;
	frame->lr = regs->ARM_lr;
	frame->lr_valid = true;
	frame->regs = NULL;
	frame->last_fp = 0;
	set_stack(frame, regs->ARM_sp);
}

void arm_frame_from_caller(struct stackframe *frame, unsigned long pc, unsigned long fp,
			   unsigned long sp)
{
	frame->fp = fp;
	frame->sp = sp;
	frame->pc = pc;
	frame->lr = 0;
	frame->lr_valid = false;
	frame->regs = NULL;
	frame->last_fp = 0;
	set_stack(frame, sp);
}

/* [lo, hi) lies inside the stack being walked. */
static bool on_stack(const struct stackframe *frame, unsigned long lo, unsigned long hi)
{
	return lo >= frame->stack_lo && hi <= frame->stack_hi && lo < hi;
}

static bool valid_fp(const struct stackframe *frame, unsigned long fp)
{
	return IS_ALIGNED(fp, 4) && fp > frame->last_fp &&
	       on_stack(frame, fp - APCS_FRAME_BELOW, fp + 4);
}

/* Both addresses are inside the same kernel function. */
static bool same_function(unsigned long a, unsigned long b)
{
	unsigned long off_a, off_b;

	if (!kallsyms_lookup(a, NULL, &off_a) || !kallsyms_lookup(b, NULL, &off_b))
		return false;
	return a - off_a == b - off_b;
}

static bool in_exception_text(unsigned long addr)
{
	return addr >= (unsigned long)__exception_text_start &&
	       addr < (unsigned long)__exception_text_end;
}

int unwind_frame(struct stackframe *frame)
{
	unsigned long fp = frame->fp, lr, sp, next_fp;

	/* pc is in an exception entry: go on from the state it saved. */
	if (frame->regs) {
		struct pt_regs *regs = frame->regs;

		frame->fp = regs->ARM_fp;
		frame->sp = regs->ARM_sp;
		frame->pc = regs->ARM_pc;
		frame->lr = regs->ARM_lr;
		frame->lr_valid = true;
		frame->regs = NULL;
		return 0;
	}

	/*
	 * At an exception, pc's function may not have pushed its frame yet
	 * (or is frameless): then fp is still its caller's and the return
	 * address is in lr.
	 */
	if (frame->lr_valid) {
		frame->lr_valid = false;
		if (!valid_fp(frame, fp) || !same_function(frame->pc, *(unsigned long *)fp)) {
			frame->pc = frame->lr;
			return 0;
		}
	}

	if (!valid_fp(frame, fp))
		return -EINVAL;
	lr = ((unsigned long *)fp)[-1];
	sp = ((unsigned long *)fp)[-2];
	next_fp = ((unsigned long *)fp)[-3];
	frame->last_fp = fp;
	frame->pc = lr;
	frame->sp = sp;
	frame->fp = next_fp;
	if (in_exception_text(lr)) {
		/* Called by the exception entry with sp at its pt_regs. */
		if (!IS_ALIGNED(sp, 4) || !on_stack(frame, sp, sp + sizeof(struct pt_regs)))
			return -EINVAL;
		frame->regs = (struct pt_regs *)sp;
	}
	return 0;
}

static unsigned int save_trace(struct stackframe *frame, unsigned long *store,
			       unsigned int size, unsigned int skipnr)
{
	unsigned int n = 0, depth;

	for (depth = 0; depth < THREAD_SIZE / 16 && n < size; depth++) {
		if (skipnr)
			skipnr--;
		else
			store[n++] = frame->pc;
		if (unwind_frame(frame) < 0)
			break;
	}
	return n;
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	struct stackframe frame;

	arm_frame_from_caller(&frame, (unsigned long)stack_trace_save, ARM_CURRENT_FP(),
			      ARM_CURRENT_SP());
	return save_trace(&frame, store, size, skipnr + 1);	/* not this function */
}
EXPORT_SYMBOL_GPL(stack_trace_save);

unsigned int stack_trace_save_regs(struct pt_regs *regs, unsigned long *store,
				   unsigned int size, unsigned int skipnr)
{
	struct stackframe frame;

	arm_frame_from_regs(&frame, regs);
	return save_trace(&frame, store, size, skipnr);
}
