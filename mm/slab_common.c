/*
 * Caches: creating one (object layout, slab order), destroying one, the
 * list of all caches, and the boot sequence that makes kmalloc work.
 */
#include <linux/kernel.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/kfence.h>
#include "slab.h"

enum slab_state slab_state;
struct kmem_cache *kmem_cache;
LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock);

/* The cache of caches cannot come from itself. */
static struct kmem_cache kmem_cache_boot;

bool slab_is_available(void)
{
	return slab_state >= SLAB_UP;
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}
EXPORT_SYMBOL(kmem_cache_size);

/*
 * Cache-line alignment, but an object of half a line or less gets the
 * smallest power of two that holds it, so no object straddles a line and
 * small ones still share one (Linux's rule).
 */
static unsigned int calculate_alignment(unsigned long flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = (unsigned int)cache_line_size();

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/*
 * The smallest order giving at least 4 * (fls(CPUs) + 1) objects per slab
 * (16 with 4 CPUs), as SLUB picks it, but no more than SLAB_MAX_ORDER
 * unless one object needs more.
 */
static int calculate_order(struct kmem_cache *s)
{
	unsigned int cpus = max(num_possible_cpus(), 1);
	unsigned int min_objects = 4 * (32 - (unsigned int)__builtin_clz(cpus) + 1);
	unsigned int order = get_order(s->size);

	if (order >= MAX_ORDER)
		return -E2BIG;
	s->min_order = order;
	while (order < SLAB_MAX_ORDER && (PAGE_SIZE << order) / s->size < min_objects)
		order++;
	s->order = order;
	s->objects = (unsigned int)((PAGE_SIZE << order) / s->size);
	return 0;
}

int slab_init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		    unsigned int align, unsigned long flags, void (*ctor)(void *))
{
	unsigned int slot;
	int nid, err;

	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->align = calculate_alignment(flags, align, size);
	if (slab_debug(s)) {
		slot = slab_debug_layout(s);
	} else {
		/* The free pointer lives in a free object, unless a constructor's state must survive. */
		s->red_left_pad = 0;
		s->track_offset = 0;
		s->inuse = ALIGN(size, (unsigned int)sizeof(void *));
		s->offset = ctor ? s->inuse : 0;
		slot = s->inuse + (ctor ? (unsigned int)sizeof(void *) : 0);
	}
	slot = kasan_cache_create(s, slot);
	s->size = ALIGN(slot, s->align);
	/* The slot's tail is the object's to use, unless something else lives there. */
	if (!slab_debug(s))
		s->usable = ctor || kasan_meta_in_slot() ? s->inuse : s->size;
	err = calculate_order(s);
	if (err)
		return err;
	s->allocflags = 0;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		slab_init_node(s, &s->node[nid]);
	slab_set_bypass(s, true);
	return 0;
}

static void add_cache(struct kmem_cache *s)
{
	spin_lock(&slab_caches_lock);
	list_add(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
}

static int check_create_args(const char *name, size_t size, size_t align, unsigned long flags)
{
	if (!name || in_interrupt() || slab_state < SLAB_UP)
		return -EINVAL;
	if (!size || size > KMALLOC_MAX_SIZE)
		return -EINVAL;
	if ((align & (align - 1)) || align > PAGE_SIZE)
		return -EINVAL;
	if (flags & ~SLAB_FLAGS_PERMITTED)
		return -EINVAL;
	return 0;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned long flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	char *copy = NULL;
	int err = check_create_args(name, size, align, flags);

	if (!err) {
		flags = kmem_cache_flags(name, flags);
		copy = kstrdup(name, GFP_KERNEL);
		s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
		err = -ENOMEM;
		if (copy && s) {
			err = slab_init_cache(s, copy, (unsigned int)size, (unsigned int)align,
					      flags, ctor);
			if (!err && !slab_debug(s) && !slab_enable_cpu_arrays(s))
				err = -ENOMEM;
		}
	}
	if (err) {
		kfree(copy);
		kmem_cache_free(kmem_cache, s);
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: Failed to create slab '%s'. Error %d\n",
			      name ? name : "(null)", err);
		pr_warn("kmem_cache_create(%s) failed with error %d\n", name ? name : "(null)", err);
		dump_stack();
		return NULL;
	}
	s->name_owned = true;
	add_cache(s);
	if (module_track_caller(_RET_IP_))
		module_track_alloc(MT_CACHE, s, size, _RET_IP_, NULL);
	return s;
}
EXPORT_SYMBOL(kmem_cache_create);

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}
EXPORT_SYMBOL(kmem_cache_name);

/*
 * Empty every CPU array and give back every empty slab; true if no slab
 * remains. The caller guarantees nobody else uses @s any more, which is
 * also what makes reading the other CPUs' arrays safe.
 */
static bool shutdown_cache(struct kmem_cache *s)
{
	unsigned long flags;
	unsigned int cpu;
	bool empty = true;
	int nid;

	smp_mb();
	local_irq_save(flags);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		slab_flush_cpu_array(s, cpu);
	local_irq_restore(flags);
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		slab_release_free_slabs(s, &s->node[nid], ~0UL);
		if (READ_ONCE(s->node[nid].nr_slabs))
			empty = false;
	}
	return empty;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned int cpu;

	if (!s)
		return;
	if (WARN(s == kmem_cache || !s->name_owned, "kmem_cache_destroy %s: a boot cache\n",
		 s->name))
		return;
	if (module_track_held_any(MT_CACHE))
		module_track_free(MT_CACHE, s);
	/* Off the list first: the shrinker and slabinfo walk it under the same lock. */
	spin_lock(&slab_caches_lock);
	list_del(&s->list);
	spin_unlock(&slab_caches_lock);
	kasan_quarantine_flush(s);
	if (!shutdown_cache(s) || kfence_shutdown_cache(s)) {
		slab_report_leak(s, _RET_IP_);
		add_cache(s);
		return;
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		kfree(s->cpu_array[cpu]);
	kfree(s->name);
	kmem_cache_free(kmem_cache, s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

struct kmem_cache *__init create_kmalloc_cache(const char *name, unsigned int size,
					       unsigned long flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);

	flags = kmem_cache_flags(name, flags | SLAB_KMALLOC);
	if (!s || slab_init_cache(s, name, size, ARCH_KMALLOC_MINALIGN, flags, NULL))
		panic("Out of memory when creating slab %s\n", name);
	add_cache(s);
	return s;
}

void __init kmem_cache_init(void)
{
	struct kmem_cache *s;
	unsigned int cpus = max(num_possible_cpus(), 1);

	slab_lowmem.map = mem_map;
	slab_lowmem.bytes = (unsigned long)high_memory - PAGE_OFFSET;
	INIT_LIST_HEAD(&slab_caches);
	spin_lock_init(&slab_caches_lock);
	memset(&kmem_cache_boot, 0, sizeof(kmem_cache_boot));
	kmem_cache = &kmem_cache_boot;
	if (slab_init_cache(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
			    kmem_cache_flags("kmem_cache", SLAB_HWCACHE_ALIGN), NULL))
		panic("kmem_cache_init: cannot lay out the cache of caches\n");
	add_cache(kmem_cache);
	slab_state = SLAB_PARTIAL;

	create_kmalloc_caches();
	slab_state = SLAB_UP;

	/* kmalloc works: now every cache made so far gets its CPU arrays. */
	list_for_each_entry(s, &slab_caches, list)
		if (!slab_debug(s) && !slab_enable_cpu_arrays(s))
			panic("kmem_cache_init: no memory for the CPU arrays of %s\n", s->name);

	slab_shrinker_register();
	slab_state = SLAB_FULL;
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=%u, CPUs=%u, Nodes=%d\n",
		cache_line_size(), SLAB_MAX_ORDER, 4 * (32 - __builtin_clz(cpus) + 1), cpus,
		nr_online_nodes);
}
