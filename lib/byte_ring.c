/* Byte ring (include/mica/byte_ring.h): head and tail run freely and wrap; the index is masked. */
#include <mica/byte_ring.h>

unsigned int byte_ring_len(const struct byte_ring *r)
{
	return r->head - r->tail;
}

bool byte_ring_put(struct byte_ring *r, u8 c)
{
	if (byte_ring_len(r) >= r->size) {
		r->dropped++;
		return false;
	}
	r->buf[r->head++ & (r->size - 1)] = c;
	return true;
}

int byte_ring_get(struct byte_ring *r)
{
	if (!byte_ring_len(r))
		return -1;
	return r->buf[r->tail++ & (r->size - 1)];
}

static bool line_end(u8 c)
{
	return c == '\r' || c == '\n';
}

enum byte_ring_line byte_ring_put_line(struct byte_ring *r, u8 c)
{
	if (!r->dropping_line && byte_ring_put(r, c))
		return BYTE_RING_QUEUED;
	if (!r->dropping_line) {
		/* Full: take back the start of this line (everything after the last line end). */
		while (r->head != r->tail && !line_end(r->buf[(r->head - 1) & (r->size - 1)])) {
			r->head--;
			r->dropped++;
		}
		r->dropping_line = true;
	} else {
		r->dropped++;
	}
	if (!line_end(c))
		return BYTE_RING_DROPPED;
	r->dropping_line = false;
	return BYTE_RING_LINE_DROPPED;
}
