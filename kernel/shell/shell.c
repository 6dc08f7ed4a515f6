/*
 * The console shell: reads lines with the line editor, splits them with
 * shell_parse_line() and runs the command found in the shell_cmds section.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/console.h>
#include <mica/line_editor.h>
#include <mica/shell.h>

#define SHELL_PROMPT "mica> "

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

/* Large (history): static rather than on the boot stack. */
static struct line_editor shell_editor;

int shell_printf(const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write(buf, n);
	return n;
}

int shell_parse_ulong(const char *cmd, const char *arg, unsigned long min,
		      unsigned long max, unsigned long *res)
{
	unsigned long val;
	int err = kstrtoul(arg, 0, &val);

	if (err == -ERANGE || (!err && (val < min || val > max))) {
		shell_printf("%s: '%s' is out of range (%lu..%lu)\n", cmd, arg, min, max);
		return -ERANGE;
	}
	if (err) {
		shell_printf("%s: '%s' is not a number\n", cmd, arg);
		return -EINVAL;
	}
	*res = val;
	return 0;
}

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

static const char *errno_name(int err)
{
	static const struct { int err; const char *name; } names[] = {
		{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" },
		{ EIO, "EIO" }, { ENXIO, "ENXIO" }, { E2BIG, "E2BIG" },
		{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { ENODEV, "ENODEV" },
		{ EINVAL, "EINVAL" }, { ENOSPC, "ENOSPC" }, { ERANGE, "ERANGE" },
		{ EDEADLK, "EDEADLK" }, { ENOSYS, "ENOSYS" }, { EOVERFLOW, "EOVERFLOW" },
		{ EOPNOTSUPP, "EOPNOTSUPP" }, { ETIMEDOUT, "ETIMEDOUT" },
		{ ECANCELED, "ECANCELED" }, { ENOTSUPP, "ENOTSUPP" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (err == -names[i].err)
			return names[i].name;
	return NULL;
}

int shell_execute(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	const struct shell_command *cmd;
	int argc = shell_parse_line(line, argv);
	int ret;

	if (argc < 0) {
		shell_printf("%s\n", shell_parse_strerror(argc));
		return -EINVAL;
	}
	if (argc == 0)
		return 0;
	cmd = shell_find_command(argv[0]);
	if (!cmd) {
		shell_printf("unknown command '%s' — type 'help'\n", argv[0]);
		return -ENOENT;
	}
	ret = cmd->run(argc, argv);
	if (ret) {
		const char *ename = errno_name(ret);

		shell_printf("%s: failed (%d%s%s)\n", cmd->name, ret,
			     ename ? " " : "", ename ? ename : "");
	}
	return ret;
}

static void shell_echo_output(void *ctx, const char *buf, size_t len)
{
	console_write(buf, len);
}

static const char *shell_command_name(void *ctx, unsigned int index)
{
	if (index >= (unsigned int)(__stop_shell_cmds - __start_shell_cmds))
		return NULL;
	return __start_shell_cmds[index].name;
}

void shell_run(void)
{
	line_editor_init(&shell_editor, SHELL_PROMPT, shell_echo_output,
			 shell_command_name, NULL);
	line_editor_begin(&shell_editor);
	for (;;) {
		enum line_editor_status status = line_editor_feed(&shell_editor, console_getc());

		if (status == LINE_EDITOR_EDITING)
			continue;
		if (status == LINE_EDITOR_DONE)
			shell_execute(shell_editor.line);
		line_editor_begin(&shell_editor);
	}
}
