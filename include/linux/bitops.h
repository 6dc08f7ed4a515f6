/*
 * Bit operations (Linux names): atomic set_bit & co (asm/bitops.h), their
 * non-atomic __ forms, bit searches over bitmaps (lib/find_bit.c), and
 * ffs/fls/__ffs/__fls/ffz/hweight on single words.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <asm/bitops.h>

#define BITS_PER_LONG      32
#define BITS_PER_LONG_LONG 64
#define BIT(nr)            (1UL << (nr))
#define BIT_ULL(nr)        (1ULL << (nr))
#define BIT_MASK(nr)       (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)       ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr)  (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
/* Bits @l..@h set, e.g. GENMASK(7, 4) == 0xf0. */
#define GENMASK(h, l)      ((~0UL << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l)  ((~0ULL << (l)) & (~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))))
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* Non-atomic forms: only for data no other CPU or interrupt can touch. */
static inline void __set_bit(unsigned int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}
static inline void __clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}
static inline void __change_bit(unsigned int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}
static inline int __test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old | BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}
static inline int __test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old & ~BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}
static inline int __test_and_change_bit(unsigned int nr, volatile unsigned long *addr)
{
	unsigned long old = addr[BIT_WORD(nr)];

	addr[BIT_WORD(nr)] = old ^ BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}
static inline int test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/*
 * newlib's <strings.h> declares ffs() and fls() as library functions; the
 * macros below make every use, before or after it, the inline versions.
 */
#include <strings.h>

/* 1-based index of the lowest set bit; 0 if none. */
#define ffs(x) __builtin_ffs(x)
/* 1-based index of the highest set bit; 0 if none: fls(1) == 1, fls(0x80000000) == 32. */
static inline int fls_inline(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#define fls(x) fls_inline(x)
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}
/* 0-based index of the lowest / highest set bit; undefined for 0, as in Linux. */
static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}
static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}
/* 0-based index of the lowest clear bit; undefined for ~0UL. */
static inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

static inline unsigned int hweight8(unsigned int w)  { return __builtin_popcount(w & 0xff); }
static inline unsigned int hweight16(unsigned int w) { return __builtin_popcount(w & 0xffff); }
static inline unsigned int hweight32(unsigned int w) { return __builtin_popcount(w); }
static inline unsigned long hweight64(u64 w)         { return __builtin_popcountll(w); }
static inline unsigned long hweight_long(unsigned long w) { return __builtin_popcountl(w); }

/*
 * Searches over a bitmap of @size bits: the index of the first matching
 * bit at or after @offset, or @size if there is none. Bits past @size in
 * the last word are ignored.
 */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
/* The last set bit, or @size if none is set. */
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);

static inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_bit(addr, size, 0);
}
static inline unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_zero_bit(addr, size, 0);
}

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size);	\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif
