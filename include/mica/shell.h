/*
 * Console commands. Each subsystem registers its own with SHELL_COMMAND(),
 * in one file next to its code named <subsystem>_commands.c (a benchmark's
 * command sits in its *bench.c); the shell finds them in the shell_cmds
 * section, so adding a command never touches the shell.
 *
 *   static int cmd_dmesg(int argc, char **argv)
 *   {
 *           ...
 *   }
 *   SHELL_COMMAND("dmesg", "[-c | -C | -n LEVEL]",
 *                 "print the kernel log (-c print and clear, ...)", cmd_dmesg);
 *
 * A command gets its words as argv[0..argc-1] (argv[0] is its name) and
 * returns 0 on success or a negative errno, which the shell reports
 * ("dmesg: failed (-22 EINVAL)"). `NAME -h` and `NAME --help` (the only
 * argument) never reach it: the shell prints the usage and the help line.
 *
 * Arguments: every command checks its own with the helpers below, so that
 * a bad one never runs the command. Each helper that finds something wrong
 * prints, in Linux's words, what and the usage line, and returns -EINVAL:
 *
 *   dmesg: invalid option -- 'x'
 *   usage: dmesg [-c | -C | -n LEVEL]
 *
 * - No arguments at all:       err = shell_no_args(argc, argv);
 * - Operands only, no option:  n = shell_operands_only(&args, argc, argv, 1, 1);
 *   (their number, or -EINVAL; they are argv[args.optind..])
 * - Options (getopt(3)'s rules: "-c", grouped "-vs", values "-n 3" or
 *   "-n3", "--" ends them) and operands:
 *
 *       struct shell_args args;
 *       int opt;
 *
 *       shell_args_init(&args, argc, argv);
 *       while ((opt = shell_getopt(&args, "cCn:")) > 0) {
 *               switch (opt) {
 *               case 'n': level = parse(args.optarg); break;
 *               ...
 *               }
 *       }
 *       if (opt < 0)
 *               return opt;
 *       n = shell_operands(&args, 0, 1);   (the words left: argv[args.optind..])
 *       if (n < 0)
 *               return n;
 *
 * - A number operand or option value: shell_parse_ulong().
 * - key=value settings, all applied or none: shell_apply_settings().
 * - Anything else wrong with an argument: shell_usage_error().
 */
#ifndef _MICA_SHELL_H
#define _MICA_SHELL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <mica/shell_parse.h>

struct shell_command {
	const char *name;
	const char *synopsis;	/* the arguments after the name, as `usage:` shows them; "" for none */
	const char *help;	/* one line, shown by `help` */
	int (*run)(int argc, char **argv);
};

#define SHELL_COMMAND(cmd, synopsis, helptext, fn) \
	static const struct shell_command __shell_cmd_##fn __used \
	__section("shell_cmds") __aligned(4) = { cmd, synopsis, helptext, fn }

/* Run the interactive shell on the console; never returns. */
void shell_run(void) __noreturn;
/*
 * After a panic (the other CPUs stopped, this one with interrupts off):
 * a shell polling the console, prompt "emergency> ", that runs only the
 * commands safe in a stopped kernel (dmesg, reboot, poweroff, version,
 * echo; any other word lists them). Returns at once if there is no
 * console to read.
 */
void shell_run_emergency(void);

/* Parse, look up and run one command line (modified in place); prints errors. */
int shell_execute(char *line);
/* The command called @name, or NULL. */
const struct shell_command *shell_find_command(const char *name);
/* Commands in name order: the first after @prev (NULL: the first), or NULL. */
const struct shell_command *shell_next_command(const struct shell_command *prev);

/*
 * Command output: to the console only, not the kernel log, of any length
 * (formatted in pieces, without allocating).
 */
int shell_printf(const char *fmt, ...) __printf(1, 2);
/*
 * For tests: shell_printf() output goes to @buf (NUL-terminated, cut to
 * @size) instead of the console until shell_capture(NULL, 0).
 */
void shell_capture(char *buf, size_t size);

/* ---- arguments ---- */

struct shell_args {
	int argc;
	char **argv;
	int optind;		/* the next word: the first operand once the options end */
	char *optarg;		/* the value of the option just returned, if it takes one */
	int optpos;		/* the next letter within grouped flags ("-vs") */
};

#define SHELL_ARGS_MANY 0x7fff	/* shell_operands(): no upper limit */

void shell_args_init(struct shell_args *args, int argc, char **argv);
/*
 * The next option letter in @optstring (a letter followed by ':' takes a
 * value, then in args->optarg); 0 when the options end (the first word
 * that does not start with '-', a lone "-", or after "--"); -EINVAL after
 * reporting an unknown option or a missing value.
 */
int shell_getopt(struct shell_args *args, const char *optstring);
/*
 * The operands after the options: their number, if it lies in
 * [@min, @max]; else -EINVAL after reporting "missing operand" or
 * "extra operand 'x'". They are args->argv[args->optind..argc-1].
 */
int shell_operands(struct shell_args *args, int min, int max);
/* For a command that takes no arguments: 0, or -EINVAL after reporting the first. */
int shell_no_args(int argc, char **argv);
/*
 * For a command that takes operands but no option: shell_args_init() on
 * @args, then the number of operands if it lies in [@min, @max], else
 * -EINVAL after reporting an option or the count.
 */
int shell_operands_only(struct shell_args *args, int argc, char **argv, int min, int max);
/* Report "@cmd: <message>" and @cmd's usage line; returns -EINVAL. */
int shell_usage_error(const char *cmd, const char *fmt, ...) __printf(2, 3);
/* Print "usage: @cmd <synopsis>". */
void shell_print_usage(const char *cmd);
/*
 * Parse @arg (decimal, or 0x.. hex, 0.. octal) into @res if it lies in
 * [@min, @max]; otherwise report "@cmd: '@arg' is not a number" or
 * "... is out of range (min..max)" and return -EINVAL (@res untouched).
 */
int shell_parse_ulong(const char *cmd, const char *arg, unsigned long min,
		      unsigned long max, unsigned long *res);
/*
 * Apply @nwords words, each "key=value", with @set(@settings, key, value),
 * which returns 0, -ENOENT for an unknown key or another -errno for a bad
 * value. @settings is a copy the caller makes live only when this returns
 * 0: a bad word (reported) leaves the live settings as they were. For a
 * command that takes only settings: shell_apply_settings(argv[0], argc - 1,
 * argv + 1, ...); anything else in their place is reported as not
 * key=value.
 */
int shell_apply_settings(const char *cmd, int nwords, char **words,
			 int (*set)(void *settings, const char *key, const char *val),
			 void *settings);

#endif
