/*
 * Number parsing for command-line values (Linux's lib/cmdline.c names):
 * memparse() reads sizes with K/M/G suffixes, get_option() one integer.
 */
#include <linux/kernel.h>
#include <linux/export.h>

static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned int)(c - 'A' + 10);
	return 16;
}

/* Base 10, or 16 after 0x, or 8 after a leading 0; saturates instead of wrapping. */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long result = 0;
	unsigned int d;

	if (base == 0) {
		base = 10;
		if (cp[0] == '0') {
			base = 8;
			if ((cp[1] == 'x' || cp[1] == 'X') && digit_value(cp[2]) < 16) {
				base = 16;
				cp += 2;
			}
		}
	} else if (base == 16 && cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X')) {
		cp += 2;
	}
	while ((d = digit_value(*cp)) < base) {
		if (result > (~0ULL - d) / base)
			result = ~0ULL;
		else
			result = result * base + d;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}
EXPORT_SYMBOL(simple_strtoull);

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long ret = simple_strtoull(ptr, &end, 0);
	unsigned int shift = 0;

	switch (*end) {
	case 'G': case 'g':
		shift = 30;
		break;
	case 'M': case 'm':
		shift = 20;
		break;
	case 'K': case 'k':
		shift = 10;
		break;
	}
	if (shift) {
		ret = ret > (~0ULL >> shift) ? ~0ULL : ret << shift;
		end++;
	}
	if (retptr)
		*retptr = end;
	return ret;
}
EXPORT_SYMBOL(memparse);

int get_option(char **str, int *pint)
{
	char *cur = *str;
	unsigned long long v;
	bool neg;

	if (!cur || !*cur)
		return 0;
	neg = *cur == '-';
	if (neg)
		cur++;
	if (digit_value(*cur) >= 10)
		return 0;
	v = simple_strtoull(cur, str, 0);
	if (v > 0x7fffffffULL)
		v = 0x7fffffffULL;
	*pint = neg ? -(int)v : (int)v;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	return 1;
}
EXPORT_SYMBOL(get_option);
