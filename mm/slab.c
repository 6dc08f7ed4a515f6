/*
 * The slab allocator's object paths: per-CPU arrays in front, node lists of
 * partial/full/free slabs behind them, and slabs taken from and given back
 * to the page allocator. mm/slab.h describes the structures; the fast
 * paths are inline there.
 *
 * Locking: a CPU touches its own array only, with interrupts off, so the
 * fast path takes no lock. A node's list_lock (taken with interrupts off)
 * guards its lists, its counters and the free lists of its slabs. No lock
 * is held while the page allocator runs: it may call the slab shrinker.
 */
#include <linux/kernel.h>
#include <mica/module_track.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include "slab.h"
#include "internal.h"

struct slab_lowmem slab_lowmem;

/* Count @page's pages in or out of the zone's slab counters (meminfo's Slab lines). */
static void account_slab(const struct kmem_cache *s, struct page *page, bool add)
{
	enum zone_stat_item item = (s->flags & SLAB_RECLAIM_ACCOUNT) ? NR_SLAB_RECLAIMABLE
								    : NR_SLAB_UNRECLAIMABLE;
	long pages = (long)compound_nr(page);

	mod_zone_page_state(page_zone(page), item, add ? pages : -pages);
}

/* Cut a new block of pages into objects, chained in address order. */
static void init_slab(struct kmem_cache *s, struct page *page, unsigned int order)
{
	unsigned int i, nr = (unsigned int)((PAGE_SIZE << order) / s->size);
	void *next = NULL;

	for (i = 0; i < 1U << order; i++) {
		__SetPageSlab(page + i);
		page[i].slab_cache = s;
	}
	page->counters = 0;
	page->objects = nr;
	if (slab_debug(s))
		slab_debug_init_slab(s, page);
	for (i = nr; i-- > 0;) {
		void *obj = slab_object(s, page, i);

		if (slab_debug(s))
			slab_debug_new_object(s, obj);
		if (s->ctor)
			s->ctor(obj);
		set_freepointer(s, obj, next);
		next = obj;
	}
	page->freelist = next;
}

/* A slab of the preferred order if the page allocator has one handy, else of the minimum. */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp, int nid)
{
	unsigned int order = s->order;
	struct page *page = NULL;

	if (order > s->min_order)
		page = alloc_pages_node(nid, (gfp | __GFP_NOWARN | __GFP_NORETRY | __GFP_COMP) &
					~__GFP_NOFAIL, order);
	if (!page) {
		order = s->min_order;
		page = alloc_pages_node(nid, gfp | (order ? __GFP_COMP : 0), order);
		if (!page)
			return NULL;
	}
	init_slab(s, page, order);
	kasan_poison_slab(s, page);
	account_slab(s, page, true);
	return page;
}

static void free_slab(struct kmem_cache *s, struct page *page)
{
	unsigned int order = compound_order(page), i;

	account_slab(s, page, false);
	for (i = 0; i < 1U << order; i++) {
		__ClearPageSlab(page + i);
		page[i].slab_cache = NULL;
	}
	page->freelist = NULL;
	page_mapcount_reset(page);
	__free_pages(page, order);
}

static void discard_slabs(struct kmem_cache *s, struct list_head *list)
{
	struct page *page, *tmp;

	list_for_each_entry_safe(page, tmp, list, lru)
		free_slab(s, page);
}

void slab_init_node(struct kmem_cache *s, struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	INIT_LIST_HEAD(&n->slabs_partial);
	INIT_LIST_HEAD(&n->slabs_full);
	INIT_LIST_HEAD(&n->slabs_free);
	n->nr_slabs = n->nr_free_slabs = 0;
	n->total_objects = n->free_objects = 0;
	n->free_limit = s->objects;
}

/* 0 free, 1 partial, 2 full. */
static unsigned int slab_fill(unsigned int inuse, unsigned int objects)
{
	return inuse == 0 ? 0 : inuse < objects ? 1 : 2;
}

void slab_relist(struct kmem_cache_node *n, struct page *page, unsigned int was_inuse)
{
	unsigned int from = slab_fill(was_inuse, page->objects);
	unsigned int to = slab_fill(page->inuse, page->objects);

	if (from == to)
		return;
	if (from == 0)
		n->nr_free_slabs--;
	if (to == 0)
		n->nr_free_slabs++;
	list_move(&page->lru, to == 0 ? &n->slabs_free : to == 1 ? &n->slabs_partial
							    : &n->slabs_full);
}

/* Partly used slabs first, so that empty ones stay empty and can go back. */
static struct page *slab_with_free_object(struct kmem_cache_node *n)
{
	if (!list_empty(&n->slabs_partial))
		return list_first_entry(&n->slabs_partial, struct page, lru);
	if (!list_empty(&n->slabs_free))
		return list_first_entry(&n->slabs_free, struct page, lru);
	return NULL;
}

/* Fill @ac with up to a batch of objects from @n's slabs. */
static void take_batch(struct kmem_cache *s, struct kmem_cache_node *n, struct array_cache *ac)
{
	unsigned int want = min(ac->batchcount, (unsigned int)(ac->end - ac->top));

	while (want) {
		struct page *page = slab_with_free_object(n);
		unsigned int was;

		if (!page)
			break;
		was = page->inuse;
		while (want && page->freelist) {
			void *obj = page->freelist;

			page->freelist = get_freepointer(s, obj);
			*++ac->top = obj;
			page->inuse++;
			n->free_objects--;
			want--;
		}
		slab_relist(n, page, was);
	}
}

/* One object from @n's slabs, checked first in a debug cache. */
static void *take_one(struct kmem_cache *s, struct kmem_cache_node *n, unsigned long caller)
{
	for (;;) {
		struct page *page = slab_with_free_object(n);
		unsigned int was;
		void *obj;

		if (!page)
			return NULL;
		obj = page->freelist;
		if (slab_debug(s) && !slab_debug_alloc(s, n, page, obj, caller))
			continue;	/* that slab was isolated */
		was = page->inuse;
		page->freelist = get_freepointer(s, obj);
		page->inuse++;
		n->free_objects--;
		slab_relist(n, page, was);
		return obj;
	}
}

/*
 * Put @obj back on its slab. An empty slab goes to the free list, or, when
 * the node already holds more free objects than free_limit, to @discard
 * for the caller to free once the lock is dropped.
 */
static void put_object(struct kmem_cache *s, struct kmem_cache_node *n, struct page *page,
		       void *obj, struct list_head *discard)
{
	unsigned int was = page->inuse;

	/* The cheap double-free checks: it is the slab's newest free object, or nothing is in use. */
	if (unlikely(page->freelist == obj || was == 0)) {
		slab_report_double_free(s, page, obj);
		return;
	}
	set_freepointer(s, obj, page->freelist);
	page->freelist = obj;
	page->inuse = was - 1;
	n->free_objects++;
	if (page->inuse == 0 && n->free_objects > n->free_limit) {
		list_move(&page->lru, discard);
		n->nr_slabs--;
		n->total_objects -= page->objects;
		n->free_objects -= page->objects;
		return;
	}
	slab_relist(n, page, was);
}

void slab_free_objects(struct kmem_cache *s, void **objs, unsigned int nr)
{
	struct kmem_cache_node *n = NULL;
	LIST_HEAD(discard);
	unsigned int i;

	for (i = 0; i < nr; i++) {
		struct page *page = slab_virt_to_head_page(objs[i]);
		struct kmem_cache_node *on = &s->node[page_to_nid(page)];

		if (on != n) {
			if (n)
				spin_unlock(&n->list_lock);
			n = on;
			spin_lock(&n->list_lock);
		}
		put_object(s, n, page, objs[i], &discard);
	}
	if (n)
		spin_unlock(&n->list_lock);
	discard_slabs(s, &discard);
}

/* Give the oldest @nr objects of @ac back to their slabs. */
static void flush_array(struct kmem_cache *s, struct array_cache *ac, unsigned int nr)
{
	unsigned int left = ac_avail(ac) - nr;

	slab_free_objects(s, &ac->slot[1], nr);
	memmove(&ac->slot[1], &ac->slot[1 + nr], left * sizeof(void *));
	ac->top = &ac->slot[left];
}

void slab_flush_cpu_array(struct kmem_cache *s, unsigned int cpu)
{
	struct array_cache *ac = s->cpu_array[cpu];

	if (!ac)
		return;
	if (ac_avail(ac))
		flush_array(s, ac, ac_avail(ac));
	ac->drain = 0;
}

unsigned long slab_release_free_slabs(struct kmem_cache *s, struct kmem_cache_node *n,
				      unsigned long max)
{
	unsigned long flags, pages = 0;
	struct page *page, *tmp;
	LIST_HEAD(discard);

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(page, tmp, &n->slabs_free, lru) {
		if (pages >= max)
			break;
		list_move(&page->lru, &discard);
		n->nr_slabs--;
		n->nr_free_slabs--;
		n->total_objects -= page->objects;
		n->free_objects -= page->objects;
		pages += compound_nr(page);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	discard_slabs(s, &discard);
	return pages;
}

static void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp, int nid)
{
	char buf[128];
	int node;

	format_gfp_flags(buf, sizeof(buf), gfp);
	pr_warn("SLUB: Unable to allocate memory on node %d, gfp=%#x(%s)\n", nid,
		(__force unsigned int)gfp, buf);
	pr_warn("  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u\n",
		s->name, s->object_size, s->size, s->order, s->min_order);
	for_each_online_node(node) {
		struct kmem_cache_node *n = &s->node[node];

		pr_warn("  node %d: slabs: %lu, objs: %lu, free: %lu\n", node,
			READ_ONCE(n->nr_slabs), READ_ONCE(n->total_objects),
			READ_ONCE(n->free_objects));
	}
}

/*
 * Add a new slab to its node's free list. Interrupts are off on entry; the
 * page allocation runs with them on if the caller had them on and may wait.
 */
static struct page *grow(struct kmem_cache *s, gfp_t gfp, int nid, unsigned long *irqflags)
{
	bool irqs_on = (gfp & __GFP_WAIT) && !irqs_disabled_flags(*irqflags);
	struct kmem_cache_node *n;
	struct page *page;

	if (unlikely(gfp & GFP_SLAB_BUG_MASK)) {
		WARN(1, "%s: unexpected gfp %#x, using %#x\n", s->name, (__force unsigned int)gfp,
		     (__force unsigned int)(gfp & ~GFP_SLAB_BUG_MASK));
		gfp &= ~GFP_SLAB_BUG_MASK;
	}
	gfp = (gfp & (GFP_RECLAIM_MASK | GFP_CONSTRAINT_MASK)) | s->allocflags;
	if (irqs_on)
		local_irq_enable();
	page = allocate_slab(s, gfp, nid);
	if (irqs_on)
		local_irq_disable();
	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			slab_out_of_memory(s, gfp, nid);
		return NULL;
	}
	n = &s->node[page_to_nid(page)];
	spin_lock(&n->list_lock);
	list_add_tail(&page->lru, &n->slabs_free);
	n->nr_slabs++;
	n->nr_free_slabs++;
	n->total_objects += page->objects;
	n->free_objects += page->objects;
	spin_unlock(&n->list_lock);
	return page;
}

/* One object straight from the node lists (debug caches, bypass, a given node). */
static void *alloc_one(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller,
		       unsigned long *irqflags)
{
	int nid = node == NUMA_NO_NODE ? numa_node_id() : node;

	for (;;) {
		struct kmem_cache_node *n = &s->node[nid];
		struct page *page;
		void *obj;

		spin_lock(&n->list_lock);
		obj = take_one(s, n, caller);
		spin_unlock(&n->list_lock);
		if (obj)
			return obj;
		page = grow(s, gfp, nid, irqflags);
		if (!page)
			return NULL;
		nid = page_to_nid(page);	/* the page allocator may have fallen back */
	}
}

/*
 * This CPU's array for the slow paths. A cache that bypasses its arrays
 * only because modules hold objects of it (slab_module_objects) still
 * uses its own here: that bypass only brings each operation to the slow
 * path, where a free drops the object's record. The bypasses of a debug
 * cache (no arrays), KFENCE objects and failslab keep the array of limit 0.
 */
static struct array_cache *slow_path_array(struct kmem_cache *s)
{
	unsigned int cpu = smp_processor_id();
	struct array_cache *ac = s->cpu_cache[cpu], *own = s->cpu_array[cpu];

	if (ac->limit || !own || READ_ONCE(s->kfence_objects) || failslab_armed())
		return ac;
	return own;
}

/* Refill this CPU's array from the local node, growing the cache if it has nothing. */
static void *refill(struct kmem_cache *s, gfp_t gfp, unsigned long caller, unsigned long *irqflags)
{
	int nid = numa_node_id();

	for (;;) {
		/* Re-read: interrupts may have been on while the cache grew. */
		struct array_cache *ac = slow_path_array(s);
		struct kmem_cache_node *n;
		struct page *page;

		if (!ac->limit)		/* failslab was armed meanwhile */
			return alloc_one(s, gfp, NUMA_NO_NODE, caller, irqflags);
		if (*ac->top)
			return *ac->top--;
		ac->drain = 0;		/* nothing to flush: the array is empty */
		n = &s->node[nid];
		spin_lock(&n->list_lock);
		take_batch(s, n, ac);
		spin_unlock(&n->list_lock);
		if (*ac->top)
			return *ac->top--;
		page = grow(s, gfp, nid, irqflags);
		if (!page)
			return NULL;
		nid = page_to_nid(page);
	}
}

/* Interrupts off on entry and on return. */
static void *alloc_slow(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller,
			unsigned long *irqflags)
{
	struct array_cache *ac;
	void *obj;

	if (unlikely(should_failslab(s, gfp)))
		return NULL;
	ac = slow_path_array(s);
	if (node != NUMA_NO_NODE || !ac->limit)
		obj = alloc_one(s, gfp, node, caller, irqflags);
	else if (*ac->top)		/* __GFP_ZERO, or modules' objects, brought us here */
		obj = *ac->top--;
	else
		obj = refill(s, gfp, caller, irqflags);
	return obj;
}

static void *zero_object(struct kmem_cache *s, gfp_t gfp, void *obj)
{
	if ((gfp & __GFP_ZERO) && obj)
		memset(obj, 0, s->object_size);
	return obj;
}

noinline void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		      unsigned long irqflags)
{
	void *obj = alloc_slow(s, gfp, NUMA_NO_NODE, caller ?: _RET_IP_, &irqflags);

	local_irq_restore(irqflags);
	return zero_object(s, gfp, obj);
}

/*
 * Free one object to the node lists, with every check of a debug cache. A
 * cache holding a KFENCE object frees through here (see slab_kfence_hold).
 */
static void free_one(struct kmem_cache *s, void *obj, unsigned long caller)
{
	struct kmem_cache_node *n;
	struct page *page;
	LIST_HEAD(discard);
	bool ok = true;

	if (is_kfence_address(obj)) {
		__kfence_free(obj);
		return;
	}
	if (slab_debug(s)) {
		if (!slab_addr_valid(obj)) {
			slab_report_invalid_free(s, obj, "not a lowmem address");
			return;
		}
		page = slab_virt_to_head_page(obj);
		if (!PageSlab(page)) {
			slab_report_invalid_free(s, obj, "outside of slab");
			return;
		}
		if (page->slab_cache != s) {
			slab_report_wrong_cache(s, page, obj);
			return;
		}
	} else {
		page = slab_virt_to_head_page(obj);
	}
	n = &s->node[page_to_nid(page)];
	spin_lock(&n->list_lock);
	if (slab_debug(s))
		ok = slab_debug_free(s, n, page, obj, caller);
	if (ok)
		put_object(s, n, page, obj, &discard);
	spin_unlock(&n->list_lock);
	discard_slabs(s, &discard);
}

noinline void slab_free_slow(struct kmem_cache *s, void *obj, unsigned long caller,
		    unsigned long irqflags)
{
	struct array_cache *ac;

	if (unlikely(READ_ONCE(s->module_objs)) && module_track_free(MT_SLAB, obj))
		slab_module_objects(s, -1);
	ac = slow_path_array(s);
	if (!ac->limit) {
		free_one(s, obj, caller ?: _RET_IP_);
	} else if (*ac->top == obj) {
		slab_report_double_free(s, slab_virt_to_head_page(obj), obj);
	} else {
		/* Full (or asked to drain): the oldest batch goes back to the slabs. */
		if (ac->top == ac->end || ac->drain) {
			flush_array(s, ac, ac->drain ? ac_avail(ac)
						     : min(ac->batchcount, ac_avail(ac)));
			ac->drain = 0;
		}
		*++ac->top = obj;
	}
	local_irq_restore(irqflags);
}

/* Tail-called, as the slow paths: SLAB_CALLER_RET_IP resolves here. Report, then allocate. */
void *slab_alloc_might_sleep(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	caller = caller ?: _RET_IP_;
	__might_sleep(__FILE__, __LINE__);
	return slab_alloc_fast(s, gfp, caller, false);
}

void slab_free_held_locks(struct kmem_cache *s, void *obj, unsigned long caller)
{
	caller = caller ?: _RET_IP_;
	debug_check_no_locks_freed(obj, s->object_size);
	if (kasan_slab_free(s, obj, caller))
		return;
	slab_free_fast(s, obj, caller);
}

#ifdef CONFIG_KASAN
void slab_free_unchecked(struct kmem_cache *s, void *obj)
{
	slab_free_fast(s, obj, _RET_IP_);
}
#endif

/* A node-specific allocation bypasses the CPU array, whose objects may be from any node. */
void *slab_alloc_node(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller)
{
	unsigned long irqflags;
	void *obj;

	if (node == NUMA_NO_NODE)
		return slab_alloc(s, gfp, caller);
	if (WARN(!node_online(node), "%s: allocation on offline node %d\n", s->name, node))
		node = NUMA_NO_NODE;
	local_irq_save(irqflags);
	obj = alloc_slow(s, gfp, node, caller, &irqflags);
	local_irq_restore(irqflags);
	return kasan_slab_alloc(s, zero_object(s, gfp, obj), gfp);
}

/* A module's allocation (@caller is in its code): recorded for its report on rmmod. */
void *slab_alloc_tracked(struct kmem_cache *s, gfp_t gfp, int node, unsigned long caller)
{
	/* A module's objects stay out of KFENCE's pool: its report must see them. */
	void *obj = node == NUMA_NO_NODE ? slab_alloc_unsampled(s, gfp, caller)
					 : slab_alloc_node(s, gfp, node, caller);

	if (obj && module_track_alloc(MT_SLAB, obj, s->object_size, caller, s))
		slab_module_objects(s, 1);
	return obj;
}

void *__slab_fastpath kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, SLAB_ENTRY_CALLER);
}
EXPORT_SYMBOL(kmem_cache_alloc);

/* What a module's kmem_cache_alloc resolves to while recording (mica/module_track.h). */
void *kmem_cache_alloc_from_module(struct kmem_cache *s, gfp_t flags)
{
	if (module_track_caller(_RET_IP_))
		return slab_alloc_tracked(s, flags, NUMA_NO_NODE, _RET_IP_);
	return slab_alloc(s, flags, _RET_IP_);
}

void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	if (module_track_caller(_RET_IP_))
		return slab_alloc_tracked(s, flags, node, _RET_IP_);
	return slab_alloc_node(s, flags, node, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_alloc_node);

void __slab_fastpath kmem_cache_free(struct kmem_cache *s, void *obj)
{
	if (unlikely(!obj))
		return;
	slab_free(s, obj, SLAB_ENTRY_CALLER);
}
EXPORT_SYMBOL(kmem_cache_free);

void *slab_alloc_sampled(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	void *obj;

	might_sleep_if(gfp & __GFP_WAIT);	/* the fast path's check, for either source */
	obj = __kfence_alloc(s, s->object_size, gfp);
	if (obj)
		return obj;
	return kasan_slab_alloc(s, slab_alloc_fast(s, gfp, caller, false), gfp);
}

/* Linux SLAB's sizes: fewer cached objects the bigger they are. */
void slab_array_params(const struct kmem_cache *s, unsigned int *limit, unsigned int *batch)
{
	if (s->size > PAGE_SIZE)
		*limit = 8;
	else if (s->size > 1024)
		*limit = 24;
	else if (s->size > 256)
		*limit = 54;
	else
		*limit = 120;
	*batch = (*limit + 1) / 2;
}

/* Serializes the choice between a cache's own arrays and the bypass. */
static DEFINE_SPINLOCK(bypass_lock);

static void set_cpu_caches(struct kmem_cache *s, bool bypass)
{
	struct array_cache *by = &s->bypass.ac;
	unsigned int cpu;

	/* limit 0, top == end == &slot[0]: every operation takes the slow path. */
	by->top = by->end = by->slot;
	by->slot[0] = NULL;
	by->cache = s;
	bypass = bypass || s->kfence_objects || s->module_bypass;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct array_cache *ac = s->cpu_array[cpu];

		WRITE_ONCE(s->cpu_cache[cpu], bypass || !ac ? by : ac);
	}
	smp_wmb();	/* before the object that needs it is handed out */
}

void slab_set_bypass(struct kmem_cache *s, bool bypass)
{
	unsigned long flags;

	spin_lock_irqsave(&bypass_lock, flags);
	set_cpu_caches(s, bypass);
	spin_unlock_irqrestore(&bypass_lock, flags);
}

/*
 * While a KFENCE object of a cache made by kmem_cache_create is handed
 * out, the cache bypasses its CPU arrays: kmem_cache_free then reaches
 * free_one(), which gives the object back to KFENCE, and the fast path
 * needs no test for it. kmalloc's objects are freed by kfree, which looks
 * at the page anyway.
 */
void slab_kfence_hold(struct kmem_cache *s, bool hold)
{
	unsigned long flags;

	if (s->flags & SLAB_KMALLOC)
		return;
	spin_lock_irqsave(&bypass_lock, flags);
	s->kfence_objects += hold ? 1 : -1;
	set_cpu_caches(s, failslab_armed());
	spin_unlock_irqrestore(&bypass_lock, flags);
}

/*
 * Likewise once a module took objects of the cache: every free then
 * reaches slab_free_slow(), which drops the object's record, so neither
 * kfree nor kmem_cache_free tests for them. The cache's other users take
 * its slow paths meanwhile (which still use the CPU arrays), until a
 * module is removed while none of the cache's objects is held: switching
 * back each time the count reaches 0 would cost every module's
 * kmalloc+kfree pair two switches.
 */
void slab_module_objects(struct kmem_cache *s, int n)
{
	unsigned long flags;

	spin_lock_irqsave(&bypass_lock, flags);
	s->module_objs += n;
	if (n > 0 && !s->module_bypass) {
		s->module_bypass = true;
		set_cpu_caches(s, failslab_armed());
	}
	spin_unlock_irqrestore(&bypass_lock, flags);
}

void kmem_cache_forget_module_object(struct kmem_cache *s)
{
	slab_module_objects(s, -1);
}

void kmem_cache_module_removed(void)
{
	struct kmem_cache *s;
	unsigned long flags;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		spin_lock_irqsave(&bypass_lock, flags);
		if (s->module_bypass && !s->module_objs) {
			s->module_bypass = false;
			set_cpu_caches(s, failslab_armed());
		}
		spin_unlock_irqrestore(&bypass_lock, flags);
	}
	spin_unlock(&slab_caches_lock);
}

bool slab_enable_cpu_arrays(struct kmem_cache *s)
{
	struct array_cache *ac[NR_CPUS] = { NULL };
	unsigned int limit, batch, cpu, cpus = max(num_possible_cpus(), 1);
	int nid;

	slab_array_params(s, &limit, &batch);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		ac[cpu] = kmalloc(sizeof(struct array_cache) + (limit + 1) * sizeof(void *),
				  GFP_KERNEL);
		if (!ac[cpu]) {
			while (cpu--)
				kfree(ac[cpu]);
			return false;
		}
		ac[cpu]->top = ac[cpu]->slot;
		ac[cpu]->end = ac[cpu]->slot + limit;
		ac[cpu]->cache = s;
		ac[cpu]->limit = limit;
		ac[cpu]->batchcount = batch;
		ac[cpu]->drain = 0;
		ac[cpu]->slot[0] = NULL;
	}
	for (nid = 0; nid < MAX_NUMNODES; nid++)
		s->node[nid].free_limit = (1 + cpus) * batch + s->objects;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		s->cpu_array[cpu] = ac[cpu];
	slab_set_bypass(s, failslab_armed());
	return true;
}
