/*
 * The shell's own commands: help, version, echo, poweroff, reboot, sysrq,
 * test. Subsystems register theirs next to their code (bdinfo, dmesg, ...).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/board.h>
#include <mica/kunit.h>
#include <mica/shell.h>
#include <mica/version.h>

static int cmd_help(int argc, char **argv)
{
	const struct shell_command *cmd;
	struct shell_args args;
	int width = 0, n;

	n = shell_operands_only(&args, argc, argv, 0, 1);
	if (n < 0)
		return n;
	if (n == 1) {
		cmd = shell_find_command(argv[args.optind]);
		if (!cmd) {
			shell_printf("help: unknown command '%s'\n", argv[args.optind]);
			return -ENOENT;
		}
		shell_print_usage(cmd->name);
		shell_printf("%s\n", cmd->help);
		return 0;
	}
	for (cmd = shell_next_command(NULL); cmd; cmd = shell_next_command(cmd))
		width = max(width, (int)strlen(cmd->name));
	for (cmd = shell_next_command(NULL); cmd; cmd = shell_next_command(cmd))
		shell_printf("%-*s - %s\n", width, cmd->name, cmd->help);
	shell_printf("'help COMMAND' or 'COMMAND -h' shows a command's arguments.\n");
	return 0;
}
SHELL_COMMAND("help", "[COMMAND]", "list the commands, or describe one", cmd_help);

static int cmd_version(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	shell_printf(MICA_VERSION_STRING " (" MICA_COMPILER ") built " __DATE__ " " __TIME__ "\n");
	shell_printf("board: %s (%s, %u CPUs)\n", board.name, board.cpu_name, board.nr_cpus);
	return 0;
}
SHELL_COMMAND("version", "", "show the Mica version, build date, compiler and board",
	      cmd_version);

/* As the shell builtin: every word is text, none is an option. */
static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		shell_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	shell_printf("\n");
	return 0;
}
SHELL_COMMAND("echo", "[TEXT...]", "print the arguments, separated by spaces", cmd_echo);

static int cmd_poweroff(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	if (!board.power_off) {
		shell_printf("poweroff: not supported on %s\n", board.name);
		return -EOPNOTSUPP;
	}
	pr_emerg("reboot: Power down\n");
	board.power_off();
	shell_printf("poweroff: the board is still running\n");
	return -EIO;
}
SHELL_COMMAND("poweroff", "", "stop the machine", cmd_poweroff);

static int cmd_reboot(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	if (!board.restart) {
		shell_printf("reboot: not supported on %s\n", board.name);
		return -EOPNOTSUPP;
	}
	pr_emerg("reboot: Restarting system\n");
	board.restart();
	shell_printf("reboot: the board did not restart\n");
	return -EIO;
}
SHELL_COMMAND("reboot", "", "restart the machine", cmd_reboot);

/*
 * Linux's /proc/sysrq-trigger, for the keys Mica has: c crashes the
 * calling task with a NULL pointer write (as Linux 3.x did; the shell is
 * PID 1, so the kernel panics), b restarts and o powers off at once.
 */
static char *volatile sysrq_killer;	/* NULL: where the crash writes */

static int cmd_sysrq(int argc, char **argv)
{
	struct shell_args args;
	int n;

	n = shell_operands_only(&args, argc, argv, 1, 1);
	if (n < 0)
		return n;
	switch (strlen(argv[args.optind]) == 1 ? argv[args.optind][0] : 0) {
	case 'c':
		pr_info("sysrq: Trigger a crash\n");
		*sysrq_killer = 1;
		return 0;
	case 'b':
		pr_info("sysrq: Resetting\n");
		return board.restart ? (board.restart(), -EIO) : -EOPNOTSUPP;
	case 'o':
		pr_info("sysrq: Power Off\n");
		return board.power_off ? (board.power_off(), -EIO) : -EOPNOTSUPP;
	}
	return shell_usage_error(argv[0], "unknown key '%s'", argv[args.optind]);
}
SHELL_COMMAND("sysrq", "c|b|o", "as /proc/sysrq-trigger: c crash this task (the shell: a panic), "
	      "b restart, o power off", cmd_sysrq);

static int cmd_test(int argc, char **argv)
{
	struct shell_args args;
	bool verbose = false;
	int opt, n;

	shell_args_init(&args, argc, argv);
	while ((opt = shell_getopt(&args, "v")) > 0)
		verbose = true;
	if (opt < 0)
		return opt;
	n = shell_operands(&args, 0, SHELL_ARGS_MANY);
	if (n < 0)
		return n;
	/* KTAP output says what failed; the count only decides the status. */
	return kunit_run_suites(n, n ? argv + args.optind : NULL, verbose) ? -EIO : 0;
}
SHELL_COMMAND("test", "[-v] [SUITE-GLOB[.CASE-GLOB]...]",
	      "run the self-tests (KUnit); -v prints every case, not only one line per suite",
	      cmd_test);
