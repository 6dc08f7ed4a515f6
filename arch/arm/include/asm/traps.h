/*
 * Exceptions: Linux-style oops reports, and running code that is meant to
 * fault (self-tests) with recovery instead of a stopped CPU.
 *
 * Less than Linux: no user mode, so every exception is the kernel's own;
 * no kprobes/undef hooks. After an oops a kernel thread is killed, as in
 * Linux; an oops in interrupt context or an idle task stops the CPU.
 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/types.h>
#include <asm/ptrace.h>

/* Linux's BUG() encoding: a permanently undefined instruction. */
#define BUG_INSTR_VALUE 0xe7f001f2

enum arm_fault_kind {
	ARM_FAULT_NONE,
	ARM_FAULT_DATA_ABORT,
	ARM_FAULT_PREFETCH_ABORT,
	ARM_FAULT_UNDEFINED,
	ARM_FAULT_SVC,		/* an SVC other than semihosting's */
	ARM_FAULT_FIQ,
	ARM_FAULT_BAD_MODE,	/* exception taken from a mode other than SVC */
};

#define FAULT_TRACE_DEPTH 8

struct fault_record {
	enum arm_fault_kind kind;
	unsigned long addr;	/* DFAR/IFAR; the instruction's address otherwise */
	unsigned long fsr;	/* DFSR/IFSR for aborts, else 0 */
	unsigned long pc;	/* the interrupted pc */
	unsigned int trace_len;	/* the oops' backtrace, innermost first */
	unsigned long trace[FAULT_TRACE_DEPTH];
};

/*
 * Run fn(arg). Returns 0 if it returned normally. If it faulted (on this
 * CPU, in its own context), the oops is printed in full (between the test
 * runner's markers "# expected-fault begin/end"), execution resumes here
 * instead of stopping the CPU, *rec describes the fault and 1 is
 * returned. Nests. fn must not hold locks when it faults: whatever it
 * had not undone stays undone.
 */
int arm_run_expecting_fault(void (*fn)(void *), void *arg, struct fault_record *rec);

/*
 * A test runner's part in expected faults (lib/kunit/expected_fault.c registers
 * KUnit's): the harness markers around each outermost
 * arm_run_expecting_fault(), and a say in faults no such run claimed.
 * Without hooks there are no markers and such a fault stops the CPU.
 */
struct fault_expect_hooks {
	/* Open the markers unless they are open already; true if this call opened them. */
	bool (*markers_begin)(void);
	void (*markers_end)(void);
	/* A fault no run claimed: true if @regs now resume somewhere safe. */
	bool (*recover)(struct pt_regs *regs);
	/* Are the runner's markers open in this task (a fault now is asked for)? */
	bool (*markers_open)(void);
};
void fault_expect_set_hooks(const struct fault_expect_hooks *hooks);

/*
 * For a recover hook: if @regs faulted in task context (SVC mode, not in
 * an interrupt) on the stack that holds @stack_addr, make the exception
 * return call @fn(@arg) on that stack, in ARM state, and return true.
 */
bool fault_resume_in_task(struct pt_regs *regs, const void *stack_addr, void (*fn)(void *),
			  void *arg);

/*
 * Report a kernel error in Linux's "Internal error: str: err [#n]" form
 * with registers, stack, backtrace and code, then stop this CPU. Returns
 * only for a fault arm_run_expecting_fault() expected, with @regs
 * redirected to its recovery point.
 */
void die(const char *str, struct pt_regs *regs, int err);
/* The CPU, task and registers of an oops, without the backtrace (Linux's __show_regs). */
void __show_regs(struct pt_regs *regs);

/*
 * Take exceptions on this CPU from now on, through the vector template in
 * the kernel image (VBAR), so early faults and semihosting calls without a
 * host are handled too. cpu_install_kernel_pgd() then switches to their
 * own page at 0xFFFF0000 (SCTLR.V), which takes precedence. The boot CPU
 * calls it first thing in start_kernel, once the per-CPU areas exist;
 * every other CPU first thing when it comes up.
 */
void arm_early_trap_init(void);
/* Fill the vector page at @vectors_base (paging_init maps it at 0xFFFF0000). */
void early_trap_init(void *vectors_base);

/* ---- for the exception entry and fault handlers only ---- */
void do_undefinstr(struct pt_regs *regs);
void do_PrefetchAbort(unsigned long addr, unsigned long ifsr, struct pt_regs *regs);
void do_DataAbort(unsigned long addr, unsigned long fsr, struct pt_regs *regs);
void do_svc(struct pt_regs *regs);
void do_fiq(struct pt_regs *regs);
void bad_mode(struct pt_regs *regs, int reason) __noreturn;

/* Start/finish an oops on this CPU (serialised across CPUs; recursion stops the CPU). */
void oops_begin(void);
void __die(const char *str, int err, struct pt_regs *regs);
void oops_end(struct pt_regs *regs);
/* Tell a waiting arm_run_expecting_fault() what faulted (no-op otherwise). */
void fault_record_note(enum arm_fault_kind kind, unsigned long addr, unsigned long fsr,
		       struct pt_regs *regs);
/* Redirect @regs to the expecting caller's recovery point; false if none applies. */
bool fault_recover(struct pt_regs *regs);
/*
 * Is an oops now one a test asked for: this task runs arm_run_expecting_fault,
 * or a test runner has its expected-fault markers open? Such a report stays
 * in the log ring while a self-test run keeps the console quiet.
 */
bool arm_fault_expected(void);

#endif
