/*
 * String and memory functions (Linux's <linux/string.h>). The C library's
 * <string.h> (newlib: memcpy, strlen, strnlen, strlcpy, strlcat, strsep,
 * memchr, ...) provides the standard ones; these are the kernel's own.
 * kstrdup/kmemdup live with kmalloc (include/linux/slab.h), as in Linux.
 *
 * Where Mica differs from Linux 3.14: strscpy (Linux 4.3) is here too; no
 * kasprintf, no match_string/sysfs_match_string.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <string.h>
#include <linux/types.h>

/*
 * Copy the string @src into @dest of @count bytes, always NUL-terminated
 * (if @count > 0): the length copied, or -E2BIG if @src did not fit (then
 * @dest holds as much as fitted).
 */
long strscpy(char *dest, const char *src, size_t count);
/* @str after its leading white space. */
char *skip_spaces(const char *str);
/* Cut the white space at the end of @s in place; returns @s after its leading white space. */
char *strim(char *s);
/* Does @str start with @prefix? */
static inline bool strstarts(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}
/* Equal, where a trailing newline on either does not count (sysfs input). */
bool sysfs_streq(const char *s1, const char *s2);
/* The first byte in [@start, @start + @bytes) that is not @c, or NULL. */
void *memchr_inv(const void *start, int c, size_t bytes);

#endif
