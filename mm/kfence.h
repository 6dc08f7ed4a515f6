/*
 * KFENCE's internals, shared by mm/kfence*.c (include/linux/kfence.h is
 * the interface).
 */
#ifndef _MM_KFENCE_H
#define _MM_KFENCE_H

#include <linux/kfence.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/atomic.h>

#define KFENCE_STACK_DEPTH	16

enum kfence_object_state {
	KFENCE_OBJECT_UNUSED,		/* never handed out */
	KFENCE_OBJECT_ALLOCATED,
	KFENCE_OBJECT_FREED,
};

struct kfence_track {
	int pid;
	int cpu;
	u64 ts_nsec;
	unsigned int nr_entries;
	unsigned long stack[KFENCE_STACK_DEPTH];
};

/* One pool object: its page is the pool's 2 + 2 * index, its guard page the next one. */
struct kfence_metadata {
	spinlock_t lock;		/* everything below */
	struct list_head list;		/* on the free list while not allocated */
	enum kfence_object_state state;
	unsigned long addr;		/* the object, at the end of its page */
	size_t size;
	struct kmem_cache *cache;	/* NULL once the cache is destroyed */
	struct kfence_track alloc_track, free_track;
};

extern struct kfence_metadata kfence_metadata[KFENCE_NUM_OBJECTS];
extern unsigned int kfence_sample_interval;	/* ms; 0: off */

enum kfence_counter {
	KFENCE_COUNTER_ALLOCATED,	/* now */
	KFENCE_COUNTER_ALLOCS,
	KFENCE_COUNTER_FREES,
	KFENCE_COUNTER_BUGS,
	KFENCE_COUNTER_SKIP_INCOMPAT,	/* GFP_DMA, too large, SLAB_SKIP_KFENCE */
	KFENCE_COUNTER_SKIP_CAPACITY,	/* the pool was full */
	KFENCE_COUNTER_COUNT,
};
extern atomic_t kfence_counters[KFENCE_COUNTER_COUNT];

static inline unsigned long kfence_object_page(const struct kfence_metadata *meta)
{
	return (unsigned long)__kfence_pool + (2 + 2 * (unsigned long)(meta - kfence_metadata)) *
	       PAGE_SIZE;
}

static inline unsigned int kfence_object_index(const struct kfence_metadata *meta)
{
	return (unsigned int)(meta - kfence_metadata);
}

/* The canary's byte at @addr: varies with the address, so shifted copies show. */
static inline u8 kfence_canary(unsigned long addr)
{
	return (u8)(0xaa ^ (addr & 0x7));
}

enum kfence_error {
	KFENCE_ERROR_OOB,		/* a guard page */
	KFENCE_ERROR_UAF,		/* a freed object's page */
	KFENCE_ERROR_CORRUPTION,	/* the canary, found at free */
	KFENCE_ERROR_INVALID,		/* a pool page with no object */
	KFENCE_ERROR_INVALID_FREE,	/* not an object's start, or not allocated */
};

/* mm/kfence_report.c. @meta may be NULL; @regs is the fault's, or NULL. */
void kfence_report_error(unsigned long addr, bool is_write, struct pt_regs *regs,
			 const struct kfence_metadata *meta, enum kfence_error type);
/* How many of @entries' first frames are KFENCE's or the slab allocator's. */
unsigned int kfence_skip_internal(const unsigned long *entries, unsigned int nr);
/* Reports printed, and the kind of the last one (for the self-tests). */
extern atomic_t kfence_nr_reports;
extern enum kfence_error kfence_last_error;

#endif
