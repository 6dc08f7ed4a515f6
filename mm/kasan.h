/*
 * KASAN's internals, shared by mm/kasan_*.c (the interface for the rest of
 * the kernel is include/linux/kasan.h). None of these files is compiled
 * with instrumentation: they are what instrumented code calls.
 *
 * Shadow encoding (generic KASAN, Linux's values): each shadow byte tells
 * how many leading bytes of its 8-byte granule may be accessed: 0 all of
 * them, 1..7 that many, a negative value none, and which one says why.
 */
#ifndef _MM_KASAN_H
#define _MM_KASAN_H

#include <linux/kasan.h>
#include <linux/stackdepot.h>
#include <asm/kasan.h>
#include <mica/kasan_kunit.h>	/* the self-tests' expectations */

#define KASAN_GRANULE_SIZE	(1UL << KASAN_SHADOW_SCALE_SHIFT)
#define KASAN_GRANULE_MASK	(KASAN_GRANULE_SIZE - 1)

#define KASAN_PAGE_FREE		0xFF	/* a free page */
#define KASAN_PAGE_REDZONE	0xFE	/* after a large kmalloc block, in its last page */
#define KASAN_SLAB_REDZONE	0xFC	/* slab red zones and metadata */
#define KASAN_SLAB_FREE		0xFB	/* a freed slab object */
#define KASAN_GLOBAL_REDZONE	0xF9	/* after a global variable */
#define KASAN_VMALLOC_INVALID	0xF8	/* vmalloc space not mapped for its owner; GCC's use-after-scope */
#define KASAN_PERCPU_FREE	0xF7	/* per-CPU memory alloc_percpu has not handed out */
#define KASAN_STACK_LEFT	0xF1	/* the compiler's stack red zones */
#define KASAN_STACK_MID		0xF2
#define KASAN_STACK_RIGHT	0xF3
#define KASAN_STACK_PARTIAL	0xF4

/* The frame descriptor GCC stores at the start of an instrumented frame. */
#define KASAN_FRAME_MAGIC	0x41B58AB3UL

static inline s8 *kasan_mem_to_shadow(const void *addr)
{
	return (s8 *)(((unsigned long)addr >> KASAN_SHADOW_SCALE_SHIFT) + KASAN_SHADOW_OFFSET);
}

static inline unsigned long kasan_shadow_to_mem(const void *shadow)
{
	return ((unsigned long)shadow - KASAN_SHADOW_OFFSET) << KASAN_SHADOW_SCALE_SHIFT;
}

static inline bool kasan_addr_has_shadow(unsigned long addr)
{
	return addr >= KASAN_SHADOWED_START;
}

/* Mark [addr, addr + size) with @value; both granule-aligned. */
void kasan_poison(const void *addr, size_t size, u8 value);
/* [addr, addr + size) accessible, the rest of its last granule not; addr granule-aligned. */
void kasan_unpoison(const void *addr, size_t size);
/* The same, only where the shadow has pages of its own (vmalloc space). */
void kasan_poison_mapped(const void *addr, size_t size, u8 value);
void kasan_unpoison_mapped(const void *addr, size_t size);

/* True if the access is fine; otherwise reports it (mm/kasan_report.c). */
bool kasan_check_range(unsigned long addr, size_t size, bool write, unsigned long ip);

enum kasan_free_bug { KASAN_DOUBLE_FREE, KASAN_INVALID_FREE };

/* mm/kasan_report.c */
void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip);
void kasan_report_invalid_free(const void *ptr, unsigned long ip, enum kasan_free_bug bug);
/* Reports printed so far, and those dropped (rate limit, one per site, disabled). */
extern atomic_t kasan_nr_reports, kasan_nr_suppressed;
/* kasan.fault=panic: every report ends in a panic. */
bool kasan_fault_panics(void);

/* Who allocated or freed a slab object: a task and a call chain in the stack depot. */
struct kasan_track {
	int pid;
	depot_stack_handle_t stack;
};

/* Per slab object, in its slot after everything else (mm/kasan_common.c). */
struct kasan_slab_meta {
	struct kasan_track alloc, free;
	unsigned int requested;		/* bytes asked for, for reports */
	void *qlink;			/* next object in the quarantine */
};

struct kasan_slab_meta *kasan_slab_meta(struct kmem_cache *s, const void *obj);
/* The object of @page's slab nearest to @addr (whose slot holds it). */
void *kasan_nearest_object(struct kmem_cache *s, struct page *page, const void *addr);
void kasan_set_track(struct kasan_track *track, unsigned int skip);

/* mm/kasan_quarantine.c: freed objects wait here before their cache may reuse them. */
void kasan_quarantine_put(struct kmem_cache *s, void *obj);
struct kasan_quarantine_stats {
	unsigned long objects, bytes, limit;
};
void kasan_quarantine_get_stats(struct kasan_quarantine_stats *st);

/* A global variable as GCC describes it to __asan_register_globals (ABI version 5+). */
struct kasan_source_location {
	const char *filename;
	int line;
	int column;
};
struct kasan_global {
	const void *beg;
	size_t size;
	size_t size_with_redzone;
	const char *name;
	const char *module_name;
	unsigned long has_dynamic_init;
	const struct kasan_source_location *location;
	const void *odr_indicator;
};
/*
 * mm/kasan_globals.c: for a report, the registered global whose variable or
 * red zone holds @addr: printed, its name copied to @name (unless NULL).
 * False if there is none.
 */
bool kasan_print_global(unsigned long addr, char *name, size_t len);

#endif
