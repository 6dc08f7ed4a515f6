/*
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), Linux's interface:
 * crc32_le() continues a CRC without the pre- and post-inversion, so the
 * CRC-32 that zlib, gzip, U-Boot's `crc32` and Python's zlib.crc32 print is
 * crc32_le(~0, p, len) ^ ~0.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, const unsigned char *p, size_t len);
#define crc32(seed, data, length) crc32_le(seed, (const unsigned char *)(data), length)

#endif
