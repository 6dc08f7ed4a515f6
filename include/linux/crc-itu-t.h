/*
 * CRC-ITU-T (Linux's lib/crc-itu-t.c interface): polynomial x^16 + x^12 +
 * x^5 + 1 (0x1021), most significant bit first, no final inversion. With a
 * start value of 0 it is the CRC-16 of XMODEM/YMODEM.
 */
#ifndef _LINUX_CRC_ITU_T_H
#define _LINUX_CRC_ITU_T_H

#include <linux/types.h>

/* Continue @crc over @len bytes at @buffer. */
u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len);

#endif
