/* Bitmap searches (Linux's find_*_bit): a word at a time, lowest bit first. */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bitops.h>

/* First bit at or after @start that is set in (word ^ @invert). */
static unsigned long find_next_in(const unsigned long *addr, unsigned long size,
				  unsigned long start, unsigned long invert)
{
	unsigned long word;

	if (start >= size)
		return size;
	/* Drop the bits below @start in the first word. */
	word = (addr[BIT_WORD(start)] ^ invert) & (~0UL << (start % BITS_PER_LONG));
	start = ALIGN_DOWN(start, BITS_PER_LONG);
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = addr[BIT_WORD(start)] ^ invert;
	}
	/* A hit past @size lies in the padding of the last word. */
	return min(start + __ffs(word), size);
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next_in(addr, size, offset, 0);
}
EXPORT_SYMBOL(find_next_bit);

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next_in(addr, size, offset, ~0UL);
}
EXPORT_SYMBOL(find_next_zero_bit);

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx, word;

	if (!size)
		return size;
	idx = BIT_WORD(size - 1);
	/* Only the bits below @size in the last word count. */
	word = addr[idx] & (~0UL >> ((BITS_PER_LONG - size % BITS_PER_LONG) % BITS_PER_LONG));
	for (;;) {
		if (word)
			return idx * BITS_PER_LONG + __fls(word);
		if (!idx)
			return size;
		word = addr[--idx];
	}
}
EXPORT_SYMBOL(find_last_bit);
