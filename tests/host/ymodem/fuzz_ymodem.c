/*
 * libFuzzer target for the YMODEM receiver (lib/ymodem.c): the input is
 * what the "sender" sends, byte by byte, whatever the receiver answers;
 * when it runs out, every read times out. The receiver must end (every
 * wait is bounded), never write past a file's declared size, never write
 * outside open/close, and close every file it opened.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <linux/errno.h>
#include <mica/ymodem.h>

struct line {
	const uint8_t *data;
	size_t size, pos;
	unsigned long reads_after_end;
	bool open;
	long long declared;
	unsigned long long written;
};

static int f_getc(void *ctx, unsigned int timeout_ms)
{
	struct line *l = ctx;

	if (l->pos < l->size)
		return l->data[l->pos++];
	if (++l->reads_after_end > 100000)	/* a receiver that never gives up */
		abort();
	return -ETIMEDOUT;
}

static void f_putc(void *ctx, u8 c)
{
}

static int f_open(void *ctx, const char *name, long long size, unsigned int mode)
{
	struct line *l = ctx;

	if (l->open || !name[0])
		abort();
	l->open = true;
	l->declared = size;
	l->written = 0;
	return 0;
}

static int f_write(void *ctx, const void *data, size_t len)
{
	struct line *l = ctx;

	if (!l->open || !len || len > 1024)
		abort();
	for (size_t i = 0; i < len; i++)
		(void)*(volatile const uint8_t *)((const uint8_t *)data + i);
	l->written += len;
	if (l->declared >= 0 && l->written > (unsigned long long)l->declared)
		abort();
	return 0;
}

static int f_close(void *ctx, bool complete)
{
	struct line *l = ctx;

	if (!l->open)
		abort();
	if (complete && l->declared >= 0 && l->written != (unsigned long long)l->declared)
		abort();
	l->open = false;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ymodem_ops ops = {
		.getc = f_getc, .putc = f_putc, .open = f_open, .write = f_write, .close = f_close,
	};
	struct line l = { .data = data, .size = size };
	struct ymodem_result res;

	ymodem_receive(&ops, &l, NULL, &res);
	if (l.open)
		abort();
	return 0;
}
