/*
 * The initial RAM disk: an archive the boot loader (or QEMU) put in RAM
 * next to the kernel. Linux's ARM names for where it is; Mica's initrd is
 * always an initramfs (a newc cpio archive), which populate_rootfs()
 * (kernel/ramfs/initramfs.c) unpacks into the in-memory file list
 * (include/mica/ramfs.h) before freeing its pages. There is no block-device
 * ramdisk (no /dev/ram0, no root=).
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/* Physical location of the initrd; size 0 when there is none. */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;

/*
 * Reserve [@start, @start + @size) in memblock as the initrd that @from
 * ("ATAGS", "DTB", "initrd=") names, replacing one reserved before (the
 * command line's initrd= wins over the boot loader's, as on Linux). An
 * initrd outside RAM or over the kernel is refused with a message:
 * -EINVAL. Boot only, before the page allocator takes memblock's memory.
 */
int reserve_initrd_mem(phys_addr_t start, unsigned long size, const char *from);

/*
 * Add the regular files of the newc archive at @buf to the file list
 * (replacing files of the same names); directories are implied by names,
 * other entries (links, devices) are skipped with a warning. A malformed
 * archive adds nothing; a failure part-way (no memory) takes back what it
 * added. Returns the number of files added or a negative errno, and says
 * which in the log. populate_rootfs() calls it on the initrd at boot.
 */
int initramfs_unpack(const void *buf, size_t len);

#endif
