/*
 * Reading a whole file into kernel memory (Linux's kernel_read_file.h),
 * for insmod and anything else that loads files.
 *
 * Mica has no VFS. A name is looked up, in this order:
 *  - in the in-memory file list (include/mica/ramfs.h: the initramfs, files
 *    received with loady), by name ("hello.ko", "/hello.ko");
 *  - an absolute host path ("/home/me/hello.ko") is read through ARM
 *    semihosting (QEMU with -semihosting), so a module rebuilt on the host
 *    loads without a reboot;
 *  - a relative name is read from the host directory named on the command
 *    line with hostdir=/abs/dir, again through semihosting.
 *
 * Differs from Linux 5.x: @offset must be 0 (whole files only); the buffer
 * is vmalloc'd when *@buf is NULL and is the caller's to vfree; the id
 * names what is read for messages, no LSM hooks run.
 */
#ifndef _LINUX_KERNEL_READ_FILE_H
#define _LINUX_KERNEL_READ_FILE_H

#include <linux/types.h>

enum kernel_read_file_id {
	READING_UNKNOWN,
	READING_FIRMWARE,
	READING_MODULE,
	READING_KEXEC_IMAGE,
	READING_KEXEC_INITRAMFS,
	READING_POLICY,
	READING_X509_CERTIFICATE,
	READING_MAX_ID,
};

/*
 * Read @path into *@buf (vmalloc'd here if *@buf is NULL; at most
 * @buf_size bytes). *@file_size gets the file's size. Returns the bytes
 * read, or -ENOENT (not found anywhere), -EFBIG (larger than @buf_size),
 * -EINVAL (@offset not 0, empty name), -ENOMEM, -EIO.
 */
long kernel_read_file_from_path(const char *path, long long offset, void **buf,
				size_t buf_size, size_t *file_size, enum kernel_read_file_id id);

#endif
