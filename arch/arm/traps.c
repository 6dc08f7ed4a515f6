/*
 * Oops reports in Linux/ARM's format, the undefined-instruction, SVC and
 * FIQ handlers, and dump_stack().
 *
 * An oops takes die_lock so reports from several CPUs do not interleave.
 * A fault on a CPU that is already reporting one prints "Recursive
 * fault!" and stops that CPU at once. The report names the current task.
 * After it, a kernel thread is killed (make_task_dead, as Linux); an oops
 * in interrupt context or in an idle task stops the CPU ("CPUn:
 * stopping"): interrupts off, WFI forever, out of the online mask.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <string.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/sections.h>
#include <asm/semihosting.h>
#include <asm/stacktrace.h>
#include <asm/thread_info.h>
#include <asm/traps.h>
#include <mica/board.h>

#define MAX_BACKTRACE 64

static arch_spinlock_t die_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int die_owner = -1;	/* CPU inside oops_begin..oops_end */
static int die_counter;

static const char *const processor_modes[32] = {
	"USER_26", "FIQ_26", "IRQ_26", "SVC_26", "UK4_26", "UK5_26", "UK6_26", "UK7_26",
	"UK8_26", "UK9_26", "UK10_26", "UK11_26", "UK12_26", "UK13_26", "UK14_26", "UK15_26",
	"USER_32", "FIQ_32", "IRQ_32", "SVC_32", "UK4_32", "UK5_32", "MON_32", "ABT_32",
	"UK8_32", "UK9_32", "HYP_32", "UND_32", "UK12_32", "UK13_32", "UK14_32", "SYS_32",
};
static const char *const isa_modes[4] = { "ARM", "Thumb", "Jazelle", "ThumbEE" };

/* Indexed by the BAD_* reasons entry.S passes to bad_mode(). */
static const char *const bad_mode_handler[] = {
	"prefetch abort", "data abort", "interrupt", "undefined instruction", "FIQ", "SVC",
};

static void __noreturn cpu_stop(void)
{
	unsigned int cpu = smp_processor_id();

	__asm__ __volatile__("cpsid if" ::: "memory");
	printk(KERN_EMERG "CPU%u: stopping\n", cpu);
	__atomic_and_fetch(&cpu_online_map.bits, ~(1UL << cpu), __ATOMIC_SEQ_CST);
	for (;;)
		wfi();
}

void oops_begin(void)
{
	int cpu = smp_processor_id();

	__asm__ __volatile__("cpsid i" ::: "memory");
	if (READ_ONCE(die_owner) == cpu) {
		printk(KERN_EMERG "Recursive fault!\n");
		WRITE_ONCE(die_owner, -1);
		arch_spin_unlock(&die_lock);
		cpu_stop();
	}
	arch_spin_lock(&die_lock);
	WRITE_ONCE(die_owner, cpu);
	if (!arm_fault_expected())
		console_verbose();	/* shown even during a quiet self-test run */
}

static void oops_finish(void)
{
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	printk(KERN_EMERG "---[ end trace %016llx ]---\n", (unsigned long long)die_counter);
	WRITE_ONCE(die_owner, -1);
	arch_spin_unlock(&die_lock);
}

void oops_end(struct pt_regs *regs)
{
	bool recovered = fault_recover(regs);

	if (!recovered)
		add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	oops_finish();
	if (recovered)
		return;
	if (in_interrupt() || is_idle_task(current))
		cpu_stop();
	make_task_dead(SIGSEGV);
}

/* Linux's dump_mem: words from @bottom to @top, eight a line, labelled by the low 16 address bits. */
static void dump_mem(const char *lvl, const char *str, unsigned long bottom, unsigned long top)
{
	unsigned long first;

	printk("%s%s(0x%08lx to 0x%08lx)\n", lvl, str, bottom, top);
	for (first = bottom & ~31UL; first < top; first += 32) {
		char line[8 * 9 + 1] = "";
		size_t len = 0;
		unsigned long p;

		for (p = first; p < first + 32 && p < top; p += 4) {
			if (p < bottom)
				len += snprintf(line + len, sizeof(line) - len, "         ");
			else if (kernel_addr_readable(p))
				len += snprintf(line + len, sizeof(line) - len, " %08lx",
						*(unsigned long *)p);
			else
				len += snprintf(line + len, sizeof(line) - len, " ????????");
		}
		printk("%s%04lx:%s\n", lvl, first & 0xffff, line);
	}
}

/* The four instructions before pc and pc's own, in parentheses (Thumb: one more after). */
static void dump_instr(struct pt_regs *regs)
{
	bool thumb = regs->ARM_cpsr & PSR_T_BIT;
	unsigned int width = thumb ? 2 : 4, n, count = thumb ? 6 : 5;
	unsigned long pc = instruction_pointer(regs);
	char str[sizeof("(00000000) ") * 6 + 1], *p = str;

	*p = '\0';
	for (n = 0; n < count; n++) {
		unsigned long a = pc - 4 * width + n * width;
		size_t room = str + sizeof(str) - p;
		unsigned int val;

		if (!kernel_addr_readable(a)) {
			snprintf(p, room, "bad PC value");
			break;
		}
		val = thumb ? *(u16 *)a : *(u32 *)a;
		p += snprintf(p, room, a == pc ? "(%0*x) " : "%0*x ", (int)width * 2, val);
	}
	printk(KERN_EMERG "Code: %s\n", str);
}

static void print_symbol_line(const char *prefix, unsigned long addr)
{
	char sym[KSYM_NAME_LEN + 32];

	sprint_symbol(sym, sizeof(sym), addr);
	printk(KERN_EMERG "%s%s\n", prefix, sym);
}

static const char *symbol_name(unsigned long addr, char *buf, size_t len)
{
	const char *name = kallsyms_lookup(addr, NULL, NULL);

	if (name)
		return name;
	snprintf(buf, len, "0x%08lx", addr);
	return buf;
}

/* One line per frame: "[<where>] (function) from [<return address>] (caller+off/size)". */
static void dump_backtrace(struct stackframe *frame, const char *lvl)
{
	int depth;

	printk("%sBacktrace: \n", lvl);
	for (depth = 0; depth < MAX_BACKTRACE; depth++) {
		unsigned long where = frame->pc;
		char name[16], from[KSYM_NAME_LEN + 32];

		if (unwind_frame(frame) < 0) {
			if (depth == 0)
				printk("%sinvalid frame pointer 0x%08lx\n", lvl, frame->fp);
			return;
		}
		sprint_symbol(from, sizeof(from), frame->pc);
		printk("%s[<%08lx>] (%s) from [<%08lx>] (%s)\n", lvl,
		       where, symbol_name(where, name, sizeof(name)), frame->pc, from);
		if (frame->regs)
			dump_mem(lvl, "Exception stack", (unsigned long)frame->regs,
				 (unsigned long)frame->regs + sizeof(struct pt_regs));
	}
}

void dump_stack_print_info(const char *lvl)
{
	unsigned int cpu = smp_processor_id();

	printk("%sCPU: %u PID: %d Comm: %.*s %s\n", lvl, cpu, current->pid,
	       TASK_COMM_LEN, current->comm, print_tainted());
	printk("%sHardware name: %s\n", lvl, board.name);
}

void __show_regs(struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	unsigned long sctlr, ttbr0, dacr;
	char f[5];

	dump_stack_print_info(KERN_EMERG);
	print_symbol_line("PC is at ", regs->ARM_pc);
	print_symbol_line("LR is at ", regs->ARM_lr);
	printk(KERN_EMERG "pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n",
	       regs->ARM_pc, regs->ARM_lr, regs->ARM_cpsr);
	printk(KERN_EMERG "sp : %08lx  ip : %08lx  fp : %08lx\n",
	       regs->ARM_sp, regs->ARM_ip, regs->ARM_fp);
	printk(KERN_EMERG "r10: %08lx  r9 : %08lx  r8 : %08lx\n",
	       regs->uregs[10], regs->uregs[9], regs->uregs[8]);
	printk(KERN_EMERG "r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n",
	       regs->uregs[7], regs->uregs[6], regs->uregs[5], regs->uregs[4]);
	printk(KERN_EMERG "r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n",
	       regs->uregs[3], regs->uregs[2], regs->uregs[1], regs->uregs[0]);
	f[0] = flags & PSR_N_BIT ? 'N' : 'n';
	f[1] = flags & PSR_Z_BIT ? 'Z' : 'z';
	f[2] = flags & PSR_C_BIT ? 'C' : 'c';
	f[3] = flags & PSR_V_BIT ? 'V' : 'v';
	f[4] = '\0';
	printk(KERN_EMERG "Flags: %s  IRQs o%s  FIQs o%s  Mode %s  ISA %s  Segment kernel\n",
	       f, flags & PSR_I_BIT ? "ff" : "n", flags & PSR_F_BIT ? "ff" : "n",
	       processor_modes[flags & MODE_MASK],
	       isa_modes[((flags & PSR_J_BIT) >> 23) | ((flags & PSR_T_BIT) >> 5)]);
	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 0\n\t"
			     "mrc p15, 0, %1, c2, c0, 0\n\t"
			     "mrc p15, 0, %2, c3, c0, 0"
			     : "=r"(sctlr), "=r"(ttbr0), "=r"(dacr));
	printk(KERN_EMERG "Control: %08lx  Table: %08lx  DAC: %08lx\n", sctlr, ttbr0, dacr);
}

void __die(const char *str, int err, struct pt_regs *regs)
{
	unsigned long stack_top = stack_base(regs->ARM_sp) + THREAD_SIZE;
	struct stackframe frame;

	printk(KERN_EMERG "Internal error: %s: %x [#%d] SMP ARM\n", str, err, ++die_counter);
	print_modules();
	__show_regs(regs);
	printk(KERN_EMERG "Process %.*s (pid: %d, stack limit = 0x%08lx)\n", TASK_COMM_LEN,
	       current->comm, current->pid, (unsigned long)current->stack);
	dump_mem(KERN_EMERG, "Stack: ", regs->ARM_sp, stack_top);
	arm_frame_from_regs(&frame, regs);
	dump_backtrace(&frame, KERN_EMERG);
	dump_instr(regs);
}

void die(const char *str, struct pt_regs *regs, int err)
{
	oops_begin();
	__die(str, err, regs);
	oops_end(regs);
}

void dump_stack(void)
{
	struct stackframe frame;

	dump_stack_print_info(KERN_DEFAULT);
	arm_frame_from_caller(&frame, (unsigned long)dump_stack, ARM_CURRENT_FP(), ARM_CURRENT_SP());
	dump_backtrace(&frame, KERN_DEFAULT);
}
EXPORT_SYMBOL(dump_stack);

void do_undefinstr(struct pt_regs *regs)
{
	u32 instr = 0;

	if (regs->ARM_cpsr & PSR_T_BIT)
		regs->ARM_pc += 2;	/* the entry assumed a 4-byte ARM instruction */
	if (kernel_addr_readable(regs->ARM_pc))
		instr = (regs->ARM_cpsr & PSR_T_BIT) ? *(u16 *)regs->ARM_pc : *(u32 *)regs->ARM_pc;
	oops_begin();
	fault_record_note(ARM_FAULT_UNDEFINED, regs->ARM_pc, 0, regs);
	__die(instr == BUG_INSTR_VALUE ? "Oops - BUG" : "Oops - undefined instruction", 0, regs);
	oops_end(regs);
}

/*
 * The kernel issues SVC only for semihosting. When a debugger or QEMU
 * answers it, the SVC never gets here; when nobody does, it fails with
 * -1 in r0. Any other SVC is a bug.
 */
void do_svc(struct pt_regs *regs)
{
	bool thumb = regs->ARM_cpsr & PSR_T_BIT;
	unsigned long insn_addr = regs->ARM_pc - (thumb ? 2 : 4);
	unsigned long imm = 0;

	if (kernel_addr_readable(insn_addr))
		imm = thumb ? *(u16 *)insn_addr & 0xff : *(u32 *)insn_addr & 0xffffff;
	if (imm == (thumb ? SEMIHOSTING_SVC_IMM_THUMB : SEMIHOSTING_SVC_IMM)) {
		semihosting_unanswered_call(regs);
		return;
	}
	oops_begin();
	fault_record_note(ARM_FAULT_SVC, insn_addr, 0, regs);
	printk(KERN_ALERT "Unexpected SVC 0x%06lx at %08lx\n", imm, insn_addr);
	__die("Oops - bad syscall", imm, regs);
	oops_end(regs);
}

void do_fiq(struct pt_regs *regs)
{
	oops_begin();
	fault_record_note(ARM_FAULT_FIQ, regs->ARM_pc, 0, regs);
	printk(KERN_CRIT "Bad mode in FIQ handler detected: nothing claims FIQs\n");
	__die("Oops - bad mode", 0, regs);
	oops_end(regs);
}

/*
 * The exception entry saved SVC's sp and lr; report the interrupted
 * mode's own (banked) ones. Switching mode here is safe: interrupts are
 * off and nothing touches memory until we are back in SVC.
 */
static void read_banked_sp_lr(struct pt_regs *regs)
{
	unsigned long mode = processor_mode(regs), cpsr, sp, lr;

	if (mode == USR_MODE)
		mode = SYSTEM_MODE;	/* same registers, but privileged */
	if (mode != FIQ_MODE && mode != IRQ_MODE && mode != ABT_MODE &&
	    mode != UND_MODE && mode != SYSTEM_MODE)
		return;
	__asm__ __volatile__("mrs %0, cpsr\n\t"
			     "msr cpsr_c, %3\n\t"
			     "mov %1, sp\n\t"
			     "mov %2, lr\n\t"
			     "msr cpsr_c, %0"
			     : "=&r"(cpsr), "=&r"(sp), "=&r"(lr)
			     : "r"(mode | PSR_I_BIT | PSR_F_BIT)
			     : "memory", "lr");
	regs->ARM_sp = sp;
	regs->ARM_lr = lr;
}

void bad_mode(struct pt_regs *regs, int reason)
{
	oops_begin();
	read_banked_sp_lr(regs);
	fault_record_note(ARM_FAULT_BAD_MODE, regs->ARM_pc, 0, regs);
	printk(KERN_CRIT "Bad mode in %s handler detected\n", bad_mode_handler[reason]);
	__die("Oops - bad mode", 0, regs);
	/* No recovery: svc_exit cannot return into another mode's registers. */
	oops_finish();
	cpu_stop();
}

void arm_early_trap_init(void)
{
	__asm__ __volatile__("mcr p15, 0, %0, c12, c0, 0" /* VBAR */
			     :: "r"(__vectors_start) : "memory");
	set_cr(get_cr() & ~CR_V);
}

void __init early_trap_init(void *vectors_base)
{
	size_t size = (unsigned long)__vectors_end - (unsigned long)__vectors_start;

	BUG_ON(size > PAGE_SIZE);
	memcpy(vectors_base, __vectors_start, size);
	dcache_clean_range(vectors_base, size);
	icache_inval_all();
}
