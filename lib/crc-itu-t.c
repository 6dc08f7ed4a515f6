/* CRC-ITU-T, bit by bit: a 1 KiB YMODEM block is 8192 steps, far below line time. */
#include <linux/crc-itu-t.h>

u16 crc_itu_t(u16 crc, const u8 *buffer, size_t len)
{
	while (len--) {
		crc ^= (u16)(*buffer++ << 8);
		for (int bit = 0; bit < 8; bit++)
			crc = crc & 0x8000 ? (u16)(crc << 1) ^ 0x1021 : (u16)(crc << 1);
	}
	return crc;
}
