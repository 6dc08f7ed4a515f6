/*
 * KUnit suite "shell": the line editor, the tokeniser, the dispatcher and
 * the argument helpers on the target (the host tests cover them in depth;
 * this proves the same code behaves the same when built for the kernel),
 * and every registered command refusing arguments it does not take. The
 * shell's output is captured (shell_capture) and checked.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/kunit.h>
#include <mica/line_editor.h>
#include <mica/shell.h>

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

static struct line_editor test_editor;	/* large: not on the stack */
static char test_output[2048];
static size_t test_output_len;

static void capture(void *ctx, const char *buf, size_t len)
{
	size_t room = sizeof(test_output) - 1 - test_output_len;

	if (len > room)
		len = room;
	memcpy(test_output + test_output_len, buf, len);
	test_output_len += len;
	test_output[test_output_len] = '\0';
}

static const char *const test_names[] = { "version", "help", "hello", NULL };

static const char *candidate(void *ctx, unsigned int index)
{
	return test_names[index];
}

static enum line_editor_status feed(const char *s)
{
	enum line_editor_status st = LINE_EDITOR_EDITING;

	while (*s)
		st = line_editor_feed(&test_editor, (unsigned char)*s++);
	return st;
}

static int editor_init(struct kunit *test)
{
	line_editor_init(&test_editor, "mica> ", capture, candidate, NULL);
	line_editor_begin(&test_editor);
	test_output_len = 0;
	test_output[0] = '\0';
	return 0;
}

static void shell_test_editing_keys(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, feed("ecz\x7fho hi"), LINE_EDITOR_EDITING);
	KUNIT_EXPECT_STREQ(test, test_editor.line, "echo hi");
	feed("\x1b[D\x1b[D\x01>\x05<\x1b[3~");	/* Left Left Home '>' End '<' Delete */
	KUNIT_EXPECT_STREQ(test, test_editor.line, ">echo hi<");
	KUNIT_EXPECT_EQ(test, feed("\r"), LINE_EDITOR_DONE);
	line_editor_begin(&test_editor);
	KUNIT_EXPECT_EQ(test, feed("\nabc\x15x"), LINE_EDITOR_EDITING);	/* CRLF once, ^U */
	KUNIT_EXPECT_STREQ(test, test_editor.line, "x");
	KUNIT_EXPECT_EQ(test, feed("\x03"), LINE_EDITOR_CANCELLED);
}

static void shell_test_history(struct kunit *test)
{
	feed("first\r");
	line_editor_begin(&test_editor);
	feed("second\r");
	line_editor_begin(&test_editor);
	feed("second\r");
	line_editor_begin(&test_editor);
	feed("\x1b[A\x1b[A");
	KUNIT_EXPECT_STREQ(test, test_editor.line, "first");	/* duplicate kept once */
	feed("\x1b[B\x1b[B");
	KUNIT_EXPECT_STREQ(test, test_editor.line, "");
}

static void shell_test_completion(struct kunit *test)
{
	feed("ver\t");
	KUNIT_EXPECT_STREQ(test, test_editor.line, "version ");
	feed("\x15he\t");
	KUNIT_EXPECT_STREQ(test, test_editor.line, "hel");
	KUNIT_EXPECT_NOT_NULL(test, strstr(test_output, "\nhello  help\nmica> hel"));
	feed("\x15zz\t");
	KUNIT_EXPECT_STREQ(test, test_editor.line, "zz");
}

static void shell_test_long_line_and_garbage(struct kunit *test)
{
	for (int i = 0; i < 300; i++)
		feed("a");
	KUNIT_EXPECT_EQ(test, test_editor.len, LINE_EDITOR_MAX);
	KUNIT_EXPECT_EQ(test, feed("\r"), LINE_EDITOR_TOO_LONG);
	KUNIT_EXPECT_NOT_NULL(test, strstr(test_output, "line too long (max 255 characters)"));

	line_editor_begin(&test_editor);
	feed("ok");
	test_output_len = 0;
	feed("\x1b[Z\x1b[?25h\x1bOP\x1b[200~\x1bx");
	for (int c = 0x80; c <= 0xff; c++)
		line_editor_feed(&test_editor, c);
	line_editor_feed(&test_editor, 0);
	KUNIT_EXPECT_EQ(test, test_output_len, 0);
	KUNIT_EXPECT_STREQ(test, test_editor.line, "ok");
}

static void shell_test_parse(struct kunit *test)
{
	char line[128], *argv[SHELL_MAX_ARGS + 1];

	strcpy(line, "  echo \"a b\" c\\ d \"\" 'e\\f'  ");
	KUNIT_ASSERT_EQ(test, shell_parse_line(line, argv), 5);
	KUNIT_EXPECT_STREQ(test, argv[0], "echo");
	KUNIT_EXPECT_STREQ(test, argv[1], "a b");
	KUNIT_EXPECT_STREQ(test, argv[2], "c d");
	KUNIT_EXPECT_STREQ(test, argv[3], "");
	KUNIT_EXPECT_STREQ(test, argv[4], "e\\f");
	KUNIT_EXPECT_NULL(test, argv[5]);

	strcpy(line, "echo \"open");
	KUNIT_EXPECT_EQ(test, shell_parse_line(line, argv), -SHELL_PARSE_UNTERMINATED_QUOTE);
	strcpy(line, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17");
	KUNIT_EXPECT_EQ(test, shell_parse_line(line, argv), -SHELL_PARSE_TOO_MANY_ARGS);
	KUNIT_EXPECT_STREQ(test, shell_parse_strerror(-SHELL_PARSE_TOO_MANY_ARGS),
			   "too many arguments (max 16)");
}

static char out[4096];	/* captured shell_printf output */

static void capture_begin(struct kunit *test);

/* Empty the capture buffer. */
static void clear_out(void)
{
	shell_capture(out, sizeof(out));
}

static int run(char *line)
{
	clear_out();
	return shell_execute(line);
}

static void shell_test_dispatch(struct kunit *test)
{
	const struct shell_command *cmd, *prev = NULL;
	unsigned int n = 0;
	char line[64];

	capture_begin(test);
	KUNIT_ASSERT_NOT_NULL(test, shell_find_command("help"));
	KUNIT_EXPECT_STREQ(test, shell_find_command("help")->name, "help");
	KUNIT_EXPECT_NULL(test, shell_find_command("hel"));
	for (cmd = shell_next_command(NULL); cmd; prev = cmd, cmd = shell_next_command(cmd)) {
		if (prev)
			KUNIT_EXPECT_GT(test, strcmp(cmd->name, prev->name), 0);
		n++;
	}
	/* As many in the ordered walk as registered: no two commands share a name. */
	KUNIT_EXPECT_EQ(test, n, __stop_shell_cmds - __start_shell_cmds);

	strcpy(line, "   ");
	KUNIT_EXPECT_EQ(test, run(line), 0);
	strcpy(line, "echo shell_test: dispatch");
	KUNIT_EXPECT_EQ(test, run(line), 0);
	KUNIT_EXPECT_STREQ(test, out, "shell_test: dispatch\n");
	strcpy(line, "shell_test_no_such_command");
	KUNIT_EXPECT_EQ(test, run(line), -ENOENT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "unknown command 'shell_test_no_such_command'"));
	strcpy(line, "echo \"shell_test: unterminated");
	KUNIT_EXPECT_EQ(test, run(line), -EINVAL);
	KUNIT_EXPECT_STREQ(test, out, "unterminated quote\n");
	strcpy(line, "help shell_test_no_such_command");
	KUNIT_EXPECT_EQ(test, run(line), -ENOENT);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: failed (-2 ENOENT)"));
}

static void shell_test_parse_ulong(struct kunit *test)
{
	unsigned long v = 0;

	capture_begin(test);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("help", "42", 0, 100, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("help", "0x10", 0, 100, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 16);
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("help", "99999999999", 0, 4294967295UL, &v),
			-EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: '99999999999' is out of range (0..4294967295)\n"
					   "usage: help [COMMAND]\n"));
	clear_out();
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("help", "5", 10, 20, &v), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "'5' is out of range (10..20)"));
	KUNIT_EXPECT_EQ(test, shell_parse_ulong("help", "12abc", 0, 100, &v), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "'12abc' is not a number"));
	KUNIT_EXPECT_EQ(test, v, 16);		/* untouched on error */
}

/* Records what shell_apply_settings passes on; "bad" is a key whose values are all wrong. */
static int record_setting(void *settings, const char *key, const char *val)
{
	char *applied = settings;
	size_t n;

	if (!strcmp(key, "bad"))
		return -ERANGE;
	if (strcmp(key, "a") && strcmp(key, "b"))
		return -ENOENT;
	n = strlen(applied);
	snprintf(applied + n, 64 - n, "%s=%s;", key, val);
	return 0;
}

static void shell_test_apply_settings(struct kunit *test)
{
	char *good[] = { "a=1", "b=x=y", NULL };
	char *unknown[] = { "a=2", "c=3", "b=4", NULL };
	char *bad_value[] = { "bad=1", NULL };
	char *no_equals[] = { "a", NULL };
	char *no_key[] = { "=5", NULL };
	char *long_key[] = { "a_key_longer_than_thirty_one_chars_=1", NULL };
	char applied[64] = "";

	capture_begin(test);
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 2, good, record_setting, applied), 0);
	KUNIT_EXPECT_STREQ(test, applied, "a=1;b=x=y;");
	applied[0] = '\0';	/* stops at the first bad word: b=4 is not looked at */
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 3, unknown, record_setting, applied),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, applied, "a=2;");
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: unknown setting 'c'\nusage: help"));
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 1, bad_value, record_setting, applied),
			-EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "bad value in 'bad=1' (out of range)"));
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 1, no_equals, record_setting, applied),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 1, no_key, record_setting, applied),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 1, long_key, record_setting, applied),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, shell_apply_settings("help", 0, good, record_setting, applied), 0);
}

/* getopt(3)'s rules: flags, groups, values attached or not, "--", unknown ones reported. */
static void shell_test_getopt(struct kunit *test)
{
	char *words[] = { "help", "-vs", "-n3", "-n", "4", "--", "-x", "operand", NULL };
	char *bad[] = { "help", "-v", "-q", NULL };
	char *missing[] = { "help", "-n", NULL };
	char *long_opt[] = { "help", "--verbose", NULL };
	struct shell_args args;
	char seen[32] = "";

	capture_begin(test);
	shell_args_init(&args, 8, words);
	for (int opt; (opt = shell_getopt(&args, "vsn:")) > 0;) {
		size_t n = strlen(seen);

		snprintf(seen + n, sizeof(seen) - n, "%c%s,", opt, args.optarg ? args.optarg : "");
	}
	KUNIT_EXPECT_STREQ(test, seen, "v,s,n3,n4,");
	KUNIT_EXPECT_EQ(test, shell_operands(&args, 2, 2), 2);
	KUNIT_EXPECT_STREQ(test, words[args.optind], "-x");
	KUNIT_EXPECT_EQ(test, shell_operands(&args, 3, 5), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: missing operand\nusage: help [COMMAND]"));
	clear_out();
	KUNIT_EXPECT_EQ(test, shell_operands(&args, 0, 1), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: extra operand 'operand'"));

	shell_args_init(&args, 3, bad);
	KUNIT_EXPECT_EQ(test, shell_getopt(&args, "v"), 'v');
	KUNIT_EXPECT_EQ(test, shell_getopt(&args, "v"), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: invalid option -- 'q'"));
	shell_args_init(&args, 2, missing);
	KUNIT_EXPECT_EQ(test, shell_getopt(&args, "n:"), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: option requires an argument -- 'n'"));
	shell_args_init(&args, 2, long_opt);
	KUNIT_EXPECT_EQ(test, shell_getopt(&args, "v"), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "help: unrecognized option '--verbose'"));
}

/* Output of any length reaches the console whole (it was cut at 255 bytes). */
static void shell_test_long_output(struct kunit *test)
{
	static char text[1500];

	memset(text, 'x', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	capture_begin(test);
	KUNIT_EXPECT_EQ(test, shell_printf("<%s>%d\n", text, 42), (int)sizeof(text) + 4);
	KUNIT_EXPECT_EQ(test, strlen(out), sizeof(text) + 4);
	KUNIT_EXPECT_EQ(test, out[0], '<');
	KUNIT_EXPECT_STREQ(test, out + sizeof(text), ">42\n");
}

/*
 * Every command: -h and --help print its usage and run nothing; an option
 * it does not have is refused with its usage, and so is any word for a
 * command that takes none (reboot --help used to reboot, meminfo -1 to run).
 */
static void shell_test_every_command_checks_its_arguments(struct kunit *test)
{
	const struct shell_command *cmd;
	char line[96], usage[48];

	capture_begin(test);
	for (cmd = shell_next_command(NULL); cmd; cmd = shell_next_command(cmd)) {
		snprintf(usage, sizeof(usage), "usage: %s", cmd->name);
		snprintf(line, sizeof(line), "%s --help", cmd->name);
		KUNIT_EXPECT_EQ_MSG(test, run(line), 0, "%s", cmd->name);
		KUNIT_EXPECT_TRUE_MSG(test, !strncmp(out, usage, strlen(usage)), "%s", cmd->name);
		snprintf(line, sizeof(line), "%s -h", cmd->name);
		KUNIT_EXPECT_EQ_MSG(test, run(line), 0, "%s", cmd->name);
		if (!strcmp(cmd->name, "echo"))
			continue;	/* prints its words, as the shell builtin */
		snprintf(line, sizeof(line), "%s --no-such-option", cmd->name);
		KUNIT_EXPECT_EQ_MSG(test, run(line), -EINVAL, "%s", cmd->name);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, usage), "%s", cmd->name);
		snprintf(line, sizeof(line), "%s -%%", cmd->name);
		KUNIT_EXPECT_EQ_MSG(test, run(line), -EINVAL, "%s", cmd->name);
		if (cmd->synopsis[0])
			continue;
		snprintf(line, sizeof(line), "%s 1", cmd->name);
		KUNIT_EXPECT_EQ_MSG(test, run(line), -EINVAL, "%s", cmd->name);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(out, "extra operand '1'"), "%s", cmd->name);
	}
}

static void capture_end(void *unused)
{
	shell_capture(NULL, 0);
}

static void capture_begin(struct kunit *test)
{
	shell_capture(out, sizeof(out));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, capture_end, NULL), 0);
}

static struct kunit_case shell_test_cases[] = {
	KUNIT_CASE(shell_test_editing_keys),
	KUNIT_CASE(shell_test_history),
	KUNIT_CASE(shell_test_completion),
	KUNIT_CASE(shell_test_long_line_and_garbage),
	KUNIT_CASE(shell_test_parse),
	KUNIT_CASE(shell_test_dispatch),
	KUNIT_CASE(shell_test_parse_ulong),
	KUNIT_CASE(shell_test_apply_settings),
	KUNIT_CASE(shell_test_getopt),
	KUNIT_CASE(shell_test_long_output),
	KUNIT_CASE(shell_test_every_command_checks_its_arguments),
	{}
};

static struct kunit_suite shell_test_suite = {
	.name = "shell",
	.init = editor_init,
	.test_cases = shell_test_cases,
};
kunit_test_suite(shell_test_suite);
