/*
 * The kernel version drivers test against (Linux's generated version.h):
 * Mica offers Linux 3.14's driver API, the kernel the FS4412 course uses,
 * so `#if LINUX_VERSION_CODE >= KERNEL_VERSION(3, 10, 0)` takes the branch
 * a 3.14 kernel would. (Mica's own version: include/mica/version.h.)
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))
#define LINUX_VERSION_CODE      KERNEL_VERSION(3, 14, 0)	/* 200192 */

#endif
