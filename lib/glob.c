/*
 * Wildcard matching for test filters. Iterative with one backtrack point:
 * on a mismatch after a '*', retry with the '*' swallowing one more
 * character. That is enough because a later '*' can absorb anything an
 * earlier one could, so linear backtracking never misses a match.
 */
#include <linux/glob.h>
#include <linux/export.h>

/*
 * The ']' closing the class whose members start at p (just after '['), or
 * NULL when there is none: then the '[' is an ordinary character. A ']'
 * right after "[" or "[!" is a member, not the end.
 */
static const char *class_end(const char *p)
{
	if (*p == '!')
		p++;
	if (*p == ']')
		p++;
	while (*p && *p != ']')
		p++;
	return *p ? p : NULL;
}

/* Does the class with members p..end (end is its ']') accept c? */
static bool class_matches(const char *p, const char *end, unsigned char c)
{
	bool negate = *p == '!', hit = false;

	if (negate)
		p++;
	do {
		unsigned char lo = *p, hi = lo;

		if (p[1] == '-' && p + 2 < end) {
			hi = p[2];
			p += 2;
		}
		if (lo <= c && c <= hi)
			hit = true;
		p++;
	} while (p < end);
	return hit != negate;
}

bool glob_match(const char *pat, const char *str)
{
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		unsigned char c = *str;
		const char *p = pat;

		switch (*p) {
		case '*':
			star_pat = ++pat;	/* try the empty run first */
			star_str = str;
			continue;
		case '?':
			if (c) {
				pat++;
				str++;
				continue;
			}
			break;
		case '[': {
			const char *end = class_end(p + 1);

			if (!end)
				goto literal;
			if (c && class_matches(p + 1, end, c)) {
				pat = end + 1;
				str++;
				continue;
			}
			break;
		}
		case '\0':
			if (!c)
				return true;
			break;
		default:
literal:
			if (c == (unsigned char)*p) {
				pat++;
				str++;
				continue;
			}
			break;
		}
		/* Mismatch: let the last '*' take one more character. */
		if (!star_pat || !*star_str)
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
EXPORT_SYMBOL(glob_match);
