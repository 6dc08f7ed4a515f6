/*
 * The quarantine: freed slab objects wait in a FIFO, poisoned, before
 * their cache may hand them out again, so a use after free still finds
 * them poisoned long after the kfree. It holds at most 1/32 of RAM (as
 * Linux); beyond that the oldest go back to their caches. Shrinking a
 * cache or dropping the slab caches empties it of theirs first.
 *
 * Less than Linux: one queue under one lock, no per-CPU batches.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <asm/spinlock.h>
#include "kasan.h"
#include "slab.h"

static arch_spinlock_t quarantine_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static void *head, *tail;		/* oldest, newest; linked through kasan_slab_meta.qlink */
static unsigned long nr_objects, nr_bytes;

static struct kmem_cache *cache_of(const void *obj)
{
	return slab_virt_to_head_page(obj)->slab_cache;
}

static void **link_of(void *obj)
{
	return &kasan_slab_meta(cache_of(obj), obj)->qlink;
}

static unsigned long quarantine_limit(void)
{
	return totalram_pages * PAGE_SIZE / 32;
}

/* Give a detached chain back to the caches, outside the lock. */
static void free_chain(void *obj)
{
	while (obj) {
		void *next = *link_of(obj);

		slab_free_unchecked(cache_of(obj), obj);
		obj = next;
	}
}

void kasan_quarantine_put(struct kmem_cache *s, void *obj)
{
	unsigned long flags, limit = quarantine_limit();
	void *evict = NULL, **evict_tail = &evict;

	kasan_slab_meta(s, obj)->qlink = NULL;
	local_irq_save(flags);
	arch_spin_lock(&quarantine_lock);
	if (tail)
		*link_of(tail) = obj;
	else
		head = obj;
	tail = obj;
	nr_objects++;
	nr_bytes += s->size;
	/* Over the limit: a quarter goes, so that the next frees do not all pay. */
	if (nr_bytes > limit) {
		while (head && nr_bytes > limit - limit / 4) {
			void *old = head;

			head = *link_of(old);
			nr_objects--;
			nr_bytes -= cache_of(old)->size;
			*evict_tail = old;
			evict_tail = link_of(old);
		}
		*evict_tail = NULL;
		if (!head)
			tail = NULL;
	}
	arch_spin_unlock(&quarantine_lock);
	local_irq_restore(flags);
	free_chain(evict);
}

void kasan_quarantine_flush(struct kmem_cache *s)
{
	void *obj, *prev = NULL, *flush = NULL, **flush_tail = &flush;
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&quarantine_lock);
	obj = head;
	while (obj) {
		void *next = *link_of(obj);
		struct kmem_cache *c = cache_of(obj);

		if (!s || c == s) {
			if (prev)
				*link_of(prev) = next;
			else
				head = next;
			if (tail == obj)
				tail = prev;
			nr_objects--;
			nr_bytes -= c->size;
			*flush_tail = obj;
			flush_tail = link_of(obj);
		} else {
			prev = obj;
		}
		obj = next;
	}
	*flush_tail = NULL;
	arch_spin_unlock(&quarantine_lock);
	local_irq_restore(flags);
	free_chain(flush);
}

unsigned long kasan_quarantine_bytes(void)
{
	return READ_ONCE(nr_bytes);
}

void kasan_quarantine_get_stats(struct kasan_quarantine_stats *st)
{
	st->objects = READ_ONCE(nr_objects);
	st->bytes = READ_ONCE(nr_bytes);
	st->limit = quarantine_limit();
}
