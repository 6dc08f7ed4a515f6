/*
 * ARM semihosting: requests to the debugger or emulator (QEMU with
 * -semihosting-config enable=on) through SVC 0x123456. When nobody
 * intercepts the SVC, the kernel's SVC handler returns -1, so every call
 * fails cleanly on a board without semihosting.
 */
#ifndef _ASM_SEMIHOSTING_H
#define _ASM_SEMIHOSTING_H

#include <linux/types.h>

#define SEMIHOSTING_SVC_IMM       0x123456	/* ARM state */
#define SEMIHOSTING_SVC_IMM_THUMB 0xab		/* Thumb state */

/* Operation numbers (ARM semihosting specification). */
#define SYS_OPEN              0x01
#define SYS_CLOSE             0x02
#define SYS_WRITEC            0x03
#define SYS_WRITE0            0x04
#define SYS_READ              0x06
#define SYS_FLEN              0x0C
#define SYS_CLOCK             0x10
#define SYS_TIME              0x11
#define SYS_ERRNO             0x13
#define SYS_GET_CMDLINE       0x15
#define SYS_HEAPINFO          0x16
#define SYS_EXIT              0x18
#define ADP_Stopped_ApplicationExit 0x20026

/*
 * Issue operation @op with parameter @arg (a value or the address of a
 * parameter block, as the operation defines). Returns the result in r0,
 * or -1 if semihosting is not available.
 */
long semihosting_call(unsigned long op, unsigned long arg);
/*
 * The host's command line for this program (QEMU: the -semihosting-config
 * arg= strings, space-separated) into @buf, NUL-terminated, without the
 * first word, which is the program's name. Returns its length, -E2BIG
 * if it does not fit in @size bytes (with its name and NUL), -ENOSYS if
 * no host answers.
 */
int semihosting_get_cmdline(char *buf, size_t size);
/*
 * The end of RAM as the host sees it (QEMU: from -m), through SYS_HEAPINFO's
 * heap limit; 0 if no host answers. Lets a QEMU boot without a DTB size its
 * memory instead of trusting the board's default.
 */
unsigned long semihosting_ram_end(void);
/*
 * Read the host file @path (absolute, or relative to where QEMU runs) into
 * @buf, at most @size bytes. Returns the bytes read, or -ENOENT (no such
 * file, or no host answers), -EFBIG (longer than @size: *@file_size says
 * how long), -EIO. With @buf NULL only *@file_size is set.
 */
long semihosting_read_file(const char *path, void *buf, size_t size, size_t *file_size);
/* How many semihosting calls the kernel answered itself (nobody listened). */
unsigned long semihosting_unanswered(void);

struct pt_regs;
/* For the SVC handler: fail the semihosting call that trapped into @regs. */
void semihosting_unanswered_call(struct pt_regs *regs);

#endif
