/*
 * failslab: make slab allocations fail on purpose, as Linux's fault
 * injection does, to test the callers' error paths. A candidate fails
 * with some probability (percent), only every interval-th one, at most
 * `times` times (-1: no limit). By default, as in Linux, allocations that
 * may wait (__GFP_WAIT, so GFP_KERNEL) are left alone, and with
 * cache-filter=Y only caches with SLAB_FAILSLAB (slub_debug=A) fail.
 * __GFP_NOFAIL and the cache of caches never fail.
 *
 * Set with failslab=<interval>,<probability>,<space>,<times> on the
 * command line or `failslab key=value...` at the console
 * (mm/slab_commands.c). While armed,
 * every cache takes the slow path, where the decision is made; the CPU
 * arrays come back when the probability or times return to 0 through
 * either setting.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <string.h>
#include "slab.h"
#include "internal.h"

struct failslab_attr failslab = {
	.attr = { .interval = 1, .times = -1, .verbose = 1 },
	.ignore_gfp_wait = true,
};

static DEFINE_SPINLOCK(failslab_lock);
static u32 failslab_rng = 0x2545f491;

bool failslab_armed(void)
{
	return READ_ONCE(failslab.attr.probability) && READ_ONCE(failslab.attr.times);
}

/* Caches follow the armed state: the slow path for all while armed. */
void failslab_update(void)
{
	bool armed = failslab_armed();
	struct kmem_cache *s;

	if (slab_state < SLAB_UP)
		return;		/* kmem_cache_init asks failslab_armed() itself */
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		slab_set_bypass(s, armed);
	spin_unlock(&slab_caches_lock);
}

/* xorshift32: the same sequence every boot, so a failing run can be repeated. */
static u32 failslab_random(void)
{
	u32 x = failslab_rng;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	failslab_rng = x;
	return x;
}

static bool fail_now(struct fault_attr *a)
{
	unsigned long flags;
	bool fail = false;

	spin_lock_irqsave(&failslab_lock, flags);
	if (a->times == 0)
		goto out;
	a->count++;
	if (a->interval > 1 && a->count % a->interval)
		goto out;
	if (a->probability <= failslab_random() % 100)
		goto out;
	if (a->times > 0)
		a->times--;
	a->injected++;
	fail = true;
out:
	spin_unlock_irqrestore(&failslab_lock, flags);
	return fail;
}

bool should_failslab(struct kmem_cache *s, gfp_t gfp)
{
	struct fault_attr *a = &failslab.attr;

	if (likely(!READ_ONCE(a->probability)))
		return false;
	if (s == kmem_cache || (gfp & __GFP_NOFAIL))
		return false;
	if (failslab.ignore_gfp_wait && (gfp & __GFP_WAIT))
		return false;
	if (failslab.cache_filter && !(s->flags & SLAB_FAILSLAB))
		return false;
	if (!fail_now(a))
		return false;
	if (a->verbose > 0) {
		pr_notice("FAULT_INJECTION: forcing a failure.\n"
			  "name failslab, interval %lu, probability %lu, space 0, times %d\n",
			  a->interval, a->probability, a->times);
		if (a->verbose > 1)
			dump_stack();
	}
	return true;
}

static int __init setup_failslab(char *str)
{
	int err = setup_fault_attr(&failslab.attr, str);

	if (!err)
		failslab_update();
	return err;
}
__setup("failslab=", setup_failslab);

static int parse_flag(const char *s, bool *out)
{
	if (!strcmp(s, "Y") || !strcmp(s, "y") || !strcmp(s, "1"))
		*out = true;
	else if (!strcmp(s, "N") || !strcmp(s, "n") || !strcmp(s, "0"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

static int parse_number(const char *s, long lo, long hi, long *out)
{
	bool neg = *s == '-';
	char *end;
	unsigned long long v = simple_strtoull(s + neg, &end, 0);

	if (end == s + neg || *end || v > 0x7fffffffULL)
		return -EINVAL;
	*out = neg ? -(long)v : (long)v;
	return (*out < lo || *out > hi) ? -ERANGE : 0;
}

int failslab_set(const char *key, const char *val)
{
	struct fault_attr *a = &failslab.attr;
	long v;
	int err;

	if (!strcmp(key, "ignore-gfp-wait"))
		return parse_flag(val, &failslab.ignore_gfp_wait);
	if (!strcmp(key, "cache-filter"))
		return parse_flag(val, &failslab.cache_filter);
	if (!strcmp(key, "probability")) {
		err = parse_number(val, 0, 100, &v);
		if (!err)
			WRITE_ONCE(a->probability, (unsigned long)v);
	} else if (!strcmp(key, "interval")) {
		err = parse_number(val, 1, 0x7fffffff, &v);
		if (!err)
			a->interval = (unsigned long)v;
	} else if (!strcmp(key, "times")) {
		err = parse_number(val, -1, 0x7fffffff, &v);
		if (!err)
			WRITE_ONCE(a->times, (int)v);
	} else if (!strcmp(key, "verbose")) {
		err = parse_number(val, 0, 2, &v);
		if (!err)
			a->verbose = (int)v;
	} else {
		return -ENOENT;
	}
	return err;
}

void failslab_show(mm_printf_t print)
{
	const struct fault_attr *a = &failslab.attr;

	print("probability=%lu interval=%lu times=%d ignore-gfp-wait=%c cache-filter=%c "
	      "verbose=%d injected=%lu\n", a->probability, a->interval, a->times,
	      failslab.ignore_gfp_wait ? 'Y' : 'N', failslab.cache_filter ? 'Y' : 'N',
	      a->verbose, a->injected);
}
