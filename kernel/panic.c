/*
 * The end of the line: panic(), and the WARN/BUG reports, in Linux's words
 * so that the output reads like a Linux console log.
 *
 * panic() reports, stops the other CPUs through smp_send_stop() when the
 * SMP code provides one (otherwise they keep running), then halts this
 * CPU with interrupts off. Linux can also reboot after panic=N seconds;
 * Mica always halts. The condition text WARN_ON()/BUG_ON() pass is not
 * printed: like Linux, the report names the file and line (and, for a
 * warning, the function) and the CPU and task it happened on.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/barrier.h>

/* Stops every other CPU; weak, so panic() still links without SMP support. */
extern void smp_send_stop(void) __weak;

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

void panic(const char *fmt, ...)
{
	static atomic_t panic_cpu = ATOMIC_INIT(-1);
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
	/* An oops being reported has shown the stack already. */
	if (oops_in_progress <= 1)
		dump_stack();
	if (smp_send_stop)
		smp_send_stop();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	halt_this_cpu();
}

/* Linux's warning report; @caller is where the WARN was, @fmt an optional message. */
static void warn_report(const char *file, int line, void *caller, const char *fmt, va_list *args)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", raw_smp_processor_id(), current->pid,
		file, line, caller);
	if (fmt)
		vprintk(fmt, *args);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}

void __warn(const char *file, int line, const char *cond)
{
	warn_report(file, line, __builtin_return_address(0), NULL, NULL);
}

void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	warn_report(file, line, __builtin_return_address(0), fmt, &args);
	va_end(args);
}

void __bug(const char *file, int line, const char *cond)
{
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	panic("Fatal exception");
}
