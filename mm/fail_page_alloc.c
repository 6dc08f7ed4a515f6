/*
 * Fault injection for the page allocator, as Linux's fail_page_alloc:
 * fail a candidate allocation with some probability (percent), only every
 * interval-th one, at most `times` times (-1: no limit), only from
 * min-order up, optionally ignoring __GFP_HIGHMEM and __GFP_WAIT
 * allocations (both ignored by default, as in Linux). __GFP_NOFAIL is
 * never failed. Set with fail_page_alloc=<interval>,<probability>,<space>,
 * <times> on the command line or the `fail_page_alloc` console command
 * (mm/mm_commands.c). Disarmed, it costs the allocation fast path one NOP
 * (a static key).
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <string.h>
#include <mica/mm_check.h>
#include "internal.h"

struct fail_page_alloc_attr fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER("fail_page_alloc"),
	.ignore_gfp_highmem = true,
	.ignore_gfp_wait = true,
	.min_order = 1,
};

bool __should_fail_alloc_page(gfp_t gfp_mask, unsigned int order)
{
	if (order < fail_page_alloc.min_order)
		return false;
	if (gfp_mask & __GFP_NOFAIL)
		return false;
	if (fail_page_alloc.ignore_gfp_highmem && (gfp_mask & __GFP_HIGHMEM))
		return false;
	if (fail_page_alloc.ignore_gfp_wait && (gfp_mask & __GFP_WAIT))
		return false;
	return should_fail(&fail_page_alloc.attr);
}

DEFINE_STATIC_KEY_FALSE(fail_page_alloc_armed);

void fail_page_alloc_update(void)
{
	if (READ_ONCE(fail_page_alloc.attr.probability))
		static_branch_enable(&fail_page_alloc_armed);
	else
		static_branch_disable(&fail_page_alloc_armed);
}

void fail_page_alloc_nth(unsigned long nth)
{
	fail_page_alloc.ignore_gfp_highmem = false;
	fail_page_alloc.ignore_gfp_wait = false;
	fail_page_alloc.min_order = 0;
	fail_page_alloc.attr.verbose = 0;
	fail_page_alloc.attr.interval = nth;
	fail_page_alloc.attr.times = 1;
	fail_page_alloc.attr.count = 0;
	WRITE_ONCE(fail_page_alloc.attr.probability, 100);
	fail_page_alloc_update();
}

static int __init setup_fail_page_alloc(char *str)
{
	int err = setup_fault_attr(&fail_page_alloc.attr, str);

	if (!err)
		fail_page_alloc_update();
	return err;
}
__setup("fail_page_alloc=", setup_fail_page_alloc);

int fail_page_alloc_setting(void *settings, const char *key, const char *val)
{
	struct fail_page_alloc_attr *fa = settings;
	long v;
	int err;

	if (!strcmp(key, "ignore-gfp-highmem"))
		return fault_parse_bool(val, &fa->ignore_gfp_highmem);
	if (!strcmp(key, "ignore-gfp-wait"))
		return fault_parse_bool(val, &fa->ignore_gfp_wait);
	if (!strcmp(key, "min-order")) {
		err = fault_parse_long(val, 0, MAX_ORDER, &v);
		if (!err)
			fa->min_order = (unsigned int)v;
		return err;
	}
	return fault_attr_set(&fa->attr, key, val);
}

void fail_page_alloc_configure(const struct fail_page_alloc_attr *settings)
{
	fail_page_alloc.ignore_gfp_highmem = settings->ignore_gfp_highmem;
	fail_page_alloc.ignore_gfp_wait = settings->ignore_gfp_wait;
	fail_page_alloc.min_order = settings->min_order;
	fault_attr_configure(&fail_page_alloc.attr, &settings->attr);
	fail_page_alloc_update();
}

bool fail_page_alloc_same_settings(const struct fail_page_alloc_attr *a,
				   const struct fail_page_alloc_attr *b)
{
	return a->ignore_gfp_highmem == b->ignore_gfp_highmem &&
	       a->ignore_gfp_wait == b->ignore_gfp_wait && a->min_order == b->min_order &&
	       fault_attr_same_settings(&a->attr, &b->attr);
}

int set_fail_page_alloc(const char *key, const char *val)
{
	struct fail_page_alloc_attr settings = fail_page_alloc;
	int err = fail_page_alloc_setting(&settings, key, val);

	if (!err)
		fail_page_alloc_configure(&settings);
	return err;
}

static struct fail_page_alloc_attr test_saved;
static bool test_saving;

void fail_page_alloc_test_nth(unsigned long nth)
{
	if (!test_saving) {
		test_saved = fail_page_alloc;
		test_saving = true;
	}
	fail_page_alloc_nth(nth);
}

void fail_page_alloc_test_restore(void)
{
	if (!test_saving)
		return;
	fail_page_alloc = test_saved;
	test_saving = false;
	fail_page_alloc_update();	/* the key follows the settings put back */
}
