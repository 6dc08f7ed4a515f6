/*
 * Faults on purpose (self-tests): arm_run_expecting_fault() in
 * asm/traps.h. The expectation lives on the caller's stack and is linked
 * per task (the task may move between CPUs); a fault matches it when it
 * happens in that task, in SVC mode, outside interrupt context and deeper
 * on the same stack than the call.
 * The oops is still printed in full; then instead of stopping the CPU the
 * fault handler returns into __arm_run_expecting_fault's recovery point.
 *
 * What a test runner adds (the harness's expected-fault markers, ending a
 * case that faults inside its own markers) comes through the hooks it
 * registers; lib/kunit/expected_fault.c is KUnit's.
 */
#include <linux/kernel.h>
#include <linux/kasan.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>
#include <string.h>
#include <asm/thread_info.h>
#include <asm/traps.h>

/* The first three fields are written by entry.S at fixed offsets. */
struct fault_expectation {
	unsigned long sp;	/* +0: the recovery point's stack */
	unsigned long pc;	/* +4: the recovery point */
	unsigned long cpsr;	/* +8: the caller's CPSR */
	struct fault_record *rec;
	struct fault_expectation *outer;
};

int __arm_run_expecting_fault(void (*fn)(void *), void *arg, struct fault_expectation *exp);

static struct fault_expectation *expectation_for(struct pt_regs *regs)
{
	struct fault_expectation *exp = current->fault_expectation;

	if (!exp || processor_mode(regs) != SVC_MODE || in_interrupt())
		return NULL;
	if (regs->ARM_sp > exp->sp || regs->ARM_sp < stack_base(exp->sp))
		return NULL;
	return exp;
}

void fault_record_note(enum arm_fault_kind kind, unsigned long addr, unsigned long fsr,
		       struct pt_regs *regs)
{
	struct fault_expectation *exp = expectation_for(regs);
	struct fault_record *rec;

	if (!exp)
		return;
	rec = exp->rec;
	rec->kind = kind;
	rec->addr = addr;
	rec->fsr = fsr;
	rec->pc = regs->ARM_pc;
	rec->trace_len = stack_trace_save_regs(regs, rec->trace, FAULT_TRACE_DEPTH, 0);
}

static const struct fault_expect_hooks *hooks;

void fault_expect_set_hooks(const struct fault_expect_hooks *h)
{
	WRITE_ONCE(hooks, h);
}

bool fault_resume_in_task(struct pt_regs *regs, const void *stack_addr, void (*fn)(void *),
			  void *arg)
{
	if (processor_mode(regs) != SVC_MODE || in_interrupt() ||
	    stack_base(regs->ARM_sp) != stack_base((unsigned long)stack_addr))
		return false;
	regs->ARM_r0 = (unsigned long)arg;
	regs->ARM_sp = ALIGN_DOWN(regs->ARM_sp, 8);
	regs->ARM_lr = 0;
	regs->ARM_pc = (unsigned long)fn;
	regs->ARM_cpsr &= ~(PSR_T_BIT | PSR_J_BIT | PSR_IT_MASK);
	return true;
}

bool arm_fault_expected(void)
{
	const struct fault_expect_hooks *h = READ_ONCE(hooks);

	return current->fault_expectation || (h && h->markers_open && h->markers_open());
}

bool fault_recover(struct pt_regs *regs)
{
	struct fault_expectation *exp = expectation_for(regs);
	const struct fault_expect_hooks *h = READ_ONCE(hooks);

	if (!exp || exp->rec->kind == ARM_FAULT_NONE)
		return h && h->recover(regs);
	/* The faulting frames never return: their KASAN stack red zones go with them. */
	kasan_unpoison_stack_below((void *)exp->sp);
	regs->ARM_sp = exp->sp;
	regs->ARM_pc = exp->pc;
	regs->ARM_cpsr = exp->cpsr;
	return true;
}

/* The runner's markers around the run, unless an outer run already has them (they do not nest). */
static bool markers_begin(struct fault_expectation *exp)
{
	const struct fault_expect_hooks *h = READ_ONCE(hooks);

	return !exp->outer && h && h->markers_begin();
}

static void markers_end(void)
{
	const struct fault_expect_hooks *h = READ_ONCE(hooks);

	if (h)
		h->markers_end();
}

int arm_run_expecting_fault(void (*fn)(void *), void *arg, struct fault_record *rec)
{
	struct fault_expectation exp = { .rec = rec };
	bool markers;
	int faulted;

	BUILD_BUG_ON(offsetof(struct fault_expectation, sp) != 0 ||
		     offsetof(struct fault_expectation, pc) != 4 ||
		     offsetof(struct fault_expectation, cpsr) != 8);
	memset(rec, 0, sizeof(*rec));
	exp.outer = current->fault_expectation;
	markers = markers_begin(&exp);
	current->fault_expectation = &exp;
	faulted = __arm_run_expecting_fault(fn, arg, &exp);
	current->fault_expectation = exp.outer;
	if (markers)
		markers_end();
	return faulted;
}
