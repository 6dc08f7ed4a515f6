/*
 * Helpers shared by the slab allocator's host tests: boot a simulated
 * machine with the slab allocator on it, bring every cache to rest, check
 * every cache, find caches and count their live objects.
 */
#ifndef _SLAB_TEST_H
#define _SLAB_TEST_H

#include "../mm/mm_test.h"
#include "../../../mm/slab.h"
#include <linux/slab.h>
#include <linux/shrinker.h>
#include <string.h>

/*
 * Boot @mib MiB with @cmdline, then kmem_cache_init() as start_kernel
 * does. The previous machine's slab state is forgotten first: its memory
 * is gone, but the shrinker and the boot parameters live in host globals.
 */
static inline void slab_test_boot(unsigned long mib, const char *cmdline)
{
	static bool booted;

	if (booted)
		unregister_shrinker(&slab_shrinker);
	slab_state = SLAB_DOWN;
	slub_debug_given = false;
	slub_debug_param[0] = '\0';
	failslab = (struct failslab_attr){
		.attr = FAULT_ATTR_INITIALIZER("failslab"),
		.ignore_gfp_wait = true,
	};
	atomic_set(&kmalloc_large_pages, 0);
	mm_test_boot(mib, cmdline);
	kmem_cache_init();
	booted = true;
}

static inline struct kmem_cache *slab_find(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/* Objects handed out and not freed (CPU arrays hold free ones). */
static inline unsigned long slab_live(struct kmem_cache *s)
{
	struct slabinfo info;

	get_slabinfo(s, &info);
	return info.active_objs - info.cpu_objs;
}

static inline unsigned long slab_live_all(void)
{
	struct kmem_cache *s;
	unsigned long n = 0;

	list_for_each_entry(s, &slab_caches, list)
		n += slab_live(s);
	return n;
}

/*
 * Every CPU array flushed, every empty slab freed, the page allocator's
 * per-CPU lists drained. Only while no other simulated CPU runs.
 */
static inline void slab_quiesce(void)
{
	struct kmem_cache *s;
	unsigned int cpu;

	list_for_each_entry(s, &slab_caches, list) {
		for (cpu = 0; cpu < NR_CPUS; cpu++)
			slab_flush_cpu_array(s, cpu);
		kmem_cache_shrink(s);
	}
	drain_all_pages();
}

/* Reports kmem_cache_validate made over all caches. */
static inline int slab_validate_all(void)
{
	struct kmem_cache *s;
	int n = 0;

	list_for_each_entry(s, &slab_caches, list)
		n += kmem_cache_validate(s);
	return n;
}

/* Pages the slab allocator holds, by the zone counters behind meminfo. */
static inline unsigned long slab_pages(void)
{
	return global_page_state(NR_SLAB_RECLAIMABLE) + global_page_state(NR_SLAB_UNRECLAIMABLE);
}

#endif
