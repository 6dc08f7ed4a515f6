/*
 * Console commands' table and arguments (include/mica/shell.h): finding a
 * command and its usage, and the argument helpers every command checks
 * its words with. Apart from the shell proper so that the host builds of
 * subsystems with commands link it without the console.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/shell.h>

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

const struct shell_command *shell_find_command(const char *name)
{
	const struct shell_command *cmd;

	for (cmd = __start_shell_cmds; cmd < __stop_shell_cmds; cmd++)
		if (!strcmp(cmd->name, name))
			return cmd;
	return NULL;
}

/* A handful of commands: a selection pass per step is cheap and needs no memory. */
const struct shell_command *shell_next_command(const struct shell_command *prev)
{
	const struct shell_command *cmd, *next = NULL;

	for (cmd = __start_shell_cmds; cmd < __stop_shell_cmds; cmd++)
		if ((!prev || strcmp(cmd->name, prev->name) > 0) &&
		    (!next || strcmp(cmd->name, next->name) < 0))
			next = cmd;
	return next;
}

void shell_print_usage(const char *cmd)
{
	const struct shell_command *c = shell_find_command(cmd);

	if (c && c->synopsis[0])
		shell_printf("usage: %s %s\n", cmd, c->synopsis);
	else
		shell_printf("usage: %s\n", cmd);
}

int shell_usage_error(const char *cmd, const char *fmt, ...)
{
	char msg[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	shell_printf("%s: %s\n", cmd, msg);
	shell_print_usage(cmd);
	return -EINVAL;
}

void shell_args_init(struct shell_args *args, int argc, char **argv)
{
	args->argc = argc;
	args->argv = argv;
	args->optind = 1;
	args->optarg = NULL;
	args->optpos = 1;
}

int shell_getopt(struct shell_args *args, const char *optstring)
{
	const char *word, *spec;
	char letter;

	args->optarg = NULL;
	if (args->optind >= args->argc)
		return 0;
	word = args->argv[args->optind];
	if (word[0] != '-' || !word[1])
		return 0;		/* an operand (or "-", stdin's name elsewhere) */
	if (!strcmp(word, "--")) {
		args->optind++;
		return 0;
	}
	if (word[1] == '-')
		return shell_usage_error(args->argv[0], "unrecognized option '%s'", word);
	letter = word[args->optpos];
	spec = letter != ':' ? strchr(optstring, letter) : NULL;
	if (!spec)
		return shell_usage_error(args->argv[0], "invalid option -- '%c'", letter);
	if (spec[1] != ':') {
		/* A flag: the next letter of the group, or the next word. */
		if (word[++args->optpos])
			return letter;
		args->optind++;
		args->optpos = 1;
		return letter;
	}
	/* Takes a value: the rest of this word ("-n3"), or the next word. */
	if (word[args->optpos + 1]) {
		args->optarg = (char *)&word[args->optpos + 1];
	} else if (args->optind + 1 < args->argc) {
		args->optarg = args->argv[++args->optind];
	} else {
		return shell_usage_error(args->argv[0], "option requires an argument -- '%c'",
					 letter);
	}
	args->optind++;
	args->optpos = 1;
	return letter;
}

int shell_operands(struct shell_args *args, int min, int max)
{
	int n = args->argc - args->optind;

	if (n < min)
		return shell_usage_error(args->argv[0], "missing operand");
	if (n > max)
		return shell_usage_error(args->argv[0], "extra operand '%s'",
					 args->argv[args->optind + max]);
	return n;
}

int shell_operands_only(struct shell_args *args, int argc, char **argv, int min, int max)
{
	int opt;

	shell_args_init(args, argc, argv);
	opt = shell_getopt(args, "");
	return opt < 0 ? opt : shell_operands(args, min, max);
}

int shell_no_args(int argc, char **argv)
{
	struct shell_args args;

	return shell_operands_only(&args, argc, argv, 0, 0) < 0 ? -EINVAL : 0;
}

int shell_parse_ulong(const char *cmd, const char *arg, unsigned long min,
		      unsigned long max, unsigned long *res)
{
	unsigned long val;
	int err = kstrtoul(arg, 0, &val);

	if (err == -ERANGE || (!err && (val < min || val > max)))
		return shell_usage_error(cmd, "'%s' is out of range (%lu..%lu)", arg, min, max);
	if (err)
		return shell_usage_error(cmd, "'%s' is not a number", arg);
	*res = val;
	return 0;
}

int shell_apply_settings(const char *cmd, int nwords, char **words,
			 int (*set)(void *settings, const char *key, const char *val),
			 void *settings)
{
	int i;

	for (i = 0; i < nwords; i++) {
		char key[32], *eq = strchr(words[i], '=');
		size_t n = eq ? (size_t)(eq - words[i]) : 0;
		int err;

		if (!eq || n == 0 || n >= sizeof(key))
			return shell_usage_error(cmd, "expected key=value, got '%s'", words[i]);
		memcpy(key, words[i], n);
		key[n] = '\0';
		err = set(settings, key, eq + 1);
		if (err == -ENOENT)
			return shell_usage_error(cmd, "unknown setting '%s'", key);
		if (err)
			return shell_usage_error(cmd, "bad value in '%s'%s", words[i],
						 err == -ERANGE ? " (out of range)" : "");
	}
	return 0;
}
