/*
 * The console shell's line editor: pure logic, no I/O of its own. The caller
 * feeds it one input byte at a time; the editor answers through a write
 * callback with the bytes to echo, and says when a line is complete. So it
 * runs the same in the kernel (console) and in host unit tests (a buffer).
 *
 * Keys: printable ASCII inserts at the cursor; Backspace (DEL or ^H) and
 * Delete (ESC [ 3 ~) erase; Left/Right (also ^B/^F), Home/End (also ^A/^E)
 * move; Up/Down walk a history of LINE_EDITOR_HISTORY lines; ^U kills the
 * line; ^C abandons it; Tab completes the command name (the first word);
 * Enter is CR, LF or CRLF (counted once).
 *
 * Less than readline/busybox: ASCII only (other characters, UTF-8 too, are
 * dropped), no terminal-width handling (cursor movement with backspaces
 * assumes the line does not wrap), no kill ring or word motions. Unknown
 * escape sequences are swallowed whole: CSI, SS3, ESC + one byte, and the
 * control strings OSC, DCS, SOS, PM and APC up to their BEL or ST (7-bit
 * or 8-bit forms; a UTF-8 continuation byte is never taken for one). A
 * control byte inside a sequence ends it and acts as usual, so Enter and
 * ^C always work.
 */
#ifndef _MICA_LINE_EDITOR_H
#define _MICA_LINE_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_EDITOR_SIZE	256	/* buffer bytes, with the terminating NUL */
#define LINE_EDITOR_MAX		(LINE_EDITOR_SIZE - 1)	/* characters in a line */
#define LINE_EDITOR_HISTORY	16	/* lines remembered */

enum line_editor_status {
	LINE_EDITOR_EDITING,	/* keep feeding */
	LINE_EDITOR_DONE,	/* Enter: the line is in le->line */
	LINE_EDITOR_CANCELLED,	/* ^C: the line was abandoned */
	LINE_EDITOR_TOO_LONG,	/* Enter after an overlong line: refused, told so */
};

/* Writes @len bytes of echo/redraw output. */
typedef void (*line_editor_write_t)(void *ctx, const char *buf, size_t len);
/* The @index-th completion candidate (any order), NULL past the last. */
typedef const char *(*line_editor_candidate_t)(void *ctx, unsigned int index);

struct line_editor {
	char line[LINE_EDITOR_SIZE];	/* always NUL-terminated at line[len] */
	unsigned int len;
	unsigned int cursor;		/* 0..len */

	/* private */
	const char *prompt;
	line_editor_write_t write;
	line_editor_candidate_t candidate;
	void *ctx;
	bool overflow;			/* input went past the buffer: refuse the line */
	bool skip_lf;			/* last byte was CR: an LF now is the same Enter */
	unsigned char esc_state;
	unsigned char utf8_left;	/* continuation bytes still to drop */
	bool csi_ignore;		/* private or intermediate bytes: not a key we know */
	bool csi_first_done;		/* first parameter complete */
	unsigned int csi_param;		/* first parameter, saturating */

	char history[LINE_EDITOR_HISTORY][LINE_EDITOR_SIZE];
	unsigned int hist_count;	/* entries in use */
	unsigned int hist_newest;	/* index of the newest entry */
	unsigned int hist_pos;		/* 0: editing a new line, n: n-th newest shown */
	char saved[LINE_EDITOR_SIZE];	/* the new line, kept while browsing history */
};

/* Set up an editor; @candidate may be NULL (no completion). Prints nothing. */
void line_editor_init(struct line_editor *le, const char *prompt,
		      line_editor_write_t write, line_editor_candidate_t candidate,
		      void *ctx);
/* Print the prompt and start an empty line (after any non-EDITING status). */
void line_editor_begin(struct line_editor *le);
/* Feed one input byte (values outside 0..255 are ignored). */
enum line_editor_status line_editor_feed(struct line_editor *le, int c);

#endif
