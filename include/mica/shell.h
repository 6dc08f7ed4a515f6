/*
 * Console commands. Each subsystem registers its own with SHELL_COMMAND();
 * the shell finds them in the shell_cmds section, so adding a command never
 * touches the shell. A command returns 0 on success or a negative errno,
 * which the shell reports.
 */
#ifndef _MICA_SHELL_H
#define _MICA_SHELL_H

#include <linux/compiler.h>

struct shell_command {
	const char *name;
	const char *help;	/* one line, shown by `help` */
	int (*run)(int argc, char **argv);
};

#define SHELL_COMMAND(cmd, helptext, fn) \
	static const struct shell_command __shell_cmd_##fn __used \
	__section("shell_cmds") __aligned(4) = { cmd, helptext, fn }

/* Run the interactive shell on the console; never returns. */
void shell_run(void) __noreturn;

#endif
