/*
 * YMODEM batch receiver (include/mica/ymodem.h). Every wait is bounded: a
 * byte read has a timeout, noise between blocks and the purge after a bad
 * block are capped in bytes, and errors in a row are capped in number, so
 * neither a silent line nor an endless stream of garbage can hang it.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/crc-itu-t.h>
#include <mica/ymodem.h>
#include <string.h>

const struct ymodem_timeouts ymodem_default_timeouts = {
	.handshake = 3000,		/* 'C' every 3 s ... */
	.handshake_tries = 20,		/* ... for a minute: time to start the sender */
	.block = 10000,			/* the reference's 10 s for a block to start */
	.byte = 1000,			/* and 1 s between its bytes */
};

#define NOISE_MAX  2048		/* bytes that start no block before one counts as bad */
#define PURGE_MAX  8192		/* bytes dropped after a bad block, at most */
#define CANCEL_CANS 8		/* lrzsz needs two in a row; send plenty */
#define NEXT_FILE_TRIES 10	/* 'C's for the next block 0 within a batch */

enum packet { PKT_BLOCK, PKT_EOT, PKT_CAN, PKT_ABORT, PKT_TIMEOUT, PKT_BAD };

struct rx {
	const struct ymodem_ops *ops;
	void *ctx;
	const struct ymodem_timeouts *t;
	struct ymodem_result *res;
	bool ctrl_c_aborts;		/* only while waiting for the first file */
	u8 seq;				/* of the last good block */
	size_t len;			/* its data bytes: 128 or 1024 */
	u8 data[1024];
	u8 held[1024];			/* size unknown: the last block, until EOT says it was */
	size_t held_len;
};

static int get(struct rx *rx, unsigned int timeout_ms)
{
	return rx->ops->getc(rx->ctx, timeout_ms);
}

static void put(struct rx *rx, u8 c)
{
	rx->ops->putc(rx->ctx, c);
}

/* Drop what the sender is still sending (the rest of a bad block) until it pauses. */
static void purge(struct rx *rx)
{
	for (unsigned int n = 0; n < PURGE_MAX && get(rx, rx->t->byte) >= 0; n++)
		;
}

static int cancel(struct rx *rx, int err, const char *why)
{
	for (int i = 0; i < CANCEL_CANS; i++)
		put(rx, YMODEM_CAN);
	purge(rx);
	rx->res->error = why;
	return err;
}

/* The rest of a block after its SOH/STX: number, complement, data, CRC. */
static enum packet get_block_body(struct rx *rx)
{
	int seq, cseq, hi, lo;

	seq = get(rx, rx->t->byte);
	cseq = seq < 0 ? -1 : get(rx, rx->t->byte);
	if (cseq < 0 || (seq ^ cseq) != 0xff)
		return PKT_BAD;
	for (size_t i = 0; i < rx->len; i++) {
		int c = get(rx, rx->t->byte);

		if (c < 0)
			return PKT_BAD;
		rx->data[i] = (u8)c;
	}
	hi = get(rx, rx->t->byte);
	lo = hi < 0 ? -1 : get(rx, rx->t->byte);
	if (lo < 0 || crc_itu_t(0, rx->data, rx->len) != (u16)(hi << 8 | lo))
		return PKT_BAD;
	rx->seq = (u8)seq;
	return PKT_BLOCK;
}

/* Wait up to @timeout_ms for a block or a control byte; noise is skipped. */
static enum packet get_packet(struct rx *rx, unsigned int timeout_ms)
{
	for (unsigned int noise = 0; noise < NOISE_MAX; noise++) {
		int c = get(rx, timeout_ms);

		switch (c) {
		case YMODEM_SOH:
			rx->len = 128;
			return get_block_body(rx);
		case YMODEM_STX:
			rx->len = 1024;
			return get_block_body(rx);
		case YMODEM_EOT:
			return PKT_EOT;
		case YMODEM_CAN:
			/* One CAN may be line noise; two in a row cancel. */
			return get(rx, rx->t->byte) == YMODEM_CAN ? PKT_CAN : PKT_BAD;
		case YMODEM_CTRL_C:
			if (rx->ctrl_c_aborts)
				return PKT_ABORT;
			break;
		default:
			if (c < 0)
				return PKT_TIMEOUT;
		}
	}
	return PKT_BAD;
}

/* Block 0: "name\0size[ mtime[ mode ...]]", numbers decimal then octal. */
static bool parse_header(struct rx *rx, long long *size, unsigned int *mode)
{
	const u8 *p, *end = rx->data + rx->len;
	size_t name_len = strnlen((const char *)rx->data, rx->len);

	if (name_len == rx->len || name_len >= YMODEM_NAME_MAX)
		return false;
	p = rx->data + name_len + 1;
	*size = -1;
	*mode = 0;
	if (p < end && *p >= '0' && *p <= '9') {
		*size = 0;
		for (; p < end && *p >= '0' && *p <= '9'; p++) {
			if (*size >= 1LL << 56)	/* far beyond any memory here */
				return false;
			*size = *size * 10 + (*p - '0');
		}
	}
	if (p < end && *p == ' ') {	/* mtime: not kept */
		for (p++; p < end && *p >= '0' && *p <= '7'; p++)
			;
	}
	if (p < end && *p == ' ') {
		unsigned int m = 0;

		for (p++; p < end && *p >= '0' && *p <= '7' && m < 010000000; p++)
			m = m * 8 + (unsigned int)(*p - '0');
		*mode = m & 07777;
	}
	return true;
}

/*
 * Get block 0. 1: a file (block ACKed, *size and *mode set), 0: the empty
 * block 0 that ends the batch (ACKed), or a negative errno.
 */
static int receive_header(struct rx *rx, bool first, long long *size, unsigned int *mode)
{
	unsigned int timeouts = 0, errors = 0;
	unsigned int tries = first ? rx->t->handshake_tries : NEXT_FILE_TRIES;

	rx->ctrl_c_aborts = first;
	for (;;) {
		put(rx, YMODEM_CRC);
		switch (get_packet(rx, rx->t->handshake)) {
		case PKT_BLOCK:
			if (rx->seq != 0)
				return cancel(rx, -EIO, "data block where block 0 (the file name) was due");
			if (!rx->data[0]) {
				put(rx, YMODEM_ACK);
				return 0;
			}
			if (!parse_header(rx, size, mode))
				return cancel(rx, -EIO, "block 0 has no valid file name");
			put(rx, YMODEM_ACK);
			return 1;
		case PKT_EOT:		/* the last file's EOT again: our ACK was lost */
			put(rx, YMODEM_ACK);
			break;
		case PKT_CAN:
			rx->res->error = "cancelled by the sender";
			return -ECANCELED;
		case PKT_ABORT:
			return cancel(rx, -ECANCELED, "aborted (Ctrl-C)");
		case PKT_TIMEOUT:
			if (++timeouts >= tries)
				return cancel(rx, -ETIMEDOUT, first ? "no sender (timed out)" :
					      "the sender went quiet");
			break;
		case PKT_BAD:
			rx->res->retries++;
			if (++errors > YMODEM_MAX_RETRIES)
				return cancel(rx, -EIO, "too many bad blocks");
			purge(rx);
			break;
		}
	}
}

/* Hand the file's data on, never past its declared size. */
static int deliver(struct rx *rx, const u8 *data, size_t len, long long size,
		   unsigned long long *written)
{
	int ret;

	if (size >= 0)
		len = (size_t)min_t(unsigned long long, len, (unsigned long long)size - *written);
	if (!len)
		return 0;
	ret = rx->ops->write(rx->ctx, data, len);
	if (!ret)
		*written += len;
	return ret;
}

/*
 * The data blocks of a file of @size bytes (-1: unknown) up to its second
 * EOT, which is left for the caller to ACK once the file is closed. 0 with
 * *@written set, or a negative errno (the transfer is cancelled).
 */
static int receive_data(struct rx *rx, long long size, unsigned long long *written)
{
	unsigned int errors = 0;
	u8 expect = 1;
	bool eot_seen = false, got_data = false;
	int ret;

	*written = 0;
	rx->held_len = 0;
	put(rx, YMODEM_CRC);
	for (;;) {
		enum packet p = get_packet(rx, rx->t->block);

		switch (p) {
		case PKT_BLOCK:
			eot_seen = false;
			if (rx->seq == (u8)(expect - 1)) {
				/* Sent again because our ACK was lost. */
				put(rx, YMODEM_ACK);
				if (!got_data)
					put(rx, YMODEM_CRC);	/* block 0 again: it waits for 'C' too */
				break;
			}
			if (rx->seq != expect)
				return cancel(rx, -EIO, "block out of sequence");
			if (size >= 0) {
				ret = deliver(rx, rx->data, rx->len, size, written);
			} else {
				ret = deliver(rx, rx->held, rx->held_len, size, written);
				memcpy(rx->held, rx->data, rx->len);
				rx->held_len = rx->len;
			}
			if (ret)
				return cancel(rx, ret, "the file could not be stored");
			expect++;
			errors = 0;
			got_data = true;
			put(rx, YMODEM_ACK);
			break;
		case PKT_EOT:
			if (!eot_seen) {	/* the reference NAKs the first EOT */
				eot_seen = true;
				put(rx, YMODEM_NAK);
				break;
			}
			if (size >= 0 && *written < (unsigned long long)size)
				return cancel(rx, -EIO, "the file ended before its declared size");
			/* Size unknown: the last block's CP/M EOF padding is not data. */
			while (rx->held_len && rx->held[rx->held_len - 1] == YMODEM_CPMEOF)
				rx->held_len--;
			ret = deliver(rx, rx->held, rx->held_len, size, written);
			return ret ? cancel(rx, ret, "the file could not be stored") : 0;
		case PKT_CAN:
			rx->res->error = "cancelled by the sender";
			return -ECANCELED;
		case PKT_ABORT:
		case PKT_TIMEOUT:
		case PKT_BAD:
			rx->res->retries++;
			if (++errors > YMODEM_MAX_RETRIES)
				return cancel(rx, p == PKT_TIMEOUT ? -ETIMEDOUT : -EIO,
					      p == PKT_TIMEOUT ? "the sender went quiet" :
					      "too many bad blocks");
			if (p == PKT_BAD)
				purge(rx);
			put(rx, YMODEM_NAK);
			break;
		}
	}
}

int ymodem_receive(const struct ymodem_ops *ops, void *ctx, const struct ymodem_timeouts *t,
		   struct ymodem_result *res)
{
	struct rx rx = { .ops = ops, .ctx = ctx, .t = t ? t : &ymodem_default_timeouts,
			 .res = res };
	bool first = true;

	memset(res, 0, sizeof(*res));
	for (;; first = false) {
		unsigned long long written;
		long long size = -1;
		unsigned int mode = 0;
		int ret = receive_header(&rx, first, &size, &mode);

		if (ret <= 0)
			return ret;
		ret = ops->open(ctx, (const char *)rx.data, size, mode);
		if (ret)
			return cancel(&rx, ret, "the file was refused");
		ret = receive_data(&rx, size, &written);
		if (ret) {
			ops->close(ctx, false);
			return ret;
		}
		ret = ops->close(ctx, true);
		if (ret)
			return cancel(&rx, ret, "the file could not be stored");
		put(&rx, YMODEM_ACK);	/* the second EOT: only now is the file safe */
		res->files++;
		res->bytes += written;
	}
}
