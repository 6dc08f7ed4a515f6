/*
 * Fault injection for the page allocator, as Linux's fail_page_alloc:
 * fail a candidate allocation with some probability (percent), only every
 * interval-th one, at most `times` times (-1: no limit), only from
 * min-order up, optionally ignoring __GFP_HIGHMEM and __GFP_WAIT
 * allocations (both ignored by default, as in Linux). __GFP_NOFAIL is
 * never failed. Set with fail_page_alloc=<interval>,<probability>,<space>,
 * <times> on the command line or the `fail_page_alloc` console command
 * (mm/mm_commands.c).
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <string.h>
#include "internal.h"

struct fail_page_alloc_attr fail_page_alloc = {
	.attr = { .interval = 1, .times = -1, .verbose = 1 },
	.ignore_gfp_highmem = true,
	.ignore_gfp_wait = true,
	.min_order = 1,
};

static DEFINE_SPINLOCK(fault_lock);
static u32 fault_rng = 0x9e3779b9;

/* xorshift32: plenty for picking failures, and the same sequence every boot. */
static u32 fault_random(void)
{
	u32 x = fault_rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	fault_rng = x;
	return x;
}

static bool should_fail(struct fault_attr *attr)
{
	unsigned long flags;
	bool fail = false;

	spin_lock_irqsave(&fault_lock, flags);
	if (attr->times == 0)
		goto out;
	attr->count++;
	if (attr->interval > 1 && attr->count % attr->interval)
		goto out;
	if (attr->probability <= fault_random() % 100)
		goto out;
	if (attr->times > 0)
		attr->times--;
	attr->injected++;
	fail = true;
out:
	spin_unlock_irqrestore(&fault_lock, flags);
	if (fail && attr->verbose > 0) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n"
			  "name fail_page_alloc, interval %lu, probability %lu, space 0, times %d\n",
			  attr->interval, attr->probability, attr->times);
		if (attr->verbose > 1)
			dump_stack();
	}
	return fail;
}

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

/* "<interval>,<probability>,<space>,<times>" (space is accepted and unused). */
int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	char buf[64], *p = buf;
	int v[4], i;

	strncpy(buf, str, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	for (i = 0; i < 4; i++) {
		int r = get_option(&p, &v[i]);

		if (r == 0 || (i < 3 && r != 2) || (i == 3 && (r != 1 || *p)))
			return -EINVAL;
	}
	if (v[0] < 1 || v[1] < 0 || v[1] > 100 || v[3] < -1)
		return -EINVAL;
	attr->interval = (unsigned long)v[0];
	attr->probability = (unsigned long)v[1];
	attr->times = v[3];
	attr->count = attr->injected = 0;
	return 0;
}

static int __init setup_fail_page_alloc(char *str)
{
	return setup_fault_attr(&fail_page_alloc.attr, str);
}
__setup("fail_page_alloc=", setup_fail_page_alloc);

static int parse_bool(const char *s, bool *out)
{
	if (!strcmp(s, "Y") || !strcmp(s, "y") || !strcmp(s, "1")) {
		*out = true;
		return 0;
	}
	if (!strcmp(s, "N") || !strcmp(s, "n") || !strcmp(s, "0")) {
		*out = false;
		return 0;
	}
	return -EINVAL;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	bool neg = *s == '-';
	char *end;
	unsigned long long v = simple_strtoull(s + neg, &end, 0);

	if (end == s + neg || *end || v > 0x7fffffffULL)
		return -EINVAL;
	*out = neg ? -(long)v : (long)v;
	return (*out < lo || *out > hi) ? -ERANGE : 0;
}

int set_fail_page_alloc(const char *key, const char *val)
{
	struct fault_attr *a = &fail_page_alloc.attr;
	long v;
	int err;

	if (!strcmp(key, "ignore-gfp-highmem"))
		return parse_bool(val, &fail_page_alloc.ignore_gfp_highmem);
	if (!strcmp(key, "ignore-gfp-wait"))
		return parse_bool(val, &fail_page_alloc.ignore_gfp_wait);
	if (!strcmp(key, "probability")) {
		err = parse_long(val, 0, 100, &v);
		if (!err)
			WRITE_ONCE(a->probability, (unsigned long)v);
	} else if (!strcmp(key, "interval")) {
		err = parse_long(val, 1, 0x7fffffff, &v);
		if (!err)
			a->interval = (unsigned long)v;
	} else if (!strcmp(key, "times")) {
		err = parse_long(val, -1, 0x7fffffff, &v);
		if (!err)
			a->times = (int)v;
	} else if (!strcmp(key, "min-order")) {
		err = parse_long(val, 0, MAX_ORDER, &v);
		if (!err)
			fail_page_alloc.min_order = (unsigned int)v;
	} else if (!strcmp(key, "verbose")) {
		err = parse_long(val, 0, 2, &v);
		if (!err)
			a->verbose = (int)v;
	} else {
		return -ENOENT;
	}
	return err;
}
