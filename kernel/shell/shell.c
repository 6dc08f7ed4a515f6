/*
 * The console shell: reads lines with the line editor, splits them with
 * shell_parse_line() and runs the command found in the shell_cmds section
 * (kernel/shell/args.c). Command output (shell_printf) goes to the console.
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

/* Where shell_printf() output goes instead of the console (tests). */
static struct {
	char *buf;
	size_t size, len;
} capture;

void shell_capture(char *buf, size_t size)
{
	capture.buf = buf;
	capture.size = size;
	capture.len = 0;
	if (buf && size)
		buf[0] = '\0';
}

static void shell_emit(void *ctx, const char *s, size_t n)
{
	size_t room;

	if (!capture.buf) {
		console_write(s, n);
		return;
	}
	room = capture.size - 1 - capture.len;
	if (n > room)
		n = room;
	memcpy(capture.buf + capture.len, s, n);
	capture.len += n;
	capture.buf[capture.len] = '\0';
}

int shell_printf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vformat(shell_emit, NULL, fmt, args);
	va_end(args);
	return n;
}

static const char *errno_name(int err)
{
	static const struct { int err; const char *name; } names[] = {
		{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" },
		{ EIO, "EIO" }, { ENXIO, "ENXIO" }, { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" },
		{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { ENODEV, "ENODEV" }, { EFBIG, "EFBIG" },
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

/* Look up and run a split command line. */
static int shell_execute_argv(int argc, char **argv)
{
	const struct shell_command *cmd;
	int ret;

	cmd = shell_find_command(argv[0]);
	if (!cmd) {
		shell_printf("unknown command '%s' — type 'help'\n", argv[0]);
		return -ENOENT;
	}
	/* As GNU tools: -h or --help, alone, asks for the usage and runs nothing. */
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		shell_print_usage(cmd->name);
		shell_printf("%s\n", cmd->help);
		return 0;
	}
	ret = cmd->run(argc, argv);
	if (ret) {
		const char *ename = errno_name(ret);

		shell_printf("%s: failed (%d%s%s)\n", cmd->name, ret,
			     ename ? " " : "", ename ? ename : "");
	}
	return ret;
}

int shell_execute(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	int argc = shell_parse_line(line, argv);

	if (argc < 0) {
		shell_printf("%s\n", shell_parse_strerror(argc));
		return -EINVAL;
	}
	return argc ? shell_execute_argv(argc, argv) : 0;
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

/* The commands that only read the log or stop the machine: safe once the kernel has stopped. */
static const char *const emergency_commands[] = {
	"dmesg", "reboot", "poweroff", "version", "echo",
};

static void emergency_execute(char *line)
{
	char *argv[SHELL_MAX_ARGS + 1];
	int argc = shell_parse_line(line, argv);
	size_t i;

	if (argc <= 0) {
		if (argc < 0)
			shell_printf("%s\n", shell_parse_strerror(argc));
		return;
	}
	for (i = 0; i < ARRAY_SIZE(emergency_commands); i++)
		if (!strcmp(argv[0], emergency_commands[i]))
			break;
	if (i == ARRAY_SIZE(emergency_commands) || !shell_find_command(argv[0])) {
		shell_printf("The kernel has stopped; this shell runs only:");
		for (i = 0; i < ARRAY_SIZE(emergency_commands); i++)
			shell_printf(" %s", emergency_commands[i]);
		shell_printf("\n");
		return;
	}
	shell_execute_argv(argc, argv);
}

void shell_run_emergency(void)
{
	if (!console_ops)
		return;
	shell_capture(NULL, 0);
	shell_printf("\nThe kernel has stopped. Emergency shell: dmesg, reboot, poweroff, "
		     "version, echo.\n");
	line_editor_init(&shell_editor, "emergency> ", shell_echo_output, NULL, NULL);
	line_editor_begin(&shell_editor);
	for (;;) {
		int c = console_emergency_getc();	/* polled: interrupts are off */
		enum line_editor_status status;

		if (c < 0)
			continue;
		status = line_editor_feed(&shell_editor, c);
		if (status == LINE_EDITOR_EDITING)
			continue;
		if (status == LINE_EDITOR_DONE)
			emergency_execute(shell_editor.line);
		line_editor_begin(&shell_editor);
	}
}
