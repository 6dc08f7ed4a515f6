/*
 * Shell-style wildcard matching (Linux's glob_match): '*' matches any run of
 * characters, '?' any one, "[abc]", "[a-z]" and "[!x]" one of / none of a
 * set. No escapes: a backslash is an ordinary character.
 */
#ifndef _LINUX_GLOB_H
#define _LINUX_GLOB_H

#include <linux/types.h>

bool glob_match(const char *pat, const char *str);

#endif
