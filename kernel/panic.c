/*
 * The end of the line: panic(), and the WARN/BUG reports, in Linux's words
 * so that the output reads like a Linux console log.
 *
 * panic() reports, stops the other CPUs through smp_send_stop() when the
 * SMP code provides one (otherwise they keep running), then halts this
 * CPU with interrupts off. Linux can also reboot after panic=N seconds;
 * Mica always halts. There are no tasks yet, so the PID shown is 0. The
 * condition text WARN_ON()/BUG_ON() pass is not printed: like Linux, the
 * report names the file and line (and, for a warning, the function).
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/barrier.h>
#include <string.h>

/* Stops every other CPU; weak, so panic() still links without SMP support. */
extern void smp_send_stop(void) __weak;

static unsigned long tainted_mask;

/* Indexed by TAINT_*: the letter when set, and when not (only 'P' has one: 'G'). */
static const struct { char set, clear; } taint_letters[TAINT_FLAGS_COUNT] = {
	[TAINT_PROPRIETARY_MODULE] = { 'P', 'G' }, [TAINT_FORCED_MODULE] = { 'F', ' ' },
	[TAINT_UNSAFE_SMP] = { 'S', ' ' }, [TAINT_FORCED_RMMOD] = { 'R', ' ' },
	[TAINT_MACHINE_CHECK] = { 'M', ' ' }, [TAINT_BAD_PAGE] = { 'B', ' ' },
	[TAINT_USER] = { 'U', ' ' }, [TAINT_DIE] = { 'D', ' ' },
	[TAINT_OVERRIDDEN_ACPI_TABLE] = { 'A', ' ' }, [TAINT_WARN] = { 'W', ' ' },
	[TAINT_CRAP] = { 'C', ' ' }, [TAINT_FIRMWARE_WORKAROUND] = { 'I', ' ' },
	[TAINT_OOT_MODULE] = { 'O', ' ' },
};

/* Mica's lock debugging keeps reporting after a taint, so @lockdep_ok changes nothing. */
void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok)
{
	if (WARN_ON(flag >= TAINT_FLAGS_COUNT))
		return;
	__atomic_or_fetch(&tainted_mask, 1UL << flag, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(add_taint);

int test_taint(unsigned int flag)
{
	return (READ_ONCE(tainted_mask) >> flag) & 1;
}
EXPORT_SYMBOL(test_taint);

unsigned long get_taint(void)
{
	return READ_ONCE(tainted_mask);
}

char taint_letter(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT ? taint_letters[flag].set : '?';
}

/* One buffer, as Linux: reports are serialised by die_lock or are rare. */
const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	unsigned long mask = get_taint();
	unsigned int i;

	if (!mask)
		return "Not tainted";
	memcpy(buf, "Tainted: ", sizeof("Tainted: ") - 1);
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		buf[sizeof("Tainted: ") - 1 + i] = (mask >> i) & 1 ? taint_letters[i].set
								    : taint_letters[i].clear;
	buf[sizeof(buf) - 1] = '\0';
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
EXPORT_SYMBOL(panic);

/* Linux's warning report; @caller is where the WARN was, @fmt an optional message. */
static void warn_report(const char *file, int line, void *caller, const char *fmt, va_list *args)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: 0 at %s:%d %pS\n", raw_smp_processor_id(), file, line, caller);
	if (fmt)
		vprintk(fmt, *args);
	print_modules();
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	pr_warn("---[ end trace 0000000000000000 ]---\n");
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
	panic("Fatal exception");
}
EXPORT_SYMBOL(__bug);
