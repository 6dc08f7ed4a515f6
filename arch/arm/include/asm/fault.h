/*
 * Short-descriptor fault status (DFSR/IFSR) decoding, ARMv7 without LPAE.
 * The fault status FS is 5 bits: FSR[10] is FS[4], FSR[3:0] are FS[3:0].
 */
#ifndef _ASM_FAULT_H
#define _ASM_FAULT_H

#include <linux/types.h>

#define FSR_WRITE        (1 << 11)	/* DFSR.WnR: the access was a write */
#define FSR_EXT          (1 << 12)	/* DFSR.ExT: external abort type */
#define FSR_CM           (1 << 13)	/* DFSR.CM: cache maintenance */
#define FSR_FS4          (1 << 10)

/* FS values. */
#define FS_ALIGNMENT     0x01
#define FS_DEBUG         0x02
#define FS_ACCESS_SECT   0x03
#define FS_ICACHE_MAINT  0x04
#define FS_TRANS_SECT    0x05
#define FS_ACCESS_PAGE   0x06
#define FS_TRANS_PAGE    0x07
#define FS_SYNC_EXT      0x08
#define FS_DOMAIN_SECT   0x09
#define FS_DOMAIN_PAGE   0x0b
#define FS_EXT_WALK_L1   0x0c
#define FS_PERM_SECT     0x0d
#define FS_EXT_WALK_L2   0x0e
#define FS_PERM_PAGE     0x0f
#define FS_TLB_CONFLICT  0x10
#define FS_LOCKDOWN      0x14
#define FS_ASYNC_EXT     0x16
#define FS_ASYNC_PARITY  0x18
#define FS_SYNC_PARITY   0x19
#define FS_COPROCESSOR   0x1a
#define FS_PARITY_WALK_L1 0x1c
#define FS_PARITY_WALK_L2 0x1e

static inline unsigned int fsr_fs(unsigned long fsr)
{
	return (fsr & 0xf) | ((fsr & FSR_FS4) >> 6);
}

/* The fault in words, e.g. "page permission fault". */
const char *fsr_name(unsigned long fsr);

/*
 * Faults of the memory map itself (translation, domain, permission): for
 * the kernel these are "Unable to handle kernel paging request". The rest
 * (alignment, external aborts, debug events, ...) are reported as
 * "Unhandled fault".
 */
bool fsr_is_mapping_fault(unsigned long fsr);

#endif
