/*
 * The stack depot (include/linux/stackdepot.h): a hash table of call
 * chains in one memblock pool. A stored record never changes or moves, so
 * lookups walk the hash chains without a lock; new records are added under
 * a raw spinlock with interrupts off (KASAN and page_owner save stacks from
 * any context, the page allocator's included). Not instrumented by KASAN:
 * KASAN calls it while it reports.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/stackdepot.h>
#include <linux/stacktrace.h>
#include <asm/memory.h>
#include <asm/spinlock.h>

#define DEPOT_POOL_SIZE	(2UL << 20)
#define DEPOT_BUCKETS	4096	/* a power of two */

struct depot_record {
	u32 next;		/* handle of the next record in the bucket, 0 at the end */
	u32 hash;
	u32 nr;
	unsigned long entries[];
};

static char *pool;		/* NULL until stack_depot_init() */
static u32 *buckets;		/* at the pool's start: handle of each chain's head */
static unsigned long pool_used;
static unsigned long nr_stacks, nr_dropped;
static arch_spinlock_t depot_lock = __ARCH_SPIN_LOCK_UNLOCKED;

int __init stack_depot_init(void)
{
	if (pool)
		return 0;
	pool = memblock_alloc_named(DEPOT_POOL_SIZE, PAGE_SIZE, "stack depot");
	if (!pool)
		return -ENOMEM;
	buckets = (u32 *)pool;
	pool_used = DEPOT_BUCKETS * sizeof(u32);
	return 0;
}

bool stack_depot_enabled(void)
{
	return pool != NULL;
}

/* Handles are pool offsets / 4 + 1, so that 0 means none. */
static struct depot_record *record_of(depot_stack_handle_t handle)
{
	unsigned long off = ((unsigned long)handle - 1) * 4;

	if (!pool || !handle || off < DEPOT_BUCKETS * sizeof(u32) ||
	    off + sizeof(struct depot_record) > READ_ONCE(pool_used))
		return NULL;
	return (struct depot_record *)(pool + off);
}

static depot_stack_handle_t handle_of(const struct depot_record *rec)
{
	return (depot_stack_handle_t)(((const char *)rec - pool) / 4 + 1);
}

/* FNV-1a over the words: cheap, and call chains differ in their low bits. */
static u32 hash_entries(const unsigned long *entries, unsigned int nr)
{
	u32 h = 2166136261u;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		h ^= (u32)entries[i];
		h *= 16777619u;
	}
	return h;
}

static const struct depot_record *find(u32 first, u32 hash, const unsigned long *entries,
				       unsigned int nr)
{
	const struct depot_record *rec;
	u32 h;

	for (h = first; h; h = READ_ONCE(rec->next)) {
		unsigned int i;

		rec = record_of(h);
		if (!rec)
			return NULL;
		if (rec->hash != hash || rec->nr != nr)
			continue;
		for (i = 0; i < nr && rec->entries[i] == entries[i]; i++)
			;
		if (i == nr)
			return rec;
	}
	return NULL;
}

depot_stack_handle_t stack_depot_save(const unsigned long *entries, unsigned int nr)
{
	u32 hash, *bucket, first;
	const struct depot_record *found;
	struct depot_record *rec;
	unsigned long flags, bytes;
	depot_stack_handle_t handle = 0;
	unsigned int i;

	if (!pool || !nr)
		return 0;
	nr = min(nr, (unsigned int)STACK_DEPOT_MAX_FRAMES);
	hash = hash_entries(entries, nr);
	bucket = &buckets[hash & (DEPOT_BUCKETS - 1)];
	first = READ_ONCE(*bucket);
	smp_rmb();	/* the record's contents after the link to it */
	found = find(first, hash, entries, nr);
	if (found)
		return handle_of(found);

	bytes = sizeof(*rec) + nr * sizeof(entries[0]);
	local_irq_save(flags);
	arch_spin_lock(&depot_lock);
	found = find(*bucket, hash, entries, nr);	/* another CPU may have added it */
	if (found) {
		handle = handle_of(found);
	} else if (pool_used + bytes > DEPOT_POOL_SIZE) {
		nr_dropped++;
	} else {
		rec = (struct depot_record *)(pool + pool_used);
		rec->next = *bucket;
		rec->hash = hash;
		rec->nr = nr;
		for (i = 0; i < nr; i++)
			rec->entries[i] = entries[i];
		WRITE_ONCE(pool_used, pool_used + bytes);
		smp_wmb();	/* publish the record before linking it */
		handle = handle_of(rec);
		WRITE_ONCE(*bucket, handle);
		nr_stacks++;
	}
	arch_spin_unlock(&depot_lock);
	local_irq_restore(flags);
	return handle;
}

depot_stack_handle_t stack_depot_save_here(unsigned int skip)
{
	unsigned long entries[STACK_DEPOT_MAX_FRAMES];
	unsigned int nr;

	if (!pool)
		return 0;
	nr = stack_trace_save(entries, STACK_DEPOT_MAX_FRAMES, skip + 1);
	while (nr && !entries[nr - 1])	/* a kernel thread's chain ends in 0 */
		nr--;
	return stack_depot_save(entries, nr);
}

unsigned int stack_depot_fetch(depot_stack_handle_t handle, const unsigned long **entries)
{
	const struct depot_record *rec = record_of(handle);

	if (!rec)
		return 0;
	*entries = rec->entries;
	return rec->nr;
}

void stack_depot_print(depot_stack_handle_t handle)
{
	const unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(handle, &entries);
	char sym[KSYM_NAME_LEN + 32];

	if (!nr) {
		printk(" %s\n", !pool ? "(stack depot off)" : handle ? "(bad stack handle)"
						 : "(no stack: the stack depot was full)");
		return;
	}
	for (i = 0; i < nr; i++) {
		sprint_symbol(sym, sizeof(sym), entries[i]);
		printk(" %s\n", sym);
	}
}

void stack_depot_get_stats(struct stack_depot_stats *st)
{
	st->stacks = READ_ONCE(nr_stacks);
	st->used = pool ? READ_ONCE(pool_used) : 0;
	st->size = pool ? DEPOT_POOL_SIZE : 0;
	st->dropped = READ_ONCE(nr_dropped);
}
