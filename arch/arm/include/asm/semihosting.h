/*
 * ARM semihosting: requests to the debugger or emulator (QEMU with
 * -semihosting-config enable=on) through SVC 0x123456. When nobody
 * intercepts the SVC, the kernel's SVC handler returns -1, so every call
 * fails cleanly on a board without semihosting.
 */
#ifndef _ASM_SEMIHOSTING_H
#define _ASM_SEMIHOSTING_H

#define SEMIHOSTING_SVC_IMM       0x123456	/* ARM state */
#define SEMIHOSTING_SVC_IMM_THUMB 0xab		/* Thumb state */

/* Operation numbers (ARM semihosting specification). */
#define SYS_WRITEC            0x03
#define SYS_WRITE0            0x04
#define SYS_CLOCK             0x10
#define SYS_TIME              0x11
#define SYS_ERRNO             0x13
#define SYS_GET_CMDLINE       0x15
#define SYS_EXIT              0x18
#define ADP_Stopped_ApplicationExit 0x20026

/*
 * Issue operation @op with parameter @arg (a value or the address of a
 * parameter block, as the operation defines). Returns the result in r0,
 * or -1 if semihosting is not available.
 */
long semihosting_call(unsigned long op, unsigned long arg);
/* How many semihosting calls the kernel answered itself (nobody listened). */
unsigned long semihosting_unanswered(void);

struct pt_regs;
/* For the SVC handler: fail the semihosting call that trapped into @regs. */
void semihosting_unanswered_call(struct pt_regs *regs);

#endif
