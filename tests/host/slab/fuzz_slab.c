/*
 * libFuzzer target: each input is a sequence of slab operations (kmalloc
 * of any size and GFP mask, kfree, krealloc, caches of any size, alignment,
 * flags and constructor created, used and destroyed, CPU switches,
 * shrinking) and of misuse the allocator must report exactly once and
 * survive (freeing an object twice in a row, writing into a freed object
 * of a poisoned cache). After every input everything is freed, and every
 * cache must validate, the report count must match the misuse done, and
 * every page must be back.
 *
 *   build/host/slab/fuzz_slab -max_total_time=60 corpus/
 */
#include "slab_test.h"
#include <stdio.h>
#include <stdlib.h>

#define MAX_LIVE	256
#define MAX_CACHES	4

struct obj {
	u8 *p;
	size_t size;
	int cache;		/* -1: kmalloc */
	u8 fill;
};

static struct obj live[MAX_LIVE];
static int nlive;
static struct kmem_cache *caches[MAX_CACHES];
static size_t cache_size[MAX_CACHES];
static unsigned long baseline_free;

static void check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz_slab: %s\n%s", what, sim_log());
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	sim_log_echo(false);
	slab_test_boot(64, "");
	slab_quiesce();
	baseline_free = nr_free_pages();
	return 0;
}

static const gfp_t gfps[8] = {
	GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT, GFP_KERNEL | __GFP_ZERO, GFP_DMA,
	GFP_KERNEL | __GFP_NOWARN, GFP_DMA | __GFP_ZERO, GFP_TEMPORARY,
};

static void ctor(void *p)
{
	memset(p, 0xc7, slab_virt_to_page(p)->slab_cache->object_size);
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void remember(u8 *p, size_t size, int cache, u8 fill)
{
	if (!p || nlive == MAX_LIVE) {
		if (p && cache < 0)
			kfree(p);
		else if (p)
			kmem_cache_free(caches[cache], p);
		return;
	}
	memset(p, fill, size);
	live[nlive++] = (struct obj){ p, size, cache, fill };
}

static void forget(int k)
{
	struct obj *o = &live[k];
	size_t i;

	for (i = 0; i < o->size; i++)
		check(o->p[i] == o->fill, "an object's bytes changed while it was live");
	if (o->cache >= 0) {
		memset(o->p, 0xc7, o->size);	/* back to its constructed state */
		kmem_cache_free(caches[o->cache], o->p);
	} else {
		kfree(o->p);
	}
	*o = live[--nlive];
}

static void destroy(int c)
{
	int k = 0;

	while (k < nlive) {
		if (live[k].cache == c)
			forget(k);
		else
			k++;
	}
	kmem_cache_destroy(caches[c]);
	caches[c] = NULL;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t len);
int LLVMFuzzerTestOneInput(const u8 *data, size_t len)
{
	int misuse = 0, reports = atomic_read(&slab_nr_reports), c;
	size_t i = 0;

	while (i + 3 <= len) {
		u8 op = data[i], a = data[i + 1], b = data[i + 2];
		size_t size = ((size_t)a << 8 | b) + 1;
		u8 *p;

		i += 3;
		c = b % MAX_CACHES;
		switch (op % 12) {
		case 0:	/* kmalloc, up to 64 KiB */
			p = kmalloc(size, gfps[op >> 5]);
			if (p && (gfps[op >> 5] & __GFP_ZERO))
				check(all_zero(p, size), "kzalloc memory not zero");
			if (p)
				check(ksize(p) >= size, "ksize smaller than asked");
			remember(p, size, -1, a);
			break;
		case 1:	/* small kmalloc */
			remember(kmalloc(size % 256 + 1, GFP_KERNEL), size % 256 + 1, -1, b);
			break;
		case 2:
		case 3:
			if (nlive)
				forget((int)(size % (size_t)nlive));
			break;
		case 4:	/* krealloc */
			if (nlive && live[size % (size_t)nlive].cache < 0) {
				struct obj *o = &live[size % (size_t)nlive];
				size_t n = (size_t)a * 37 + 1, keep = min(n, o->size), j;

				p = krealloc(o->p, n, GFP_KERNEL);
				if (!p)
					break;
				for (j = 0; j < keep; j++)
					check(p[j] == o->fill, "krealloc lost bytes");
				o->p = p;
				o->size = n;
				memset(p, o->fill, n);
			}
			break;
		case 5: {	/* a new cache: flags, alignment and constructor from the bytes */
			unsigned long flags = 0;

			if (caches[c])
				destroy(c);
			flags |= (a & 1) ? SLAB_CONSISTENCY_CHECKS : 0;
			flags |= (a & 2) ? SLAB_RED_ZONE : 0;
			flags |= (a & 4) ? SLAB_POISON : 0;
			flags |= (a & 8) ? SLAB_STORE_USER : 0;
			flags |= (a & 16) ? SLAB_HWCACHE_ALIGN : 0;
			flags |= (a & 32) ? SLAB_CACHE_DMA : 0;
			flags |= (a & 64) ? SLAB_RECLAIM_ACCOUNT : 0;
			cache_size[c] = size % 5000 + 1;
			caches[c] = kmem_cache_create("fuzz", cache_size[c], (a & 128) ? 64 : 0, flags,
						      (op & 16) ? ctor : NULL);
			check(caches[c] != NULL, "kmem_cache_create failed");
			break;
		}
		case 6:
			if (caches[c])
				remember(kmem_cache_alloc(caches[c], gfps[a & 7] & ~GFP_DMA),
					 cache_size[c], c, a);
			break;
		case 7:
			if (caches[c])
				destroy(c);
			break;
		case 8:
			sim_set_cpu(a % NR_CPUS);
			break;
		case 9:
			if (caches[c])
				kmem_cache_shrink(caches[c]);
			else
				shrink_slab(GFP_KERNEL, 0);
			break;
		case 10:	/* misuse: the same object freed twice in a row */
			p = kmalloc(size % 512 + 1, GFP_KERNEL);
			kfree(p);
			kfree(p);
			misuse++;
			break;
		case 11:	/* misuse: a write into a freed object of a poisoned cache */
			if (caches[c] && (caches[c]->flags & SLAB_POISON) && !caches[c]->ctor) {
				struct page *page;
				u8 *q;

				p = kmem_cache_alloc(caches[c], GFP_KERNEL);
				kmem_cache_free(caches[c], p);
				page = slab_virt_to_head_page(p);
				/* Only while its slab is kept and it is the next object out. */
				if (!PageSlab(page) || page->slab_cache != caches[c] || page->freelist != p)
					break;
				p[a % cache_size[c]] ^= 0x55;
				q = kmem_cache_alloc(caches[c], GFP_KERNEL);
				check(q == p, "the freed object did not come back first");
				kmem_cache_free(caches[c], q);
				misuse++;
			}
			break;
		}
	}
	while (nlive)
		forget(nlive - 1);
	for (c = 0; c < MAX_CACHES; c++)
		if (caches[c])
			destroy(c);
	sim_set_cpu(0);
	slab_quiesce();
	check(slab_validate_all() == 0, "a cache does not validate");
	check(atomic_read(&slab_nr_reports) - reports == misuse, "not one report per misuse");
	check(nr_free_pages() == baseline_free, "pages were not given back");
	check(mm_test_validate() == NULL, "the page allocator does not validate");
	sim_log_reset();
	return 0;
}
