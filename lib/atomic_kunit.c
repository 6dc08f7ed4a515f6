/*
 * KUnit suite "atomic": atomic_t, atomic64_t, cmpxchg/xchg and the bit
 * operations, one CPU at a time (the concurrent checks are in "smp").
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <mica/kunit.h>

#define INT_MAX_ ((int)(~0U >> 1))

static void atomic_arith(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(5);

	KUNIT_EXPECT_EQ(test, atomic_read(&v), 5);
	atomic_set(&v, 10);
	atomic_add(3, &v);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 13);
	atomic_sub(4, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 9);
	KUNIT_EXPECT_EQ(test, atomic_add_return(1, &v), 10);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(12, &v), -2);
	KUNIT_EXPECT_TRUE(test, atomic_add_negative(1, &v));	/* -1 */
	KUNIT_EXPECT_TRUE(test, atomic_inc_and_test(&v));	/* 0 */
	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&v));	/* -1 */
	atomic_set(&v, 7);
	KUNIT_EXPECT_TRUE(test, atomic_sub_and_test(7, &v));
	/* Wraps like two's complement: the asm does not trap. */
	atomic_set(&v, INT_MAX_);
	KUNIT_EXPECT_EQ(test, atomic_inc_return(&v), -INT_MAX_ - 1);
}

static void atomic_fetch_and_logic(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(0x0f);

	KUNIT_EXPECT_EQ(test, atomic_fetch_add(1, &v), 0x0f);
	KUNIT_EXPECT_EQ(test, atomic_fetch_sub(1, &v), 0x10);
	KUNIT_EXPECT_EQ(test, atomic_fetch_or(0xf0, &v), 0x0f);
	KUNIT_EXPECT_EQ(test, atomic_fetch_and(0x3c, &v), 0xff);
	KUNIT_EXPECT_EQ(test, atomic_fetch_xor(0xff, &v), 0x3c);
	KUNIT_EXPECT_EQ(test, atomic_fetch_andnot(0x03, &v), 0xc3);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0xc0);
	atomic_or(0x1, &v);
	atomic_and(0x81, &v);
	atomic_xor(0x3, &v);
	atomic_andnot(0x80, &v);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0x2);
	KUNIT_EXPECT_EQ(test, atomic_fetch_inc(&v), 2);
	KUNIT_EXPECT_EQ(test, atomic_fetch_dec(&v), 3);
}

static void atomic_exchange(struct kunit *test)
{
	atomic_t v = ATOMIC_INIT(1);
	int old = 5;

	KUNIT_EXPECT_EQ(test, atomic_xchg(&v, 2), 1);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 3, 4), 2);	/* no match: unchanged */
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 2);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&v, 2, 4), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 4);
	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&v, &old, 9));
	KUNIT_EXPECT_EQ(test, old, 4);				/* the value seen */
	KUNIT_EXPECT_TRUE(test, atomic_try_cmpxchg(&v, &old, 9));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 9);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add_unless(&v, 1, 9), 9);
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 9);
	KUNIT_EXPECT_TRUE(test, atomic_add_unless(&v, 1, 0));
	atomic_set(&v, 0);
	KUNIT_EXPECT_FALSE(test, atomic_inc_not_zero(&v));
	KUNIT_EXPECT_EQ(test, atomic_read(&v), 0);
}

static void atomic64_ops(struct kunit *test)
{
	atomic64_t v = ATOMIC64_INIT(0xffffffffLL);

	/* Carries and borrows cross the word boundary. */
	atomic64_inc(&v);
	KUNIT_EXPECT_EQ(test, atomic64_read(&v), 0x100000000LL);
	atomic64_dec(&v);
	KUNIT_EXPECT_EQ(test, atomic64_read(&v), 0xffffffffLL);
	KUNIT_EXPECT_EQ(test, atomic64_add_return(-0x100000000LL, &v), -1);
	KUNIT_EXPECT_EQ(test, atomic64_inc_return(&v), 0);
	atomic64_set(&v, 0x123456789abcdefLL);
	KUNIT_EXPECT_EQ(test, atomic64_read(&v), 0x123456789abcdefLL);
	/* Same low word, different high word: must not match. */
	KUNIT_EXPECT_EQ(test, atomic64_cmpxchg(&v, 0x89abcdefLL, 1), 0x123456789abcdefLL);
	KUNIT_EXPECT_EQ(test, atomic64_read(&v), 0x123456789abcdefLL);
	KUNIT_EXPECT_EQ(test, atomic64_cmpxchg(&v, 0x123456789abcdefLL, 1), 0x123456789abcdefLL);
	KUNIT_EXPECT_EQ(test, atomic64_xchg(&v, -5), 1);
	KUNIT_EXPECT_EQ(test, atomic64_sub_return(5, &v), -10);
}

static void cmpxchg_generic(struct kunit *test)
{
	unsigned long word = 3;
	int a, b, *p = &a;

	KUNIT_EXPECT_EQ(test, cmpxchg(&word, 3UL, 8UL), 3);
	KUNIT_EXPECT_EQ(test, word, 8);
	KUNIT_EXPECT_EQ(test, cmpxchg(&word, 3UL, 9UL), 8);
	KUNIT_EXPECT_EQ(test, word, 8);
	KUNIT_EXPECT_EQ(test, xchg(&word, 1UL), 8);
	KUNIT_EXPECT_PTR_EQ(test, cmpxchg(&p, &a, &b), &a);
	KUNIT_EXPECT_PTR_EQ(test, p, &b);
	KUNIT_EXPECT_PTR_EQ(test, xchg(&p, NULL), &b);
	KUNIT_EXPECT_NULL(test, p);
}

static void bitops_single_word_helpers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ffs(0), 0);
	KUNIT_EXPECT_EQ(test, ffs(1), 1);
	KUNIT_EXPECT_EQ(test, ffs(0x18), 4);
	KUNIT_EXPECT_EQ(test, ffs((int)0x80000000), 32);
	KUNIT_EXPECT_EQ(test, fls(0), 0);
	KUNIT_EXPECT_EQ(test, fls(1), 1);
	KUNIT_EXPECT_EQ(test, fls(0x18), 5);
	KUNIT_EXPECT_EQ(test, fls(0x80000000), 32);
	KUNIT_EXPECT_EQ(test, fls64(0), 0);
	KUNIT_EXPECT_EQ(test, fls64(1ULL << 40), 41);
	KUNIT_EXPECT_EQ(test, __ffs(1), 0);
	KUNIT_EXPECT_EQ(test, __ffs(0x80000000UL), 31);
	KUNIT_EXPECT_EQ(test, __fls(1), 0);
	KUNIT_EXPECT_EQ(test, __fls(0x18), 4);
	KUNIT_EXPECT_EQ(test, ffz(0), 0);
	KUNIT_EXPECT_EQ(test, ffz(0xffff), 16);
	KUNIT_EXPECT_EQ(test, hweight8(0x1ff), 8);
	KUNIT_EXPECT_EQ(test, hweight16(0xf00ff), 8);
	KUNIT_EXPECT_EQ(test, hweight32(0xffffffff), 32);
	KUNIT_EXPECT_EQ(test, hweight64(0xf0000000000000ffULL), 12);
	KUNIT_EXPECT_EQ(test, hweight_long(0), 0);
	KUNIT_EXPECT_EQ(test, GENMASK(7, 4), 0xf0);
	KUNIT_EXPECT_EQ(test, GENMASK(31, 0), 0xffffffff);
	KUNIT_EXPECT_EQ(test, GENMASK_ULL(39, 32), 0xff00000000ULL);
}

static void bitops_atomic_and_not(struct kunit *test)
{
	DECLARE_BITMAP(map, 96) = { 0 };

	set_bit(0, map);
	set_bit(31, map);
	set_bit(32, map);
	set_bit(95, map);
	KUNIT_EXPECT_EQ(test, map[0], 0x80000001);
	KUNIT_EXPECT_EQ(test, map[1], 0x1);
	KUNIT_EXPECT_EQ(test, map[2], 0x80000000);
	clear_bit(31, map);
	change_bit(33, map);
	KUNIT_EXPECT_EQ(test, map[0], 0x1);
	KUNIT_EXPECT_EQ(test, map[1], 0x3);
	KUNIT_EXPECT_TRUE(test, test_and_set_bit(32, map));
	KUNIT_EXPECT_FALSE(test, test_and_set_bit(64, map));
	KUNIT_EXPECT_TRUE(test, test_and_clear_bit(64, map));
	KUNIT_EXPECT_FALSE(test, test_and_clear_bit(64, map));
	KUNIT_EXPECT_TRUE(test, test_and_change_bit(95, map));
	KUNIT_EXPECT_FALSE(test, test_bit(95, map));
	KUNIT_EXPECT_FALSE(test, test_and_change_bit(95, map));
	KUNIT_EXPECT_TRUE(test, test_bit(95, map));

	__clear_bit(0, map);
	__set_bit(70, map);
	__change_bit(33, map);
	KUNIT_EXPECT_EQ(test, map[0], 0);
	KUNIT_EXPECT_EQ(test, map[1], 0x1);
	KUNIT_EXPECT_EQ(test, map[2], 0x80000040);
	KUNIT_EXPECT_TRUE(test, __test_and_set_bit(70, map));
	KUNIT_EXPECT_TRUE(test, __test_and_clear_bit(70, map));
	KUNIT_EXPECT_FALSE(test, __test_and_change_bit(70, map));
	KUNIT_EXPECT_TRUE(test, test_bit(70, map));
}

static void find_bit_edges(struct kunit *test)
{
	DECLARE_BITMAP(map, 96) = { 0 };
	unsigned long bit, seen = 0, sum = 0;

	/* Empty, and zero-sized. */
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 96), 96);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 96), 96);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 0), 0);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 0), 0);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 96), 0);

	/* A set bit past @size in the last word is not seen. */
	__set_bit(45, map);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 40), 40);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 40), 40);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 46), 45);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 46), 45);

	/* Word boundaries, and starting exactly on a set bit. */
	__set_bit(31, map);
	__set_bit(32, map);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 96), 31);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 31), 31);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 32), 32);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 33), 45);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 46), 96);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 96), 96);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 96, 1000), 96);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 96), 45);

	/* Zero bits: all set up to 64, so the first zero is 64; full map gives size. */
	map[0] = map[1] = ~0UL;
	map[2] = 0;
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 96), 64);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 64), 64);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 50), 50);
	KUNIT_EXPECT_EQ(test, find_next_zero_bit(map, 96, 70), 70);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 96), 63);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 1), 0);

	/* for_each_set_bit visits exactly the set bits, in order. */
	map[0] = 0x80000001;
	map[1] = 0;
	map[2] = 0x10;
	for_each_set_bit(bit, map, 96) {
		KUNIT_EXPECT_GT(test, bit + 1, seen);
		seen = bit + 1;
		sum += bit;
	}
	KUNIT_EXPECT_EQ(test, sum, 0 + 31 + 68);
	seen = 0;
	for_each_clear_bit(bit, map, 96)
		seen++;
	KUNIT_EXPECT_EQ(test, seen, 93);
}

static struct kunit_case atomic_cases[] = {
	KUNIT_CASE(atomic_arith),
	KUNIT_CASE(atomic_fetch_and_logic),
	KUNIT_CASE(atomic_exchange),
	KUNIT_CASE(atomic64_ops),
	KUNIT_CASE(cmpxchg_generic),
	KUNIT_CASE(bitops_single_word_helpers),
	KUNIT_CASE(bitops_atomic_and_not),
	KUNIT_CASE(find_bit_edges),
	{}
};

static struct kunit_suite atomic_suite = {
	.name = "atomic",
	.test_cases = atomic_cases,
};
kunit_test_suite(atomic_suite);
