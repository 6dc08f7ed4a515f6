/*
 * The C library's memory and string functions, checked. A KASAN kernel is
 * linked with --wrap for each of them (Makefile: KASAN_WRAPPED): every call
 * lands here, the bytes it will touch are checked, and only then does the
 * C library's own (uninstrumented) version run, as __real_*. A copy or fill
 * that would overrun is reported and not done, as in Linux.
 *
 * Files that are not instrumented call the __real_* versions directly
 * (include/mica/kasan_string.h).
 */
#include <linux/kernel.h>
#include <mica/kasan_string.h>
#include "kasan.h"

#define WRAPPER(ret, name, ...) \
	ret __wrap_##name(__VA_ARGS__); \
	ret __wrap_##name(__VA_ARGS__)

#define READ_OK(p, n)	kasan_check_range((unsigned long)(p), (n), false, _RET_IP_)
#define WRITE_OK(p, n)	kasan_check_range((unsigned long)(p), (n), true, _RET_IP_)

WRAPPER(void *, memcpy, void *dst, const void *src, size_t n)
{
	if (!READ_OK(src, n) || !WRITE_OK(dst, n))
		return dst;
	return __real_memcpy(dst, src, n);
}

WRAPPER(void *, memmove, void *dst, const void *src, size_t n)
{
	if (!READ_OK(src, n) || !WRITE_OK(dst, n))
		return dst;
	return __real_memmove(dst, src, n);
}

WRAPPER(void *, memset, void *s, int c, size_t n)
{
	if (!WRITE_OK(s, n))
		return s;
	return __real_memset(s, c, n);
}

WRAPPER(int, memcmp, const void *a, const void *b, size_t n)
{
	READ_OK(a, n);
	READ_OK(b, n);
	return __real_memcmp(a, b, n);
}

/* The bytes read: up to the match, else all @n. */
WRAPPER(void *, memchr, const void *s, int c, size_t n)
{
	void *hit = __real_memchr(s, c, n);

	READ_OK(s, hit ? (size_t)((char *)hit - (char *)s) + 1 : n);
	return hit;
}

WRAPPER(size_t, strlen, const char *s)
{
	size_t len = __real_strlen(s);

	READ_OK(s, len + 1);
	return len;
}

WRAPPER(size_t, strnlen, const char *s, size_t max)
{
	size_t len = __real_strnlen(s, max);

	READ_OK(s, len < max ? len + 1 : max);
	return len;
}

WRAPPER(char *, strcpy, char *dst, const char *src)
{
	size_t n = __real_strlen(src) + 1;

	if (!READ_OK(src, n) || !WRITE_OK(dst, n))
		return dst;
	return __real_memcpy(dst, src, n);
}

/* Reads the source up to its NUL or @n bytes; writes all @n (padding with NULs). */
WRAPPER(char *, strncpy, char *dst, const char *src, size_t n)
{
	size_t len = __real_strnlen(src, n);

	if (!READ_OK(src, len < n ? len + 1 : n) || !WRITE_OK(dst, n))
		return dst;
	return __real_strncpy(dst, src, n);
}

/* How many bytes of each string a comparison of at most @n reads. */
static size_t compared_bytes(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] == b[i] && a[i])
		i++;
	return i < n ? i + 1 : n;
}

WRAPPER(int, strcmp, const char *a, const char *b)
{
	size_t n = compared_bytes(a, b, (size_t)-1);

	READ_OK(a, n);
	READ_OK(b, n);
	return __real_strcmp(a, b);
}

WRAPPER(int, strncmp, const char *a, const char *b, size_t max)
{
	size_t n = compared_bytes(a, b, max);

	READ_OK(a, n);
	READ_OK(b, n);
	return __real_strncmp(a, b, max);
}

/* The string is read up to the match or its NUL. */
WRAPPER(char *, strchr, const char *s, int c)
{
	char *hit = __real_strchr(s, c);

	READ_OK(s, hit ? (size_t)(hit - s) + 1 : __real_strlen(s) + 1);
	return hit;
}

/* Checked whole: a search reads at most both strings. */
WRAPPER(char *, strstr, const char *haystack, const char *needle)
{
	READ_OK(haystack, __real_strlen(haystack) + 1);
	READ_OK(needle, __real_strlen(needle) + 1);
	return __real_strstr(haystack, needle);
}

WRAPPER(size_t, strcspn, const char *s, const char *reject)
{
	READ_OK(s, __real_strlen(s) + 1);
	READ_OK(reject, __real_strlen(reject) + 1);
	return __real_strcspn(s, reject);
}
