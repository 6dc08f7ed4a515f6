/*
 * Host tests of the shell's kernel side (kernel/shell/shell.c, args.c,
 * shell_commands.c): dispatch through the shell_cmds section, error reports,
 * the argument helpers, the shell's own commands and the shell_run() loop,
 * with the kernel services it calls (console, printk, vscnprintf, vformat,
 * kstrtoul, board, KUnit) replaced by recording doubles below. The host
 * linker provides __start_shell_cmds and __stop_shell_cmds just as
 * linker.ld does in the kernel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/prandom.h>
#include <mica/board.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <mica/shell.h>

/* ---- doubles for the kernel services ---- */

static char console[8192];	/* recent console output */
static size_t console_len;
static char klog[1024];		/* printk output */

void console_write(const char *s, size_t n)
{
	if (console_len + n >= sizeof(console))
		console_len = 0;	/* long runs: keep only the latest output */
	memcpy(console + console_len, s, n);
	console_len += n;
	console[console_len] = '\0';
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	return n < (int)size ? n : (int)size - 1;
}

/* The kernel's hands pieces of at most 127 bytes: so does this one. */
int vformat(void (*emit)(void *ctx, const char *s, size_t n), void *ctx, const char *fmt,
	    va_list args)
{
	va_list again;
	int n;
	char *text;

	va_copy(again, args);
	n = vsnprintf(NULL, 0, fmt, args);
	text = malloc(n + 1);
	vsnprintf(text, n + 1, fmt, again);
	va_end(again);
	for (int done = 0; done < n; done += 127)
		emit(ctx, text + done, n - done < 127 ? (size_t)(n - done) : 127);
	free(text);
	return n;
}

int printk(const char *fmt, ...)
{
	size_t len = strlen(klog);
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(klog + len, sizeof(klog) - len, fmt, ap);
	va_end(ap);
	return n;
}

/* Linux semantics: base 0 auto-detects, no sign or blanks, one trailing
 * newline allowed, -ERANGE on overflow. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;
	unsigned long v;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno == ERANGE)
		return -ERANGE;
	if (end == s || (*end && strcmp(end, "\n")))
		return -EINVAL;
	*res = v;
	return 0;
}

static const char *script;	/* console input for shell_run() */
static jmp_buf script_done;

int console_getc(void)
{
	if (!*script)
		longjmp(script_done, 1);
	return (unsigned char)*script++;
}

/* The emergency shell polls: the same script, and "nothing yet" never comes. */
int console_emergency_getc(void)
{
	return console_getc();
}

static const struct uart_ops test_uart = { .name = "test" };
const struct uart_ops *console_ops = &test_uart;

static int power_offs, restarts;
static void fake_power_off(void) { power_offs++; }
static void fake_restart(void) { restarts++; }

const struct board_desc board = {
	.name = "testboard",
	.cpu_name = "Test CPU",
	.nr_cpus = 2,
	.power_off = fake_power_off,
	.restart = fake_restart,
};

static int kunit_calls, kunit_nnames, kunit_result;
static bool kunit_verbose;
static char kunit_names[64];

int kunit_run_suites(int nnames, char **names, bool verbose)
{
	kunit_calls++;
	kunit_verbose = verbose;
	kunit_nnames = nnames;
	kunit_names[0] = '\0';
	if (names)
		for (int i = 0; i < nnames; i++)
			snprintf(kunit_names + strlen(kunit_names),
				 sizeof(kunit_names) - strlen(kunit_names), "%s,", names[i]);
	else
		strcpy(kunit_names, "(all)");
	return kunit_result;
}

/* ---- commands registered by this test ---- */

static int last_argc;
static char last_args[256];

static int cmd_record(int argc, char **argv)
{
	last_argc = argc;
	last_args[0] = '\0';
	for (int i = 0; i < argc; i++)
		snprintf(last_args + strlen(last_args), sizeof(last_args) - strlen(last_args),
			 "[%s]", argv[i]);
	return 0;
}
SHELL_COMMAND("record", "[WORD...]", "remember the arguments", cmd_record);

static int cmd_einval(int argc, char **argv)
{
	return -EINVAL;
}
SHELL_COMMAND("zz-einval", "", "fail with -EINVAL", cmd_einval);

static int cmd_odd(int argc, char **argv)
{
	return INT_MIN;
}
SHELL_COMMAND("odd", "", "fail with a value that is no errno", cmd_odd);

/* ---- tests ---- */

static int reset(void **state)
{
	console_len = 0;
	console[0] = '\0';
	klog[0] = '\0';
	kunit_calls = kunit_result = 0;
	power_offs = restarts = 0;
	return 0;
}

static int run(const char *s)
{
	char line[512];

	snprintf(line, sizeof(line), "%s", s);
	return shell_execute(line);
}

static void test_dispatch(void **state)
{
	assert_int_equal(run("record a \"b c\" d\\\"e"), 0);
	assert_int_equal(last_argc, 4);
	assert_string_equal(last_args, "[record][a][b c][d\"e]");
	assert_string_equal(console, "");
	assert_int_equal(run(""), 0);
	assert_int_equal(run("  \t "), 0);
	assert_string_equal(console, "");
}

static void test_unknown_command(void **state)
{
	assert_int_equal(run("foo bar"), -ENOENT);
	assert_string_equal(console, "unknown command 'foo' — type 'help'\n");
	reset(state);
	assert_int_equal(run("recor"), -ENOENT);	/* no prefix matching */
	assert_int_equal(run("RECORD"), -ENOENT);
}

static void test_parse_errors(void **state)
{
	assert_int_equal(run("record \"open"), -EINVAL);
	assert_string_equal(console, "unterminated quote\n");
	reset(state);
	assert_int_equal(run("record 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"), -EINVAL);
	assert_string_equal(console, "too many arguments (max 16)\n");
	reset(state);
	last_argc = 0;
	assert_int_equal(run("record 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"), 0);
	assert_int_equal(last_argc, 16);
}

static void test_failure_report(void **state)
{
	assert_int_equal(run("zz-einval"), -EINVAL);
	assert_string_equal(console, "zz-einval: failed (-22 EINVAL)\n");
	reset(state);
	assert_int_equal(run("odd"), INT_MIN);
	assert_string_equal(console, "odd: failed (-2147483648)\n");
}

static void test_help(void **state)
{
	const char *prev = NULL, *p;
	unsigned int lines = 0;

	assert_int_equal(run("help"), 0);
	/* One aligned line per command, in name order, then how to see one's arguments. */
	for (p = console; *p && *p != '\''; p = strchr(p, '\n') + 1) {
		char name[32];

		assert_int_equal(sscanf(p, "%31s", name), 1);
		assert_memory_equal(p + 10, "- ", 2);	/* width of "zz-einval" + 1 */
		if (prev)
			assert_true(strncmp(prev, p, strcspn(p, " ")) < 0);
		prev = p;
		lines++;
	}
	assert_int_equal(lines, 10);
	assert_string_equal(p, "'help COMMAND' or 'COMMAND -h' shows a command's arguments.\n");
	assert_non_null(strstr(console, "\nrecord    - remember the arguments\n"));
	assert_non_null(strstr(console, "\nzz-einval - fail with -EINVAL\n"));
	assert_int_equal(strncmp(console, "echo ", 5), 0);

	reset(state);
	assert_int_equal(run("help echo"), 0);
	assert_string_equal(console, "usage: echo [TEXT...]\n"
				     "print the arguments, separated by spaces\n");
	reset(state);
	assert_int_equal(run("help nope"), -ENOENT);
	assert_string_equal(console, "help: unknown command 'nope'\nhelp: failed (-2 ENOENT)\n");
	reset(state);
	assert_int_equal(run("help a b"), -EINVAL);
	assert_string_equal(console, "help: extra operand 'b'\nusage: help [COMMAND]\n"
				     "help: failed (-22 EINVAL)\n");
}

/* -h or --help alone shows the usage and runs nothing; with more words it is the command's. */
static void test_dash_h_never_runs_the_command(void **state)
{
	assert_int_equal(run("reboot --help"), 0);
	assert_int_equal(restarts, 0);
	assert_string_equal(console, "usage: reboot\nrestart the machine\n");
	reset(state);
	assert_int_equal(run("poweroff -h"), 0);
	assert_int_equal(power_offs, 0);
	last_argc = 0;
	assert_int_equal(run("record -h x"), 0);
	assert_int_equal(last_argc, 3);
}

/* Commands that take no arguments refuse any (reboot x used to reboot). */
static void test_no_args_refused(void **state)
{
	assert_int_equal(run("reboot x"), -EINVAL);
	assert_int_equal(restarts, 0);
	assert_string_equal(console, "reboot: extra operand 'x'\nusage: reboot\n"
				     "reboot: failed (-22 EINVAL)\n");
	reset(state);
	assert_int_equal(run("poweroff -1"), -EINVAL);
	assert_int_equal(power_offs, 0);
	assert_non_null(strstr(console, "poweroff: invalid option -- '1'\n"));
	assert_int_equal(run("version x"), -EINVAL);
	assert_int_equal(run("test -x"), -EINVAL);
	assert_int_equal(kunit_calls, 0);
}

/* Output longer than any buffer arrives whole (it was cut at 255 bytes). */
static void test_long_output(void **state)
{
	static char text[3000];

	memset(text, 'y', sizeof(text) - 1);
	assert_int_equal(shell_printf("[%s]", text), (int)sizeof(text) + 1);
	assert_int_equal(strlen(console), sizeof(text) + 1);
	assert_int_equal(console[sizeof(text)], ']');
}

static void test_next_command_order(void **state)
{
	const struct shell_command *cmd = shell_next_command(NULL);

	assert_string_equal(cmd->name, "echo");
	assert_string_equal(shell_next_command(shell_find_command("reboot"))->name, "record");
	assert_null(shell_next_command(shell_find_command("zz-einval")));
}

static void test_echo(void **state)
{
	assert_int_equal(run("echo"), 0);
	assert_string_equal(console, "\n");
	reset(state);
	assert_int_equal(run("echo   hello    \"big  world\" !"), 0);
	assert_string_equal(console, "hello big  world !\n");
}

static void test_version(void **state)
{
	assert_int_equal(run("version"), 0);
	assert_int_equal(strncmp(console, "Mica 0.1.0 (gcc version ", 24), 0);
	assert_non_null(strstr(console, ") built "));
	assert_non_null(strstr(console, "\nboard: testboard (Test CPU, 2 CPUs)\n"));
}

static void test_poweroff_reboot(void **state)
{
	/* The double returns, so each command reports that it did not work. */
	assert_int_equal(run("poweroff"), -EIO);
	assert_int_equal(power_offs, 1);
	assert_non_null(strstr(klog, "reboot: Power down\n"));
	assert_non_null(strstr(console, "poweroff: failed (-5 EIO)\n"));
	assert_int_equal(run("reboot"), -EIO);
	assert_int_equal(restarts, 1);
	assert_non_null(strstr(klog, "reboot: Restarting system\n"));
}

static void test_test_command(void **state)
{
	assert_int_equal(run("test"), 0);
	assert_int_equal(kunit_calls, 1);
	assert_int_equal(kunit_nnames, 0);
	assert_string_equal(kunit_names, "(all)");
	assert_int_equal(run("test shell mm"), 0);
	assert_int_equal(kunit_nnames, 2);
	assert_string_equal(kunit_names, "shell,mm,");
	assert_false(kunit_verbose);
	assert_int_equal(run("test -v shell"), 0);
	assert_true(kunit_verbose);
	assert_string_equal(kunit_names, "shell,");
	assert_string_equal(console, "");
	kunit_result = 2;
	assert_int_equal(run("test"), -EIO);
	assert_string_equal(console, "test: failed (-5 EIO)\n");
}

static void test_parse_ulong(void **state)
{
	unsigned long v = 7;

	assert_int_equal(shell_parse_ulong("test", "99999999999", 0, 4294967295UL, &v), -EINVAL);
	assert_string_equal(console, "test: '99999999999' is out of range (0..4294967295)\n"
				     "usage: test [-v] [SUITE-GLOB[.CASE-GLOB]...]\n");
	reset(state);
	assert_int_equal(shell_parse_ulong("x", "999999999999999999999999", 0, 10, &v), -EINVAL);
	assert_int_equal(shell_parse_ulong("x", "3", 4, 10, &v), -EINVAL);
	assert_int_equal(shell_parse_ulong("x", "11", 4, 10, &v), -EINVAL);
	assert_int_equal(v, 7);
	reset(state);
	assert_int_equal(shell_parse_ulong("x", "1O", 0, 10, &v), -EINVAL);
	assert_string_equal(console, "x: '1O' is not a number\nusage: x\n");
	assert_int_equal(shell_parse_ulong("x", "", 0, 10, &v), -EINVAL);
	assert_int_equal(shell_parse_ulong("x", "0x0a", 4, 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(shell_parse_ulong("x", "4", 4, 10, &v), 0);
	assert_int_equal(v, 4);
}

/* Run shell_run() over @input; it returns here when the input runs out. */
static void run_shell(const char *input)
{
	script = input;
	if (!setjmp(script_done))
		shell_run();
}

static void test_shell_run(void **state)
{
	static const char transcript[] =
		"mica> echo hi\nhi\n"
		"mica> record 1 2\n"
		"mica> bogus\nunknown command 'bogus' — type 'help'\n"
		"mica> ";

	/* Then "bogus" is recalled and "bog" erased in front of "us". */
	run_shell("echo hi\r\nrec\t1 2\rbogus\r\x1b[A\x1b[D\x1b[D\x7f\x7f\x7f\r");
	assert_memory_equal(console, transcript, sizeof(transcript) - 1);
	assert_string_equal(last_args, "[record][1][2]");
	assert_non_null(strstr(console, "\nunknown command 'us' — type 'help'\nmica> "));
	/* ...and the overlong-line refusal runs nothing. */
	reset(state);
	last_argc = 0;
	{
		char input[400] = "record ";

		memset(input + 7, 'x', 300);
		strcat(input, "\r");
		run_shell(input);
	}
	assert_int_equal(last_argc, 0);
	assert_non_null(strstr(console, "\nline too long (max 255 characters)\nmica> "));
}

/* After a panic: only the commands safe in a stopped kernel run. */
static void test_emergency_shell(void **state)
{
	script = "echo still here\rrecord x\rreboot\r";
	last_argc = 0;
	if (!setjmp(script_done))
		shell_run_emergency();
	assert_non_null(strstr(console, "The kernel has stopped. Emergency shell: dmesg, reboot, "
				       "poweroff, version, echo.\nemergency> echo still here\n"
				       "still here\nemergency> record x\n"
				       "The kernel has stopped; this shell runs only: dmesg reboot "
				       "poweroff version echo\nemergency> reboot\n"));
	assert_int_equal(last_argc, 0);		/* record did not run */
	assert_int_equal(restarts, 1);
}

static void test_shell_run_garbage(void **state)
{
	static char input[20001];
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 0xc0ffee);
	for (size_t i = 0; i < sizeof(input) - 1; i++) {
		input[i] = (char)(1 + prandom_u32_state(&rnd) % 255);	/* anything but NUL (the end of the script) */
	}
	console_len = 0;
	run_shell(input);
	/* Whatever ran, the shell still answers. */
	console_len = 0;
	run_shell("\x03\x15" "echo alive\r");
	assert_non_null(strstr(console, "\nalive\nmica> "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_dispatch, reset),
		cmocka_unit_test_setup(test_unknown_command, reset),
		cmocka_unit_test_setup(test_parse_errors, reset),
		cmocka_unit_test_setup(test_failure_report, reset),
		cmocka_unit_test_setup(test_help, reset),
		cmocka_unit_test_setup(test_dash_h_never_runs_the_command, reset),
		cmocka_unit_test_setup(test_no_args_refused, reset),
		cmocka_unit_test_setup(test_long_output, reset),
		cmocka_unit_test_setup(test_next_command_order, reset),
		cmocka_unit_test_setup(test_echo, reset),
		cmocka_unit_test_setup(test_version, reset),
		cmocka_unit_test_setup(test_poweroff_reboot, reset),
		cmocka_unit_test_setup(test_test_command, reset),
		cmocka_unit_test_setup(test_parse_ulong, reset),
		cmocka_unit_test_setup(test_shell_run, reset),
		cmocka_unit_test_setup(test_emergency_shell, reset),
		cmocka_unit_test_setup(test_shell_run_garbage, reset),
	};

	return cmocka_run_group_tests_name("shell_commands", tests, NULL, NULL);
}
