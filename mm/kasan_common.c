/*
 * KASAN's hooks in the allocators (include/linux/kasan.h): what each
 * allocation makes accessible, what each free poisons, and the slab
 * objects' metadata (who allocated and freed them), kept in their slot
 * after everything the slab itself keeps there.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include "kasan.h"
#include "slab.h"
#include "vmalloc_internal.h"

/* ---- slab ---- */

struct kasan_slab_meta *kasan_slab_meta(struct kmem_cache *s, const void *obj)
{
	return (struct kasan_slab_meta *)((char *)obj + s->kasan_meta);
}

void *kasan_nearest_object(struct kmem_cache *s, struct page *page, const void *addr)
{
	unsigned long base = (unsigned long)slab_page_address(page);
	unsigned long idx = ((unsigned long)addr - base) / s->size;

	if ((unsigned long)addr < base)
		idx = 0;
	if (idx >= page->objects)
		idx = page->objects - 1;
	return slab_object(s, page, (unsigned int)idx);
}

noinline void kasan_set_track(struct kasan_track *track, unsigned int skip)
{
	track->pid = current->pid;
	track->stack = stack_depot_save_here(skip + 1);
}

/* About a quarter of the object, 16 to 256 bytes: small objects get room too. */
static unsigned int redzone_size(unsigned int object_size)
{
	unsigned int rz = 16;

	while (rz < 256 && rz < object_size / 4)
		rz *= 2;
	return rz;
}

unsigned int kasan_cache_create(struct kmem_cache *s, unsigned int slot)
{
	unsigned int end = slot - s->red_left_pad;	/* from the object's start */

	/* Some red zone before every object, the first of a slab included. */
	if (!s->red_left_pad)
		s->red_left_pad = ALIGN((unsigned int)KASAN_GRANULE_SIZE, s->align);
	s->kasan_meta = ALIGN(end, (unsigned int)__alignof__(struct kasan_slab_meta));
	end = s->kasan_meta + (unsigned int)sizeof(struct kasan_slab_meta);
	end = max(end, (unsigned int)ALIGN(s->object_size, KASAN_GRANULE_SIZE) +
		       redzone_size(s->object_size));
	return s->red_left_pad + end;
}

void kasan_poison_slab(struct kmem_cache *s, struct page *page)
{
	kasan_poison(slab_page_address(page), slab_bytes(page), KASAN_SLAB_REDZONE);
}

/* @size bytes of @obj accessible, the rest of the object red zone. */
static void unpoison_object(struct kmem_cache *s, const void *obj, size_t size)
{
	size_t used = ALIGN(size, KASAN_GRANULE_SIZE);

	kasan_unpoison(obj, size);
	if (used < ALIGN(s->object_size, KASAN_GRANULE_SIZE))
		kasan_poison((const char *)obj + used,
			     ALIGN(s->object_size, KASAN_GRANULE_SIZE) - used, KASAN_SLAB_REDZONE);
	kasan_slab_meta(s, obj)->requested = (unsigned int)size;
}

void *kasan_slab_alloc(struct kmem_cache *s, void *obj, gfp_t gfp)
{
	struct kasan_slab_meta *meta;

	if (!obj || !kasan_ready)
		return obj;
	unpoison_object(s, obj, s->object_size);
	meta = kasan_slab_meta(s, obj);
	kasan_set_track(&meta->alloc, 1);
	meta->free.pid = 0;
	meta->free.stack = 0;
	return obj;
}

void *kasan_kmalloc(struct kmem_cache *s, void *obj, size_t size)
{
	if (obj && kasan_ready)
		unpoison_object(s, obj, size);
	return obj;
}

bool kasan_slab_free(struct kmem_cache *s, void *obj, unsigned long ip)
{
	struct page *page;
	s8 shadow;

	if (!kasan_ready)
		return false;
	page = slab_addr_valid(obj) ? slab_virt_to_head_page(obj) : NULL;
	if (!page || !PageSlab(page) || page->slab_cache != s ||
	    kasan_nearest_object(s, page, obj) != obj) {
		kasan_report_invalid_free(obj, ip, KASAN_INVALID_FREE);
		return true;
	}
	shadow = *kasan_mem_to_shadow(obj);
	if (shadow < 0) {
		kasan_report_invalid_free(obj, ip, (u8)shadow == KASAN_SLAB_FREE ?
					  KASAN_DOUBLE_FREE : KASAN_INVALID_FREE);
		return true;
	}
	kasan_poison(obj, ALIGN(s->object_size, KASAN_GRANULE_SIZE), KASAN_SLAB_FREE);
	kasan_set_track(&kasan_slab_meta(s, obj)->free, 1);
	kasan_quarantine_put(s, obj);
	return true;
}

/* ---- large kmalloc blocks: pages, the tail of the last one red zone ---- */

void kasan_kmalloc_large(const void *ptr, size_t size)
{
	struct page *page = compound_head(virt_to_page(ptr));
	size_t used = ALIGN(size, KASAN_GRANULE_SIZE);

	kasan_unpoison(ptr, size);
	kasan_poison((const char *)ptr + used, page_size(page) - used, KASAN_PAGE_REDZONE);
}

bool kasan_kfree_large(const void *ptr, unsigned long ip)
{
	if (!kasan_ready)
		return true;
	if (ptr != lowmem_page_address(compound_head(virt_to_page(ptr)))) {
		kasan_report_invalid_free(ptr, ip, KASAN_INVALID_FREE);
		return false;
	}
	if (*kasan_mem_to_shadow(ptr) < 0) {
		kasan_report_invalid_free(ptr, ip, KASAN_DOUBLE_FREE);
		return false;
	}
	return true;
}

/* ---- pages ---- */

void kasan_alloc_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_unpoison(lowmem_page_address(page), PAGE_SIZE << order);
}

void kasan_free_pages(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		kasan_poison(lowmem_page_address(page), PAGE_SIZE << order, KASAN_PAGE_FREE);
}

/* ---- vmalloc space: shadow pages as areas appear; unmapped means invalid ---- */

int kasan_vmalloc_area_alloc(const void *addr, unsigned long size)
{
	int err;

	/* Areas made before the page allocator (early ioremap) keep the zero shadow. */
	if (!kasan_ready || !page_allocator_ready())
		return 0;
	err = kasan_populate_shadow((unsigned long)addr, (unsigned long)addr + size);
	if (!err)
		kasan_poison(addr, size, KASAN_VMALLOC_INVALID);
	return err;
}

void kasan_poison_vmalloc(const void *addr, unsigned long size)
{
	kasan_poison_mapped(addr, ALIGN(size, KASAN_GRANULE_SIZE), KASAN_VMALLOC_INVALID);
}

void kasan_unpoison_vmalloc(const void *addr, unsigned long size)
{
	kasan_unpoison_mapped(addr, size);
}
