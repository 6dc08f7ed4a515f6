/*
 * Reporting a kernel stack overflow (see asm/stack_overflow.h). Runs on
 * this CPU's overflow stack with interrupts off; die() prints the oops
 * and kills the thread, so this returns only to a fault recovery point
 * (arm_run_expecting_fault) that accepted it.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/stack_overflow.h>
#include <asm/thread_info.h>
#include <asm/traps.h>

u8 overflow_stacks[NR_CPUS][OVERFLOW_STACK_SIZE] __aligned(8);

void handle_bad_stack(struct pt_regs *regs)
{
	unsigned long tsk_stk = (unsigned long)current->stack;
	unsigned long ovf_stk = (unsigned long)overflow_stacks[smp_processor_id()];

	if (!arm_fault_expected())
		console_verbose();
	pr_emerg("Insufficient stack space to handle exception!\n");
	pr_emerg("Task stack:     [0x%08lx..0x%08lx]\n", tsk_stk, tsk_stk + THREAD_SIZE);
	pr_emerg("Overflow stack: [0x%08lx..0x%08lx]\n", ovf_stk, ovf_stk + OVERFLOW_STACK_SIZE);
	die("kernel stack overflow", regs, 0);
}
