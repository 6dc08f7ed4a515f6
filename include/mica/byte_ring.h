/*
 * A fixed-size ring of bytes that drops (and counts) what does not fit,
 * never overwriting what is queued. No locking of its own: callers
 * serialise access (the console holds its receive lock).
 */
#ifndef _MICA_BYTE_RING_H
#define _MICA_BYTE_RING_H

#include <linux/types.h>

struct byte_ring {
	u8 *buf;
	unsigned int size;		/* a power of two */
	unsigned int head, tail;	/* free-running: head - tail bytes queued */
	unsigned long dropped;		/* bytes refused (or taken back) because it was full */
	bool dropping_line;		/* byte_ring_put_line(): in a line being dropped */
};

#define BYTE_RING_INIT(array) { .buf = (array), .size = sizeof(array) }

/* Queue @c; false (and one more dropped) if the ring is full. */
bool byte_ring_put(struct byte_ring *r, u8 c);
/* The oldest byte, or -1 if the ring is empty. */
int byte_ring_get(struct byte_ring *r);
unsigned int byte_ring_len(const struct byte_ring *r);

enum byte_ring_line { BYTE_RING_QUEUED, BYTE_RING_DROPPED, BYTE_RING_LINE_DROPPED };
/*
 * Queue typed input @c keeping whole lines: when a byte does not fit, the
 * part of its line already queued is taken back and bytes are dropped up
 * to and including the next CR or LF, so that no half line runs into the
 * next. Returns BYTE_RING_LINE_DROPPED for that last byte, so the caller
 * can say a line was lost; BYTE_RING_DROPPED for the others it drops.
 */
enum byte_ring_line byte_ring_put_line(struct byte_ring *r, u8 c);

#endif
