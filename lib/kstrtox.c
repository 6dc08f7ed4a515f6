/*
 * String to integer, with Linux's kstrto* rules: the whole string must be
 * the number (one trailing newline allowed); no leading spaces; an optional
 * '+' (and '-' for the signed forms); base 0 reads "0x"/"0X" as hex and a
 * leading "0" as octal, base 16 accepts an optional "0x". Errors: -EINVAL
 * for anything that is not a number, -ERANGE when it does not fit. The
 * result is stored only on success. Mica rejects bases 1 and above 16
 * with -EINVAL (Linux leaves them undefined).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <limits.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;			/* ASCII lower case */
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;			/* not a digit in any base we take */
}

/* Digits of an unsigned number in @base at @s, nothing else after them. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	bool overflow = false;
	const char *start;

	if (base == 1 || base > 16)
		return -EINVAL;
	if (base == 0) {
		if (s[0] == '0' && (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16)
			base = 16;
		else if (s[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;

	for (start = s; digit_value(*s) < (int)base; s++) {
		unsigned int d = digit_value(*s);

		if (v > (ULLONG_MAX - d) / base)
			overflow = true;	/* read on: Linux reports -ERANGE even before junk */
		else
			v = v * base + d;
	}
	if (s == start)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err;

	if (s[0] == '+')
		s++;
	err = parse_ull(s, base, &v);
	if (err)
		return err;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}
EXPORT_SYMBOL(kstrtoul);

int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long long v;
	int err;

	if (s[0] == '-') {
		err = parse_ull(s + 1, base, &v);
		if (err)
			return err;
		/* LONG_MIN's magnitude is LONG_MAX + 1. */
		if (v > (unsigned long long)LONG_MAX + 1)
			return -ERANGE;
		*res = v == 0 ? 0 : -(long)(v - 1) - 1;
		return 0;
	}
	if (s[0] == '+')
		s++;
	err = parse_ull(s, base, &v);
	if (err)
		return err;
	if (v > LONG_MAX)
		return -ERANGE;
	*res = (long)v;
	return 0;
}
EXPORT_SYMBOL(kstrtol);

/*
 * Linux 6.1's kstrtobool: y/Y, t/T, e/E, 1 and "on" are true; n/N, f/F,
 * d/D, 0 and "off" false ("yes", "true", "enable"...); only the first one
 * or two characters count.
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case 'e': case 'E': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case 'd': case 'D': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);
