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
	.attr = FAULT_ATTR_INITIALIZER("failslab"),
	.ignore_gfp_wait = true,
};


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
	return should_fail(a);
}

static int __init setup_failslab(char *str)
{
	int err = setup_fault_attr(&failslab.attr, str);

	if (!err)
		failslab_update();
	return err;
}
__setup("failslab=", setup_failslab);

int failslab_setting(void *settings, const char *key, const char *val)
{
	struct failslab_attr *fs = settings;

	if (!strcmp(key, "ignore-gfp-wait"))
		return fault_parse_bool(val, &fs->ignore_gfp_wait);
	if (!strcmp(key, "cache-filter"))
		return fault_parse_bool(val, &fs->cache_filter);
	return fault_attr_set(&fs->attr, key, val);
}

void failslab_configure(const struct failslab_attr *settings)
{
	failslab.ignore_gfp_wait = settings->ignore_gfp_wait;
	failslab.cache_filter = settings->cache_filter;
	fault_attr_configure(&failslab.attr, &settings->attr);
	failslab_update();
}

bool failslab_same_settings(const struct failslab_attr *a, const struct failslab_attr *b)
{
	return a->ignore_gfp_wait == b->ignore_gfp_wait && a->cache_filter == b->cache_filter &&
	       fault_attr_same_settings(&a->attr, &b->attr);
}

int failslab_set(const char *key, const char *val)
{
	struct failslab_attr settings = failslab;
	int err = failslab_setting(&settings, key, val);

	if (!err)
		failslab_configure(&settings);
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
