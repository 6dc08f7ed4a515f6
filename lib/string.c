/* The kernel's own string helpers (include/linux/string.h). */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>

long strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (!count)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return (long)len;
}
EXPORT_SYMBOL(strscpy);

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

char *skip_spaces(const char *str)
{
	while (is_space(*str))
		str++;
	return (char *)str;
}
EXPORT_SYMBOL(skip_spaces);

char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && is_space(s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	return *s1 == '\n' && !s1[1] && !*s2;
}
EXPORT_SYMBOL(sysfs_streq);

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;

	for (; bytes; p++, bytes--)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);
