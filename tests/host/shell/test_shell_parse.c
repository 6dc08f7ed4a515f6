/*
 * Host tests of the shell's command-line tokeniser (kernel/shell/parse.c):
 * words, quotes, escapes, the argument limit, errors, and random input.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/prandom.h>
#include <mica/shell_parse.h>

static char line[512];
static char *argv[SHELL_MAX_ARGS + 2];

/* Parse @s; returns argc (or the error) with argv filled. */
static int parse(const char *s)
{
	snprintf(line, sizeof(line), "%s", s);
	argv[SHELL_MAX_ARGS + 1] = (char *)"guard";
	return shell_parse_line(line, argv);
}

/* Parse @s and compare with the NULL-terminated word list that follows. */
static void expect_words(const char *s, ...)
{
	va_list ap;
	const char *want;
	int argc = parse(s), i = 0;

	assert_true(argc >= 0);
	va_start(ap, s);
	while ((want = va_arg(ap, const char *))) {
		assert_true(i < argc);
		assert_string_equal(argv[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(argc, i);
	assert_null(argv[argc]);
	assert_string_equal(argv[SHELL_MAX_ARGS + 1], "guard");
}

static void test_words(void **state)
{
	expect_words("help", "help", NULL);
	expect_words("echo a b c", "echo", "a", "b", "c", NULL);
	expect_words("  echo \t  a\t\tb   ", "echo", "a", "b", NULL);
	expect_words("x=1,y=2 --flag", "x=1,y=2", "--flag", NULL);
}

static void test_empty(void **state)
{
	expect_words("", NULL);
	expect_words("     ", NULL);
	expect_words("\t \t", NULL);
}

static void test_quotes(void **state)
{
	expect_words("echo \"a b\"  c", "echo", "a b", "c", NULL);
	expect_words("echo \"  spaced  \"", "echo", "  spaced  ", NULL);
	expect_words("a\"b c\"d", "ab cd", NULL);
	expect_words("echo \"\" x", "echo", "", "x", NULL);
	expect_words("\"\"", "", NULL);
	expect_words("\"a\"\"b\"", "ab", NULL);
	expect_words("\"tab\there\"", "tab\there", NULL);
	expect_words("test page_alloc 'slab*' x.y", "test", "page_alloc", "slab*", "x.y", NULL);
	expect_words("'a  b' c", "a  b", "c", NULL);
	expect_words("'no \\escape\\'", "no \\escape\\", NULL);	/* literal in '' */
	expect_words("'\"' \"'\"", "\"", "'", NULL);		/* each quote in the other */
	expect_words("'' x'y'z", "", "xyz", NULL);
	expect_words("it\\'s", "it's", NULL);
}

static void test_escapes(void **state)
{
	expect_words("a\\ b", "a b", NULL);
	expect_words("\\\"x\\\"", "\"x\"", NULL);
	expect_words("\"in \\\"quotes\\\"\"", "in \"quotes\"", NULL);
	expect_words("back\\\\slash", "back\\slash", NULL);
	expect_words("\\n\\t", "nt", NULL);		/* no C escapes: literal */
	expect_words("\\  x", " ", "x", NULL);
}

static void test_limit(void **state)
{
	char buf[256] = "";
	int argc;

	for (int i = 0; i < SHELL_MAX_ARGS; i++)
		strcat(buf, "w ");
	argc = parse(buf);
	assert_int_equal(argc, SHELL_MAX_ARGS);
	assert_null(argv[SHELL_MAX_ARGS]);

	strcat(buf, "one-more");
	assert_int_equal(parse(buf), -SHELL_PARSE_TOO_MANY_ARGS);
	assert_string_equal(argv[SHELL_MAX_ARGS + 1], "guard");
	strcat(buf, "   ");			/* trailing blanks are not a word */
	buf[strlen(buf) - 12] = '\0';
	assert_int_equal(parse(buf), SHELL_MAX_ARGS);
}

static void test_errors(void **state)
{
	assert_int_equal(parse("echo \"abc"), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("\""), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("a \"b\" \"c"), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("\"a\\\""), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("it's"), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("'x\\"), -SHELL_PARSE_UNTERMINATED_QUOTE);	/* no escapes in '' */
	assert_int_equal(parse("\"'"), -SHELL_PARSE_UNTERMINATED_QUOTE);
	assert_int_equal(parse("echo \\"), -SHELL_PARSE_TRAILING_BACKSLASH);
	assert_int_equal(parse("\"x\\"), -SHELL_PARSE_TRAILING_BACKSLASH);
}

static void test_messages(void **state)
{
	assert_string_equal(shell_parse_strerror(-SHELL_PARSE_TOO_MANY_ARGS),
			    "too many arguments (max 16)");
	assert_string_equal(shell_parse_strerror(-SHELL_PARSE_UNTERMINATED_QUOTE),
			    "unterminated quote");
	assert_string_equal(shell_parse_strerror(-SHELL_PARSE_TRAILING_BACKSLASH),
			    "backslash at the end of the line");
	assert_string_equal(shell_parse_strerror(-99), "invalid command line");
}

/*
 * An independent oracle: a character-at-a-time state machine that copies
 * words out instead of compacting the line in place.
 */
static int reference_parse(const char *s, char words[][128])
{
	int argc = 0;
	size_t wlen = 0;
	bool in_word = false;
	enum { PLAIN, DOUBLE, SINGLE } mode = PLAIN;

	for (; *s; s++) {
		char c = *s;

		if (mode == PLAIN && (c == ' ' || c == '\t')) {
			if (in_word)
				words[argc - 1][wlen] = '\0';
			in_word = false;
			continue;
		}
		if (!in_word) {
			if (argc == SHELL_MAX_ARGS)
				return -SHELL_PARSE_TOO_MANY_ARGS;
			in_word = true;
			wlen = 0;
			argc++;
		}
		switch (mode) {
		case SINGLE:
			if (c == '\'') {
				mode = PLAIN;
				continue;
			}
			break;
		case DOUBLE:
		case PLAIN:
			if (c == '"' || (mode == PLAIN && c == '\'')) {
				mode = mode == DOUBLE ? PLAIN : c == '"' ? DOUBLE : SINGLE;
				continue;
			}
			if (c == '\\') {
				if (!s[1])
					return -SHELL_PARSE_TRAILING_BACKSLASH;
				c = *++s;
			}
			break;
		}
		words[argc - 1][wlen++] = c;
	}
	if (mode != PLAIN)
		return -SHELL_PARSE_UNTERMINATED_QUOTE;
	if (in_word)
		words[argc - 1][wlen] = '\0';
	return argc;
}

/* Random lines, checked against the oracle;
 * ASan catches any access outside the line. */
static void test_fuzz(void **state)
{
	/* Quote-heavy, and many short words (to reach the argument limit). */
	static const char *const alphabets[] = { "  \t\"\"''\\ab", " a b\\" };
	unsigned int ok = 0, errors[4] = { 0 };
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 0x2545f491);
	for (int round = 0; round < 300000; round++) {
		char s[128], words[SHELL_MAX_ARGS][128];
		const char *alphabet = alphabets[round & 1];
		size_t n;
		int argc, want;

		n = prandom_u32_state(&rnd) % sizeof(s);
		for (size_t i = 0; i < n; i++)
			s[i] = alphabet[prandom_u32_state(&rnd) % strlen(alphabet)];
		s[n] = '\0';
		argc = parse(s);
		want = reference_parse(s, words);
		assert_int_equal(argc, want);
		assert_string_equal(argv[SHELL_MAX_ARGS + 1], "guard");
		if (argc < 0) {
			errors[-argc]++;
			continue;
		}
		ok++;
		assert_null(argv[argc]);
		for (int i = 0; i < argc; i++) {
			assert_true(argv[i] >= line && argv[i] + strlen(argv[i]) <= line + n);
			assert_string_equal(argv[i], words[i]);
		}
	}
	/* Every outcome was exercised. */
	print_message("fuzz: %u parsed, %u/%u/%u errors\n", ok, errors[1], errors[2], errors[3]);
	assert_true(ok > 1000);
	for (int e = 1; e <= SHELL_PARSE_TRAILING_BACKSLASH; e++)
		assert_true(errors[e] > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests_name("shell_parse", tests, NULL, NULL);
}
