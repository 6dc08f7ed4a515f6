/*
 * Formatted output into a buffer: vsnprintf and friends, with Linux's
 * semantics (which differ from C's in a few corners, kept on purpose):
 *
 *  - conversions %d %i %u %o %x %X %c %s %p %%; length modifiers hh h l ll
 *    z t; flags - + space # 0; width and precision, also as '*'.
 *  - An integer always shows at least one digit ("%.0d" of 0 is "0");
 *    '0' still pads when a precision is given; '#' gives "0x0" for a hex
 *    zero and puts a '0' before any nonzero octal number.
 *  - A negative '*' precision counts as 0 (C would ignore it). Widths clamp
 *    to 8388607 and precisions to 32767, as in Linux.
 *  - %s prints "(null)" for NULL and "(efault)" for pointers into the first
 *    page or the error-pointer range, instead of faulting.
 *  - %n and unknown conversions end the output there: the arguments that
 *    follow cannot be fetched safely.
 *  - %p prints "0x" and the pointer's full hex width (8 digits on ARM).
 *    Mica does not hash pointers as Linux does: there is no user/kernel
 *    boundary to protect. %px prints the hex digits without "0x", as Linux.
 *    %pS gives "name+0xoff/0xsize" ("... [module]" in a module), %ps the
 *    bare name (kallsyms_lookup_module(); "0x..." outside kernel text); %pa and %pad print *(phys_addr_t *) and
 *    *(dma_addr_t *). As in Linux, every letter or digit after %p belongs
 *    to the conversion: unknown ones print a plain %p.
 *  - Return value: the length the whole output has (vsnprintf) or the
 *    bytes stored (vscnprintf), without the NUL. The output is always
 *    NUL-terminated when size > 0; size > INT_MAX writes nothing, returns 0.
 *  - vformat() (Mica) hands the output to a callback in pieces instead:
 *    no length limit and no allocation, for console output of any size.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <limits.h>

#define FIELD_WIDTH_MAX ((1 << 23) - 1)
#define PRECISION_MAX   ((1 << 15) - 1)
#define ERRPTR_MIN      ((unsigned long)-4095)	/* -MAX_ERRNO */
#define FIRST_PAGE_END  4096UL

/* Flags of one conversion. */
#define LEFT    0x01	/* '-' */
#define PLUS    0x02	/* '+' */
#define SPACE   0x04	/* ' ' */
#define SPECIAL 0x08	/* '#' */
#define ZEROPAD 0x10	/* '0' */
#define SIGNED  0x20	/* %d, %i */
#define SMALL   0x40	/* lower-case hex digits */

struct spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
};

/*
 * The output so far: everything is counted, only what fits is stored. With
 * @emit, @buf is a window that is handed to @emit whenever it fills.
 */
struct out {
	char *buf;
	size_t size;
	size_t len;		/* saturates at INT_MAX */
	size_t emitted;		/* of len, already passed to emit */
	void (*emit)(void *ctx, const char *s, size_t n);
	void *ctx;
};

_Static_assert(sizeof(size_t) == sizeof(ptrdiff_t), "%z and %t read each other's types");

static void put_char(struct out *o, char c)
{
	size_t at = o->len - o->emitted;

	if (o->emit && at + 1 >= o->size) {
		o->emit(o->ctx, o->buf, at);
		o->emitted = o->len;
		at = 0;
	}
	if (at + 1 < o->size)	/* keep the last byte for the NUL */
		o->buf[at] = c;
	if (o->len < INT_MAX)
		o->len++;
}

/* @n copies of @c; past the end of a plain buffer they are only counted. */
static void put_repeat(struct out *o, char c, long n)
{
	for (; n > 0 && (o->emit || o->len + 1 < o->size); n--)
		put_char(o, c);
	if (n > 0)
		o->len = (unsigned long)n > INT_MAX - o->len ? INT_MAX : o->len + n;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Decimal digits at *fmt, saturating at @limit (no overflow on "%99999999999d"). */
static int parse_decimal(const char **fmt, int limit)
{
	int v = 0;

	while (is_digit(**fmt)) {
		int d = *(*fmt)++ - '0';
		v = v > (limit - d) / 10 ? limit : v * 10 + d;
	}
	return v;
}

/* Emit @num (its magnitude; @negative says which sign) per Linux's number rules. */
static void put_number(struct out *o, unsigned long long num, bool negative, const struct spec *s)
{
	static const char digits[] = "0123456789ABCDEF";
	char tmp[24];		/* 22 octal digits hold 64 bits */
	char lower = (s->flags & SMALL) ? 0x20 : 0;
	char sign = 0;
	const char *prefix = "";
	int ndigits = 0, precision, pad;
	bool is_zero = num == 0;

	if (negative)
		sign = '-';
	else if ((s->flags & SIGNED) && (s->flags & PLUS))
		sign = '+';
	else if ((s->flags & SIGNED) && (s->flags & SPACE))
		sign = ' ';

	if (s->flags & SPECIAL) {
		if (s->base == 16)
			prefix = lower ? "0x" : "0X";
		else if (s->base == 8 && !is_zero)
			prefix = "0";
	}

	do {
		if (s->base == 10) {
			/* 32-bit division where it is enough: no libgcc call on ARM. */
			if (num <= UINT32_MAX) {
				tmp[ndigits++] = digits[(u32)num % 10];
				num = (u32)num / 10;
			} else {
				tmp[ndigits++] = digits[num % 10];
				num /= 10;
			}
		} else {
			tmp[ndigits++] = digits[num & (s->base - 1)] | lower;
			num >>= s->base == 16 ? 4 : 3;
		}
	} while (num);

	precision = s->precision > ndigits ? s->precision : ndigits;
	pad = s->width - precision - (sign != 0) - (int)__builtin_strlen(prefix);

	if (!(s->flags & (LEFT | ZEROPAD)))
		put_repeat(o, ' ', pad);
	if (sign)
		put_char(o, sign);
	while (*prefix)
		put_char(o, *prefix++);
	if ((s->flags & (LEFT | ZEROPAD)) == ZEROPAD)
		put_repeat(o, '0', pad);
	put_repeat(o, '0', precision - ndigits);
	while (ndigits)
		put_char(o, tmp[--ndigits]);
	if (s->flags & LEFT)
		put_repeat(o, ' ', pad);
}

static bool bad_pointer(const void *p)
{
	unsigned long v = (unsigned long)p;

	return v < FIRST_PAGE_END || v >= ERRPTR_MIN;
}

/* A string with precision (a byte limit) and width (space padding). */
static void put_string(struct out *o, const char *str, const struct spec *s)
{
	long len = 0, limit = s->precision < 0 ? LONG_MAX : s->precision;

	if (!str)
		str = "(null)";
	else if (bad_pointer(str))
		str = "(efault)";
	while (len < limit && str[len])
		len++;
	if (!(s->flags & LEFT))
		put_repeat(o, ' ', (long)s->width - len);
	for (long i = 0; i < len; i++)
		put_char(o, str[i]);
	if (s->flags & LEFT)
		put_repeat(o, ' ', (long)s->width - len);
}

/* "0x" and @digits zero-padded hex digits of @v. */
static void put_hex_fixed(struct out *o, unsigned long long v, int digits)
{
	struct spec hex = { .flags = SPECIAL | ZEROPAD | SMALL, .width = 2 + digits,
			    .precision = -1, .base = 16 };

	put_number(o, v, false, &hex);
}

/* Build "name+0xoff/0xsize [module]" (or the bare name) for %pS/%ps into @o. */
static void put_symbol(struct out *o, unsigned long addr, bool with_offset)
{
	unsigned long size, offset;
	const char *modname;
	const char *name = kallsyms_lookup_module(addr, &size, &offset, &modname);
	struct spec hex = { .flags = SPECIAL | SMALL, .width = -1, .precision = -1, .base = 16 };

	if (!name) {
		put_number(o, addr, false, &hex);
		return;
	}
	while (*name)
		put_char(o, *name++);
	if (!with_offset)
		return;
	put_char(o, '+');
	put_number(o, offset, false, &hex);
	put_char(o, '/');
	put_number(o, size, false, &hex);
	if (!modname)
		return;
	put_char(o, ' ');
	put_char(o, '[');
	while (*modname)
		put_char(o, *modname++);
	put_char(o, ']');
}

/* %p and its extensions; @ext points at the letters after the 'p'. */
static void put_pointer(struct out *o, const void *ptr, const char *ext, const struct spec *s)
{
	char text[KSYM_NAME_LEN + 48];
	struct out t = { .buf = text, .size = sizeof(text), .len = 0 };

	switch (ext[0]) {
	case 'S':
	case 's':
		put_symbol(&t, (unsigned long)ptr, ext[0] == 'S');
		break;
	case 'a':
		if (!ptr || bad_pointer(ptr)) {
			put_string(o, ptr, s);
			return;
		}
		if (ext[1] == 'd')
			put_hex_fixed(o, *(const dma_addr_t *)ptr, 2 * sizeof(dma_addr_t));
		else
			put_hex_fixed(o, *(const phys_addr_t *)ptr, 2 * sizeof(phys_addr_t));
		return;
	case 'x': {
		struct spec raw = *s;

		raw.base = 16;
		raw.flags |= SMALL;
		raw.flags &= ~(SIGNED | SPECIAL);
		if (raw.width < 0) {
			raw.width = 2 * sizeof(void *);
			raw.flags |= ZEROPAD;
		}
		put_number(o, (unsigned long)ptr, false, &raw);
		return;
	}
	default:
		put_hex_fixed(&t, (unsigned long)ptr, 2 * sizeof(void *));
		break;
	}
	text[t.len < sizeof(text) ? t.len : sizeof(text) - 1] = '\0';
	put_string(o, text, s);
}

/* The whole format into @o. */
static void format(struct out *o, const char *fmt, va_list args)
{
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		struct spec s = { .flags = 0, .width = -1, .precision = -1, .base = 10 };
		unsigned long long num;
		bool negative = false;
		char qual = 0;

		if (*fmt != '%') {
			put_char(o, *fmt++);
			continue;
		}
		for (;;) {
			char c = *++fmt;
			unsigned int f = c == '-' ? LEFT : c == '+' ? PLUS : c == ' ' ? SPACE :
					 c == '#' ? SPECIAL : c == '0' ? ZEROPAD : 0;
			if (!f)
				break;
			s.flags |= f;
		}
		if (is_digit(*fmt)) {
			s.width = parse_decimal(&fmt, FIELD_WIDTH_MAX);
		} else if (*fmt == '*') {
			long long w = va_arg(ap, int);	/* long long: -INT_MIN fits */

			fmt++;
			if (w < 0) {
				s.flags |= LEFT;
				w = -w;
			}
			s.width = w > FIELD_WIDTH_MAX ? FIELD_WIDTH_MAX : (int)w;
		}
		if (*fmt == '.') {
			fmt++;
			s.precision = 0;
			if (is_digit(*fmt)) {
				s.precision = parse_decimal(&fmt, PRECISION_MAX);
			} else if (*fmt == '*') {
				int p = va_arg(ap, int);

				fmt++;
				s.precision = p < 0 ? 0 : p > PRECISION_MAX ? PRECISION_MAX : p;
			}
		}
		if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't') {
			qual = *fmt++;
			if (qual == *fmt && (qual == 'h' || qual == 'l')) {
				qual = qual == 'h' ? 'H' : 'L';	/* hh, ll */
				fmt++;
			}
		}

		switch (*fmt++) {
		case '%':
			put_char(o, '%');
			continue;
		case 'c':
			if (!(s.flags & LEFT))
				put_repeat(o, ' ', (long)s.width - 1);
			put_char(o, (char)(unsigned char)va_arg(ap, int));
			if (s.flags & LEFT)
				put_repeat(o, ' ', (long)s.width - 1);
			continue;
		case 's':
			put_string(o, va_arg(ap, const char *), &s);
			continue;
		case 'p':
			put_pointer(o, va_arg(ap, const void *), fmt, &s);
			while (is_alnum(*fmt))
				fmt++;
			continue;
		case 'd':
		case 'i':
			s.flags |= SIGNED;
			break;
		case 'u':
			break;
		case 'o':
			s.base = 8;
			break;
		case 'x':
			s.flags |= SMALL;
			s.base = 16;
			break;
		case 'X':
			s.base = 16;
			break;
		default:	/* %n, unknown, or the format ends after '%' */
			goto out;
		}

		if (s.flags & SIGNED) {
			long long v;

			switch (qual) {
			case 'H': v = (signed char)va_arg(ap, int); break;
			case 'h': v = (short)va_arg(ap, int); break;
			case 'l': v = va_arg(ap, long); break;
			case 'L': v = va_arg(ap, long long); break;
			case 'z':	/* ssize_t: the signed type of size_t's width */
			case 't': v = va_arg(ap, ptrdiff_t); break;
			default:  v = va_arg(ap, int); break;
			}
			negative = v < 0;
			/* Unsigned negation: well defined even for LLONG_MIN. */
			num = negative ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		} else {
			switch (qual) {
			case 'H': num = (unsigned char)va_arg(ap, int); break;
			case 'h': num = (unsigned short)va_arg(ap, int); break;
			case 'l': num = va_arg(ap, unsigned long); break;
			case 'L': num = va_arg(ap, unsigned long long); break;
			case 'z':
			case 't': num = va_arg(ap, size_t); break;
			default:  num = va_arg(ap, unsigned int); break;
			}
		}
		put_number(o, num, negative, &s);
	}
out:
	va_end(ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };

	if (size > INT_MAX)
		return 0;
	format(&o, fmt, args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}
EXPORT_SYMBOL(vsnprintf);

int vformat(void (*emit)(void *ctx, const char *s, size_t n), void *ctx, const char *fmt,
	    va_list args)
{
	char window[128];
	struct out o = { .buf = window, .size = sizeof(window), .emit = emit, .ctx = ctx };

	format(&o, fmt, args);
	if (o.len > o.emitted)
		emit(ctx, window, o.len - o.emitted);
	return (int)o.len;
}



int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (size == 0 || size > INT_MAX)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}
EXPORT_SYMBOL(vscnprintf);

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(snprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(scnprintf);

/* No bound: the caller promises room (Linux passes INT_MAX as well). */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(sprintf);
