/*
 * Copies into fresh kmalloc memory (Linux's mm/util.c). Kept out of the
 * allocator's own files so that a KASAN kernel checks the source buffer:
 * those files are not instrumented.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <string.h>

char *kstrdup(const char *s, gfp_t flags)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = kmalloc_track_caller(len, flags);
	if (copy)
		memcpy(copy, s, len);
	return copy;
}
EXPORT_SYMBOL(kstrdup);

void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = kmalloc_track_caller(len, flags);

	if (p && !ZERO_OR_NULL_PTR(p))
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);
