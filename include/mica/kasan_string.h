/*
 * Force-included (-include) into the files of a KASAN kernel that are not
 * instrumented (Makefile: KASAN_SANITIZE_N). Their calls of the C
 * library's memory and string functions go to the unchecked versions, as
 * Linux maps memcpy to __memcpy there: these files touch poisoned memory on
 * purpose (the allocators' free objects, the runtime, stack walkers).
 * Instrumented files call the checked ones (mm/kasan_string.c).
 */
#ifndef _MICA_KASAN_STRING_H
#define _MICA_KASAN_STRING_H

#include <string.h>

void *__real_memcpy(void *dst, const void *src, size_t n);
void *__real_memmove(void *dst, const void *src, size_t n);
void *__real_memset(void *s, int c, size_t n);
int __real_memcmp(const void *a, const void *b, size_t n);
void *__real_memchr(const void *s, int c, size_t n);
size_t __real_strlen(const char *s);
size_t __real_strnlen(const char *s, size_t max);
char *__real_strcpy(char *dst, const char *src);
char *__real_strncpy(char *dst, const char *src, size_t n);
int __real_strcmp(const char *a, const char *b);
int __real_strncmp(const char *a, const char *b, size_t n);
char *__real_strchr(const char *s, int c);
char *__real_strstr(const char *haystack, const char *needle);
size_t __real_strcspn(const char *s, const char *reject);

#define memcpy(d, s, n)		__real_memcpy(d, s, n)
#define memmove(d, s, n)	__real_memmove(d, s, n)
#define memset(s, c, n)		__real_memset(s, c, n)
#define memcmp(a, b, n)		__real_memcmp(a, b, n)
#define memchr(s, c, n)		__real_memchr(s, c, n)
#define strlen(s)		__real_strlen(s)
#define strnlen(s, n)		__real_strnlen(s, n)
#define strcpy(d, s)		__real_strcpy(d, s)
#define strncpy(d, s, n)	__real_strncpy(d, s, n)
#define strcmp(a, b)		__real_strcmp(a, b)
#define strncmp(a, b, n)	__real_strncmp(a, b, n)
#define strchr(s, c)		__real_strchr(s, c)
#define strstr(h, n)		__real_strstr(h, n)
#define strcspn(s, r)		__real_strcspn(s, r)

#endif
