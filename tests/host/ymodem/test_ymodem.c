/*
 * Host tests of the YMODEM receiver (lib/ymodem.c) against a simulated
 * sender that behaves as lrzsz's sb does (block 0, data blocks, EOT until
 * ACKed, an empty block 0 to end) and can misbehave on purpose: corrupt a
 * block, lose an ACK, skip a block, go quiet, cancel, send noise. Time is
 * virtual: a read that finds nothing waiting "waits" its whole timeout,
 * so timeouts are tested exactly and quickly. ASan and UBSan are on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/errno.h>
#include <linux/crc-itu-t.h>
#include <mica/ymodem.h>

#define QUEUE_MAX 8192
#define FILE_MAX  (64 * 1024)

struct tfile {
	const char *name;
	const unsigned char *data;
	size_t size;
	bool no_size;		/* block 0 without the size field */
	const char *extra;	/* after the size in block 0, e.g. " 14000000000 100600" */
};

struct sender {
	const struct tfile *files;
	int nfiles;
	size_t block_size;	/* 128 or 1024 */
	/* misbehaviour: a data block number counted over the whole batch (1 = first) */
	int corrupt_block, lose_ack_of, skip_block, cancel_at, quiet_at, noise_before;
	bool corrupt_all;	/* every data block, every time */
	/* state */
	enum { WAIT_C_HEADER, SENT_HEADER, WAIT_C_DATA, SENT_DATA, SENT_EOT, SENT_END, DONE,
	       QUIET } state;
	int file;
	size_t offset;		/* of the data block in flight */
	unsigned char seq;
	int batch_block;	/* data blocks sent so far in the batch (first tries) */
	bool lost_once, corrupted_once;
	bool receiver_cancelled;
	/* the line */
	unsigned char out[QUEUE_MAX];	/* to the receiver */
	size_t out_head, out_tail;
	unsigned char in[QUEUE_MAX];	/* from the receiver, not yet seen */
	size_t in_len;
	unsigned long long now_ms;
	unsigned int cs, naks, cans;	/* what the receiver sent */
};

struct sink {
	char name[YMODEM_NAME_MAX];
	long long size;
	unsigned int mode;
	unsigned char data[FILE_MAX];
	size_t len;
	bool open;
	int nfiles;		/* committed */
	char names[8][YMODEM_NAME_MAX];
	unsigned char *kept[8];
	size_t kept_len[8];
	unsigned int modes[8];
	int discarded;
	int refuse_open, refuse_close;	/* errno to return, or 0 */
};

struct world {
	struct sender s;
	struct sink k;
};

static void send_byte(struct sender *s, unsigned char c)
{
	assert_true(s->out_tail < QUEUE_MAX);
	s->out[s->out_tail++] = c;
}

static void send_block(struct sender *s, unsigned char seq, const unsigned char *data, size_t len,
		       size_t block_size, bool corrupt)
{
	unsigned char block[1024];
	unsigned short crc;

	memset(block, 0x1a, block_size);
	memcpy(block, data, len);
	crc = crc_itu_t(0, block, block_size);
	if (corrupt)
		block[block_size / 2] ^= 0x40;
	send_byte(s, block_size == 1024 ? YMODEM_STX : YMODEM_SOH);
	send_byte(s, seq);
	send_byte(s, (unsigned char)~seq);
	for (size_t i = 0; i < block_size; i++)
		send_byte(s, block[i]);
	send_byte(s, crc >> 8);
	send_byte(s, crc & 0xff);
}

static void send_header(struct sender *s)
{
	unsigned char block[128] = { 0 };

	if (s->file < s->nfiles) {
		const struct tfile *f = &s->files[s->file];
		size_t n = strlen(f->name);

		if (n >= sizeof(block)) {
			memcpy(block, f->name, sizeof(block));	/* no room for its NUL */
		} else {
			memcpy(block, f->name, n);
			if (!f->no_size)
				snprintf((char *)block + n + 1, sizeof(block) - n - 1, "%zu%s",
					 f->size, f->extra ? f->extra : "");
		}
		s->state = SENT_HEADER;
	} else {
		s->state = SENT_END;
	}
	send_block(s, 0, block, sizeof(block), 128, false);
}

/* The next data block of the current file, or its EOT. */
static void send_data(struct sender *s)
{
	const struct tfile *f = &s->files[s->file];
	size_t len;
	int n;

	if (s->offset >= f->size) {
		send_byte(s, YMODEM_EOT);
		s->state = SENT_EOT;
		return;
	}
	n = ++s->batch_block;
	if (n == s->cancel_at) {
		send_byte(s, YMODEM_CAN);
		send_byte(s, YMODEM_CAN);
		s->state = DONE;
		return;
	}
	if (n == s->quiet_at) {
		send_byte(s, s->block_size == 1024 ? YMODEM_STX : YMODEM_SOH);
		send_byte(s, s->seq);	/* and then nothing, ever */
		s->state = QUIET;
		return;
	}
	if (n == s->noise_before)
		for (int i = 0; i < 40; i++)
			send_byte(s, (unsigned char)("line noise "[i % 11]));
	len = f->size - s->offset < s->block_size ? f->size - s->offset : s->block_size;
	if (n == s->skip_block)
		s->seq++;
	send_block(s, s->seq, f->data + s->offset, len, s->block_size,
		   s->corrupt_all || (n == s->corrupt_block && !s->corrupted_once));
	if (n == s->corrupt_block)
		s->corrupted_once = true;
	s->state = SENT_DATA;
}

static void resend_data(struct sender *s)
{
	const struct tfile *f = &s->files[s->file];
	size_t len = f->size - s->offset < s->block_size ? f->size - s->offset : s->block_size;

	send_block(s, s->seq, f->data + s->offset, len, s->block_size, s->corrupt_all);
}

/* The sender reacts to what the receiver sent, as sb does. */
static void sender_react(struct sender *s)
{
	for (size_t i = 0; i < s->in_len; i++) {
		unsigned char c = s->in[i];

		if (s->state == DONE || s->state == QUIET)
			break;
		if (c == YMODEM_CAN) {
			s->receiver_cancelled = true;
			s->state = DONE;
			break;
		}
		switch (s->state) {
		case WAIT_C_HEADER:
			if (c == YMODEM_CRC)
				send_header(s);
			break;
		case SENT_HEADER:
			if (c == YMODEM_ACK)
				s->state = WAIT_C_DATA;
			else if (c == YMODEM_NAK || c == YMODEM_CRC)
				send_header(s);
			break;
		case WAIT_C_DATA:
			if (c == YMODEM_CRC) {
				s->offset = 0;
				s->seq = 1;
				send_data(s);
			}
			break;
		case SENT_DATA:
			if (c == YMODEM_ACK) {
				if (s->batch_block == s->lose_ack_of && !s->lost_once) {
					s->lost_once = true;	/* as if it never came */
					resend_data(s);
					break;
				}
				s->offset += s->block_size;
				s->seq++;
				send_data(s);
			} else if (c == YMODEM_NAK) {
				resend_data(s);
			}
			break;
		case SENT_EOT:
			if (c == YMODEM_ACK) {
				s->file++;
				s->state = WAIT_C_HEADER;
			} else if (c == YMODEM_NAK) {
				send_byte(s, YMODEM_EOT);
			}
			break;
		case SENT_END:
			if (c == YMODEM_ACK)
				s->state = DONE;
			else if (c == YMODEM_CRC || c == YMODEM_NAK)
				send_header(s);
			break;
		default:
			break;
		}
	}
	s->in_len = 0;
}

static int t_getc(void *ctx, unsigned int timeout_ms)
{
	struct sender *s = &((struct world *)ctx)->s;

	if (s->out_head == s->out_tail) {
		s->out_head = s->out_tail = 0;
		sender_react(s);
	}
	if (s->out_head == s->out_tail) {
		s->now_ms += timeout_ms;
		return -ETIMEDOUT;
	}
	s->now_ms += 1;
	return s->out[s->out_head++];
}

static void t_putc(void *ctx, u8 c)
{
	struct sender *s = &((struct world *)ctx)->s;

	s->cs += c == YMODEM_CRC;
	s->naks += c == YMODEM_NAK;
	s->cans += c == YMODEM_CAN;
	if (s->in_len < QUEUE_MAX)
		s->in[s->in_len++] = c;
}

static int t_open(void *ctx, const char *name, long long size, unsigned int mode)
{
	struct sink *k = &((struct world *)ctx)->k;

	assert_false(k->open);
	if (k->refuse_open)
		return k->refuse_open;
	snprintf(k->name, sizeof(k->name), "%s", name);
	k->size = size;
	k->mode = mode;
	k->len = 0;
	k->open = true;
	return 0;
}

static int t_write(void *ctx, const void *data, size_t len)
{
	struct sink *k = &((struct world *)ctx)->k;

	assert_true(k->open);
	assert_true(k->len + len <= FILE_MAX);
	if (k->size >= 0)
		assert_true(k->len + len <= (size_t)k->size);
	memcpy(k->data + k->len, data, len);
	k->len += len;
	return 0;
}

static int t_close(void *ctx, bool complete)
{
	struct sink *k = &((struct world *)ctx)->k;

	assert_true(k->open);
	k->open = false;
	if (!complete) {
		k->discarded++;
		return 0;
	}
	if (k->refuse_close)
		return k->refuse_close;
	assert_true(k->nfiles < 8);
	snprintf(k->names[k->nfiles], sizeof(k->names[0]), "%s", k->name);
	k->kept[k->nfiles] = malloc(k->len + 1);
	memcpy(k->kept[k->nfiles], k->data, k->len);
	k->kept_len[k->nfiles] = k->len;
	k->modes[k->nfiles] = k->mode;
	k->nfiles++;
	return 0;
}

static const struct ymodem_ops ops = {
	.getc = t_getc, .putc = t_putc, .open = t_open, .write = t_write, .close = t_close,
};

static unsigned char big[40000], small[1000], exact[2048];

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof(*w));
	unsigned int x = 12345;

	for (size_t i = 0; i < sizeof(big); i++) {
		x = x * 1103515245 + 12345;
		big[i] = (unsigned char)(x >> 16);
	}
	for (size_t i = 0; i < sizeof(small); i++)
		small[i] = (unsigned char)i;
	small[sizeof(small) - 1] = 0x1a;	/* real data that looks like padding */
	memset(exact, YMODEM_CAN, sizeof(exact));	/* control bytes inside data are data */
	w->s.block_size = 1024;
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	for (int i = 0; i < w->k.nfiles; i++)
		free(w->k.kept[i]);
	free(w);
	return 0;
}

static int run(struct world *w, const struct tfile *files, int nfiles, struct ymodem_result *res)
{
	int ret;

	w->s.files = files;
	w->s.nfiles = nfiles;
	ret = ymodem_receive(&ops, w, NULL, res);
	sender_react(&w->s);	/* what the receiver said last */
	return ret;
}

static void expect_file(struct world *w, int i, const struct tfile *f)
{
	assert_true(i < w->k.nfiles);
	assert_string_equal(w->k.names[i], f->name);
	assert_int_equal(w->k.kept_len[i], f->size);
	assert_memory_equal(w->k.kept[i], f->data, f->size);
}

static const struct tfile one_big[] = { { "hello.ko", big, sizeof(big) } };

static void one_file_1k_blocks(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	assert_int_equal(run(w, one_big, 1, &res), 0);
	assert_null(res.error);
	assert_int_equal(res.files, 1);
	assert_int_equal(res.bytes, sizeof(big));
	assert_int_equal(res.retries, 0);
	expect_file(w, 0, &one_big[0]);
	assert_int_equal(w->k.discarded, 0);
	assert_int_equal(w->s.state, DONE);
	assert_false(w->s.receiver_cancelled);
}

static void batch_128_byte_blocks(void **state)
{
	static const struct tfile files[] = {
		{ "a.ko", small, sizeof(small) },
		{ "empty", small, 0 },
		{ "lib/exact.bin", exact, sizeof(exact) },	/* a whole number of blocks */
		{ "b.ko", big, 300 * 128 + 5 },		/* block numbers wrap past 255 */
	};
	struct world *w = *state;
	struct ymodem_result res;

	w->s.block_size = 128;
	assert_int_equal(run(w, files, 4, &res), 0);
	assert_int_equal(res.files, 4);
	for (int i = 0; i < 4; i++)
		expect_file(w, i, &files[i]);
}

/* Without a size, the CP/M EOF padding of the last block is cut off. */
static void size_unknown(void **state)
{
	static const unsigned char text[] = "no size in block 0\n";
	static const struct tfile files[] = { { "t.txt", text, sizeof(text) - 1, true } };
	struct world *w = *state;
	struct ymodem_result res;

	assert_int_equal(run(w, files, 1, &res), 0);
	expect_file(w, 0, &files[0]);
}

static void mode_and_mtime(void **state)
{
	static const struct tfile files[] = { { "m.ko", small, 10, false, " 14712365170 100600 0 0" } };
	struct world *w = *state;
	struct ymodem_result res;

	assert_int_equal(run(w, files, 1, &res), 0);
	expect_file(w, 0, &files[0]);
	assert_int_equal(w->k.modes[0], 0600);
}

static void corrupted_block_is_sent_again(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.corrupt_block = 3;
	assert_int_equal(run(w, one_big, 1, &res), 0);
	assert_int_equal(res.retries, 1);
	assert_int_equal(w->s.naks, 1 + 1);	/* the bad block, and the first EOT */
	expect_file(w, 0, &one_big[0]);
}

static void lost_ack_gives_a_duplicate(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.lose_ack_of = 5;
	assert_int_equal(run(w, one_big, 1, &res), 0);
	expect_file(w, 0, &one_big[0]);		/* not written twice */
}

static void noise_between_blocks(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.noise_before = 2;
	assert_int_equal(run(w, one_big, 1, &res), 0);
	expect_file(w, 0, &one_big[0]);
}

/* A cancel keeps the files completed before it and nothing of the current one. */
static void sender_cancels(void **state)
{
	static const struct tfile files[] = { { "a.ko", small, sizeof(small) },
					      { "big.ko", big, sizeof(big) } };
	struct world *w = *state;
	struct ymodem_result res;

	w->s.cancel_at = 1 + 4;		/* a.ko is one block; the fourth of big.ko */
	assert_int_equal(run(w, files, 2, &res), -ECANCELED);
	assert_string_equal(res.error, "cancelled by the sender");
	assert_int_equal(res.files, 1);
	expect_file(w, 0, &files[0]);
	assert_int_equal(w->k.nfiles, 1);
	assert_int_equal(w->k.discarded, 1);
}

/* A sender that stops mid-block: given up on within bounded (virtual) time. */
static void sender_goes_quiet(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;
	const struct ymodem_timeouts *t = &ymodem_default_timeouts;

	w->s.quiet_at = 3;
	assert_int_equal(run(w, one_big, 1, &res), -ETIMEDOUT);
	assert_string_equal(res.error, "the sender went quiet");
	assert_int_equal(w->k.nfiles, 0);
	assert_int_equal(w->k.discarded, 1);
	assert_true(w->s.cans >= 2);
	assert_true(w->s.now_ms <= (YMODEM_MAX_RETRIES + 2) * (t->block + t->byte));
}

static void no_sender(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.state = QUIET;
	assert_int_equal(run(w, one_big, 1, &res), -ETIMEDOUT);
	assert_string_equal(res.error, "no sender (timed out)");
	assert_int_equal(w->s.cs, ymodem_default_timeouts.handshake_tries);
	assert_int_equal(w->s.now_ms, (unsigned long long)ymodem_default_timeouts.handshake_tries *
				       ymodem_default_timeouts.handshake +
				       ymodem_default_timeouts.byte);	/* the purge after CAN */
	assert_int_equal(w->k.nfiles + w->k.discarded, 0);
}

static void ctrl_c_while_waiting(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.state = QUIET;
	w->s.out[w->s.out_tail++] = 'x';
	w->s.out[w->s.out_tail++] = YMODEM_CTRL_C;
	assert_int_equal(run(w, one_big, 1, &res), -ECANCELED);
	assert_string_equal(res.error, "aborted (Ctrl-C)");
	assert_int_equal(w->k.nfiles + w->k.discarded, 0);
}

static void block_out_of_sequence(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.skip_block = 4;
	assert_int_equal(run(w, one_big, 1, &res), -EIO);
	assert_string_equal(res.error, "block out of sequence");
	assert_true(w->s.receiver_cancelled);
	assert_int_equal(w->k.nfiles, 0);
	assert_int_equal(w->k.discarded, 1);
}

static void refused_file(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->k.refuse_open = -EINVAL;
	assert_int_equal(run(w, one_big, 1, &res), -EINVAL);
	assert_string_equal(res.error, "the file was refused");
	assert_true(w->s.receiver_cancelled);
	assert_int_equal(w->k.discarded, 0);	/* never opened */
}

/* If the file cannot be kept, the sender hears so instead of an ACK. */
static void close_fails(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->k.refuse_close = -ENOMEM;
	assert_int_equal(run(w, one_big, 1, &res), -ENOMEM);
	assert_true(w->s.receiver_cancelled);
	assert_int_equal(res.files, 0);
}

static void bad_block_0(void **state)
{
	static char name[200];
	static const struct tfile files[] = { { name, small, 10 } };
	struct world *w = *state;
	struct ymodem_result res;

	memset(name, 'n', sizeof(name) - 1);	/* 199 bytes: no NUL within the 128-byte block */
	assert_int_equal(run(w, files, 1, &res), -EIO);
	assert_string_equal(res.error, "block 0 has no valid file name");
	assert_int_equal(w->k.nfiles + w->k.discarded, 0);
}

/* Every block corrupted: at most YMODEM_MAX_RETRIES in a row, then a cancel. */
static void too_many_errors(void **state)
{
	struct world *w = *state;
	struct ymodem_result res;

	w->s.corrupt_all = true;
	assert_int_equal(run(w, one_big, 1, &res), -EIO);
	assert_string_equal(res.error, "too many bad blocks");
	assert_int_equal(res.retries, YMODEM_MAX_RETRIES + 1);
	assert_true(w->s.receiver_cancelled);
	assert_int_equal(w->k.nfiles, 0);
	assert_int_equal(w->k.discarded, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(one_file_1k_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(batch_128_byte_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(size_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(mode_and_mtime, setup, teardown),
		cmocka_unit_test_setup_teardown(corrupted_block_is_sent_again, setup, teardown),
		cmocka_unit_test_setup_teardown(lost_ack_gives_a_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(noise_between_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(sender_cancels, setup, teardown),
		cmocka_unit_test_setup_teardown(sender_goes_quiet, setup, teardown),
		cmocka_unit_test_setup_teardown(no_sender, setup, teardown),
		cmocka_unit_test_setup_teardown(ctrl_c_while_waiting, setup, teardown),
		cmocka_unit_test_setup_teardown(block_out_of_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_file, setup, teardown),
		cmocka_unit_test_setup_teardown(close_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_block_0, setup, teardown),
		cmocka_unit_test_setup_teardown(too_many_errors, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
