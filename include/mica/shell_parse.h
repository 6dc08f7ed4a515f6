/*
 * The console shell's command-line tokeniser. Pure string handling with no
 * kernel dependencies, so host unit tests build it unchanged.
 */
#ifndef _MICA_SHELL_PARSE_H
#define _MICA_SHELL_PARSE_H

/*
 * Split @line in place into at most SHELL_MAX_ARGS words (argv[argc] is
 * NULL). Words are separated by spaces/tabs; quotes keep spaces in a word:
 * inside "double quotes" a backslash still takes the next character
 * literally, as it does outside quotes; inside 'single quotes' every
 * character is literal. Returns argc, or a negative SHELL_PARSE_* code.
 * Less than a POSIX shell: no variables, globbing or C escapes (\n is n).
 */
#define SHELL_MAX_ARGS 16
enum {
	SHELL_PARSE_TOO_MANY_ARGS = 1,
	SHELL_PARSE_UNTERMINATED_QUOTE,
	SHELL_PARSE_TRAILING_BACKSLASH,
};
int shell_parse_line(char *line, char *argv[SHELL_MAX_ARGS + 1]);
/* The message for a negative shell_parse_line() result. */
const char *shell_parse_strerror(int err);

#endif
