/*
 * YMODEM batch receiver (the protocol of U-Boot's `loady` and lrzsz's
 * `rb`; Chuck Forsberg's "XMODEM/YMODEM Protocol Reference"): the receiver
 * asks with 'C' for CRC-16 mode; the sender sends block 0 (the file name,
 * NUL, its size in decimal and optionally its mtime and mode in octal), then
 * numbered 128-byte (SOH) or 1024-byte (STX) blocks, each with its number,
 * the number's complement and a CRC-16 (CRC-ITU-T, big-endian); EOT ends a
 * file (NAKed once, ACKed the second time); an empty block 0 ends the
 * batch. A bad block is NAKed and sent again, at most YMODEM_MAX_RETRIES
 * times; two CANs cancel.
 *
 * Portable C with no kernel dependencies: the console and the file list
 * are reached through struct ymodem_ops, so tests/host drives it with a
 * simulated sender under ASan/UBSan and libFuzzer.
 */
#ifndef _MICA_YMODEM_H
#define _MICA_YMODEM_H

#include <linux/types.h>

#define YMODEM_SOH    0x01	/* a 128-byte block follows */
#define YMODEM_STX    0x02	/* a 1024-byte block follows */
#define YMODEM_EOT    0x04
#define YMODEM_ACK    0x06
#define YMODEM_NAK    0x15
#define YMODEM_CAN    0x18
#define YMODEM_CRC    'C'	/* "send, with CRC-16" */
#define YMODEM_CPMEOF 0x1a	/* pads the last block */
#define YMODEM_CTRL_C 0x03	/* from a person at the terminal: give up waiting */

#define YMODEM_NAME_MAX    256	/* bytes of a file name, with its NUL */
#define YMODEM_MAX_RETRIES 10	/* bad or missing blocks in a row before cancelling */

/* Milliseconds: how long the receiver waits. */
struct ymodem_timeouts {
	unsigned int handshake;		/* for block 0, between two 'C's */
	unsigned int handshake_tries;	/* 'C's before giving up on the first file */
	unsigned int block;		/* for the first byte of a data block */
	unsigned int byte;		/* between the bytes of a block */
};
extern const struct ymodem_timeouts ymodem_default_timeouts;

struct ymodem_ops {
	/* The next byte from the sender, or -ETIMEDOUT after @timeout_ms. */
	int (*getc)(void *ctx, unsigned int timeout_ms);
	void (*putc)(void *ctx, u8 c);
	/*
	 * A file starts: its name (NUL-terminated, not empty; valid only
	 * during the call), its size or -1 when the sender did not say, its
	 * permission bits or 0. 0, or a negative errno to refuse it (the
	 * transfer is then cancelled).
	 */
	int (*open)(void *ctx, const char *name, long long size, unsigned int mode);
	/* The next @len bytes of the file: 0, or a negative errno (cancels). */
	int (*write)(void *ctx, const void *data, size_t len);
	/*
	 * The file is complete (@complete) and may be kept, or the transfer
	 * broke and it must leave nothing behind. 0, or a negative errno.
	 */
	int (*close)(void *ctx, bool complete);
};

struct ymodem_result {
	unsigned int files;		/* completed and closed */
	unsigned long long bytes;	/* in those files */
	unsigned int retries;		/* blocks NAKed and sent again */
	const char *error;		/* why it stopped early, or NULL */
};

/*
 * Receive a batch of files. Returns 0 when the sender ended the batch, or
 * a negative errno with @res->error saying why: -ECANCELED (the sender
 * cancelled, or Ctrl-C while waiting for it), -ETIMEDOUT (no sender, or it
 * went quiet), -EIO (too many bad blocks, or blocks out of sequence), or
 * what open/write/close returned. Files completed before the error stay
 * (close(ctx, true) was called for them); the file being received is
 * closed with close(ctx, false). @t: NULL for ymodem_default_timeouts.
 */
int ymodem_receive(const struct ymodem_ops *ops, void *ctx, const struct ymodem_timeouts *t,
		   struct ymodem_result *res);

#endif
