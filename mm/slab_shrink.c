/*
 * Giving memory back: kmem_cache_shrink() for one cache, drop_slab() for
 * all, and a shrinker the page allocator runs when memory is short, which
 * gives back the empty slabs of the node that is short.
 *
 * The CPU arrays have no lock: only their own CPU may empty them.
 * kmem_cache_shrink() and drop_slab() run in process context and ask every
 * CPU to do so with a cross-CPU call, as Linux does. The shrinker may run
 * anywhere an allocation may wait, even with interrupts off, where a
 * cross-CPU call could deadlock: it empties this CPU's arrays and marks
 * the others' to be emptied at their next slow path.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/shrinker.h>
#include <linux/smp.h>
#include "slab.h"

/* Empty this CPU's array of @s and ask the others to empty theirs. */
static void drain_arrays_local(struct kmem_cache *s)
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

/* Runs on each CPU with interrupts off. */
static void flush_this_cpu(void *cache)
{
	slab_flush_cpu_array(cache, smp_processor_id());
}

static bool release_all_free_slabs(struct kmem_cache *s)
{
	bool left = false;
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		slab_release_free_slabs(s, &s->node[nid], ~0UL);
		if (READ_ONCE(s->node[nid].nr_slabs))
			left = true;
	}
	return left;
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	kasan_quarantine_flush(s);
	on_each_cpu(flush_this_cpu, s, 1);
	return release_all_free_slabs(s);
}
EXPORT_SYMBOL(kmem_cache_shrink);

void drop_slab(void)
{
	struct kmem_cache *s;

	kasan_quarantine_flush(NULL);
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	spin_unlock(&slab_caches_lock);
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
	/* Objects in KASAN's quarantine go back to their slabs when the shrinker runs. */
	return count + (kasan_quarantine_bytes() >> PAGE_SHIFT);
}

static unsigned long slab_shrink_scan(struct shrinker *shrinker, struct shrink_control *sc)
{
	unsigned long freed = 0;
	struct kmem_cache *s;

	if (!spin_trylock(&slab_caches_lock))
		return SHRINK_STOP;
	kasan_quarantine_flush(NULL);
	list_for_each_entry(s, &slab_caches, list) {
		int nid;

		drain_arrays_local(s);
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
