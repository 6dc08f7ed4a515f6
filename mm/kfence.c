/*
 * KFENCE's pool, its objects and the sampling thread (include/linux/kfence.h).
 *
 * The pool is 128 pages in the kernel image's .bss, which is mapped page by
 * page: pages 0 and 1 are guards, then object i lives in page 2 + 2i and
 * page 3 + 2i is its guard. Every page is unmapped (set_memory_valid)
 * except the page of an allocated object. A free object waits at the tail
 * of the free list, so its page stays unmapped as long as possible.
 *
 * The "kfence" thread samples: every kfence.sample_interval ms it opens the
 * allocation gate and turns the static key on; the first slab allocation to
 * come by takes the gate and is served from the pool, the others find it
 * closed; the thread then turns the key off again (woken through a
 * tasklet by the allocation that took the gate, or after a second with no
 * allocation at all). Turning a key stops the other CPUs, so the thread,
 * not the allocation, does it; a tasklet wakes it because an allocation
 * may come from anywhere, a wake-up from the allocation itself might take
 * a runqueue lock its caller holds. Waiting for the gate sleeps until then:
 * polling each tick woke the thread on every tick of an idle second.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/debug_locks.h>
#include <linux/sched/clock.h>
#include <string.h>
#include <asm/mmu.h>
#include "kfence.h"
#include "slab.h"

#define DEFAULT_SAMPLE_INTERVAL	100	/* ms, Linux's default */
#define GATE_WAIT_MS		1000	/* no allocation in this long: close the gate anyway */

char __kfence_pool[KFENCE_POOL_SIZE] __aligned(PAGE_SIZE);
DEFINE_STATIC_KEY_FALSE(kfence_allocation_key);
struct kfence_metadata kfence_metadata[KFENCE_NUM_OBJECTS];
unsigned int kfence_sample_interval = DEFAULT_SAMPLE_INTERVAL;
atomic_t kfence_counters[KFENCE_COUNTER_COUNT];

static atomic_t allocation_gate = ATOMIC_INIT(1);	/* closed until the thread opens it */
static struct task_struct *sampler;

static void wake_sampler(unsigned long unused)
{
	wake_up_process(sampler);
}
static DECLARE_TASKLET(gate_taken, wake_sampler, 0);
static LIST_HEAD(free_objects);
static DEFINE_SPINLOCK(free_lock);

static int __init setup_sample_interval(char *val)
{
	unsigned long ms;

	if (kstrtoul(val, 0, &ms) || ms > 1000000) {
		pr_err("kfence: kfence.sample_interval=%s is not a number of milliseconds "
		       "(0..1000000): using %u\n", val, DEFAULT_SAMPLE_INTERVAL);
		return 0;
	}
	kfence_sample_interval = (unsigned int)ms;
	return 0;
}
__setup("kfence.sample_interval=", setup_sample_interval);

static void protect(unsigned long page, bool valid)
{
	set_memory_valid(page, 1, valid);
}

static void save_track(struct kfence_track *t)
{
	unsigned long entries[KFENCE_STACK_DEPTH + 4];
	unsigned int nr, skip;

	t->ts_nsec = local_clock();
	nr = stack_trace_save(entries, ARRAY_SIZE(entries), 1);
	while (nr && !entries[nr - 1])
		nr--;
	skip = kfence_skip_internal(entries, nr);	/* from the allocator's caller on */
	t->nr_entries = min(nr - skip, (unsigned int)KFENCE_STACK_DEPTH);
	t->pid = current->pid;
	t->cpu = (int)raw_smp_processor_id();
	memcpy(t->stack, entries + skip, t->nr_entries * sizeof(entries[0]));
}

/* Fill the object's page around [addr, addr + size) with the canary. */
static void set_canary(unsigned long page, unsigned long addr, size_t size)
{
	unsigned long a;

	for (a = page; a < addr; a++)
		*(u8 *)a = kfence_canary(a);
	for (a = addr + size; a < page + PAGE_SIZE; a++)
		*(u8 *)a = kfence_canary(a);
}

/* The first byte of the canary that is not what it was set to, or 0. */
static unsigned long broken_canary(unsigned long page, unsigned long addr, size_t size)
{
	unsigned long a;

	for (a = page; a < addr; a++)
		if (*(u8 *)a != kfence_canary(a))
			return a;
	for (a = addr + size; a < page + PAGE_SIZE; a++)
		if (*(u8 *)a != kfence_canary(a))
			return a;
	return 0;
}

static bool unfit(struct kmem_cache *s, size_t size, gfp_t flags)
{
	return !size || size > PAGE_SIZE || (flags & __GFP_DMA) ||
	       (s->flags & (SLAB_CACHE_DMA | SLAB_SKIP_KFENCE));
}

void *__kfence_alloc(struct kmem_cache *s, size_t size, gfp_t flags)
{
	struct kfence_metadata *meta = NULL;
	unsigned long irqflags, page, addr;

	if (unfit(s, size, flags)) {
		atomic_inc(&kfence_counters[KFENCE_COUNTER_SKIP_INCOMPAT]);
		return NULL;
	}
	if (atomic_read(&allocation_gate) || atomic_inc_return(&allocation_gate) > 1)
		return NULL;
	tasklet_schedule(&gate_taken);
	spin_lock_irqsave(&free_lock, irqflags);
	if (!list_empty(&free_objects)) {
		meta = list_first_entry(&free_objects, struct kfence_metadata, list);
		list_del_init(&meta->list);
	}
	spin_unlock_irqrestore(&free_lock, irqflags);
	if (!meta) {
		atomic_inc(&kfence_counters[KFENCE_COUNTER_SKIP_CAPACITY]);
		return NULL;
	}

	spin_lock_irqsave(&meta->lock, irqflags);
	page = kfence_object_page(meta);
	addr = ALIGN_DOWN(page + PAGE_SIZE - size, s->align);
	protect(page, true);
	protect(page + PAGE_SIZE, false);	/* guard pages an earlier report opened */
	protect(page - PAGE_SIZE, false);
	set_canary(page, addr, size);
	meta->addr = addr;
	meta->size = size;
	meta->cache = s;
	virt_to_page((void *)page)->slab_cache = s;	/* virt_to_cache() works, as in Linux */
	meta->state = KFENCE_OBJECT_ALLOCATED;
	save_track(&meta->alloc_track);
	meta->free_track.nr_entries = 0;
	spin_unlock_irqrestore(&meta->lock, irqflags);

	slab_kfence_hold(s, true);
	if (s->ctor)
		s->ctor((void *)addr);
	if (flags & __GFP_ZERO)
		memset((void *)addr, 0, size);
	atomic_inc(&kfence_counters[KFENCE_COUNTER_ALLOCATED]);
	atomic_inc(&kfence_counters[KFENCE_COUNTER_ALLOCS]);
	return (void *)addr;
}

/* The object whose page holds @addr; NULL for a guard page. */
static struct kfence_metadata *object_of(unsigned long addr)
{
	unsigned long page = (addr - (unsigned long)__kfence_pool) >> PAGE_SHIFT;

	if (page < 2 || (page & 1))
		return NULL;
	return &kfence_metadata[(page - 2) / 2];
}

void __kfence_free(void *ptr)
{
	unsigned long addr = (unsigned long)ptr, irqflags, bad;
	struct kfence_metadata *meta = object_of(addr);
	struct kmem_cache *s;

	if (!meta) {
		kfence_report_error(addr, false, NULL, NULL, KFENCE_ERROR_INVALID_FREE);
		return;
	}
	spin_lock_irqsave(&meta->lock, irqflags);
	if (meta->state != KFENCE_OBJECT_ALLOCATED || addr != meta->addr) {
		spin_unlock_irqrestore(&meta->lock, irqflags);
		kfence_report_error(addr, false, NULL, meta, KFENCE_ERROR_INVALID_FREE);
		return;
	}
	if (unlikely(debug_locks_held()))
		debug_check_no_locks_freed(ptr, meta->size);
	save_track(&meta->free_track);
	bad = broken_canary(kfence_object_page(meta), addr, meta->size);
	meta->state = KFENCE_OBJECT_FREED;
	protect(kfence_object_page(meta), false);
	virt_to_page((void *)kfence_object_page(meta))->slab_cache = NULL;
	s = meta->cache;
	spin_unlock_irqrestore(&meta->lock, irqflags);
	slab_kfence_hold(s, false);
	if (bad)	/* reported after the free, as Linux: the object is gone either way */
		kfence_report_error(bad, true, NULL, meta, KFENCE_ERROR_CORRUPTION);

	spin_lock_irqsave(&free_lock, irqflags);
	list_add_tail(&meta->list, &free_objects);
	spin_unlock_irqrestore(&free_lock, irqflags);
	atomic_dec(&kfence_counters[KFENCE_COUNTER_ALLOCATED]);
	atomic_inc(&kfence_counters[KFENCE_COUNTER_FREES]);
}

size_t kfence_ksize(const void *addr)
{
	struct kfence_metadata *meta = object_of((unsigned long)addr);

	return meta && meta->state == KFENCE_OBJECT_ALLOCATED ? meta->size : 0;
}

/* The allocated object nearest to @addr in a guard page, else the nearer one. */
static struct kfence_metadata *guard_owner(unsigned long addr)
{
	unsigned long page = (addr - (unsigned long)__kfence_pool) >> PAGE_SHIFT;
	struct kfence_metadata *left = NULL, *right = NULL;
	unsigned long to_left, to_right;

	if (page >= 3)
		left = &kfence_metadata[(page - 3) / 2];
	if (page + 1 < KFENCE_POOL_SIZE / PAGE_SIZE)
		right = &kfence_metadata[(page - 1) / 2];
	if (!left || !right)
		return left ? left : right;
	if ((left->state == KFENCE_OBJECT_ALLOCATED) != (right->state == KFENCE_OBJECT_ALLOCATED))
		return left->state == KFENCE_OBJECT_ALLOCATED ? left : right;
	to_left = addr - (left->addr + left->size);
	to_right = right->addr - addr;
	return to_left <= to_right ? left : right;
}

bool kfence_handle_page_fault(unsigned long addr, bool is_write, struct pt_regs *regs)
{
	struct kfence_metadata *meta;
	enum kfence_error type;

	if (!is_kfence_address((void *)addr))
		return false;
	meta = object_of(addr);
	if (!meta) {
		meta = guard_owner(addr);
		type = KFENCE_ERROR_OOB;
	} else {
		type = meta->state == KFENCE_OBJECT_FREED ? KFENCE_ERROR_UAF : KFENCE_ERROR_INVALID;
	}
	kfence_report_error(addr, is_write, regs, meta, type);
	/* Let the access complete: one report per bug, and the kernel goes on. */
	protect(addr & PAGE_MASK, true);
	return true;
}

unsigned int kfence_shutdown_cache(struct kmem_cache *s)
{
	unsigned int i, live = 0;

	for (i = 0; i < KFENCE_NUM_OBJECTS; i++)
		if (READ_ONCE(kfence_metadata[i].cache) == s &&
		    READ_ONCE(kfence_metadata[i].state) == KFENCE_OBJECT_ALLOCATED)
			live++;
	if (live)
		return live;
	/* Freed objects' reports must not name a cache that is gone. */
	for (i = 0; i < KFENCE_NUM_OBJECTS; i++) {
		struct kfence_metadata *meta = &kfence_metadata[i];
		unsigned long irqflags;

		spin_lock_irqsave(&meta->lock, irqflags);
		if (meta->cache == s)
			meta->cache = NULL;
		spin_unlock_irqrestore(&meta->lock, irqflags);
	}
	return 0;
}

/* The sampler: open the gate every interval; close it once an allocation took it. */
static int kfence_sampler(void *unused)
{
	for (;;) {
		unsigned long deadline;

		msleep(READ_ONCE(kfence_sample_interval) ?: 1000);
		if (!READ_ONCE(kfence_sample_interval))
			continue;
		atomic_set(&allocation_gate, 0);
		static_key_set_unstopped(&kfence_allocation_key.key, true);
		deadline = jiffies + msecs_to_jiffies(GATE_WAIT_MS);
		for (;;) {
			long left;

			set_current_state(TASK_UNINTERRUPTIBLE);
			left = (long)(deadline - jiffies);
			if (atomic_read(&allocation_gate) || left <= 0)
				break;
			schedule_timeout(left);
		}
		__set_current_state(TASK_RUNNING);
		static_key_set_unstopped(&kfence_allocation_key.key, false);
	}
	return 0;
}

static int __init kfence_init(void)
{
	unsigned int i;

	for (i = 0; i < KFENCE_NUM_OBJECTS; i++) {
		spin_lock_init(&kfence_metadata[i].lock);
		list_add_tail(&kfence_metadata[i].list, &free_objects);
	}
	if (set_memory_valid((unsigned long)__kfence_pool, KFENCE_POOL_SIZE / PAGE_SIZE, 0)) {
		pr_err("kfence: the pool is not mapped page by page: off\n");
		return -EINVAL;
	}
	pr_info("kfence: initialized - using %lu bytes for %d objects at 0x%08lx-0x%08lx\n",
		(unsigned long)KFENCE_POOL_SIZE, KFENCE_NUM_OBJECTS, (unsigned long)__kfence_pool,
		(unsigned long)__kfence_pool + KFENCE_POOL_SIZE);
	if (!kfence_sample_interval)
		pr_info("kfence: sampling off (kfence.sample_interval=0)\n");
	sampler = kthread_run(kfence_sampler, NULL, "kfence");
	if (IS_ERR(sampler))
		pr_err("kfence: no sampling thread: off\n");
	return 0;
}
core_initcall(kfence_init);
