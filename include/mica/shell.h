/*
 * Console commands. Each subsystem registers its own with SHELL_COMMAND();
 * the shell finds them in the shell_cmds section, so adding a command never
 * touches the shell. A command returns 0 on success or a negative errno,
 * which the shell reports.
 */
#ifndef _MICA_SHELL_H
#define _MICA_SHELL_H

#include <linux/compiler.h>
#include <mica/shell_parse.h>

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

/* Parse, look up and run one command line (modified in place); prints errors. */
int shell_execute(char *line);
/* The command called @name, or NULL. */
const struct shell_command *shell_find_command(const char *name);
/* Commands in name order: the first after @prev (NULL: the first), or NULL. */
const struct shell_command *shell_next_command(const struct shell_command *prev);

/* Command output: to the console only, not the kernel log; at most 255
 * characters per call (longer output is cut). */
int shell_printf(const char *fmt, ...) __printf(1, 2);
/*
 * Parse @arg (decimal, or 0x.. hex, 0.. octal) into @res if it lies in
 * [@min, @max]; otherwise print "@cmd: '@arg' is out of range (min..max)"
 * or "... is not a number" and return -ERANGE / -EINVAL.
 */
int shell_parse_ulong(const char *cmd, const char *arg, unsigned long min,
		      unsigned long max, unsigned long *res);
/*
 * Apply argv[1..argc-1], each "key=value", with @set, which returns 0,
 * -ENOENT for an unknown key or another -errno for a bad value. Stops at
 * the first bad word, printing why under @cmd's name; 0 when all applied.
 */
int shell_apply_settings(const char *cmd, int argc, char **argv,
			 int (*set)(const char *key, const char *val));

#endif
