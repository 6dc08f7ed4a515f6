/*
 * Host tests of the jiffies conversions (kernel/time/jiffies.c), built once
 * per HZ (100, 250, 1000): msecs/usecs_to_jiffies round up and saturate,
 * jiffies_to_msecs/usecs are exact, and jiffies_to_clock_t gives USER_HZ
 * (100) ticks, as the kernel-design notes' three-case formula does, checked
 * against plain arithmetic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <linux/jiffies.h>

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

static void msecs_round_up(void **state)
{
	unsigned int m;

	for (m = 0; m < 100000; m += 7) {
		unsigned long j = msecs_to_jiffies(m);

		/* The smallest j with j * (1000 / HZ) >= m. */
		assert_true(j * (1000 / HZ) >= m);
		assert_true(j == 0 || (j - 1) * (1000 / HZ) < m);
	}
	assert_int_equal(msecs_to_jiffies(0), 0);
	assert_int_equal(msecs_to_jiffies(1), 1);
	assert_int_equal(msecs_to_jiffies(1000), HZ);
}

static void usecs_round_up(void **state)
{
	unsigned int u;

	for (u = 0; u < 10000000; u += 997) {
		unsigned long j = usecs_to_jiffies(u);

		assert_true((unsigned long long)j * (1000000 / HZ) >= u);
		assert_true(j == 0 || (unsigned long long)(j - 1) * (1000000 / HZ) < u);
	}
	assert_int_equal(usecs_to_jiffies(1000000), HZ);
}

/* Exact up to MAX_JIFFY_OFFSET, then saturated; no wrap near ~0U. */
static void saturation(void **state)
{
	unsigned long long m = (0xffffffffULL + 1000 / HZ - 1) / (1000 / HZ);
	unsigned long long u = (0xffffffffULL + 1000000 / HZ - 1) / (1000000 / HZ);

	assert_int_equal(msecs_to_jiffies(~0U), m > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : m);
	assert_int_equal(usecs_to_jiffies(~0U), u > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : u);
	assert_true(msecs_to_jiffies(~0U) >= msecs_to_jiffies(~0U - 1));
}

static void back_to_time(void **state)
{
	unsigned long j;

	for (j = 0; j < 100000; j += 13) {
		assert_int_equal(jiffies_to_msecs(j), j * (1000 / HZ));
		assert_int_equal(jiffies_to_usecs(j), j * (1000000 / HZ));
		assert_int_equal(msecs_to_jiffies(jiffies_to_msecs(j)), j);
	}
}

static void user_hz_ticks(void **state)
{
	long x;

	assert_int_equal(USER_HZ, 100);
	assert_int_equal(CLOCKS_PER_SEC, 100);
	for (x = 0; x < 1000000; x += 31) {
		/* x jiffies are x / HZ seconds: USER_HZ ticks per second, rounded down. */
		long want = (long)((long long)x * USER_HZ / HZ);

		assert_int_equal(jiffies_to_clock_t(x), want);
		assert_int_equal(jiffies_64_to_clock_t((unsigned long long)x << 20),
				 (long long)(((unsigned long long)x << 20) * USER_HZ / HZ));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(msecs_round_up),
		cmocka_unit_test(usecs_round_up),
		cmocka_unit_test(saturation),
		cmocka_unit_test(back_to_time),
		cmocka_unit_test(user_hz_ticks),
	};

	return cmocka_run_group_tests_name("time_convert HZ=" __stringify(HZ), tests, NULL, NULL);
}
