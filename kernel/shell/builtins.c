/*
 * The shell's own commands: help, version, echo, poweroff, reboot, test.
 * Subsystems register theirs next to their code (bdinfo, dmesg, ...).
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
	int width = 0;

	if (argc > 2) {
		shell_printf("usage: help [command]\n");
		return -EINVAL;
	}
	if (argc == 2) {
		cmd = shell_find_command(argv[1]);
		if (!cmd) {
			shell_printf("help: unknown command '%s'\n", argv[1]);
			return -ENOENT;
		}
		shell_printf("%s - %s\n", cmd->name, cmd->help);
		return 0;
	}
	for (cmd = shell_next_command(NULL); cmd; cmd = shell_next_command(cmd))
		width = max(width, (int)strlen(cmd->name));
	for (cmd = shell_next_command(NULL); cmd; cmd = shell_next_command(cmd))
		shell_printf("%-*s - %s\n", width, cmd->name, cmd->help);
	return 0;
}
SHELL_COMMAND("help", "list the commands, or describe one: help [command]", cmd_help);

static int cmd_version(int argc, char **argv)
{
	shell_printf(MICA_VERSION_STRING " (" MICA_COMPILER ") built " __DATE__ " " __TIME__ "\n");
	shell_printf("board: %s (%s, %u CPUs)\n", board.name, board.cpu_name, board.nr_cpus);
	return 0;
}
SHELL_COMMAND("version", "show the Mica version, build date, compiler and board", cmd_version);

static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		shell_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	shell_printf("\n");
	return 0;
}
SHELL_COMMAND("echo", "print the arguments, separated by spaces", cmd_echo);

static int cmd_poweroff(int argc, char **argv)
{
	if (!board.power_off) {
		shell_printf("poweroff: not supported on %s\n", board.name);
		return -EOPNOTSUPP;
	}
	pr_emerg("reboot: Power down\n");
	board.power_off();
	shell_printf("poweroff: the board is still running\n");
	return -EIO;
}
SHELL_COMMAND("poweroff", "stop the machine", cmd_poweroff);

static int cmd_reboot(int argc, char **argv)
{
	if (!board.restart) {
		shell_printf("reboot: not supported on %s\n", board.name);
		return -EOPNOTSUPP;
	}
	pr_emerg("reboot: Restarting system\n");
	board.restart();
	shell_printf("reboot: the board did not restart\n");
	return -EIO;
}
SHELL_COMMAND("reboot", "restart the machine", cmd_reboot);

static int cmd_test(int argc, char **argv)
{
	/* KTAP output says what failed; the count only decides the status. */
	return kunit_run_suites(argc - 1, argc > 1 ? argv + 1 : NULL) ? -EIO : 0;
}
SHELL_COMMAND("test", "run the self-tests (KUnit): test [suite-glob[.case-glob]...]", cmd_test);
