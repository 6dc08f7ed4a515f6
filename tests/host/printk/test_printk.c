/*
 * Host unit tests for kernel/printk/printk.c and kernel/panic.c: levels, the
 * console filter, timestamps, KERN_CONT, the log ring and its wrap-around,
 * reading records back, the dmesg command, hex dumps, the command-line
 * options, breaking the lock in an oops, and the panic/WARN/BUG reports.
 *
 * The arch is the host simulator's (tests/host/sim: its CPUs, not its
 * log): one thread with one per-CPU area, whose CPU number the test sets
 * by hand; a misused spinlock fails the test instead of hanging, and WFI
 * jumps back into the test. console_write, local_clock, dump_stack,
 * smp_send_stop and the task that is `current` are provided here.
 */
/* Kernel headers first: they define macros glibc's headers also define. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <mica/board.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <mica/printk_log.h>
#include <mica/shell.h>
#include "sim.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static jmp_buf halted;		/* where a halted CPU, a restart or the emergency shell ends up */
static bool expect_halt;

#define LOG_BUF_LEN (1 << CONFIG_LOG_BUF_SHIFT)	/* from the Makefile, as printk.c's */

/* ---- the simulated machine ---- */

static struct task_struct task = { .pid = 42, .comm = "tester" };	/* `current` */

static u64 fake_ns;		/* local_clock() */
static u64 clock_step;		/* added after every read */

u64 local_clock(void)
{
	u64 now = fake_ns;

	fake_ns += clock_step;
	return now;
}

static char console[1 << 20];	/* everything written to the console */
static size_t console_len;
static void (*console_hook)(void);	/* run once from inside console_write */

void console_write(const char *s, size_t n)
{
	void (*hook)(void) = console_hook;

	assert_true(sim_cpsr & 0x80);	/* always with interrupts off */
	assert_true(console_len + n < sizeof(console));
	memcpy(console + console_len, s, n);
	console_len += n;
	console[console_len] = '\0';
	if (hook) {
		console_hook = NULL;
		hook();
	}
}

/* The dmesg command's own messages (usage errors): console output too. */
int shell_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(console + console_len, sizeof(console) - console_len, fmt, ap);
	va_end(ap);
	console_len += n;
	return n;
}

void dump_stack(void)
{
	printk("Call trace: (host test)\n");
}

/* What panic() does once it has reported: restart the board or open the emergency shell. */
static int restarts, emergency_shells, delayed_ms;

static void test_restart(void)
{
	restarts++;
	longjmp(halted, 1);
}

const struct board_desc board = { .name = "host", .restart = test_restart };

void shell_run_emergency(void)
{
	emergency_shells++;
	longjmp(halted, 1);
}

void mdelay(unsigned long msecs)
{
	delayed_ms += msecs;
}

int report_pid(void)
{
	return 7;
}

static int smp_stop_calls;
void smp_send_stop(void)
{
	smp_stop_calls++;
}

static void cpu_halted(void)
{
	if (!expect_halt)
		fail_msg("a CPU halted unexpectedly");
	longjmp(halted, 1);
}

static void lock_misused(const char *what)
{
	fail_msg("%s", what);
}

/* kernel/panic.c lists the loaded modules in a warning: none here. */
void print_modules(void);
void print_modules(void)
{
}

const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname);
const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname)
{
	return NULL;
}

void panic(const char *fmt, ...);
void __warn(const char *file, int line, const char *cond);
void warn_slowpath_fmt(const char *file, int line, const char *fmt, ...);
void __bug(const char *file, int line, const char *cond);

/* ---- helpers ---- */

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];
extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];

static int run_command(const char *line)
{
	char copy[128], *argv[8];
	int argc = 0;

	snprintf(copy, sizeof(copy), "%s", line);
	for (char *tok = strtok(copy, " "); tok && argc < 8; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	for (const struct shell_command *c = __start_shell_cmds; c < __stop_shell_cmds; c++)
		if (!strcmp(c->name, argv[0]))
			return c->run(argc, argv);
	fail_msg("no command %s", argv[0]);
	return -1;
}

static int run_param(const char *name, char *val)
{
	for (const struct obs_kernel_param *p = __start_kernel_params; p < __stop_kernel_params; p++)
		if (!strcmp(p->str, name))
			return p->setup_func(val);
	fail_msg("no parameter %s", name);
	return -1;
}

static void console_clear(void)
{
	console_len = 0;
	console[0] = '\0';
}

/* The console text of `dmesg` (the log with timestamps), without disturbing the console. */
static const char *dmesg(void)
{
	static char out[sizeof(console)];
	size_t start = console_len;

	assert_int_equal(run_command("dmesg"), 0);
	snprintf(out, sizeof(out), "%s", console + start);
	console_len = start;
	console[start] = '\0';
	return out;
}

#define assert_console(expect) assert_string_equal(console, expect)
#define assert_console_starts(expect) assert_memory_equal(console, expect, strlen(expect))

/* A fresh log for every test: clear it, and finish any open line. */
static int setup(void **state)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	default_message_loglevel = MESSAGE_LOGLEVEL_DEFAULT;
	oops_in_progress = 0;
	cpu_number = 0;
	sim_current = &task;
	clock_step = 0;
	fake_ns = 0;
	printk(KERN_CONT "\n");
	assert_int_equal(run_command("dmesg -C"), 0);
	console_clear();
	sim_cpsr = 0;
	return 0;
}

/* ---- tests ---- */

static void test_levels_and_console_filter(void **state)
{
	fake_ns = 1234567;
	assert_int_equal(printk(KERN_INFO "info %d\n", 1), 7);
	printk(KERN_DEBUG "debug is below the console level\n");
	printk("no level means warning\n");
	printk(KERN_EMERG "emerg\n");
	assert_console("[    0.001234] info 1\n"
		       "[    0.001234] no level means warning\n"
		       "[    0.001234] emerg\n");
	assert_string_equal(dmesg(), "[    0.001234] info 1\n"
				     "[    0.001234] debug is below the console level\n"
				     "[    0.001234] no level means warning\n"
				     "[    0.001234] emerg\n");
	assert_int_equal(sim_cpsr, 0);	/* interrupts restored */

	console_clear();
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	printk("default hidden when quiet\n");
	printk(KERN_ERR "errors still shown\n");
	assert_console("[    0.001234] errors still shown\n");

	console_clear();
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	printk(KERN_DEBUG "debug shown\n");
	assert_console("[    0.001234] debug shown\n");
}

static void test_timestamps(void **state)
{
	fake_ns = 0;
	printk(KERN_INFO "a\n");
	fake_ns = 999999999;
	printk(KERN_INFO "b\n");
	fake_ns = 12345678901234ULL;
	printk(KERN_INFO "c\n");
	fake_ns = 123456789012345678ULL;	/* more than 5 digits of seconds */
	printk(KERN_INFO "d\n");
	assert_console("[    0.000000] a\n"
		       "[    0.999999] b\n"
		       "[12345.678901] c\n"
		       "[123456789.012345] d\n");
}

static void test_continuation(void **state)
{
	fake_ns = 1000;
	printk(KERN_INFO "Memory:");
	fake_ns = 2000;		/* a continued line keeps its first timestamp */
	printk(KERN_CONT " %dK", 1024);
	printk(KERN_CONT " available\n");
	assert_console("[    0.000001] Memory: 1024K available\n");
	assert_string_equal(dmesg(), "[    0.000001] Memory: 1024K available\n");

	/* A new message ends a line left open. */
	console_clear();
	printk(KERN_INFO "open");
	printk(KERN_INFO "next\n");
	assert_console("[    0.000002] open\n[    0.000002] next\n");

	/* KERN_CONT from another CPU does not join this CPU's line. */
	console_clear();
	printk(KERN_INFO "cpu0 says");
	cpu_number = 1;
	printk(KERN_CONT "cpu1 says\n");
	cpu_number = 0;
	assert_console("[    0.000002] cpu0 says\n[    0.000002] cpu1 says\n");

	/* Several lines in one message: each gets the prefix, all the same time. */
	console_clear();
	printk(KERN_INFO "one\ntwo\n\nfour\n");
	assert_console("[    0.000002] one\n[    0.000002] two\n[    0.000002] \n[    0.000002] four\n");

	/* ... even when the clock moves while they are stored. */
	console_clear();
	clock_step = 1000;
	printk(KERN_INFO "three\nlines\nhere\n");
	clock_step = 0;
	assert_console("[    0.000002] three\n[    0.000002] lines\n[    0.000002] here\n");

	/* The level of a continued line is its first part's. */
	console_clear();
	printk(KERN_DEBUG "hidden");
	printk(KERN_CONT " still hidden\n");
	assert_console("");
	assert_true(strstr(dmesg(), "] hidden still hidden\n") != NULL);
}

static void test_long_lines_split(void **state)
{
	char part[101];
	size_t total = 0;
	const char *log, *p;
	int lines = 0;

	memset(part, 'x', 100);
	part[100] = '\0';
	printk(KERN_INFO "%s", part);
	for (int i = 0; i < 24; i++)
		printk(KERN_CONT "%s", part);
	printk(KERN_CONT "\n");
	log = dmesg();
	for (p = log; (p = strchr(p, '\n')); p++)
		lines++;
	for (p = log; *p; p++)
		total += *p == 'x';
	assert_int_equal(total, 2500);
	assert_int_equal(lines, 3);	/* 1024 + 1024 + 452 */
	assert_true(strstr(log, "] xxxx") == log + 13);
}

/* Lines of varied length: each names its number, and is checked back. */
static void test_ring_wraps_and_keeps_newest(void **state)
{
	static char expect[128];
	const char *log;
	int first = -1, n = 0, count = 6000;

	console_loglevel = 1;		/* keep the console quiet */
	for (int i = 0; i < count; i++)
		printk(KERN_INFO "record %d %.*s\n", i, i % 97, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
		       "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
	assert_console("");
	log = dmesg();
	assert_true(strlen(log) < LOG_BUF_LEN);
	for (const char *line = log; *line; n++) {
		const char *end = strchr(line, '\n');
		int num;

		assert_non_null(end);
		assert_int_equal(sscanf(line, "[    0.000000] record %d", &num), 1);
		if (first < 0)
			first = num;
		assert_int_equal(num, first + n);	/* no gaps, no repeats */
		snprintf(expect, sizeof(expect), "[    0.000000] record %d %.*s\n", num, num % 97,
			 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
			 "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
		assert_memory_equal(line, expect, strlen(expect));
		line = end + 1;
	}
	assert_int_equal(first + n, count);	/* the newest is there */
	assert_true(first > 0);			/* the oldest were dropped */
	/* About 64 KiB of records (24-byte headers, 8-byte padding) remain. */
	assert_true(n > 700 && n < 1200);
	print_message("ring holds records %d..%d\n", first, count - 1);
}

/* Check that `dmesg` shows records first..last of torture_line(), in order. */
static int check_log_sequence(int last)
{
	const char *log = dmesg();
	int first = -1, n = 0;
	size_t bytes = 0;

	for (const char *line = log; *line; n++) {
		const char *end = strchr(line, '\n');
		int num, len;

		assert_non_null(end);
		assert_int_equal(sscanf(line, "[    0.000000] #%d:%n", &num, &len), 1);
		if (first < 0)
			first = num;
		assert_int_equal(num, first + n);
		/* The filler: (num * 37) % 211 copies of 'a' + num % 26. */
		assert_int_equal(end - line - len, (num * 37) % 211);
		for (const char *c = line + len; c < end; c++)
			assert_int_equal(*c, 'a' + num % 26);
		bytes += end - line - 15;
		line = end + 1;
	}
	assert_int_equal(first + n - 1, last);
	assert_true(bytes < LOG_BUF_LEN);
	return n;
}

/*
 * Many records with lengths that do not repeat in step with the buffer:
 * over a hundred wrap-arounds, so the end of the buffer is met with every
 * possible gap (also too small for a wrap mark). Checked as it goes.
 */
static void test_ring_torture(void **state)
{
	static char fill[256];
	int min_kept = 1 << 30, count = 80000;

	console_loglevel = 1;
	for (int i = 0; i < count; i++) {
		int len = (i * 37) % 211;

		memset(fill, 'a' + i % 26, len);
		fill[len] = '\0';
		printk(KERN_INFO "#%d:%s\n", i, fill);
		if (i % 4999 == 0 && i > 1000) {
			int kept = check_log_sequence(i);

			if (kept < min_kept)
				min_kept = kept;
		}
	}
	check_log_sequence(count - 1);
	assert_true(min_kept > 300);	/* the ring stays nearly full */
	print_message("at least %d records kept\n", min_kept);
}

/* Reading records back by sequence number: in order, out of order, gone, not yet written. */
static void test_read_back(void **state)
{
	char line[16];
	u64 first;

	console_loglevel = 1;
	first = printk_log_next_seq();
	printk(KERN_WARNING "alpha\n");
	printk(KERN_INFO "a line longer than the buffer\n");
	printk("gam");
	printk(KERN_CONT "ma\n");
	assert_true(printk_log_next_seq() == first + 3);
	assert_true(printk_log_read(first, line, sizeof(line)));
	assert_string_equal(line, "alpha");		/* no level, no timestamp */
	assert_true(printk_log_read(first + 1, line, sizeof(line)));
	assert_string_equal(line, "a line longer t");	/* cut to the buffer */
	assert_true(printk_log_read(first + 2, line, sizeof(line)));
	assert_string_equal(line, "gamma");
	assert_true(printk_log_read(first, line, sizeof(line)));	/* back again */
	assert_string_equal(line, "alpha");
	assert_false(printk_log_read(first + 3, line, sizeof(line)));	/* not yet */
	assert_false(printk_log_read(first, line, 0));
	/* Records the ring has dropped are gone. */
	for (int i = 0; i < 5000; i++)
		printk(KERN_INFO "filler %d ........................\n", i);
	assert_false(printk_log_read(first, line, sizeof(line)));
	assert_true(printk_log_read(printk_log_next_seq() - 1, line, sizeof(line)));
	assert_string_equal(line, "filler 4999 ...");
}

static void test_dmesg_clear(void **state)
{
	printk(KERN_INFO "before\n");
	console_clear();
	assert_int_equal(run_command("dmesg -c"), 0);
	assert_console("[    0.000000] before\n");
	console_clear();
	assert_string_equal(dmesg(), "");
	printk(KERN_INFO "after\n");
	assert_string_equal(dmesg(), "[    0.000000] after\n");
	assert_int_equal(run_command("dmesg -C"), 0);
	assert_string_equal(dmesg(), "");
}

static void test_dmesg_console_level(void **state)
{
	assert_int_equal(run_command("dmesg -n 3"), 0);
	assert_int_equal(console_loglevel, 3);
	assert_int_equal(run_command("dmesg -n1"), 0);
	assert_int_equal(console_loglevel, 1);
	assert_int_equal(run_command("dmesg -n warn"), 0);
	assert_int_equal(console_loglevel, 5);
	assert_int_equal(run_command("dmesg -n debug"), 0);
	assert_int_equal(console_loglevel, 8);
	console_clear();

	assert_int_equal(run_command("dmesg -n 9"), -EINVAL);
	assert_true(strstr(console, "dmesg: unknown level '9'") != NULL);
	assert_int_equal(run_command("dmesg -n 0"), -EINVAL);
	assert_int_equal(run_command("dmesg -n loud"), -EINVAL);
	assert_int_equal(console_loglevel, 8);
	console_clear();
	assert_int_equal(run_command("dmesg -n"), -EINVAL);
	assert_string_equal(console, "dmesg: option requires an argument -- 'n'\n"
				     "usage: dmesg [-c | -C | -n LEVEL]\n");
	console_clear();
	assert_int_equal(run_command("dmesg -x"), -EINVAL);
	assert_true(strstr(console, "dmesg: invalid option -- 'x'\n") != NULL);
	assert_int_equal(run_command("dmesg extra"), -EINVAL);
	assert_true(strstr(console, "dmesg: extra operand 'extra'\n") != NULL);
	assert_int_equal(run_command("dmesg -c -n 3"), -EINVAL);
	assert_int_equal(console_loglevel, 8);
}

static void test_hex_dump(void **state)
{
	unsigned char data[20];
	char expect[512];

	for (int i = 0; i < 16; i++)
		data[i] = i;
	memcpy(data + 16, "AB~\x7f", 4);
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;

	print_hex_dump(KERN_INFO, "raw: ", DUMP_PREFIX_OFFSET, 16, 1, data, sizeof(data), true);
	assert_console("[    0.000000] raw: 00000000: 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ................\n"
		       "[    0.000000] raw: 00000010: 41 42 7e 7f                                      AB~.\n");

	console_clear();
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 16, 4, data, 16, true);
	assert_console("[    0.000000] 03020100 07060504 0b0a0908 0f0e0d0c  ................\n");

	console_clear();
	print_hex_dump(KERN_INFO, "w ", DUMP_PREFIX_NONE, 16, 2, data, 6, false);
	assert_console("[    0.000000] w 0100 0302 0504\n");

	console_clear();
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 32, 8, data, 16, true);
	assert_console("[    0.000000] 0706050403020100 0f0e0d0c0b0a0908" "                                    " "................\n");

	/* A group size that does not divide the length falls back to bytes. */
	console_clear();
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 16, 4, data, 3, true);
	assert_console("[    0.000000] 00 01 02                                         ...\n");

	console_clear();
	print_hex_dump(KERN_INFO, "a ", DUMP_PREFIX_ADDRESS, 16, 1, data, 1, false);
	snprintf(expect, sizeof(expect), "[    0.000000] a %0*lx: 00\n", (int)(2 * sizeof(void *)),
		 (unsigned long)data);
	assert_console(expect);

	/* print_hex_dump_bytes is KERN_DEBUG: in the log, not on the default console. */
	console_clear();
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	print_hex_dump_bytes("b: ", DUMP_PREFIX_OFFSET, data, 2);
	assert_console("");
	assert_true(strstr(dmesg(), "] b: 00000000: 00 01                                            ..\n"));
}

static void test_command_line(void **state)
{
	assert_int_equal(run_param("quiet", ""), 0);
	assert_int_equal(console_loglevel, CONSOLE_LOGLEVEL_QUIET);
	assert_int_equal(run_param("debug", ""), 0);
	assert_int_equal(console_loglevel, CONSOLE_LOGLEVEL_DEBUG);
	assert_int_equal(run_param("loglevel", "3"), 0);
	assert_int_equal(console_loglevel, 3);
	assert_int_equal(run_param("loglevel", "0"), 0);
	assert_int_equal(console_loglevel, 0);
	assert_int_equal(run_param("loglevel", ""), -EINVAL);
	assert_int_equal(run_param("loglevel", "seven"), -EINVAL);
	/* A number out of range is no malformed value: said so (loglevel=99 was "Malformed"). */
	assert_int_equal(run_param("loglevel", "-1"), -ERANGE);
	assert_int_equal(run_param("loglevel", "16"), -ERANGE);
	assert_int_equal(run_param("loglevel", "99"), -ERANGE);
	assert_int_equal(console_loglevel, 0);
}

/* A fault inside printk (here: printk from console_write) must not deadlock. */
static void reenter(void)
{
	printk(KERN_EMERG "Unable to handle kernel paging request\n");
}

static void test_reentry_breaks_lock(void **state)
{
	console_hook = reenter;
	printk(KERN_INFO "first\n");
	printk(KERN_INFO "works afterwards\n");
	assert_true(strstr(console, "Unable to handle kernel paging request\n") != NULL);
	assert_true(strstr(console, "works afterwards\n") != NULL);
	assert_int_equal(sim_cpsr, 0);
}

/* Another CPU holds the lock forever (it died): an oops waits a second, then breaks it. */
static void other_cpu_oopses(void)
{
	int saved = cpu_number;

	cpu_number = 3;
	oops_in_progress = 1;
	clock_step = 100000000;		/* 0.1 s per clock read */
	printk(KERN_EMERG "Internal error: Oops\n");
	clock_step = 0;
	cpu_number = saved;
}

static void test_oops_breaks_lock_after_timeout(void **state)
{
	fake_ns = 5000000000ULL;
	console_hook = other_cpu_oopses;
	printk(KERN_INFO "holding the lock\n");
	assert_true(strstr(console, "Internal error: Oops\n") != NULL);
	assert_true(fake_ns >= 6000000000ULL);	/* it waited about a second */
	assert_true(fake_ns <= 7000000000ULL);
	oops_in_progress = 0;
	printk(KERN_INFO "and then\n");
	assert_true(strstr(console, "] and then\n") != NULL);
}

static void test_warn(void **state)
{
	cpu_number = 2;
	__warn("drivers/foo.c", 42, "x > 3");
	cpu_number = 0;
	assert_console_starts("[    0.000000] ------------[ cut here ]------------\n"
			      "[    0.000000] WARNING: CPU: 2 PID: 7 at drivers/foo.c:42 0x");
	assert_true(strstr(console, "] Call trace: (host test)\n[    0.000000] ---[ end trace 0000000000000000 ]---\n"));

	/* WARN(): the message comes after the WARNING line, as in Linux. */
	console_clear();
	warn_slowpath_fmt("mm/page_alloc.c", 9, "bad page %d\n", 77);
	assert_console_starts("[    0.000000] ------------[ cut here ]------------\n"
			      "[    0.000000] WARNING: CPU: 0 PID: 7 at mm/page_alloc.c:9 0x");
	assert_true(test_taint(TAINT_WARN));
	assert_string_equal(print_tainted(), "Tainted: G        W         ");
	assert_non_null(strstr(console, "\n[    0.000000] bad page 77\n[    0.000000] Call trace: (host test)\n"
				   "[    0.000000] ---[ end trace 0000000000000000 ]---\n"));
}

static void test_panic_and_bug(void **state)
{
	console_loglevel = 1;		/* panic shows itself anyway */
	expect_halt = true;
	smp_stop_calls = 0;
	if (!setjmp(halted))
		panic("VFS: Unable to mount root fs on %s\n", "unknown-block(0,0)");
	assert_console("[    0.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n"
		       "[    0.000000] Call trace: (host test)\n"
		       "[    0.000000] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---\n");
	assert_int_equal(smp_stop_calls, 1);
	assert_true(sim_cpsr & 0x80);		/* with interrupts off */
	assert_int_equal(oops_in_progress, 1);
	assert_int_equal(emergency_shells, 1);	/* panic=0: the console stays usable */
	assert_int_equal(restarts, 0);

	/* panic=N: "Rebooting in N seconds..", then the board restarts. */
	console_clear();
	assert_int_equal(run_param("panic=", "2"), 0);
	if (!setjmp(halted))
		panic("Attempted to kill init! exitcode=0x%08x", 11);
	assert_non_null(strstr(console, "] Kernel panic - not syncing: Attempted to kill init! "
				       "exitcode=0x0000000b\n"));
	assert_non_null(strstr(console, "] Rebooting in 2 seconds..\n"));
	assert_int_equal(delayed_ms, 2000);
	assert_int_equal(restarts, 1);
	assert_int_equal(run_param("panic=", "-1"), 0);
	delayed_ms = 0;
	if (!setjmp(halted))
		panic("again");
	assert_int_equal(delayed_ms, 0);	/* at once */
	assert_int_equal(restarts, 2);
	assert_int_equal(run_param("panic=", "0"), 0);
	assert_int_equal(run_param("panic=", "soon"), -EINVAL);

	/* BUG: the report and its stack, then a panic that does not dump it again. */
	console_clear();
	oops_in_progress = 0;
	if (!setjmp(halted))
		__bug("mm/slab.c", 7, "BUG");
	assert_console_starts("[    0.000000] kernel BUG at mm/slab.c:7!\n"
			      "[    0.000000] Call trace: (host test)\n"
			      "[    0.000000] Kernel panic - not syncing: Fatal exception\n");
	assert_true(test_taint(TAINT_DIE));
	assert_int_equal(emergency_shells, 1);	/* a panic after the shell's halts */

	/* A panic reported during an oops does not dump the stack twice. */
	console_clear();
	oops_in_progress = 1;
	if (!setjmp(halted))
		panic("Fatal exception in interrupt");
	assert_null(strstr(console, "Call trace"));

	/* Another CPU panicking meanwhile stops without a word. */
	console_clear();
	cpu_number = 1;
	if (!setjmp(halted))
		panic("second");
	cpu_number = 0;
	assert_console("");
	expect_halt = false;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_levels_and_console_filter, setup),
		cmocka_unit_test_setup(test_timestamps, setup),
		cmocka_unit_test_setup(test_continuation, setup),
		cmocka_unit_test_setup(test_long_lines_split, setup),
		cmocka_unit_test_setup(test_ring_wraps_and_keeps_newest, setup),
		cmocka_unit_test_setup(test_ring_torture, setup),
		cmocka_unit_test_setup(test_read_back, setup),
		cmocka_unit_test_setup(test_dmesg_clear, setup),
		cmocka_unit_test_setup(test_dmesg_console_level, setup),
		cmocka_unit_test_setup(test_hex_dump, setup),
		cmocka_unit_test_setup(test_command_line, setup),
		cmocka_unit_test_setup(test_reentry_breaks_lock, setup),
		cmocka_unit_test_setup(test_oops_breaks_lock_after_timeout, setup),
		cmocka_unit_test_setup(test_warn, setup),
		cmocka_unit_test_setup(test_panic_and_bug, setup),
	};

	sim_wfi_hook = cpu_halted;
	sim_lock_error_hook = lock_misused;
	return cmocka_run_group_tests_name("printk", tests, NULL, NULL);
}
