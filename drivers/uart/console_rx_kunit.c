/*
 * KUnit suite "console_rx": the receive ring keeps bytes in order, drops
 * and counts what does not fit without touching what is queued, drops
 * typed input by whole lines when full, and the console's UART interrupt
 * is installed.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <mica/board.h>
#include <mica/byte_ring.h>
#include <mica/console.h>
#include <mica/kunit.h>
#include <string.h>

static void byte_ring_keeps_order(struct kunit *test)
{
	u8 buf[8];
	struct byte_ring r = BYTE_RING_INIT(buf);
	int i;

	KUNIT_EXPECT_EQ(test, byte_ring_get(&r), -1);
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_TRUE(test, byte_ring_put(&r, 'a' + i));
	KUNIT_EXPECT_EQ(test, byte_ring_len(&r), 5);
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, byte_ring_get(&r), 'a' + i);
	KUNIT_EXPECT_EQ(test, byte_ring_get(&r), -1);
	/* 0xff is a byte, not "empty". */
	byte_ring_put(&r, 0xff);
	KUNIT_EXPECT_EQ(test, byte_ring_get(&r), 0xff);
	KUNIT_EXPECT_EQ(test, r.dropped, 0);
}

static void byte_ring_overflow_drops_and_counts(struct kunit *test)
{
	u8 buf[8];
	struct byte_ring r = BYTE_RING_INIT(buf);
	int i;

	for (i = 0; i < 20; i++)
		byte_ring_put(&r, i);
	KUNIT_EXPECT_EQ(test, byte_ring_len(&r), 8);
	KUNIT_EXPECT_EQ(test, r.dropped, 12);
	/* The first eight, intact and in order; the rest never got in. */
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, byte_ring_get(&r), i);
	KUNIT_EXPECT_EQ(test, byte_ring_get(&r), -1);
	/* Room again after reading. */
	KUNIT_EXPECT_TRUE(test, byte_ring_put(&r, 42));
	KUNIT_EXPECT_EQ(test, byte_ring_get(&r), 42);
	KUNIT_EXPECT_EQ(test, r.dropped, 12);
}

/* The free-running indices wrap past UINT_MAX without losing a byte. */
static void byte_ring_index_wrap(struct kunit *test)
{
	u8 buf[4];
	struct byte_ring r = BYTE_RING_INIT(buf);
	int i;

	r.head = r.tail = ~0U - 5;
	for (i = 0; i < 40; i++) {
		KUNIT_ASSERT_TRUE(test, byte_ring_put(&r, i));
		KUNIT_ASSERT_TRUE(test, byte_ring_put(&r, i + 100));
		KUNIT_EXPECT_EQ(test, byte_ring_len(&r), 2);
		KUNIT_EXPECT_EQ(test, byte_ring_get(&r), i);
		KUNIT_EXPECT_EQ(test, byte_ring_get(&r), i + 100);
	}
	for (i = 0; i < 5; i++)
		byte_ring_put(&r, i);
	KUNIT_EXPECT_EQ(test, r.dropped, 1);
}

static void feed_line_ring(struct byte_ring *r, const char *s, enum byte_ring_line *last)
{
	while (*s)
		*last = byte_ring_put_line(r, *s++);
}

/* Full: the line being typed goes whole (no half line runs into the next), and that is said. */
static void byte_ring_drops_whole_lines(struct kunit *test)
{
	u8 buf[8];
	struct byte_ring r = BYTE_RING_INIT(buf);
	enum byte_ring_line last = BYTE_RING_QUEUED;
	char got[16];
	int c, n = 0;

	feed_line_ring(&r, "ab\rcdef", &last);
	KUNIT_EXPECT_EQ(test, last, BYTE_RING_QUEUED);
	feed_line_ring(&r, "gh", &last);		/* 'h' does not fit: "cdefg" taken back */
	KUNIT_EXPECT_EQ(test, last, BYTE_RING_DROPPED);
	KUNIT_EXPECT_EQ(test, byte_ring_len(&r), 3);
	feed_line_ring(&r, "xyz", &last);		/* still the dropped line */
	KUNIT_EXPECT_EQ(test, last, BYTE_RING_DROPPED);
	feed_line_ring(&r, "\r", &last);		/* its end: gone too, and reported */
	KUNIT_EXPECT_EQ(test, last, BYTE_RING_LINE_DROPPED);
	feed_line_ring(&r, "ij\n", &last);		/* the next line is whole again */
	KUNIT_EXPECT_EQ(test, last, BYTE_RING_QUEUED);
	while ((c = byte_ring_get(&r)) >= 0 && n < (int)sizeof(got) - 1)
		got[n++] = (char)c;
	got[n] = '\0';
	KUNIT_EXPECT_STREQ(test, got, "ab\rij\n");
	KUNIT_EXPECT_EQ(test, r.dropped, 10);	/* c d e f g h x y z \r */
}

static void console_rx_interrupt_installed(struct kunit *test)
{
	struct irq_desc *desc = irq_to_desc(board.uart_irq);
	bool masked = true;

	if (!console_ops)
		kunit_skip(test, "no console UART");
	KUNIT_ASSERT_NOT_NULL(test, desc);
	KUNIT_ASSERT_NOT_NULL(test, desc->action);
	KUNIT_EXPECT_TRUE(test, !strncmp(desc->action->name, "uart-", 5));
	KUNIT_EXPECT_EQ(test, irq_get_irqchip_state(board.uart_irq, IRQCHIP_STATE_MASKED, &masked), 0);
	KUNIT_EXPECT_FALSE(test, masked);
}

static struct kunit_case console_rx_cases[] = {
	KUNIT_CASE(byte_ring_keeps_order),
	KUNIT_CASE(byte_ring_overflow_drops_and_counts),
	KUNIT_CASE(byte_ring_index_wrap),
	KUNIT_CASE(byte_ring_drops_whole_lines),
	KUNIT_CASE(console_rx_interrupt_installed),
	{}
};

static struct kunit_suite console_rx_suite = {
	.name = "console_rx",
	.test_cases = console_rx_cases,
};
kunit_test_suite(console_rx_suite);
