/*
 * KFENCE's self-test: objects are allocated until the sampler serves one
 * from the pool, then each case makes one bug on purpose and expects one
 * KFENCE report of its kind, inside the harness's expected-fault markers;
 * the access completes and the kernel goes on.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <mica/kunit.h>
#include "kfence.h"

#define HIDE(x) ({ __typeof__(x) __v = (x); __asm__("" : "+r"(__v)); __v; })

/* Up to this many sample intervals, plus some seconds, for the sampler to pick one of ours. */
#define SAMPLE_TRIES	100
#define SAMPLE_SLACK_MS	5000

/* Allocate and free until an allocation comes from the pool; NULL if none did. */
static void *sampled(struct kunit *test, struct kmem_cache *s, size_t size)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(SAMPLE_TRIES * kfence_sample_interval +
							    SAMPLE_SLACK_MS);

	if (!READ_ONCE(kfence_sample_interval))
		kunit_skip(test, "kfence.sample_interval=0: nothing is sampled");
	while (time_before(jiffies, deadline)) {
		void *p = s ? kmem_cache_alloc(s, GFP_KERNEL) : kmalloc(HIDE(size), GFP_KERNEL);

		if (!p)
			return NULL;
		if (is_kfence_address(p))
			return p;
		if (s)
			kmem_cache_free(s, p);
		else
			kfree(p);
		msleep(1);
	}
	return NULL;
}

/* Run @expr expecting one KFENCE report of @type. */
#define KFENCE_EXPECT(test, type, expr) do {					\
	int __before = atomic_read(&kfence_nr_reports);				\
										\
	kunit_expect_fault_begin(test);						\
	expr;									\
	barrier();								\
	kunit_expect_fault_end(test);						\
	KUNIT_EXPECT_EQ(test, atomic_read(&kfence_nr_reports) - __before, 1);	\
	KUNIT_EXPECT_EQ(test, kfence_last_error, type);				\
} while (0)

static void oob_read(struct kunit *test)
{
	char *p = sampled(test, NULL, 32);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ((unsigned long)p + 32) % PAGE_SIZE, 0UL);	/* at the page's end */
	KFENCE_EXPECT(test, KFENCE_ERROR_OOB, (void)((volatile char *)p)[HIDE(32)]);
	kfree(p);
}

static void oob_write(struct kunit *test)
{
	char *p = sampled(test, NULL, 64);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KFENCE_EXPECT(test, KFENCE_ERROR_OOB, ((volatile char *)p)[HIDE(64 + 100)] = 'x');
	kfree(p);
}

static void use_after_free_read(struct kunit *test)
{
	char *p = sampled(test, NULL, 24);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	KFENCE_EXPECT(test, KFENCE_ERROR_UAF, (void)((volatile char *)p)[HIDE(0)]);
}

/* Written before the object (the page's canary): found when it is freed. */
static void corruption_before(struct kunit *test)
{
	char *p = sampled(test, NULL, 40);

	KUNIT_ASSERT_NOT_NULL(test, p);
	((volatile char *)p)[HIDE(-1)] = 0;
	KFENCE_EXPECT(test, KFENCE_ERROR_CORRUPTION, kfree(p));
}

static void double_free(struct kunit *test)
{
	char *p = sampled(test, NULL, 16);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	KFENCE_EXPECT(test, KFENCE_ERROR_INVALID_FREE, kfree(HIDE(p)));
}

static void invalid_free(struct kunit *test)
{
	char *p = sampled(test, NULL, 16);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KFENCE_EXPECT(test, KFENCE_ERROR_INVALID_FREE, kfree(HIDE(p + 1)));
	kfree(p);
}

/* A cache's object: sampled too, freed by kmem_cache_free, caught after. */
static void cache_use_after_free(struct kunit *test)
{
	struct kmem_cache *s;
	char *p;

	if (!READ_ONCE(kfence_sample_interval))
		kunit_skip(test, "kfence.sample_interval=0: nothing is sampled");
	s = kmem_cache_create("kfence_test", 100, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	p = sampled(test, s, 0);
	if (!p) {
		kmem_cache_destroy(s);
		KUNIT_FAIL(test, "no object of the cache was sampled");
		return;
	}
	KUNIT_EXPECT_EQ(test, ksize(p), 100u);
	KFENCE_EXPECT(test, KFENCE_ERROR_OOB, (void)((volatile char *)p)[HIDE(100 + 8)]);
	kmem_cache_free(s, p);
	KFENCE_EXPECT(test, KFENCE_ERROR_UAF, ((volatile char *)p)[HIDE(50)] = 1);
	kmem_cache_destroy(s);
}

/* A sampled object behaves like any other: krealloc, ksize, zeroing. */
static void ordinary_use(struct kunit *test)
{
	char *p = sampled(test, NULL, 20), *q;
	int before = atomic_read(&kfence_nr_reports);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 20u);
	memset(p, 'a', 20);
	q = krealloc(p, 200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, q[19], 'a');
	kfree(q);
	KUNIT_EXPECT_EQ(test, atomic_read(&kfence_nr_reports), before);
}

static struct kunit_case kfence_cases[] = {
	KUNIT_CASE(oob_read),
	KUNIT_CASE(oob_write),
	KUNIT_CASE(use_after_free_read),
	KUNIT_CASE(corruption_before),
	KUNIT_CASE(double_free),
	KUNIT_CASE(invalid_free),
	KUNIT_CASE(cache_use_after_free),
	KUNIT_CASE(ordinary_use),
	{}
};

static struct kunit_suite kfence_suite = {
	.name = "kfence",
	.test_cases = kfence_cases,
};
kunit_test_suite(kfence_suite);
