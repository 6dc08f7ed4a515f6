/*
 * The in-memory file list: files that reached the machine without a disk —
 * unpacked from the initramfs at boot (kernel/ramfs/initramfs.c) or received
 * over the console by `loady` (kernel/ramfs/loady.c). `ls` lists them, `rm`
 * removes them; insmod (kernel_read_file_from_path) looks names up here first.
 *
 * A flat list, not a file system: a name may contain '/' ("lib/hello.ko")
 * but there are no directories to create or walk. A leading "/" or "./" is
 * not part of a name, so "/hello.ko", "./hello.ko" and "hello.ko" are one
 * file. Files are immutable once added; adding a name that exists replaces
 * the file, and whoever still holds the old one keeps it until ramfs_put().
 * All functions may sleep (process context).
 */
#ifndef _MICA_RAMFS_H
#define _MICA_RAMFS_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>

#define RAMFS_NAME_MAX 255	/* bytes of a name, without the NUL */

struct ramfs_file {
	const char *name;
	const void *data;	/* size bytes (NULL when empty); never written */
	size_t size;
	umode_t mode;		/* permission bits, as the archive or sender gave them */
	const char *source;	/* where it came from: "initramfs", "ymodem", ... */
	/* private to kernel/ramfs/ramfs.c */
	struct list_head list;	/* the list, in name order */
	atomic_t refs;		/* the list's own, plus one per holder */
};

/*
 * The file called @name with a reference the caller drops with ramfs_put(),
 * or NULL if there is none (or the name is not valid).
 */
const struct ramfs_file *ramfs_lookup(const char *name);
void ramfs_put(const struct ramfs_file *file);

/*
 * Add a copy of @size bytes at @data as @name (permission bits @mode, 0 for
 * 0644; @source a string that outlives the file). Replaces a file of the
 * same name. 0, or -EINVAL (empty name, control characters, ends in '/'),
 * -ENAMETOOLONG or -ENOMEM; on error the list is unchanged.
 */
int ramfs_add(const char *name, const void *data, size_t size, umode_t mode,
	      const char *source);
/*
 * As ramfs_add(), but the file takes over @buf, which must come from
 * vmalloc() (or be NULL when @size is 0), instead of a copy. On error @buf
 * is freed.
 */
int ramfs_add_vmalloc(const char *name, void *buf, size_t size, umode_t mode,
		      const char *source);
/* Remove @name from the list: 0 or -ENOENT. Holders keep their reference. */
int ramfs_remove(const char *name);
/* Remove every file whose name matches the shell-style @glob (linux/glob.h); how many. */
unsigned int ramfs_remove_glob(const char *glob);

/*
 * Iteration in name order: the file after @prev (NULL: the first), with a
 * reference, and @prev's reference dropped; NULL at the end. Files added or
 * removed meanwhile are seen or not, but iteration never breaks. Leaving a
 * ramfs_for_each_file() loop early, ramfs_put() the current file.
 */
const struct ramfs_file *ramfs_next(const struct ramfs_file *prev);
#define ramfs_for_each_file(f) for ((f) = ramfs_next(NULL); (f); (f) = ramfs_next(f))

/* Number of files and their total size. */
void ramfs_usage(unsigned int *files, size_t *bytes);

/* Could @name (without its prefix) be a file? 0, -EINVAL or -ENAMETOOLONG. */
int ramfs_check_name(const char *name);
/* @name without its leading "/" and "./" (a pointer into @name). */
const char *ramfs_skip_prefix(const char *name);

/*
 * `loady`: receive files by YMODEM on the console into the list, then say
 * on it what arrived. 0, or the transfer's -errno (files completed before
 * the failure stay).
 */
int loady(void);

#endif
