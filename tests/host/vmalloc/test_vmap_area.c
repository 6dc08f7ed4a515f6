/*
 * Host tests of mm/vmap_area.c, the vmalloc window's area allocator,
 * against a model that records every page's state: each result must lie on
 * pages the model has free, be the lowest fit, and leave all invariants
 * intact (vmap_space_check); descriptors must never leak, and a refused
 * descriptor must leave everything unchanged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/prandom.h>
#include "../../../mm/vmap_area.h"

void __warn(const char *file, int line, const char *cond) { fail_msg("%s:%d %s", file, line, cond); }

#define GRANULE   0x1000UL
#define SPACE_START 0xF0000000UL
#define NR_PAGES  4096UL
#define SPACE_END (SPACE_START + NR_PAGES * GRANULE)

static int live_descs;
static bool refuse_descs;

static struct vmap_area *test_desc_alloc(void)
{
	struct vmap_area *va;

	if (refuse_descs)
		return NULL;
	va = calloc(1, sizeof(*va));
	live_descs++;
	return va;
}

static void test_desc_free(void *va)
{
	live_descs--;
	free(va);
}

static struct vmap_space space;
static unsigned short model[NR_PAGES];	/* 0 free, else owner slot + 1 */

#define MAX_SLOTS 300
static struct vmap_area *slot[MAX_SLOTS];

static struct rnd_state rng_state;

static uint32_t rnd(void)
{
	return prandom_u32_state(&rng_state);
}

static void check_space(void)
{
	char why[160];
	unsigned long free_blocks = 0;
	struct rb_node *n;

	if (vmap_space_check(&space, why, sizeof(why)))
		fail_msg("vmap_space_check: %s", why);
	for (n = rb_first(&space.free); n; n = rb_next(n))
		free_blocks++;
	/* Every descriptor is either a busy area or a free block. */
	assert_int_equal(live_descs, space.nr_busy + free_blocks);
}

static void setup_space(void)
{
	live_descs = 0;
	refuse_descs = false;
	memset(model, 0, sizeof(model));
	memset(slot, 0, sizeof(slot));
	space.desc_alloc = test_desc_alloc;
	space.desc_free = test_desc_free;
	vmap_space_init(&space, SPACE_START, SPACE_END, GRANULE, test_desc_alloc());
	check_space();
}

static unsigned long page_of(unsigned long addr) { return (addr - SPACE_START) / GRANULE; }

/* All busy areas gone: one free block covers the space; give it back. */
static void teardown_space(void)
{
	struct vmap_area *whole;

	check_space();
	assert_int_equal(space.nr_busy, 0);
	assert_int_equal(live_descs, 1);
	whole = rb_entry(space.free.rb_node, struct vmap_area, rb_node);
	assert_int_equal(whole->va_start, SPACE_START);
	assert_int_equal(whole->va_end, SPACE_END);
	test_desc_free(whole);
}

static void model_mark(struct vmap_area *va, unsigned short owner)
{
	for (unsigned long p = page_of(va->va_start); p < page_of(va->va_end); p++)
		model[p] = owner;
}

/* Lowest page where @pages free pages start at a multiple of @align, or -1. */
static long model_lowest_fit(unsigned long pages, unsigned long align_pages)
{
	unsigned long p, i;

	for (p = 0; p + pages <= NR_PAGES; p += align_pages) {
		for (i = 0; i < pages && !model[p + i]; i++)
			;
		if (i == pages)
			return p;
	}
	return -1;
}

/* Lowest start of a free run of at least @pages pages, or -1. */
static long model_lowest_run(unsigned long pages)
{
	return model_lowest_fit(pages, 1);
}

static void do_alloc(int s, unsigned long pages, unsigned long align_pages)
{
	struct vmap_area *va = test_desc_alloc();
	unsigned long p;
	int ret;

	ret = vmap_space_alloc(&space, va, pages * GRANULE, align_pages * GRANULE);
	if (align_pages == 1) {
		long want = model_lowest_fit(pages, 1);

		if (want < 0) {
			assert_int_equal(ret, -ENOMEM);
		} else {
			assert_int_equal(ret, 0);
			assert_int_equal(page_of(va->va_start), want);
		}
	} else if (ret == 0) {
		/* Never above the lowest run where the fit is guaranteed. */
		long sure = model_lowest_run(pages + align_pages - 1);

		assert_true(sure < 0 || page_of(va->va_start) <= (unsigned long)sure + align_pages - 1);
		assert_true((va->va_start & (align_pages * GRANULE - 1)) == 0);
	} else {
		assert_int_equal(ret, -ENOMEM);
		assert_true(model_lowest_run(pages + align_pages - 1) < 0);
	}
	if (ret) {
		test_desc_free(va);
		return;
	}
	assert_int_equal(va->va_end - va->va_start, pages * GRANULE);
	for (p = page_of(va->va_start); p < page_of(va->va_end); p++) {
		assert_int_equal(model[p], 0);
		model[p] = s + 1;
	}
	slot[s] = va;
}

static void do_free(int s)
{
	unsigned long p;

	for (p = page_of(slot[s]->va_start); p < page_of(slot[s]->va_end); p++)
		model[p] = 0;
	vmap_space_release(&space, slot[s]);
	slot[s] = NULL;
}

static void random_run(uint32_t seed, int steps, bool with_align)
{
	int step;

	prandom_seed_state(&rng_state, seed);
	setup_space();
	for (step = 0; step < steps; step++) {
		int s = rnd() % MAX_SLOTS;

		if (slot[s]) {
			do_free(s);
		} else {
			unsigned long pages = 1 + (rnd() % 4 ? rnd() % 8 : rnd() % 200);
			unsigned long align = with_align ? 1UL << (rnd() % 6) : 1;

			do_alloc(s, pages, align);
		}
		check_space();
	}
	for (int s = 0; s < MAX_SLOTS; s++)
		if (slot[s])
			do_free(s);
	assert_int_equal(vmap_space_largest_free(&space), SPACE_END - SPACE_START);
	teardown_space();
}

static void test_random_sizes(void **state)
{
	random_run(1, 20000, false);
	random_run(2, 20000, false);
}

static void test_random_alignments(void **state)
{
	random_run(3, 20000, true);
	random_run(4, 20000, true);
}

/* test_vmalloc's "full fit": holes punched in a full space get reused. */
static void test_full_fit_reuses_holes(void **state)
{
	int s;

	setup_space();
	for (s = 0; s < 256; s++)
		do_alloc(s, 16, 1);
	assert_int_equal(vmap_space_largest_free(&space), 0);
	for (s = 1; s < 256; s += 2)
		do_free(s);
	assert_int_equal(vmap_space_largest_free(&space), 16 * GRANULE);
	for (s = 1; s < 256; s += 2) {
		do_alloc(s, 16, 1);
		assert_int_equal(slot[s]->va_start, SPACE_START + s * 16 * GRANULE);
	}
	check_space();
	/* Full again: nothing more fits. */
	do_alloc(300 - 1, 1, 1);
	assert_null(slot[300 - 1]);
	for (s = 0; s < 256; s++)
		do_free(s);
	teardown_space();
}

static void test_find(void **state)
{
	setup_space();
	do_alloc(0, 3, 1);
	do_alloc(1, 5, 1);
	do_alloc(2, 1, 1);
	do_free(1);
	assert_ptr_equal(vmap_space_find(&space, SPACE_START), slot[0]);
	assert_ptr_equal(vmap_space_find(&space, SPACE_START + 3 * GRANULE - 1), slot[0]);
	assert_null(vmap_space_find(&space, SPACE_START + 3 * GRANULE));
	assert_ptr_equal(vmap_space_find(&space, SPACE_START + 8 * GRANULE + 5), slot[2]);
	assert_null(vmap_space_find(&space, SPACE_START - 1));
	assert_null(vmap_space_find(&space, SPACE_END));
	assert_ptr_equal(vmap_space_busy_from(&space, 0), slot[0]);
	assert_ptr_equal(vmap_space_busy_from(&space, SPACE_START), slot[0]);
	assert_ptr_equal(vmap_space_busy_from(&space, SPACE_START + 1), slot[2]);
	assert_ptr_equal(vmap_space_busy_from(&space, slot[0]->va_end), slot[2]);
	assert_ptr_equal(vmap_space_busy_from(&space, slot[2]->va_start), slot[2]);
	assert_null(vmap_space_busy_from(&space, slot[2]->va_start + 1));
	do_free(0);
	do_free(2);
	teardown_space();
}

static void test_reserve(void **state)
{
	struct vmap_area *top, *again;

	setup_space();
	top = test_desc_alloc();
	again = test_desc_alloc();
	/* The early console's last MiB of the window, like vmalloc_init(). */
	assert_int_equal(vmap_space_reserve(&space, top, SPACE_END - 0x100000, 0x100000), 0);
	assert_int_equal(vmap_space_reserve(&space, again, SPACE_END - 0x2000, 0x1000), -EBUSY);
	assert_int_equal(vmap_space_reserve(&space, again, SPACE_END - 0x101000, 0x2000), -EBUSY);
	assert_int_equal(vmap_space_reserve(&space, again, SPACE_END, 0x1000), -EBUSY);
	assert_int_equal(vmap_space_reserve(&space, again, SPACE_START + 0x800, 0x1000), -EBUSY);
	assert_int_equal(vmap_space_largest_free(&space), SPACE_END - SPACE_START - 0x100000);
	/* In the middle: the free block splits in two. */
	assert_int_equal(vmap_space_reserve(&space, again, SPACE_START + 0x10000, 0x3000), 0);
	model_mark(top, 1000);
	model_mark(again, 1001);
	check_space();
	do_alloc(0, 16, 1);
	assert_int_equal(slot[0]->va_start, SPACE_START);
	do_alloc(1, 1, 1);
	assert_int_equal(slot[1]->va_start, SPACE_START + 0x13000);
	do_free(0);
	do_free(1);
	vmap_space_release(&space, again);
	vmap_space_release(&space, top);
	teardown_space();
}

/* A split that cannot get a descriptor fails and changes nothing. */
static void test_descriptor_refused(void **state)
{
	struct vmap_area *va;

	setup_space();
	do_alloc(0, 1, 1);
	do_alloc(1, 1, 1);
	do_free(0);
	refuse_descs = true;
	va = calloc(1, sizeof(*va));
	/* Aligned to 8 pages: lands at page 8, splitting the free block. */
	assert_int_equal(vmap_space_alloc(&space, va, GRANULE, 8 * GRANULE), -ENOMEM);
	check_space();
	/* No split needed: page 0 is an exact fit. */
	assert_int_equal(vmap_space_alloc(&space, va, GRANULE, GRANULE), 0);
	assert_int_equal(va->va_start, SPACE_START);
	live_descs++;
	check_space();
	refuse_descs = false;
	vmap_space_release(&space, va);
	do_free(1);
	teardown_space();
}

static void test_bad_requests(void **state)
{
	struct vmap_area va;

	setup_space();
	assert_int_equal(vmap_space_alloc(&space, &va, 0, GRANULE), -ENOMEM);
	assert_int_equal(vmap_space_alloc(&space, &va, GRANULE, 3 * GRANULE), -ENOMEM);
	assert_int_equal(vmap_space_alloc(&space, &va, GRANULE, GRANULE / 2), -ENOMEM);
	assert_int_equal(vmap_space_alloc(&space, &va, SPACE_END - SPACE_START + 1, GRANULE), -ENOMEM);
	assert_int_equal(vmap_space_alloc(&space, &va, ~0UL, GRANULE), -ENOMEM);
	assert_int_equal(vmap_space_alloc(&space, &va, GRANULE, 1UL << 40), -ENOMEM);
	check_space();
	/* The whole space in one piece is fine, and a partial page rounds up. */
	assert_int_equal(vmap_space_alloc(&space, &va, SPACE_END - SPACE_START - 100, GRANULE), 0);
	assert_int_equal(va.va_end, SPACE_END);
	live_descs++;
	check_space();
	live_descs--;
	/* Merged nowhere: @va itself becomes the free block again. */
	vmap_space_release(&space, &va);
	assert_ptr_equal(space.free.rb_node, &va.rb_node);
	live_descs++;
	check_space();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_sizes),
		cmocka_unit_test(test_random_alignments),
		cmocka_unit_test(test_full_fit_reuses_holes),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_descriptor_refused),
		cmocka_unit_test(test_bad_requests),
	};
	return cmocka_run_group_tests_name("vmap_area", tests, NULL, NULL);
}
