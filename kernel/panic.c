/*
 * The end of the line: panic(), the WARN/BUG reports and the taint flags,
 * in Linux's words so that the output reads like a Linux console log.
 *
 * panic() reports, stops the other CPUs through smp_send_stop() when the
 * SMP code provides one (otherwise they keep running), then, as Linux,
 * restarts the board after panic=N seconds (N < 0: at once). With the
 * default panic=0 Linux halts; Mica keeps the serial console: an
 * emergency shell (kernel/shell/shell.c) answers on it, polled, with the
 * commands that only read the log or stop the machine. A panic inside that
 * shell halts. The condition text WARN_ON()/BUG_ON() pass is not printed:
 * like Linux, the report names the file and line (and, for a warning, the
 * function).
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/barrier.h>
#include <mica/board.h>
#include <mica/shell.h>

/* Stops every other CPU; weak, so panic() still links without SMP support. */
extern void smp_send_stop(void) __weak;

int panic_timeout;
static unsigned long tainted_mask;

/* Linux's letters, by flag number: set, and (only for P) clear. */
static const char taint_set[TAINT_FLAGS_COUNT + 1] = "PFSRMBUDAWCIOELKXTN";

void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok)
{
	if (flag < TAINT_FLAGS_COUNT)
		__atomic_or_fetch(&tainted_mask, 1UL << flag, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(add_taint);

int test_taint(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT && (READ_ONCE(tainted_mask) >> flag) & 1;
}
EXPORT_SYMBOL(test_taint);

unsigned long get_taint(void)
{
	return READ_ONCE(tainted_mask);
}

char taint_letter(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT ? taint_set[flag] : '?';
}

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	unsigned long mask = READ_ONCE(tainted_mask);
	int i, n;

	if (!mask)
		return "Not tainted";
	n = scnprintf(buf, sizeof(buf), "Tainted: ");
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		buf[n++] = (mask >> i) & 1 ? taint_set[i] : i == TAINT_PROPRIETARY_MODULE ? 'G' : ' ';
	buf[n] = '\0';
	return buf;
}

void bust_spinlocks(int yes)
{
	if (yes)
		WRITE_ONCE(oops_in_progress, oops_in_progress + 1);
	else
		WRITE_ONCE(oops_in_progress, oops_in_progress - 1);
}

static __noreturn void halt_this_cpu(void)
{
	local_irq_disable();
	for (;;)
		wfi();
}

/* panic=N: restart N seconds after a panic (N < 0: at once); 0 keeps the console. */
static int __init panic_setup(char *val)
{
	long v;

	if (kstrtol(val, 0, &v))
		return -EINVAL;
	if (v < -3600 || v > 3600)
		return -ERANGE;
	panic_timeout = (int)v;
	return 0;
}
__setup("panic=", panic_setup);

static __noreturn void panic_restart(void)
{
	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		for (int s = 0; s < panic_timeout; s++)
			mdelay(1000);
	}
	if (board.restart) {
		pr_emerg("reboot: Restarting system\n");
		board.restart();
	}
	pr_emerg("panic: this board cannot restart: halting\n");
	halt_this_cpu();
}

void panic(const char *fmt, ...)
{
	static atomic_t panic_cpu = ATOMIC_INIT(-1);
	static bool in_emergency_shell;
	static char buf[1024];
	va_list args;
	int cpu, old, len;

	local_irq_disable();
	cpu = raw_smp_processor_id();
	/* One CPU reports; another that panics at the same time just stops. */
	old = atomic_cmpxchg(&panic_cpu, -1, cpu);
	if (old != -1 && old != cpu)
		halt_this_cpu();

	console_verbose();
	bust_spinlocks(1);
	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	/* An oops being (or already) reported has shown the stack. */
	if (!test_taint(TAINT_DIE) && oops_in_progress <= 1)
		dump_stack();
	if (smp_send_stop)
		smp_send_stop();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout)
		panic_restart();
	if (!in_emergency_shell) {
		in_emergency_shell = true;
		shell_run_emergency();
	}
	halt_this_cpu();
}
EXPORT_SYMBOL(panic);

/* Linux's warning report; @caller is where the WARN was, @fmt an optional message. */
static void warn_report(const char *file, int line, void *caller, const char *fmt, va_list *args)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", raw_smp_processor_id(), report_pid(),
		file, line, caller);
	if (fmt)
		vprintk(fmt, *args);
	print_modules();
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}

void __warn(const char *file, int line, const char *cond)
{
	warn_report(file, line, __builtin_return_address(0), NULL, NULL);
}
EXPORT_SYMBOL(__warn);

void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	warn_report(file, line, __builtin_return_address(0), fmt, &args);
	va_end(args);
}
EXPORT_SYMBOL(warn_slowpath_fmt);

void __bug(const char *file, int line, const char *cond)
{
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	dump_stack();
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	panic("Fatal exception");
}
EXPORT_SYMBOL(__bug);
