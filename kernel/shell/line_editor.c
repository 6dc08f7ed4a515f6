/*
 * Console line editor (see include/mica/line_editor.h). Redraws use only
 * printable bytes, backspace, CR/LF and BEL, so the echo is plain text that
 * any terminal (and any test harness) understands.
 */
#include <mica/line_editor.h>
#include <string.h>

#define CTRL(c)		((c) & 0x1f)
#define ASCII_BS	0x08
#define ASCII_DEL	0x7f
#define ASCII_ESC	0x1b

/*
 * Escape sequence states. ESC_STRING: inside a control string (OSC, DCS,
 * SOS, PM, APC: ESC ] P X ^ _, or their 8-bit forms), which runs to BEL or
 * ST (ESC \ or 0x9c); ESC_STRING_ESC: an ESC inside one.
 */
enum { ESC_NONE, ESC_SEEN, ESC_CSI, ESC_SS3, ESC_STRING, ESC_STRING_ESC };

#define C1_DCS	0x90
#define C1_SOS	0x98
#define C1_SS3	0x8f
#define C1_CSI	0x9b
#define C1_ST	0x9c
#define C1_OSC	0x9d
#define C1_PM	0x9e
#define C1_APC	0x9f

enum key { KEY_NONE, KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END, KEY_DELETE };

static const char too_long_msg[] = "line too long (max 255 characters)\n";
_Static_assert(LINE_EDITOR_MAX == 255, "too_long_msg states the limit");

static void emit(struct line_editor *le, const char *s, size_t n)
{
	if (n)
		le->write(le->ctx, s, n);
}

static void emit_str(struct line_editor *le, const char *s)
{
	emit(le, s, strlen(s));
}

static void emit_repeat(struct line_editor *le, char c, unsigned int n)
{
	char chunk[32];

	memset(chunk, c, sizeof(chunk));
	while (n) {
		unsigned int k = n < sizeof(chunk) ? n : sizeof(chunk);

		emit(le, chunk, k);
		n -= k;
	}
}

static void bell(struct line_editor *le)
{
	emit(le, "\a", 1);
}

static void move_left(struct line_editor *le, unsigned int n)
{
	emit_repeat(le, '\b', n);
	le->cursor -= n;
}

static void move_right(struct line_editor *le, unsigned int n)
{
	emit(le, le->line + le->cursor, n);
	le->cursor += n;
}

/* Reprint from the cursor to the end, blank @blanks stale cells, come back. */
static void redraw_tail(struct line_editor *le, unsigned int blanks)
{
	unsigned int tail = le->len - le->cursor;

	emit(le, le->line + le->cursor, tail);
	emit_repeat(le, ' ', blanks);
	emit_repeat(le, '\b', tail + blanks);
}

/* Insert @n bytes at the cursor; false (nothing changed) if they do not fit. */
static bool insert(struct line_editor *le, const char *s, unsigned int n)
{
	if (n > LINE_EDITOR_MAX - le->len)
		return false;
	memmove(le->line + le->cursor + n, le->line + le->cursor, le->len - le->cursor + 1);
	memcpy(le->line + le->cursor, s, n);
	le->len += n;
	move_right(le, n);
	redraw_tail(le, 0);
	return true;
}

static void delete_at_cursor(struct line_editor *le)
{
	if (le->cursor == le->len)
		return;
	memmove(le->line + le->cursor, le->line + le->cursor + 1, le->len - le->cursor);
	le->len--;
	redraw_tail(le, 1);
}

static void backspace(struct line_editor *le)
{
	if (le->cursor == 0)
		return;
	move_left(le, 1);
	delete_at_cursor(le);
}

/* Show @s instead of the current line, cursor at its end. */
static void replace_line(struct line_editor *le, const char *s)
{
	unsigned int n = strlen(s), old = le->len;

	move_left(le, le->cursor);
	memmove(le->line, s, n + 1);
	le->len = n;
	move_right(le, n);
	if (n < old) {
		emit_repeat(le, ' ', old - n);
		emit_repeat(le, '\b', old - n);
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

/* @age 1 is the newest entry. */
static const char *history_entry(const struct line_editor *le, unsigned int age)
{
	return le->history[(le->hist_newest + LINE_EDITOR_HISTORY - (age - 1)) %
			   LINE_EDITOR_HISTORY];
}

static void history_add(struct line_editor *le)
{
	if (blank(le->line))
		return;
	if (le->hist_count && !strcmp(history_entry(le, 1), le->line))
		return;
	le->hist_newest = (le->hist_newest + 1) % LINE_EDITOR_HISTORY;
	memcpy(le->history[le->hist_newest], le->line, le->len + 1);
	if (le->hist_count < LINE_EDITOR_HISTORY)
		le->hist_count++;
}

static void history_older(struct line_editor *le)
{
	if (le->hist_pos == le->hist_count)
		return;
	if (le->hist_pos == 0)
		memcpy(le->saved, le->line, le->len + 1);
	le->hist_pos++;
	replace_line(le, history_entry(le, le->hist_pos));
}

static void history_newer(struct line_editor *le)
{
	if (le->hist_pos == 0)
		return;
	le->hist_pos--;
	replace_line(le, le->hist_pos ? history_entry(le, le->hist_pos) : le->saved);
}

/* A name the editor can put on a line: printable, no spaces, fits. */
static bool usable_name(const char *name)
{
	size_t i;

	for (i = 0; name[i]; i++)
		if (name[i] <= ' ' || name[i] >= ASCII_DEL || i == LINE_EDITOR_MAX)
			return false;
	return i > 0;
}

static bool candidate_matches(const char *name, const char *prefix, size_t plen)
{
	return usable_name(name) && !strncmp(name, prefix, plen);
}

/* Print the candidates starting with @prefix, sorted, then redraw the line. */
static void list_candidates(struct line_editor *le, const char *prefix, size_t plen)
{
	const char *prev = NULL, *next, *name;
	unsigned int i;

	emit(le, "\n", 1);
	for (;;) {
		next = NULL;
		for (i = 0; (name = le->candidate(le->ctx, i)); i++)
			if (candidate_matches(name, prefix, plen) &&
			    (!prev || strcmp(name, prev) > 0) &&
			    (!next || strcmp(name, next) < 0))
				next = name;
		if (!next)
			break;
		if (prev)
			emit(le, "  ", 2);
		emit_str(le, next);
		prev = next;
	}
	emit(le, "\n", 1);
	emit_str(le, le->prompt);
	emit(le, le->line, le->len);
	emit_repeat(le, '\b', le->len - le->cursor);
}

/*
 * Tab: complete the command name (the first word) ending at the cursor. A
 * unique match is completed and followed by a space; several are extended
 * to their longest common prefix and listed.
 */
static void complete(struct line_editor *le)
{
	unsigned int start = 0, i, matches = 0;
	size_t plen, common = 0;
	const char *prefix, *name, *first = NULL;

	while (start < le->cursor && le->line[start] == ' ')
		start++;
	for (i = start; i < le->cursor; i++)
		if (le->line[i] == ' ')
			goto no_completion;	/* past the command name */
	if (!le->candidate || (le->cursor < le->len && le->line[le->cursor] != ' '))
		goto no_completion;		/* inside a word */

	prefix = le->line + start;
	plen = le->cursor - start;
	for (i = 0; (name = le->candidate(le->ctx, i)); i++) {
		if (!candidate_matches(name, prefix, plen))
			continue;
		if (!matches++) {
			first = name;
			common = strlen(name);
		} else {
			size_t k = plen;

			while (k < common && name[k] == first[k])
				k++;
			common = k;
		}
	}
	if (!matches)
		goto no_completion;
	if (common > plen && !insert(le, first + plen, common - plen))
		goto no_completion;
	if (matches > 1) {
		list_candidates(le, le->line + start, common);
	} else if (le->cursor < le->len) {
		move_right(le, 1);		/* over the space already there */
	} else if (!insert(le, " ", 1)) {
		bell(le);
	}
	return;

no_completion:
	bell(le);
}

static enum key csi_key(const struct line_editor *le, unsigned char final)
{
	switch (final) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		switch (le->csi_param) {
		case 1: case 7: return KEY_HOME;
		case 4: case 8: return KEY_END;
		case 3: return KEY_DELETE;
		}
		break;
	}
	return KEY_NONE;
}

static void do_key(struct line_editor *le, enum key key)
{
	if (le->overflow)
		return;
	switch (key) {
	case KEY_UP:     history_older(le); break;
	case KEY_DOWN:   history_newer(le); break;
	case KEY_LEFT:   if (le->cursor) move_left(le, 1); break;
	case KEY_RIGHT:  if (le->cursor < le->len) move_right(le, 1); break;
	case KEY_HOME:   move_left(le, le->cursor); break;
	case KEY_END:    move_right(le, le->len - le->cursor); break;
	case KEY_DELETE: delete_at_cursor(le); break;
	case KEY_NONE:   break;
	}
}

static void csi_begin(struct line_editor *le)
{
	le->esc_state = ESC_CSI;
	le->csi_param = 0;
	le->csi_first_done = false;
	le->csi_ignore = false;
}

/* The byte after ESC, or an 8-bit C1 control: which sequence begins. */
static void escape_begin(struct line_editor *le, unsigned char c)
{
	switch (c) {
	case '[': case C1_CSI:
		csi_begin(le);
		break;
	case 'O': case C1_SS3:
		le->esc_state = ESC_SS3;
		break;
	case ']': case 'P': case 'X': case '^': case '_':
	case C1_OSC: case C1_DCS: case C1_SOS: case C1_PM: case C1_APC:
		le->esc_state = ESC_STRING;
		break;
	default:
		le->esc_state = ESC_NONE;	/* ESC + one byte (Alt-key), or a lone C1 */
	}
}

/*
 * One byte inside an escape sequence. Returns true if the byte is not part
 * of it (a control byte: the sequence is dropped and the byte acts as usual).
 */
static bool escape_byte(struct line_editor *le, unsigned char c)
{
	if (le->esc_state == ESC_STRING_ESC) {
		if (c == '\\') {
			le->esc_state = ESC_NONE;	/* ESC \ is ST: the string ends */
			return false;
		}
		le->esc_state = ESC_SEEN;	/* ESC + anything else: a new sequence */
	} else if (le->esc_state == ESC_STRING) {
		if (c == '\a' || c == C1_ST) {
			le->esc_state = ESC_NONE;
			return false;
		}
		if (c == ASCII_ESC) {
			le->esc_state = ESC_STRING_ESC;
			return false;
		}
		if (c >= 0x20 && c != ASCII_DEL)
			return false;		/* the string's text: swallowed */
	}
	if (c < 0x20 || c == ASCII_DEL) {
		le->esc_state = ESC_NONE;
		return true;
	}
	switch (le->esc_state) {
	case ESC_SEEN:
		escape_begin(le, c);
		break;
	case ESC_SS3:
		le->esc_state = ESC_NONE;
		le->csi_param = 0;
		do_key(le, csi_key(le, c));
		break;
	case ESC_CSI:
		if (c >= '0' && c <= '9') {
			if (!le->csi_first_done && le->csi_param < 1000)
				le->csi_param = le->csi_param * 10 + (c - '0');
		} else if (c == ';' || c == ':') {
			le->csi_first_done = true;
		} else if (c < 0x40) {		/* private marker or intermediate */
			le->csi_ignore = true;
		} else {	/* final byte 0x40..0x7e (non-ASCII also ends it) */
			le->esc_state = ESC_NONE;
			if (!le->csi_ignore)
				do_key(le, csi_key(le, c));
		}
		break;
	}
	return false;
}

/* Typed text that does not fit makes the whole line invalid. */
static void insert_char(struct line_editor *le, char c)
{
	if (!insert(le, &c, 1)) {
		le->overflow = true;
		bell(le);
	}
}

static enum line_editor_status finish_line(struct line_editor *le)
{
	emit(le, "\n", 1);
	if (le->overflow) {
		emit_str(le, too_long_msg);
		return LINE_EDITOR_TOO_LONG;
	}
	history_add(le);
	return LINE_EDITOR_DONE;
}

void line_editor_init(struct line_editor *le, const char *prompt,
		      line_editor_write_t write, line_editor_candidate_t candidate,
		      void *ctx)
{
	memset(le, 0, sizeof(*le));
	le->prompt = prompt;
	le->write = write;
	le->candidate = candidate;
	le->ctx = ctx;
}

void line_editor_begin(struct line_editor *le)
{
	le->line[0] = '\0';
	le->len = 0;
	le->cursor = 0;
	le->overflow = false;
	le->esc_state = ESC_NONE;
	le->utf8_left = 0;
	le->hist_pos = 0;
	emit_str(le, le->prompt);
}

enum line_editor_status line_editor_feed(struct line_editor *le, int c)
{
	if (c < 0 || c > 0xff)
		return LINE_EDITOR_EDITING;
	if (le->skip_lf) {
		le->skip_lf = false;
		if (c == '\n')
			return LINE_EDITOR_EDITING;
	}
	if (le->esc_state != ESC_NONE && !escape_byte(le, c))
		return LINE_EDITOR_EDITING;
	if (c >= 0x80) {
		/* UTF-8 (dropped): its continuation bytes are no C1 controls. */
		if (le->utf8_left && c < 0xc0) {
			le->utf8_left--;
			return LINE_EDITOR_EDITING;
		}
		le->utf8_left = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 :
				c >= 0xf0 && c <= 0xf4 ? 3 : 0;
		if (c < 0xa0)
			escape_begin(le, c);	/* 8-bit C1: CSI, SS3, strings */
		return LINE_EDITOR_EDITING;
	}
	le->utf8_left = 0;

	switch (c) {
	case '\r':
		le->skip_lf = true;
		return finish_line(le);
	case '\n':
		return finish_line(le);
	case CTRL('C'):
		emit_str(le, "^C\n");
		return LINE_EDITOR_CANCELLED;
	case CTRL('U'):
		le->overflow = false;
		replace_line(le, "");
		return LINE_EDITOR_EDITING;
	case ASCII_ESC:
		le->esc_state = ESC_SEEN;
		return LINE_EDITOR_EDITING;
	}
	if (le->overflow)
		return LINE_EDITOR_EDITING;	/* only Enter, ^C and ^U matter now */

	switch (c) {
	case ASCII_DEL:
	case ASCII_BS:   backspace(le); break;
	case CTRL('A'):  do_key(le, KEY_HOME); break;
	case CTRL('E'):  do_key(le, KEY_END); break;
	case CTRL('B'):  do_key(le, KEY_LEFT); break;
	case CTRL('F'):  do_key(le, KEY_RIGHT); break;
	case '\t':       complete(le); break;
	default:
		if (c >= ' ' && c <= '~')
			insert_char(le, c);
		break;		/* other control bytes and non-ASCII: ignored */
	}
	return LINE_EDITOR_EDITING;
}
