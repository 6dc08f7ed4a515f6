/*
 * Host tests of the console line editor (kernel/shell/line_editor.c): every
 * editing key, history, completion, overlong lines and a random-input fuzz.
 *
 * The editor's output goes through a one-line terminal model (printable,
 * backspace, CR, LF, BEL); after every byte the model's screen must show
 * exactly prompt + line with the cursor in the right column, so an echo
 * that drifts from the buffer fails here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/prandom.h>
#include <mica/line_editor.h>

#define PROMPT "mica> "
#define SCREEN_COLS 1024

struct terminal {
	char out[1 << 16];		/* everything written since reset */
	size_t out_len;
	char row[SCREEN_COLS];		/* the current screen row */
	size_t row_len, col;
	char last_row[SCREEN_COLS];	/* the row before the last LF */
	unsigned int bells, newlines, junk;
};

static struct terminal term;
static struct line_editor le;

static const char *const default_names[] = {
	"version", "help", "poweroff", "echo", "reboot", "test", "printk", NULL
};
static const char *const *names = default_names;

static void term_byte(char c)
{
	switch (c) {
	case '\b':
		if (term.col)
			term.col--;
		break;
	case '\r':
		term.col = 0;
		break;
	case '\n':
		memcpy(term.last_row, term.row, term.row_len);
		term.last_row[term.row_len] = '\0';
		term.row_len = term.col = 0;
		term.newlines++;
		break;
	case '\a':
		term.bells++;
		break;
	default:
		if (c < ' ' || c > '~' || term.col >= SCREEN_COLS - 1) {
			term.junk++;
			break;
		}
		term.row[term.col++] = c;
		if (term.col > term.row_len)
			term.row_len = term.col;
	}
}

static void capture(void *ctx, const char *buf, size_t len)
{
	assert_ptr_equal(ctx, &term);
	assert_true(len > 0);
	for (size_t i = 0; i < len; i++) {
		if (term.out_len < sizeof(term.out) - 1)
			term.out[term.out_len++] = buf[i];
		term_byte(buf[i]);
	}
	term.out[term.out_len] = '\0';
}

static const char *candidate(void *ctx, unsigned int index)
{
	assert_ptr_equal(ctx, &term);
	return names[index];
}

static void clear_output(void)
{
	term.out_len = 0;
	term.out[0] = '\0';
	term.bells = term.newlines = term.junk = 0;
}

/* The screen row shows prompt + line (then only blanks), cursor in place. */
static void check_screen(void)
{
	size_t plen = strlen(PROMPT), i;

	assert_int_equal(term.junk, 0);
	assert_true(term.row_len >= plen + le.len);
	assert_memory_equal(term.row, PROMPT, plen);
	assert_memory_equal(term.row + plen, le.line, le.len);
	for (i = plen + le.len; i < term.row_len; i++)
		assert_int_equal(term.row[i], ' ');
	assert_int_equal(term.col, plen + le.cursor);
}

static int setup(void **state)
{
	memset(&term, 0, sizeof(term));
	names = default_names;
	line_editor_init(&le, PROMPT, capture, candidate, &term);
	line_editor_begin(&le);
	check_screen();
	clear_output();
	return 0;
}

static enum line_editor_status feed(const char *s)
{
	enum line_editor_status st = LINE_EDITOR_EDITING;

	for (; *s; s++) {
		st = line_editor_feed(&le, (unsigned char)*s);
		if (st == LINE_EDITOR_EDITING)
			check_screen();
	}
	return st;
}

/* Feed @s, which must end a line with @want; then start the next line. */
static void feed_line(const char *s, enum line_editor_status want)
{
	assert_int_equal(feed(s), want);
	line_editor_begin(&le);
	check_screen();
}

static void test_type_and_enter(void **state)
{
	assert_int_equal(feed("help"), LINE_EDITOR_EDITING);
	assert_string_equal(term.out, "help");
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "help");
	assert_string_equal(term.out, "help\n");
	line_editor_begin(&le);
	assert_string_equal(term.out, "help\n" PROMPT);
	assert_int_equal(le.len, 0);
	assert_string_equal(le.line, "");
}

static void test_enter_variants(void **state)
{
	assert_int_equal(feed("a\r"), LINE_EDITOR_DONE);
	line_editor_begin(&le);
	assert_int_equal(feed("\n"), LINE_EDITOR_EDITING);	/* the LF of CRLF */
	assert_int_equal(feed("b\n"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "b");
	line_editor_begin(&le);
	assert_int_equal(feed("\n"), LINE_EDITOR_DONE);		/* LF alone: a line */
	assert_string_equal(le.line, "");
	line_editor_begin(&le);
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);
	line_editor_begin(&le);
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);		/* CR CR: two lines */
	line_editor_begin(&le);
	assert_int_equal(feed("x\r"), LINE_EDITOR_DONE);
	line_editor_begin(&le);
	assert_int_equal(feed("y"), LINE_EDITOR_EDITING);	/* no LF: skip ends */
	assert_string_equal(le.line, "y");
}

static void test_backspace(void **state)
{
	feed("abc\x7f");
	assert_string_equal(le.line, "ab");
	feed("\x08");
	assert_string_equal(le.line, "a");
	feed("\x7f\x7f\x7f");		/* more than there is: harmless */
	assert_string_equal(le.line, "");
	assert_int_equal(le.cursor, 0);
	feed("xy");
	assert_string_equal(le.line, "xy");
}

static void test_cursor_and_insert(void **state)
{
	feed("ac\x1b[Db");		/* Left, insert */
	assert_string_equal(le.line, "abc");
	assert_int_equal(le.cursor, 2);
	feed("\x1b[C\x1b[C\x1b[C");	/* Right past the end stays at the end */
	assert_int_equal(le.cursor, 3);
	feed("\x1b[D\x1b[D\x1b[D\x1b[D");	/* Left past the start stays */
	assert_int_equal(le.cursor, 0);
	feed(">");
	assert_string_equal(le.line, ">abc");
	feed("\x02\x02\x7f");		/* ^B ^B Backspace deletes the '>' */
	assert_string_equal(le.line, ">abc");
	assert_int_equal(le.cursor, 0);
	feed("\x06\x7f");		/* ^F then Backspace */
	assert_string_equal(le.line, "abc");
	feed("\x1bOC");			/* SS3 Right */
	assert_int_equal(le.cursor, 1);
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "abc");	/* Enter takes the whole line */
}

static void test_home_end_delete(void **state)
{
	static const char *const home[] = { "\x01", "\x1b[H", "\x1bOH", "\x1b[1~", "\x1b[7~" };
	static const char *const end[] = { "\x05", "\x1b[F", "\x1bOF", "\x1b[4~", "\x1b[8~" };

	feed("hello");
	for (size_t i = 0; i < 5; i++) {
		feed(home[i]);
		assert_int_equal(le.cursor, 0);
		feed(end[i]);
		assert_int_equal(le.cursor, 5);
	}
	feed("\x01\x1b[3~");		/* Delete under the cursor */
	assert_string_equal(le.line, "ello");
	feed("\x05\x1b[3~");		/* at the end: nothing */
	assert_string_equal(le.line, "ello");
	feed("\x1b[D\x1b[D\x1b[3~");
	assert_string_equal(le.line, "elo");
	assert_int_equal(le.cursor, 2);
	feed("\x1b[3;5~");		/* Ctrl-Delete: modifiers do not matter */
	assert_string_equal(le.line, "el");
}

static void test_kill_line(void **state)
{
	feed("some words\x1b[D\x1b[D");
	feed("\x15");
	assert_string_equal(le.line, "");
	assert_int_equal(le.cursor, 0);
	assert_int_equal(feed("ok\r"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "ok");
}

static void test_ctrl_c(void **state)
{
	assert_int_equal(feed("reboot"), LINE_EDITOR_EDITING);
	assert_int_equal(feed("\x03"), LINE_EDITOR_CANCELLED);
	assert_string_equal(term.out, "reboot^C\n");
	line_editor_begin(&le);
	assert_string_equal(term.out, "reboot^C\n" PROMPT);
	feed("\x1b[A");			/* an abandoned line is not history */
	assert_string_equal(le.line, "");
}

static void test_history(void **state)
{
	feed_line("one\r", LINE_EDITOR_DONE);
	feed_line("two\r", LINE_EDITOR_DONE);
	feed_line("two\r", LINE_EDITOR_DONE);	/* duplicate of the last: kept once */
	feed_line("   \r", LINE_EDITOR_DONE);	/* blank: not kept */
	feed_line("three\r", LINE_EDITOR_DONE);
	assert_int_equal(le.hist_count, 3);

	feed("par");				/* a new line in progress */
	feed("\x1b[A");
	assert_string_equal(le.line, "three");
	assert_int_equal(le.cursor, 5);
	feed("\x1b[A");
	assert_string_equal(le.line, "two");
	feed("\x1bOA");
	assert_string_equal(le.line, "one");
	feed("\x1b[A");				/* oldest: stays */
	assert_string_equal(le.line, "one");
	feed("\x1b[B\x1b[B");
	assert_string_equal(le.line, "three");
	feed("\x1b[B");				/* back to the line in progress */
	assert_string_equal(le.line, "par");
	feed("\x1b[B");
	assert_string_equal(le.line, "par");

	/* Editing a recalled line runs the edit and leaves the entry alone. */
	feed("\x15\x1b[A\x1b[A!");
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "two!");
	line_editor_begin(&le);
	feed("\x1b[A\x1b[A\x1b[A");
	assert_string_equal(le.line, "two");
}

static void test_history_capacity(void **state)
{
	char buf[16];

	for (int i = 0; i < 20; i++) {
		snprintf(buf, sizeof(buf), "cmd%d\r", i);
		feed_line(buf, LINE_EDITOR_DONE);
	}
	assert_int_equal(le.hist_count, LINE_EDITOR_HISTORY);
	for (int i = 0; i < 25; i++)
		feed("\x1b[A");
	snprintf(buf, sizeof(buf), "cmd%d", 20 - LINE_EDITOR_HISTORY);
	assert_string_equal(le.line, buf);
	feed("\x1b[B");
	snprintf(buf, sizeof(buf), "cmd%d", 21 - LINE_EDITOR_HISTORY);
	assert_string_equal(le.line, buf);
}

static void test_complete_unique(void **state)
{
	feed("ver\t");
	assert_string_equal(le.line, "version ");
	assert_int_equal(le.cursor, 8);
	assert_int_equal(term.bells, 0);
	feed("\x15  he\t");		/* leading blanks are fine */
	assert_string_equal(le.line, "  help ");
	feed("\x15" "echo\t");		/* complete name: just the space */
	assert_string_equal(le.line, "echo ");
	/* Completing in front of existing arguments moves over the space. */
	feed("\x15po x\x1b[D\x1b[D\t");
	assert_string_equal(le.line, "poweroff x");
	assert_int_equal(le.cursor, 9);
}

static void test_complete_ambiguous(void **state)
{
	static const char *const unsorted[] = { "reset", "reboot", "read", "help", NULL };

	feed("p\t");			/* poweroff, printk: nothing to extend */
	assert_string_equal(le.line, "p");
	assert_string_equal(term.last_row, "poweroff  printk");
	check_screen();			/* the line is redrawn after the list */
	assert_true(strstr(term.out, "\n" PROMPT "p") != NULL);

	names = unsorted;
	clear_output();
	feed("\x15r\t");		/* extended to the common prefix, listed sorted */
	assert_string_equal(le.line, "re");
	assert_string_equal(term.last_row, "read  reboot  reset");
	feed("b\t");
	assert_string_equal(le.line, "reboot ");

	/* Cursor not at the end of the line: the tail is redrawn too. */
	feed("\x15r x\x1b[D\x1b[D\t");
	assert_string_equal(le.line, "re x");
	assert_int_equal(le.cursor, 2);
}

static void test_complete_none(void **state)
{
	feed("zz\t");
	assert_string_equal(le.line, "zz");
	assert_int_equal(term.bells, 1);
	feed("\x15help ec\t");		/* arguments are not completed */
	assert_string_equal(le.line, "help ec");
	assert_int_equal(term.bells, 2);
	feed("\x15hexx\x01\x06\x06\t");	/* cursor inside a word */
	assert_string_equal(le.line, "hexx");
	assert_int_equal(term.bells, 3);

	line_editor_init(&le, PROMPT, capture, NULL, &term);	/* no candidates */
	term_byte('\n');
	line_editor_begin(&le);
	feed("h\t");
	assert_string_equal(le.line, "h");
	assert_int_equal(term.bells, 4);
}

static void test_complete_skips_bad_names(void **state)
{
	static char huge[LINE_EDITOR_SIZE + 10];
	static const char *bad[] = { "", "two words", "tab\tname", "\x80x", huge, "ok", NULL };

	memset(huge, 'o', sizeof(huge) - 1);
	names = bad;
	feed("\t");
	assert_string_equal(le.line, "ok ");

	/* A completion that would not fit in the buffer is refused. */
	static char long_name[LINE_EDITOR_MAX];
	static const char *longs[] = { long_name, NULL };

	memset(long_name, 'n', sizeof(long_name) - 1);
	names = longs;
	feed("\x15");
	for (int i = 0; i < 10; i++)
		feed(" ");
	feed("n\t");
	assert_int_equal(le.len, 11);
	assert_true(term.bells >= 1);
}

static void test_too_long(void **state)
{
	char line[LINE_EDITOR_MAX + 2];

	memset(line, 'a', LINE_EDITOR_MAX);
	line[LINE_EDITOR_MAX] = '\r';
	line[LINE_EDITOR_MAX + 1] = '\0';
	feed_line(line, LINE_EDITOR_DONE);	/* exactly 255: fine */

	clear_output();
	for (int i = 0; i < 300; i++)
		feed("b");
	assert_int_equal(le.len, LINE_EDITOR_MAX);
	assert_int_equal(term.bells, 1);	/* once, when it overflowed */
	feed("\x1b[D\x7fzz\t");			/* nothing edits a refused line */
	assert_int_equal(le.len, LINE_EDITOR_MAX);
	assert_int_equal(feed("\r"), LINE_EDITOR_TOO_LONG);
	assert_true(strstr(term.out, "\nline too long (max 255 characters)\n") != NULL);
	line_editor_begin(&le);
	feed("\x1b[A");				/* not in history */
	assert_int_equal(le.len, LINE_EDITOR_MAX);
	assert_int_equal(le.line[0], 'a');

	/* ^U clears the overflow. */
	feed("\x15");
	for (int i = 0; i < 256; i++)
		feed("c");
	feed("\x15ok");
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);
	assert_string_equal(le.line, "ok");

	/* Inserting in the middle of a full line overflows as well. */
	line_editor_begin(&le);
	line[LINE_EDITOR_MAX] = '\0';
	feed(line);
	feed("\x01x");
	assert_int_equal(feed("\n"), LINE_EDITOR_TOO_LONG);
}

static void test_escape_sequences_ignored(void **state)
{
	feed("ab");
	clear_output();
	feed("\x1b[Z");			/* Shift-Tab */
	feed("\x1b[?25h\x1b[?D");	/* private marker: not a key even with 'D' */
	feed("\x1b[ D");		/* intermediate byte: likewise */
	feed("\x1b[1;5C");		/* Ctrl-Right: a Right all the same */
	feed("\x1b[200~");		/* bracketed paste start */
	feed("\x1b[2~\x1b[5~\x1b[6~\x1b[15~\x1b[24~");	/* Insert, PgUp/Dn, F5, F12 */
	feed("\x1bOP\x1bOQ\x1bO~");	/* SS3 F1, F2, junk */
	feed("\x1b[ q");		/* intermediate byte */
	feed("\x1bx");			/* Alt-x */
	feed("\x1b\x1b[A");		/* ESC ESC [ A: still Up (no history: nothing) */
	feed("\x1b[99999999999999999999~");	/* parameter saturates */
	assert_int_equal(term.out_len, 0);
	assert_string_equal(le.line, "ab");
	feed("c");
	assert_string_equal(le.line, "abc");
	assert_string_equal(term.out, "c");
	feed("\x1b[D\x1b[4294967299~");	/* does not wrap round to 3 (Delete) */
	assert_string_equal(le.line, "abc");
}

/* Control strings (OSC, DCS, ...) run to BEL or ST; none of their text reaches the line. */
static void test_control_strings_and_8bit_controls(void **state)
{
	feed("echo A\x1b]0;title\aB");		/* OSC ended by BEL: the example */
	assert_string_equal(le.line, "echo AB");
	feed("\x1b]2;other title\x1b\\C");	/* OSC ended by ST (ESC \) */
	feed("\x1bPq#0;2;0;0;0\x1b\\D");	/* DCS (sixel) */
	feed("\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\E");	/* APC, PM, SOS */
	assert_string_equal(le.line, "echo ABCDE");
	clear_output();
	feed("\x9d" "0;8-bit title\x9c" "F");	/* 8-bit OSC and ST */
	feed("\x90" "dcs\x07G");			/* 8-bit DCS, ended by BEL */
	feed("\x9b" "D");				/* 8-bit CSI: Left */
	assert_string_equal(le.line, "echo ABCDEFG");
	assert_int_equal(le.cursor, le.len - 1);
	assert_string_equal(term.out, "FG\b");
	feed("\x1b]unterminated");
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);	/* Enter still ends the line */
	assert_string_equal(le.line, "echo ABCDEFG");
}

/* UTF-8 is dropped whole: a continuation byte that looks like a C1 control is not one. */
static void test_utf8_is_not_c1(void **state)
{
	feed("a\xc3\x9b" "b");			/* U+00DB: its second byte is 0x9b (CSI) */
	feed("\xe2\x80\x9d" "c");			/* U+201D: ends in 0x9d (OSC) */
	feed("\xf0\x9f\x98\x80" "d");		/* U+1F600: 0x9f (APC) inside */
	assert_string_equal(le.line, "abcd");
}

static void test_control_interrupts_escape(void **state)
{
	feed("ab\x1b[12");
	assert_int_equal(feed("\r"), LINE_EDITOR_DONE);	/* Enter is never swallowed */
	assert_string_equal(le.line, "ab");
	line_editor_begin(&le);
	feed("cd\x1b");
	assert_int_equal(feed("\x03"), LINE_EDITOR_CANCELLED);
	line_editor_begin(&le);
	feed("ef\x1bO\x7f");		/* DEL ends the sequence and erases */
	assert_string_equal(le.line, "e");
	feed("\x1b[\xff" "g");		/* non-ASCII drops the sequence */
	assert_string_equal(le.line, "eg");
}

static void test_garbage_ignored(void **state)
{
	static const unsigned char junk[] = {
		0x00, 0x04, 0x07, 0x0b, 0x0c, 0x0e, 0x10, 0x1a, 0x1c, 0x1f,
		0x80, 0x9b, 0xc3, 0xa9, 0xff,
	};

	feed("x");
	clear_output();
	for (size_t i = 0; i < sizeof(junk); i++)
		assert_int_equal(line_editor_feed(&le, junk[i]), LINE_EDITOR_EDITING);
	assert_int_equal(line_editor_feed(&le, -1), LINE_EDITOR_EDITING);
	assert_int_equal(line_editor_feed(&le, 256), LINE_EDITOR_EDITING);
	assert_int_equal(line_editor_feed(&le, 0x10a), LINE_EDITOR_EDITING);	/* not an LF */
	assert_int_equal(term.out_len, 0);
	assert_string_equal(le.line, "x");
	check_screen();
}

/* Reproducible without depending on the C library's rand(). */
static struct rnd_state rng_state;

static uint32_t rng(void)
{
	return prandom_u32_state(&rng_state);
}

static void check_invariants(void)
{
	assert_true(le.len <= LINE_EDITOR_MAX);
	assert_true(le.cursor <= le.len);
	assert_int_equal(strlen(le.line), le.len);
	for (unsigned int i = 0; i < le.len; i++)
		assert_true(le.line[i] >= ' ' && le.line[i] <= '~');
	assert_true(le.hist_count <= LINE_EDITOR_HISTORY);
	assert_true(le.hist_pos <= le.hist_count);
	for (unsigned int i = 0; i < LINE_EDITOR_HISTORY; i++)
		assert_true(memchr(le.history[i], '\0', LINE_EDITOR_SIZE) != NULL);
	check_screen();
}

static unsigned int fuzz(unsigned int nbytes, int (*next_byte)(void))
{
	unsigned int lines = 0;

	for (unsigned int i = 0; i < nbytes; i++) {
		enum line_editor_status st = line_editor_feed(&le, next_byte());

		if (st != LINE_EDITOR_EDITING) {
			lines++;
			line_editor_begin(&le);
		}
		check_invariants();
		if (term.out_len > sizeof(term.out) / 2)
			clear_output();
	}
	return lines;
}

static int uniform_byte(void)
{
	return rng() & 0xff;
}

/* Mostly editing keys and escape-sequence pieces, rarely Enter. */
static int keyboard_byte(void)
{
	static const char alphabet[] = "\x1b\x1b\x1b[[[OOO0123;~~ABCDHF"
				       "\x7f\x08\x01\x05\x02\x06\t\t\x15 abhelpver";
	uint32_t r = rng();

	if (r % 97 == 0)
		return '\r';
	if (r % 389 == 0)
		return 0x03;
	if (r % 7 == 0)
		return ' ' + (r >> 8) % 95;
	return (unsigned char)alphabet[(r >> 8) % (sizeof(alphabet) - 1)];
}

static void test_fuzz_uniform(void **state)
{
	prandom_seed_state(&rng_state, 0x12345678);
	fuzz(300000, uniform_byte);
	assert_int_equal(term.junk, 0);
}

static void test_fuzz_keyboard(void **state)
{
	prandom_seed_state(&rng_state, 0x9e3779b9);
	assert_true(fuzz(300000, keyboard_byte) > 1000);	/* many lines ended */
	assert_true(le.hist_count > 1);
}

/* Long runs of printable bytes push lines over the limit again and again. */
static int long_line_byte(void)
{
	uint32_t r = rng();

	if (r % 400 == 0)
		return '\n';
	if (r % 5 == 0)
		return "\x1b[D\x7f\x15\t\x01"[(r >> 8) % 6];
	return 'a' + (r >> 8) % 26;
}

static void test_fuzz_long_lines(void **state)
{
	prandom_seed_state(&rng_state, 0xdeadbeef);
	assert_true(fuzz(200000, long_line_byte) > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_type_and_enter, setup),
		cmocka_unit_test_setup(test_enter_variants, setup),
		cmocka_unit_test_setup(test_backspace, setup),
		cmocka_unit_test_setup(test_cursor_and_insert, setup),
		cmocka_unit_test_setup(test_home_end_delete, setup),
		cmocka_unit_test_setup(test_kill_line, setup),
		cmocka_unit_test_setup(test_ctrl_c, setup),
		cmocka_unit_test_setup(test_history, setup),
		cmocka_unit_test_setup(test_history_capacity, setup),
		cmocka_unit_test_setup(test_complete_unique, setup),
		cmocka_unit_test_setup(test_complete_ambiguous, setup),
		cmocka_unit_test_setup(test_complete_none, setup),
		cmocka_unit_test_setup(test_complete_skips_bad_names, setup),
		cmocka_unit_test_setup(test_too_long, setup),
		cmocka_unit_test_setup(test_escape_sequences_ignored, setup),
		cmocka_unit_test_setup(test_control_strings_and_8bit_controls, setup),
		cmocka_unit_test_setup(test_utf8_is_not_c1, setup),
		cmocka_unit_test_setup(test_control_interrupts_escape, setup),
		cmocka_unit_test_setup(test_garbage_ignored, setup),
		cmocka_unit_test_setup(test_fuzz_uniform, setup),
		cmocka_unit_test_setup(test_fuzz_keyboard, setup),
		cmocka_unit_test_setup(test_fuzz_long_lines, setup),
	};

	return cmocka_run_group_tests_name("line_editor", tests, NULL, NULL);
}
