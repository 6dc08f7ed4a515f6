/*
 * Giving memory back: kmem_cache_shrink() for one cache, and a shrinker
 * the page allocator runs when memory is short, which does the same for
 * every cache on the node that is short.
 *
 * A CPU can only empty its own array (the arrays have no lock). The other
 * CPUs' arrays are asked to drain: each does at its next slow path. Less
 * than Linux, which interrupts every CPU to drain at once; Mica will do the
 * same once cross-CPU calls exist.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/shrinker.h>
#include "slab.h"

/* Empty this CPU's array of @s and ask the others to empty theirs. */
static void drain_arrays(struct kmem_cache *s)
{
	unsigned int cpu, this;
	unsigned long flags;

	local_irq_save(flags);
	this = smp_processor_id();
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct array_cache *ac = s->cpu_array[cpu];

		if (cpu == this)
			slab_flush_cpu_array(s, cpu);
		else if (ac && ac_avail(ac))
			WRITE_ONCE(ac->drain, 1);
	}
	local_irq_restore(flags);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	bool left = false;
	int nid;

	drain_arrays(s);
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		slab_release_free_slabs(s, &s->node[nid], ~0UL);
		if (READ_ONCE(s->node[nid].nr_slabs))
			left = true;
	}
	return left;
}

/* The node the page allocator is short on, or all nodes when it names none. */
static bool shrink_node_wanted(const struct shrink_control *sc, int nid)
{
	return sc->nid < 0 || sc->nid >= MAX_NUMNODES || sc->nid == nid;
}

/* Pages in @s's empty slabs, plus objects waiting in this CPU's array. */
static unsigned long cache_freeable(struct kmem_cache *s, const struct shrink_control *sc)
{
	struct array_cache *ac = s->cpu_array[raw_smp_processor_id()];
	unsigned long n = ac ? ac_avail(ac) : 0;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		if (shrink_node_wanted(sc, nid))
			n += READ_ONCE(s->node[nid].nr_free_slabs) << s->order;
	return n;
}

static unsigned long slab_shrink_count(struct shrinker *shrinker, struct shrink_control *sc)
{
	unsigned long count = 0;
	struct kmem_cache *s;

	if (!spin_trylock(&slab_caches_lock))
		return 0;	/* a cache is being made or destroyed: try next time */
	list_for_each_entry(s, &slab_caches, list)
		count += cache_freeable(s, sc);
	spin_unlock(&slab_caches_lock);
	return count;
}

static unsigned long slab_shrink_scan(struct shrinker *shrinker, struct shrink_control *sc)
{
	unsigned long freed = 0;
	struct kmem_cache *s;

	if (!spin_trylock(&slab_caches_lock))
		return SHRINK_STOP;
	list_for_each_entry(s, &slab_caches, list) {
		int nid;

		drain_arrays(s);
		for (nid = 0; nid < MAX_NUMNODES && freed < sc->nr_to_scan; nid++)
			if (shrink_node_wanted(sc, nid))
				freed += slab_release_free_slabs(s, &s->node[nid],
								 sc->nr_to_scan - freed);
	}
	spin_unlock(&slab_caches_lock);
	return freed;
}

struct shrinker slab_shrinker = {
	.count_objects = slab_shrink_count,
	.scan_objects = slab_shrink_scan,
	.seeks = DEFAULT_SEEKS,
};

void slab_shrinker_register(void)
{
	if (register_shrinker(&slab_shrinker))
		pr_err("slab: cannot register the shrinker\n");
}
