/*
 * Host unit tests for lib/vsnprintf.c. The kernel's functions are built
 * with a mica_ prefix (see Makefile.printk) so they can be compared with
 * the host C library's vsnprintf wherever Linux and C agree; where Linux
 * differs from C on purpose, the expected Linux output is written out.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <cmocka.h>

int mica_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int mica_vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int mica_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int mica_scnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int mica_sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname);
int vformat(void (*emit)(void *ctx, const char *s, size_t n), void *ctx, const char *fmt,
	    va_list args);

/* A fake symbol table for %pS/%ps: two kernel functions and one of a module. */
static const struct { const char *name, *module; unsigned long start, size; } fake_syms[] = {
	{ "start_kernel", NULL, 0x1000, 0x80 },
	{ "do_one_initcall", NULL, 0x1080, 0x40 },
	{ "hello_init", "hello", 0x2000, 0x20 },
};

const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname)
{
	for (size_t i = 0; i < sizeof(fake_syms) / sizeof(fake_syms[0]); i++) {
		if (addr >= fake_syms[i].start && addr < fake_syms[i].start + fake_syms[i].size) {
			*size = fake_syms[i].size;
			*offset = addr - fake_syms[i].start;
			*modname = fake_syms[i].module;
			return fake_syms[i].name;
		}
	}
	return NULL;
}

typedef int (*vfmt_fn)(char *buf, size_t size, const char *fmt, va_list args);

static int call(vfmt_fn fn, char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fn(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Format with the kernel's vsnprintf; compare output and return value. */
static void check_at(int line, const char *expect, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	memset(buf, 0x5a, sizeof(buf));
	va_start(ap, fmt);
	n = mica_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n != (int)strlen(expect) || strcmp(buf, expect) != 0)
		fail_msg("line %d: format \"%s\": got \"%s\" (returned %d), expected \"%s\" (%zu)",
			 line, fmt, buf, n, expect, strlen(expect));
}
#define CHECK(expect, fmt, ...) check_at(__LINE__, expect, fmt, ##__VA_ARGS__)

/* ---- integers against the host's vsnprintf ---- */

static const unsigned long long int_values[] = {
	0, 1, 7, 8, 9, 10, 15, 16, 99, 100, 127, 128, 255, 256, 4095,
	32767, 32768, 65535, 65536, 2147483647ULL, 2147483648ULL, 4294967295ULL,
	4294967296ULL, 0x123456789abcdefULL, 9223372036854775807ULL,
	9223372036854775808ULL, 18446744073709551615ULL, (unsigned long long)-2LL,
	(unsigned long long)-42LL, (unsigned long long)-128LL, (unsigned long long)-129LL,
	(unsigned long long)-32768LL, (unsigned long long)-2147483648LL,
};

/* One integer argument, as the C type that @type names, after @nstars ints. */
#define PASS_AS(T) do {								\
	switch (nstars) {							\
	case 0:  return call(fn, buf, size, fmt, (T)v);				\
	case 1:  return call(fn, buf, size, fmt, s1, (T)v);			\
	default: return call(fn, buf, size, fmt, s1, s2, (T)v);			\
	}									\
} while (0)

static int format_int(vfmt_fn fn, char *buf, size_t size, const char *fmt,
		      int nstars, int s1, int s2, const char *mod, bool sig, unsigned long long v)
{
	if (!strcmp(mod, "l")) {
		if (sig) PASS_AS(long); else PASS_AS(unsigned long);
	} else if (!strcmp(mod, "ll")) {
		if (sig) PASS_AS(long long); else PASS_AS(unsigned long long);
	} else if (!strcmp(mod, "z")) {
		if (sig) PASS_AS(ssize_t); else PASS_AS(size_t);
	} else if (!strcmp(mod, "t")) {
		PASS_AS(ptrdiff_t);
	} else {		/* "", "h", "hh": promoted to int */
		if (sig) PASS_AS(int); else PASS_AS(unsigned int);
	}
}

/*
 * Linux differs from C here (kept on purpose, see lib/vsnprintf.c):
 * '0' with a precision, precision 0 of a zero, "%#x" of zero, '#' octal
 * with a precision, and a negative '*' precision.
 */
static bool linux_differs(const char *flags, int prec, bool zero, char conv)
{
	bool alt = strchr(flags, '#') != NULL;

	if (strchr(flags, '0') && prec >= 0)
		return true;
	if (prec == 0 && zero)
		return true;
	if (alt && (conv == 'x' || conv == 'X') && zero)
		return true;
	if (alt && conv == 'o' && prec >= 0)
		return true;
	return prec == -2;	/* a negative '*' precision */
}

static void test_integers_match_host(void **state)
{
	static const char *const mods[] = { "", "hh", "h", "l", "ll", "z", "t" };
	static const char convs[] = "diuxXo";
	static const char flagchars[] = "-+ #0";
	static const char *const widths[] = { "", "1", "6", "25", "*" };
	static const int star_widths[] = { -9, 0, 3, 17 };
	static const char *const precs[] = { "", ".", ".0", ".1", ".5", ".30", ".*" };
	static const int star_precs[] = { -1, 0, 4, 21 };
	unsigned long compared = 0, skipped = 0;

	for (const char *c = convs; *c; c++)
	for (size_t m = 0; m < sizeof(mods) / sizeof(mods[0]); m++)
	for (unsigned int fl = 0; fl < 32; fl++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
		bool wstar = !strcmp(widths[w], "*"), pstar = !strcmp(precs[p], ".*");
		char flags[8] = "", fmt[64], zfmt[16];
		int fi = 0;

		for (int b = 0; b < 5; b++)
			if (fl & (1u << b))
				flags[fi++] = flagchars[b];
		snprintf(fmt, sizeof(fmt), "<%%%s%s%s%s%c>", flags, widths[w], precs[p], mods[m], *c);
		snprintf(zfmt, sizeof(zfmt), "%%%s%c", mods[m], *c);

		for (size_t wi = 0; wi < (wstar ? 4u : 1u); wi++)
		for (size_t pi = 0; pi < (pstar ? 4u : 1u); pi++)
		for (size_t vi = 0; vi < sizeof(int_values) / sizeof(int_values[0]); vi++) {
			unsigned long long v = int_values[vi];
			bool sig = *c == 'd' || *c == 'i';
			int nstars = wstar + pstar;
			int s1 = wstar ? star_widths[wi] : star_precs[pi], s2 = star_precs[pi];
			int prec = pstar ? (star_precs[pi] < 0 ? -2 : star_precs[pi])
				 : precs[p][0] ? atoi(precs[p] + 1) : -1;
			char host[128], mine[128], zero[64];
			int hn, mn;

			format_int(vsnprintf, zero, sizeof(zero), zfmt, 0, 0, 0, mods[m], sig, v);
			if (linux_differs(flags, prec, !strcmp(zero, "0"), *c)) {
				skipped++;
				continue;
			}
			hn = format_int(vsnprintf, host, sizeof(host), fmt, nstars, s1, s2, mods[m], sig, v);
			mn = format_int(mica_vsnprintf, mine, sizeof(mine), fmt, nstars, s1, s2, mods[m], sig, v);
			if (hn != mn || strcmp(host, mine))
				fail_msg("\"%s\" (stars %d %d) of %#llx: kernel \"%s\" (%d), host \"%s\" (%d)",
					 fmt, s1, s2, v, mine, mn, host, hn);
			compared++;
		}
	}
	print_message("compared %lu integer conversions with the host, %lu Linux-specific skipped\n",
		      compared, skipped);
	assert_true(compared > 500000);
}

/* ---- where Linux and C differ ---- */

static void test_integers_linux_rules(void **state)
{
	/* At least one digit, always. */
	CHECK("0", "%.0d", 0);
	CHECK("0", "%.0x", 0u);
	CHECK("    0", "%5.0u", 0u);
	CHECK("0", "%.d", 0);
	/* '#': "0x" even for zero; octal '0' only for nonzero, always added. */
	CHECK("0x0", "%#x", 0u);
	CHECK("0X0", "%#X", 0u);
	CHECK("0x1f", "%#x", 31u);
	CHECK("0", "%#o", 0u);
	CHECK("010", "%#o", 8u);
	CHECK("0010", "%#.3o", 8u);
	CHECK("0x000000", "%#08x", 0u);
	CHECK("0x00001f", "%#08x", 31u);
	CHECK("  0x1f", "%#6x", 31u);
	CHECK("0x1f  ", "%#-6x", 31u);
	/* '0' keeps padding with a precision. */
	CHECK("00000005", "%08.3d", 5);
	CHECK("-0000005", "%08.3d", -5);
	CHECK("005     ", "%-08.3d", 5);
	CHECK("0000001f", "%08.3x", 31u);
	/* A negative '*' precision is 0. */
	CHECK("5", "%.*d", -1, 5);
	CHECK("", "%.*s", -1, "abc");
	/* '+' and ' ' only for signed conversions; '+' wins over ' '. */
	CHECK("+5 5 5", "%+d %+u %+x", 5, 5u, 5u);
	CHECK(" 5", "% d", 5);
	CHECK("+5", "%+ d", 5);
	CHECK("-5", "%+d", -5);
	CHECK("+0", "%+d", 0);
}

static void test_integer_limits(void **state)
{
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("2147483647", "%i", INT_MAX);
	CHECK("4294967295", "%u", UINT_MAX);
	CHECK("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK("9223372036854775807", "%lld", LLONG_MAX);
	CHECK("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK("ffffffffffffffff", "%llx", ULLONG_MAX);
	CHECK("FFFFFFFFFFFFFFFF", "%llX", ULLONG_MAX);
	CHECK("1777777777777777777777", "%llo", ULLONG_MAX);
	CHECK("01777777777777777777777", "%#llo", ULLONG_MAX);
	CHECK("1000000000000000000000", "%llo", LLONG_MIN);
	CHECK("-128 127 255", "%hhd %hhd %hhu", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
	CHECK("-32768 32767 65535", "%hd %hd %hu", SHRT_MIN, SHRT_MAX, USHRT_MAX);
	/* hh and h cut the promoted int down, as C does. */
	CHECK("44 -1 255 4464", "%hhd %hhd %hhu %hd", 300, 255, -1, 70000);
	CHECK("ff ffff", "%hhx %hx", -1, -1);
	char lmin[32], lmax[32];
	snprintf(lmin, sizeof(lmin), "%ld", LONG_MIN);
	snprintf(lmax, sizeof(lmax), "%lu", ULONG_MAX);
	CHECK(lmin, "%ld", LONG_MIN);
	CHECK(lmax, "%lu", ULONG_MAX);
	CHECK("-1 18446744073709551615", "%zd %llu", (ssize_t)-1, 18446744073709551615ULL);
	CHECK("-7 -7", "%td %zd", (ptrdiff_t)-7, (ssize_t)-7);
	/* Sign and padding around the most negative numbers. */
	CHECK("-0000000002147483648", "%020d", INT_MIN);
	CHECK("      -2147483648", "%17d", INT_MIN);
	CHECK("-9223372036854775808   ", "%-23lld", LLONG_MIN);
}

/* ---- characters, strings, percent ---- */

static void test_chars(void **state)
{
	char buf[16];
	char host[64], mine[64];
	static const char *const fmts[] = { "%c", "%3c", "%-3c", "%1c", "%03c", "[%c%c]" };

	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (int ch = 1; ch < 256; ch++) {
			int hn = call(vsnprintf, host, sizeof(host), fmts[f], ch, 'z');
			int mn = call(mica_vsnprintf, mine, sizeof(mine), fmts[f], ch, 'z');

			if (f == 4)	/* '0' on %c is undefined in C; Linux pads with spaces */
				snprintf(host, sizeof(host), "  %c", ch);
			if (hn != mn || strcmp(host, mine))
				fail_msg("\"%s\" of %d: kernel \"%s\" (%d), host \"%s\" (%d)",
					 fmts[f], ch, mine, mn, host, hn);
		}
	/* A NUL character is stored and counted. */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(mica_snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	assert_memory_equal(buf, "a\0b\0", 4);
}

static void test_strings_match_host(void **state)
{
	static const char *const strs[] = { "", "a", "hello", "hello, world", "0123456789abcdef" };
	static const char *const widths[] = { "", "0", "1", "5", "12", "40" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".5", ".11", ".100" };
	static const char *const flags[] = { "", "-" };
	unsigned long compared = 0;

	for (size_t s = 0; s < sizeof(strs) / sizeof(strs[0]); s++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
	for (size_t f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
		char fmt[32], host[128], mine[128];
		int hn, mn;

		snprintf(fmt, sizeof(fmt), "[%%%s%s%ss]", flags[f], widths[w], precs[p]);
		hn = call(vsnprintf, host, sizeof(host), fmt, strs[s]);
		mn = call(mica_vsnprintf, mine, sizeof(mine), fmt, strs[s]);
		if (hn != mn || strcmp(host, mine))
			fail_msg("\"%s\" of \"%s\": kernel \"%s\" (%d), host \"%s\" (%d)",
				 fmt, strs[s], mine, mn, host, hn);
		compared++;
	}
	assert_int_equal(compared, 5 * 6 * 7 * 2);
}

static void test_strings_linux_rules(void **state)
{
	const char *null = NULL;
	/* Not NUL-terminated: the precision must stop the read (ASan checks). */
	char *raw = malloc(3);

	memcpy(raw, "abc", 3);
	CHECK("abc", "%.3s", raw);
	CHECK("  ab", "%4.2s", raw);
	free(raw);

	CHECK("(null)", "%s", null);
	CHECK("(nu", "%.3s", null);
	CHECK("    (null)", "%10s", null);
	CHECK("(null)    |", "%-10s|", null);
	CHECK("(efault)", "%s", (const char *)16);
	CHECK("(efault)", "%s", (const char *)4095);
	CHECK("(efault)", "%s", (const char *)(uintptr_t)-1);
	CHECK("(efault)", "%s", (const char *)(uintptr_t)-4095);
	CHECK("(ef", "%.3s", (const char *)8);
	/* '0' does not pad strings with zeros. */
	CHECK("   ab", "%05s", "ab");
}

static void test_percent_and_invalid(void **state)
{
	/* Non-literal formats: the compiler would reject the invalid ones. */
	const char *stop_unknown = "ab%kcd%d", *stop_n = "x%ny", *stop_end = "abc%";
	const char *stop_flags = "ab%-08.3";
	char buf[32];
	int dummy = 0;

	CHECK("%", "%%");
	CHECK("100%", "100%%");
	CHECK("%d", "%%d");
	CHECK("a%b%", "a%%b%%");
	CHECK("", "");
	CHECK("plain text", "plain text");

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(call(mica_vsnprintf, buf, sizeof(buf), stop_unknown, 5), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(call(mica_vsnprintf, buf, sizeof(buf), stop_n, &dummy), 1);
	assert_string_equal(buf, "x");
	assert_int_equal(dummy, 0);
	assert_int_equal(call(mica_vsnprintf, buf, sizeof(buf), stop_end), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(call(mica_vsnprintf, buf, sizeof(buf), stop_flags), 2);
	assert_string_equal(buf, "ab");
}

static void test_star_and_huge_widths(void **state)
{
	static char big[40000];
	char many[272 * 3 + 1];
	const char *wide = "%99999999999d|", *precise = "%.99999999999d|";
	char buf[16];
	int n;

	CHECK("   42", "%*d", 5, 42);
	CHECK("42   |", "%*d|", -5, 42);
	CHECK("42   |", "%-*d|", -5, 42);
	CHECK("  abc", "%*s", 5, "abc");
	CHECK("ab   |", "%-*.*s|", 5, 2, "abcdef");
	CHECK("00042", "%.*d", 5, 42);

	/* Widths clamp to 8388607, precisions to 32767; no overflow anywhere. */
	n = mica_snprintf(buf, sizeof(buf), "%*d", INT_MAX, 1);
	assert_int_equal(n, 8388607);
	assert_string_equal(buf, "               ");
	n = call(mica_vsnprintf, buf, sizeof(buf), "%*d|", INT_MIN, 1);
	assert_int_equal(n, 8388607 + 1);
	assert_string_equal(buf, "1              ");
	n = call(mica_vsnprintf, buf, sizeof(buf), wide, 7);
	assert_int_equal(n, 8388607 + 1);
	n = mica_snprintf(big, sizeof(big), "%.*d", INT_MAX, 7);
	assert_int_equal(n, 32767);
	assert_int_equal(strspn(big, "0"), 32766);
	assert_string_equal(big + 32766, "7");
	n = call(mica_vsnprintf, big, sizeof(big), precise, -7);
	assert_int_equal(n, 32768 + 1);
	assert_int_equal(big[0], '-');
	n = mica_snprintf(buf, sizeof(buf), "%.*s", INT_MAX, "abc");
	assert_int_equal(n, 3);
	/* 272 fields of 8388607 > INT_MAX: the count saturates instead of wrapping. */
	for (int i = 0; i < 272; i++)
		strcpy(many + 3 * i, "%*d");
#define W16 INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, \
	    INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0, INT_MAX, 0
	n = call(mica_vsnprintf, NULL, 0, many, W16, W16, W16, W16, W16, W16, W16, W16, W16,
		 W16, W16, W16, W16, W16, W16, W16, W16);
#undef W16
	assert_int_equal(n, INT_MAX);	/* 256 * 8388607 > INT_MAX */
}

/* ---- pointers ---- */

static void test_pointers(void **state)
{
	const int digits = 2 * sizeof(void *);
	void *p = (void *)(uintptr_t)0x1234abcd;
	unsigned long phys = 0x60008000UL, dma = 0x7fUL;
	char expect[64];

	snprintf(expect, sizeof(expect), "0x%0*lx", digits, 0x1234abcdUL);
	CHECK(expect, "%p", p);
	snprintf(expect, sizeof(expect), "0x%0*lx", digits, 0UL);
	CHECK(expect, "%p", NULL);
	snprintf(expect, sizeof(expect), "[%*s0x%0*lx]", 6, "", digits, 0x1234abcdUL);
	CHECK(expect, "[%*p]", digits + 8, p);
	snprintf(expect, sizeof(expect), "[0x%0*lx%*s]", digits, 0x1234abcdUL, 6, "");
	CHECK(expect, "[%-*p]", digits + 8, p);
	/* %px: the raw hex digits, as Linux. */
	snprintf(expect, sizeof(expect), "%0*lx", digits, 0x1234abcdUL);
	CHECK(expect, "%px", p);
	CHECK("  1234abcd", "%10px", p);
	/* Unknown extensions print a plain %p; the letters are eaten, not printed. */
	snprintf(expect, sizeof(expect), "0x%0*lx:", digits, 0x1234abcdUL);
	CHECK(expect, "%pK:", p);
	snprintf(expect, sizeof(expect), "0x%0*lx bar", digits, 0x1234abcdUL);
	CHECK(expect, "%pfoo bar", p);

	/* %pS / %ps through kallsyms_lookup. */
	CHECK("start_kernel+0x0/0x80", "%pS", (void *)0x1000);
	CHECK("start_kernel+0x7f/0x80", "%pS", (void *)0x107f);
	CHECK("do_one_initcall+0x10/0x40", "%pS", (void *)0x1090);
	CHECK("do_one_initcall+0x10/0x40|", "%pSR|", (void *)0x1090);
	CHECK("hello_init+0x1c/0x20 [hello]", "%pS", (void *)0x201c);
	CHECK("hello_init", "%ps", (void *)0x201c);
	CHECK("do_one_initcall", "%ps", (void *)0x1090);
	CHECK("[do_one_initcall     ]", "[%-20ps]", (void *)0x1090);
	CHECK("[     do_one_initcall]", "[%20ps]", (void *)0x1090);
	CHECK("do_one", "%.6ps", (void *)0x1090);
	CHECK("0x10c0", "%pS", (void *)0x10c0);	/* no symbol: the address */
	CHECK("0x10c0", "%ps", (void *)0x10c0);

	/* %pa / %pad: the value behind the pointer, fixed width. */
	snprintf(expect, sizeof(expect), "0x%0*lx", (int)(2 * sizeof(phys)), phys);
	CHECK(expect, "%pa", &phys);
	CHECK(expect, "%pap", &phys);
	snprintf(expect, sizeof(expect), "0x%0*lx", (int)(2 * sizeof(dma)), dma);
	CHECK(expect, "%pad", &dma);
	CHECK("(null)", "%pa", NULL);
	CHECK("(efault)", "%pa", (void *)8);
}

/* ---- truncation and return values ---- */

static void check_truncation(const char *fmt, ...)
{
	char full[256], buf[300];
	va_list ap, ap2;
	int len;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	len = mica_vsnprintf(full, sizeof(full), fmt, ap);
	assert_true(len >= 0 && len < (int)sizeof(full));
	assert_int_equal(strlen(full), len);

	for (size_t size = 0; size <= (size_t)len + 3; size++) {
		size_t kept = size == 0 ? 0 : (size - 1 < (size_t)len ? size - 1 : (size_t)len);
		va_list a;
		int n;

		memset(buf, 0xa5, sizeof(buf));
		va_copy(a, ap2);
		n = mica_vsnprintf(size ? buf : NULL, size, fmt, a);
		va_end(a);
		if (n != len)
			fail_msg("\"%s\" size %zu: returned %d, want %d", fmt, size, n, len);
		if (size == 0)
			continue;
		if (memcmp(buf, full, kept) || buf[kept] != '\0')
			fail_msg("\"%s\" size %zu: stored \"%.*s\"", fmt, size, (int)size, buf);
		for (size_t i = size; i < sizeof(buf); i++)
			if ((unsigned char)buf[i] != 0xa5)
				fail_msg("\"%s\" size %zu: wrote byte %zu", fmt, size, i);

		memset(buf, 0xa5, sizeof(buf));
		va_copy(a, ap2);
		n = mica_vscnprintf(buf, size, fmt, a);
		va_end(a);
		if (n != (int)kept)
			fail_msg("vscnprintf \"%s\" size %zu: returned %d, want %zu", fmt, size, n, kept);
		if (memcmp(buf, full, kept) || buf[kept] != '\0')
			fail_msg("vscnprintf \"%s\" size %zu: stored \"%.*s\"", fmt, size, (int)size, buf);
	}
	va_end(ap2);
	va_end(ap);
}

static void test_truncation(void **state)
{
	check_truncation("hello");
	check_truncation("");
	check_truncation("%d", INT_MIN);
	check_truncation("%-12s|%08x|%+5d", "left", 0xbeefu, 42);
	check_truncation("%#llo %llX %c", 01234567ULL, 0xfeedfacecafeULL, 'q');
	check_truncation("%10s%-10s|", "right", "left");
	check_truncation("%s", (const char *)NULL);
	check_truncation("%pS and %ps", (void *)0x1004, (void *)0x1084);
	check_truncation("%p", (void *)0xdead);
	check_truncation("a%%b%%c");
}

static void test_return_values(void **state)
{
	char buf[64];

	assert_int_equal(mica_snprintf(NULL, 0, "%d-%s", 12345, "abc"), 9);
	assert_int_equal(mica_scnprintf(NULL, 0, "%d-%s", 12345, "abc"), 0);
	assert_int_equal(mica_scnprintf(buf, 5, "%d-%s", 12345, "abc"), 4);
	assert_string_equal(buf, "1234");
	assert_int_equal(mica_scnprintf(buf, sizeof(buf), "%d-%s", 12345, "abc"), 9);
	assert_int_equal(mica_sprintf(buf, "%s=%u", "x", 17u), 4);
	assert_string_equal(buf, "x=17");
	/* Sizes above INT_MAX are refused: nothing written, 0 returned. */
	memset(buf, 'q', sizeof(buf));
	assert_int_equal(mica_snprintf(buf, (size_t)INT_MAX + 1, "abc"), 0);
	assert_int_equal(mica_scnprintf(buf, SIZE_MAX, "abc"), 0);
	assert_int_equal(buf[0], 'q');
	/* Exactly INT_MAX is allowed (sprintf uses it). */
	assert_int_equal(mica_snprintf(buf, INT_MAX, "abc"), 3);
	assert_string_equal(buf, "abc");
}

static void test_mixed_against_host(void **state)
{
	char host[256], mine[256];
	const char *fmt = "%s:%d:%5.2s|%-6x|%08.3f?";
	int hn, mn;

	/* Everything but the float (not supported: stops the output, like any unknown). */
	hn = snprintf(host, sizeof(host), "%s:%d:%5.2s|%-6x|", "file.c", -12, "abcdef", 0xabcu);
	mn = call(mica_vsnprintf, mine, sizeof(mine), fmt, "file.c", -12, "abcdef", 0xabcu, 1.5);
	assert_int_equal(hn, mn);
	assert_string_equal(host, mine);

	hn = snprintf(host, sizeof(host), "[%lu] %hhx%hx %zu %td %llo%c%5c%-3c|%%",
		      123456789UL, (unsigned char)0xab, (unsigned short)0xcdef, (size_t)77,
		      (ptrdiff_t)-3, 0777ULL, 'a', 'b', 'c');
	mn = mica_snprintf(mine, sizeof(mine), "[%lu] %hhx%hx %zu %td %llo%c%5c%-3c|%%",
			   123456789UL, (unsigned char)0xab, (unsigned short)0xcdef, (size_t)77,
			   (ptrdiff_t)-3, 0777ULL, 'a', 'b', 'c');
	assert_int_equal(hn, mn);
	assert_string_equal(host, mine);
}

/* vformat: the same text as vsnprintf, of any length, handed over in pieces. */
struct pieces {
	char text[20000];
	size_t len;
	unsigned int calls;
	size_t largest;
};

static void collect(void *ctx, const char *s, size_t n)
{
	struct pieces *p = ctx;

	assert_true(n > 0);
	assert_true(p->len + n < sizeof(p->text));
	memcpy(p->text + p->len, s, n);
	p->len += n;
	p->text[p->len] = '\0';
	p->calls++;
	if (n > p->largest)
		p->largest = n;
}

static int vformat_call(struct pieces *p, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(collect, p, fmt, ap);
	va_end(ap);
	return n;
}

static void test_vformat_in_pieces(void **state)
{
	static struct pieces p;
	static char want[20000];
	char word[5000];

	memset(word, 'w', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	p.len = 0;
	assert_int_equal(vformat_call(&p, "%s|%-3000d|%08x|%s", word, -42, 0xbeef, "end"),
			 (int)strlen(word) + 3000 + 8 + 3 + 3);
	snprintf(want, sizeof(want), "%s|%-3000d|%08x|%s", word, -42, 0xbeef, "end");
	assert_string_equal(p.text, want);
	assert_true(p.calls > 1);
	assert_true(p.largest < 128);
	p.len = p.calls = 0;
	assert_int_equal(vformat_call(&p, "%s", ""), 0);
	assert_int_equal(p.calls, 0);
	assert_int_equal(vformat_call(&p, "short %d", 7), 7);
	assert_string_equal(p.text, "short 7");
	assert_int_equal(p.calls, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers_match_host),
		cmocka_unit_test(test_integers_linux_rules),
		cmocka_unit_test(test_integer_limits),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_strings_match_host),
		cmocka_unit_test(test_strings_linux_rules),
		cmocka_unit_test(test_percent_and_invalid),
		cmocka_unit_test(test_star_and_huge_widths),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_return_values),
		cmocka_unit_test(test_mixed_against_host),
		cmocka_unit_test(test_vformat_in_pieces),
	};

	return cmocka_run_group_tests_name("vsnprintf", tests, NULL, NULL);
}
