/*
 * Reading a cpio archive in the "newc" format (what `cpio -H newc`,
 * Linux's gen_init_cpio and tools/mkcpio.py write, and what an initramfs
 * is): each entry is a 110-byte ASCII header ("070701", or "070702" with a
 * checksum of the data), the name with its NUL, padding to 4 bytes, the
 * data, padding to 4 bytes; "TRAILER!!!" ends an archive. Archives may be
 * concatenated, with zero bytes between them, as Linux allows.
 *
 * Plain C over a buffer with no kernel dependencies: tests/host builds it
 * under AddressSanitizer and libFuzzer. Nothing outside [buf, buf + len) is
 * ever read, and a bad archive is reported, never half-trusted.
 */
#ifndef _MICA_CPIO_H
#define _MICA_CPIO_H

#include <linux/types.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_NAME_MAX    4096	/* with the NUL, as Linux's PATH_MAX */

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the archive */
	unsigned int mode;	/* S_IFMT type bits and permissions */
	unsigned int nlink;
	unsigned long ino;
	unsigned long mtime;	/* seconds since 1970 */
	const void *data;	/* size bytes inside the archive */
	size_t size;
	size_t offset;		/* of the entry's header in the buffer */
};

struct cpio_error {
	const char *reason;	/* "truncated header", "bad magic", ... */
	size_t offset;		/* where in the buffer */
	const char *name;	/* the entry concerned, or NULL */
};

/*
 * Call @fn for every entry of the archive(s) at @buf, trailers excluded.
 * Returns the number of entries, or: -EINVAL with *@err filled (the
 * archive is malformed or truncated), or the first negative value @fn
 * returned, which stops the walk. @fn may be NULL to only check the archive.
 */
int cpio_parse(const void *buf, size_t len,
	       int (*fn)(const struct cpio_entry *entry, void *arg), void *arg,
	       struct cpio_error *err);

#endif
