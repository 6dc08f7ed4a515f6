/*
 * KUnit suite "random32": the prandom generator (lib/random32.c) repeats
 * from its seed, spreads its bits evenly, never sticks at zero and fills
 * byte buffers exactly.
 */
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <string.h>
#include <mica/kunit.h>

#define SAMPLES 65536

static void same_seed_same_sequence(struct kunit *test)
{
	struct rnd_state a, b, c;
	int i, differ = 0;

	prandom_seed_state(&a, 42);
	prandom_seed_state(&b, 42);
	prandom_seed_state(&c, 43);
	for (i = 0; i < 1000; i++) {
		u32 x = prandom_u32_state(&a);

		KUNIT_EXPECT_EQ(test, x, prandom_u32_state(&b));
		differ += x != prandom_u32_state(&c);
	}
	KUNIT_EXPECT_GT(test, differ, 990);	/* a neighbouring seed is another sequence */
}

/* Every bit is set about half the time, and the top nibble takes each value about as often. */
static void bits_evenly_spread(struct kunit *test)
{
	unsigned int ones[32] = { 0 }, nibble[16] = { 0 };
	struct rnd_state s;
	int i, b;

	prandom_seed_state(&s, 1);
	for (i = 0; i < SAMPLES; i++) {
		u32 x = prandom_u32_state(&s);

		for (b = 0; b < 32; b++)
			ones[b] += (x >> b) & 1;
		nibble[x >> 28]++;
	}
	for (b = 0; b < 32; b++) {
		KUNIT_EXPECT_GT(test, ones[b], SAMPLES * 48 / 100);
		KUNIT_EXPECT_LT(test, ones[b], SAMPLES * 52 / 100);
	}
	for (b = 0; b < 16; b++) {
		KUNIT_EXPECT_GT(test, nibble[b], SAMPLES / 16 * 9 / 10);
		KUNIT_EXPECT_LT(test, nibble[b], SAMPLES / 16 * 11 / 10);
	}
}

/* Seed 0 and all-ones must not leave a component at zero, nor cycle soon. */
static void no_stuck_or_short_cycle(struct kunit *test)
{
	static const u64 seeds[] = { 0, ~0ULL };
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(seeds); k++) {
		struct rnd_state s, start;
		int i;

		prandom_seed_state(&s, seeds[k]);
		KUNIT_EXPECT_NE(test, s.s1 & ~1U, 0);
		KUNIT_EXPECT_NE(test, s.s2 & ~7U, 0);
		KUNIT_EXPECT_NE(test, s.s3 & ~15U, 0);
		KUNIT_EXPECT_NE(test, s.s4 & ~127U, 0);
		start = s;
		for (i = 0; i < SAMPLES; i++) {
			prandom_u32_state(&s);
			if (!memcmp(&s, &start, sizeof(s)))
				break;
		}
		KUNIT_EXPECT_EQ(test, i, SAMPLES);
	}
}

/* prandom_bytes_state gives the u32 stream's bytes, and no byte more. */
static void bytes_fill_exactly(struct kunit *test)
{
	struct rnd_state a, b;
	u8 buf[11];
	u32 w[3];

	prandom_seed_state(&a, 7);
	prandom_seed_state(&b, 7);
	memset(buf, 0xa5, sizeof(buf));
	prandom_bytes_state(&a, buf, 10);
	for (int i = 0; i < 3; i++)
		w[i] = prandom_u32_state(&b);
	KUNIT_EXPECT_EQ(test, memcmp(buf, w, 10), 0);
	KUNIT_EXPECT_EQ(test, buf[10], 0xa5);
	prandom_bytes_state(&a, buf, 0);
	KUNIT_EXPECT_EQ(test, buf[10], 0xa5);
}

static struct kunit_case random32_cases[] = {
	KUNIT_CASE(same_seed_same_sequence),
	KUNIT_CASE(bits_evenly_spread),
	KUNIT_CASE(no_stuck_or_short_cycle),
	KUNIT_CASE(bytes_fill_exactly),
	{}
};

static struct kunit_suite random32_suite = {
	.name = "random32",
	.test_cases = random32_cases,
};
kunit_test_suite(random32_suite);
