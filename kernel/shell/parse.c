/*
 * Command-line tokeniser for the console shell (see include/mica/shell.h).
 * Pure string handling, so the host unit tests run it unchanged.
 */
#include <mica/shell_parse.h>
#include <stdbool.h>
#include <stddef.h>

#define STR(x)		#x
#define XSTR(x)		STR(x)

static bool is_separator(char c)
{
	return c == ' ' || c == '\t';
}

int shell_parse_line(char *line, char *argv[SHELL_MAX_ARGS + 1])
{
	char *src = line, *dst = line;	/* words are compacted in place: dst <= src */
	int argc = 0;

	for (;;) {
		char quote = 0;		/* the open quote character, if any */
		bool more;

		while (is_separator(*src))
			src++;
		if (!*src)
			break;
		if (argc == SHELL_MAX_ARGS)
			return -SHELL_PARSE_TOO_MANY_ARGS;
		argv[argc++] = dst;
		for (; *src; src++) {
			if (quote == '\'') {
				if (*src == '\'')
					quote = 0;
				else
					*dst++ = *src;
			} else if (*src == '\\') {
				if (!src[1])
					return -SHELL_PARSE_TRAILING_BACKSLASH;
				*dst++ = *++src;
			} else if (*src == quote) {
				quote = 0;	/* closing double quote */
			} else if (!quote && (*src == '"' || *src == '\'')) {
				quote = *src;
			} else if (!quote && is_separator(*src)) {
				break;
			} else {
				*dst++ = *src;
			}
		}
		if (quote)
			return -SHELL_PARSE_UNTERMINATED_QUOTE;
		more = *src != '\0';	/* read before the terminator may overwrite it */
		*dst++ = '\0';
		if (!more)
			break;
		src++;
	}
	argv[argc] = NULL;
	return argc;
}

const char *shell_parse_strerror(int err)
{
	switch (-err) {
	case SHELL_PARSE_TOO_MANY_ARGS:
		return "too many arguments (max " XSTR(SHELL_MAX_ARGS) ")";
	case SHELL_PARSE_UNTERMINATED_QUOTE:
		return "unterminated quote";
	case SHELL_PARSE_TRAILING_BACKSLASH:
		return "backslash at the end of the line";
	}
	return "invalid command line";
}
