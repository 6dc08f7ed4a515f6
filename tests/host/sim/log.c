/*
 * The simulated machine's output (see sim.h): printk and the console's
 * shell_printf go into one growing log that tests read (sim_log) and may
 * echo; WARN, BUG and panic report as the kernel does (BUG and panic then
 * abort the test program); callers in reports are named from the host's
 * dynamic symbol table; reports name the idle task and keep a reduced set
 * of taint flags.
 */
#define _GNU_SOURCE 1	/* dladdr1 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/smp.h>
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

unsigned long sim_warnings;

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char *log_buf;
static size_t log_len, log_cap;
static FILE *log_echo;
static bool log_echo_set;

void sim_log_echo(enum sim_echo to)
{
	log_echo = to == SIM_ECHO_STDERR ? stderr : to == SIM_ECHO_STDOUT ? stdout : NULL;
	log_echo_set = true;
}

void sim_log_reset(void)
{
	pthread_mutex_lock(&log_lock);
	log_len = 0;
	if (log_buf)
		log_buf[0] = '\0';
	pthread_mutex_unlock(&log_lock);
}

const char *sim_log(void)
{
	return log_buf ? log_buf : "";
}

int sim_log_count(const char *needle)
{
	const char *p = sim_log();
	int n = 0;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

static void log_append(const char *s, size_t n)
{
	pthread_mutex_lock(&log_lock);
	if (!log_echo_set)
		sim_log_echo(getenv("MM_SIM_VERBOSE") ? SIM_ECHO_STDERR : SIM_ECHO_NONE);
	if (log_echo)
		fwrite(s, 1, n, log_echo);
	if (log_len + n + 1 > log_cap) {
		size_t cap = (log_len + n + 1) * 2;
		char *nb = realloc(log_buf, cap);

		if (!nb)
			abort();
		log_buf = nb;
		log_cap = cap;
	}
	memcpy(log_buf + log_len, s, n);
	log_len += n;
	log_buf[log_len] = '\0';
	pthread_mutex_unlock(&log_lock);
}

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *s = buf;
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n < 0)
		return n;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	while (s[0] == '\001' && s[1])	/* KERN_ level prefixes */
		s += 2;
	log_append(s, (size_t)n - (size_t)(s - buf));
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* The console is the log too: shell_printf is printk under another name. */
int shell_printf(const char *fmt, ...) __printf(1, 2) __attribute__((alias("printk")));

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n;

	if (!size)
		return 0;
	n = vsnprintf(buf, size, fmt, args);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void dump_stack(void)
{
	printk("Call trace: (not available on the host simulator)\n");
}

/* The console is never quiet here: every message reaches the log. */
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
bool console_quiet;

/* No tasks here: every simulated CPU runs its idle context, as Linux names it. */
int report_pid(void)
{
	return 0;
}

const char *report_comm(char buf[16])
{
	snprintf(buf, 16, "swapper/%d", raw_smp_processor_id());
	return buf;
}

/* The kernel's taint flags, reduced: the reports only print them. */
static unsigned long sim_taint;

void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok)
{
	__atomic_or_fetch(&sim_taint, 1UL << flag, __ATOMIC_RELAXED);
}

int test_taint(unsigned int flag)
{
	return (__atomic_load_n(&sim_taint, __ATOMIC_RELAXED) >> flag) & 1;
}

const char *print_tainted(void)
{
	return test_taint(TAINT_BAD_PAGE) ? "Tainted: B" : "Not tainted";
}

void __warn(const char *file, int line, const char *cond)
{
	__atomic_add_fetch(&sim_warnings, 1, __ATOMIC_RELAXED);
	printk("WARNING: CPU: %d at %s:%d %s\n", raw_smp_processor_id(), file, line, cond);
}

void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	__atomic_add_fetch(&sim_warnings, 1, __ATOMIC_RELAXED);
	printk("WARNING: CPU: %d at %s:%d\n", raw_smp_processor_id(), file, line);
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

void __bug(const char *file, int line, const char *cond)
{
	printk("kernel BUG at %s:%d: %s\n", file, line, cond);
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file, line, cond);
	abort();
}

void panic(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("Kernel panic - not syncing: %s\n", msg);
	fprintf(stderr, "Kernel panic - not syncing: %s\n", msg);
	abort();
}

/* "name+0x10/0x40" from the host's dynamic symbols, else the bare address. */
int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	const ElfW(Sym) *sym = NULL;
	Dl_info info;

	if (dladdr1((void *)addr, &info, (void **)&sym, RTLD_DL_SYMENT) && info.dli_sname && sym)
		return snprintf(buf, len, "%s+%#lx/%#lx", info.dli_sname,
				addr - (unsigned long)info.dli_saddr, (unsigned long)sym->st_size);
	return snprintf(buf, len, "%#lx", addr);
}
