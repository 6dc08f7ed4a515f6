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
