/*
 * What a module still holds (include/mica/module_track.h). Beyond Linux:
 * when a module is removed, or its init fails, everything it took and did
 * not give back is reported with the module function that took it, and
 * whatever would call into its freed code is cancelled first.
 *
 * Records: the allocators call module_track_alloc() for calls from module
 * code (the caller's address is in the modules area). A record sits in a
 * hash table by object address, for the free paths, and on its module's
 * list, in allocation order, for the report. One spinlock guards both.
 *
 * Found without records, at report time: vmalloc/vmap/ioremap areas (each
 * knows its caller), kernel threads running a module function, and as the
 * module goes, interrupt handlers, pending timers, scheduled tasklets and
 * queued or delayed work that would run its code or live in its memory.
 * Those, and its DMA channels, are cancelled; a kernel thread (or a work
 * function that does not return) cannot be, so the module's memory is
 * then kept: for threads only until they have exited (module_free_kept()
 * in main.c asks module_threads_running()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kasan.h>
#include <linux/kallsyms.h>
#include <linux/irq.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/percpu.h>
#include <mica/module_track.h>
#include "internal.h"

#undef MODULE_PARAM_PREFIX
#define MODULE_PARAM_PREFIX "module."

static bool track_enabled = true;
module_param_named(track, track_enabled, bool, 0444);
MODULE_PARM_DESC(track, "record what modules allocate, for the report on rmmod (default: on)");

DEFINE_STATIC_KEY_FALSE(module_track_key);

int module_track_held[MT_NR_KINDS];
unsigned int module_track_reported;

struct track_rec {
	struct track_rec *hash_next;
	struct track_rec **hash_pprev;	/* what points at it: unlinked without a walk */
	struct list_head list;		/* on the module's, in allocation order */
	struct module *mod;
	enum module_track_kind kind;
	const void *obj;
	unsigned long size;
	unsigned long caller;
	const void *extra;
};

struct module_track {
	struct list_head records;
	unsigned int dropped;		/* allocations that could not be recorded */
	unsigned long init_text;	/* where the init code was, once freed */
	unsigned long init_text_size;
	bool counted;			/* in module_track_key's count (recording was on at load) */
};

#define TRACK_HASH_BITS 8
#define SPARE_RECORDS	64
static struct track_rec *track_hash[1 << TRACK_HASH_BITS];
static DEFINE_SPINLOCK(track_lock);

/*
 * A removed module's share of the key goes a second later (Linux's
 * deferred static keys): switching the key rewrites its sites, about
 * 13,800 instructions for a load and a removal, and an insmod/rmmod loop
 * would pay that each round.
 */
static atomic_t key_puts_due;

static void put_key_shares(struct work_struct *work)
{
	int n = atomic_xchg(&key_puts_due, 0);

	while (n-- > 0)
		static_branch_dec(&module_track_key);
}
static DECLARE_DELAYED_WORK(key_put_work, put_key_shares);

void module_track_put_key_now(void)
{
	mod_delayed_work(system_wq, &key_put_work, 0);
	flush_delayed_work(&key_put_work);
}

/*
 * Records have a cache of their own (freeing one never looks like a
 * module's free), and freed ones wait on a short list for the next
 * allocation, so a module's steady kmalloc/kfree does not add two more.
 */
static struct kmem_cache *track_cachep;
static struct track_rec *spare_records;
static unsigned int nr_spare;

static int __init track_cache_init(void)
{
	track_cachep = kmem_cache_create("module_track", sizeof(struct track_rec), 0, 0, NULL);
	return track_cachep ? 0 : -ENOMEM;
}
core_initcall(track_cache_init);

static struct track_rec **bucket(const void *obj)
{
	unsigned long a = (unsigned long)obj;

	return &track_hash[((a >> 4) ^ (a >> 12)) & ((1 << TRACK_HASH_BITS) - 1)];
}

int module_track_init(struct module *mod)
{
	mod->track = kzalloc(sizeof(*mod->track), GFP_KERNEL);
	if (!mod->track)
		return -ENOMEM;
	INIT_LIST_HEAD(&mod->track->records);
	mod->track->counted = READ_ONCE(track_enabled);
	if (mod->track->counted)
		static_branch_inc(&module_track_key);
	return 0;
}

void module_track_init_freed(struct module *mod)
{
	if (!mod->track)
		return;
	mod->track->init_text = (unsigned long)mod->init_layout.base;
	mod->track->init_text_size = mod->init_layout.text_size;
}

/* A spare record, or NULL; track_lock held. */
static struct track_rec *take_spare(void)
{
	struct track_rec *rec = spare_records;

	if (rec) {
		spare_records = rec->hash_next;
		nr_spare--;
	}
	return rec;
}

/* Keep @rec for the next allocation, or give it back; track_lock held. True if kept. */
static bool keep_spare(struct track_rec *rec)
{
	if (nr_spare >= SPARE_RECORDS)
		return false;
	rec->hash_next = spare_records;
	spare_records = rec;
	nr_spare++;
	return true;
}

bool module_track_alloc(enum module_track_kind kind, const void *obj, unsigned long size,
			unsigned long caller, const void *extra)
{
	struct track_rec *rec, *fresh = NULL, **b;
	struct module *mod;
	unsigned long flags;

	if (!obj)
		return false;
	spin_lock_irqsave(&track_lock, flags);
	rec = take_spare();
	if (!rec && track_cachep) {
		spin_unlock_irqrestore(&track_lock, flags);
		fresh = kmem_cache_alloc(track_cachep, GFP_ATOMIC | __GFP_NOWARN);
		spin_lock_irqsave(&track_lock, flags);
		rec = fresh;
	}
	mod = __module_text_address(caller);
	if (!mod || !mod->track || !rec) {
		if (mod && mod->track)
			mod->track->dropped++;
		if (rec && !keep_spare(rec))
			fresh = rec;
		else
			fresh = NULL;
		spin_unlock_irqrestore(&track_lock, flags);
		kmem_cache_free(track_cachep, fresh);
		return false;
	}
	*rec = (struct track_rec){ .mod = mod, .kind = kind, .obj = obj, .size = size,
				   .caller = caller, .extra = extra };
	b = bucket(obj);
	rec->hash_next = *b;
	rec->hash_pprev = b;
	if (*b)
		(*b)->hash_pprev = &rec->hash_next;
	*b = rec;
	list_add_tail(&rec->list, &mod->track->records);
	module_track_held[kind]++;
	spin_unlock_irqrestore(&track_lock, flags);
	return true;
}

/* Unlink @rec from the hash and its module; track_lock held. */
static void unhash(struct track_rec *rec)
{
	*rec->hash_pprev = rec->hash_next;
	if (rec->hash_next)
		rec->hash_next->hash_pprev = rec->hash_pprev;
	list_del(&rec->list);
	module_track_held[rec->kind]--;
}

bool module_track_free(enum module_track_kind kind, const void *obj)
{
	struct track_rec *rec;
	unsigned long flags;
	bool kept = false;

	spin_lock_irqsave(&track_lock, flags);
	for (rec = *bucket(obj); rec; rec = rec->hash_next)
		if (rec->obj == obj && rec->kind == kind)
			break;
	if (rec) {
		unhash(rec);
		kept = keep_spare(rec);
	}
	spin_unlock_irqrestore(&track_lock, flags);
	if (rec && !kept)
		kmem_cache_free(track_cachep, rec);
	return rec != NULL;
}

/* ---- the report ---- */

struct report {
	struct module *mod;
	const char *why;
	unsigned int count;
	bool cancel;			/* rmmod or failed init: cancel and release */
	unsigned int keep;		/* MODULE_KEEP_*: something still runs its code */
	struct list_head taken;		/* records to release once callbacks are cancelled */
	char sym[KSYM_NAME_LEN + 48];
};

/*
 * In the module's code, its init code included even once freed, unless
 * another module has been loaded there since.
 */
static bool in_text(const struct module *mod, unsigned long addr)
{
	const struct module_track *t = mod->track;
	struct module *now;
	unsigned long flags;

	if (addr - (unsigned long)mod->core_layout.base < mod->core_layout.text_size ||
	    addr - (unsigned long)mod->init_layout.base < mod->init_layout.text_size)
		return true;
	if (!t || addr - t->init_text >= t->init_text_size)
		return false;
	local_irq_save(flags);
	now = __module_address(addr);
	local_irq_restore(flags);
	return !now || now == mod;
}

/* "fn+0x1c/0x80 [mod]" for @addr, naming init functions too (kallsyms forgot them). */
static const char *sym(struct report *r, const void *ptr)
{
	unsigned long addr = (unsigned long)ptr, size, offset;
	const char *name = in_text(r->mod, addr) ?
		module_kallsyms_lookup(r->mod, addr, &size, &offset, true) : NULL;

	if (name)
		snprintf(r->sym, sizeof(r->sym), "%s+0x%lx/0x%lx [%s]", name, offset, size,
			 r->mod->name);
	else
		snprintf(r->sym, sizeof(r->sym), "%pS", ptr);
	return r->sym;
}

static bool in_memory(const struct module *mod, unsigned long addr)
{
	return addr - (unsigned long)mod->core_layout.base < mod->core_layout.size ||
	       addr - (unsigned long)mod->init_layout.base < mod->init_layout.size;
}

/* One line per item, under a heading on the first. */
static void item(struct report *r, const char *fmt, ...) __printf(2, 3);
static void item(struct report *r, const char *fmt, ...)
{
	char line[200];
	va_list args;

	if (!r->count++)
		pr_warn("%s: %s, it still holds:\n", r->mod->name, r->why);
	WRITE_ONCE(module_track_reported, module_track_reported + 1);
	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	pr_warn("%s:   %s\n", r->mod->name, line);
}

static void report_record(struct report *r, const struct track_rec *rec)
{
	const char *by = sym(r, (const void *)rec->caller);

	switch (rec->kind) {
	case MT_SLAB:
		item(r, "%s object %p (%lu bytes), allocated by %s",
		     kmem_cache_name(rec->extra), rec->obj, rec->size, by);
		break;
	case MT_KMALLOC_LARGE:
		item(r, "kmalloc block %p (%lu bytes), allocated by %s", rec->obj, rec->size, by);
		break;
	case MT_CACHE:
		if (rec->size)
			item(r, "slab cache %s, created by %s, with %lu object%s still allocated%s",
			     kmem_cache_name(rec->obj), by, rec->size, rec->size == 1 ? "" : "s",
			     r->cancel ? "; kept" : "");
		else
			item(r, "slab cache %s, created by %s%s", kmem_cache_name(rec->obj), by,
			     r->cancel ? "; destroyed" : "");
		break;
	case MT_PAGES:
		item(r, "%lu page%s (order %lu) at pfn 0x%lx, allocated by %s", 1UL << rec->size,
		     rec->size ? "s" : "", rec->size, page_to_pfn((struct page *)rec->obj), by);
		break;
	case MT_PERCPU:
		item(r, "per-CPU allocation %p (%lu bytes per CPU), allocated by %s", rec->obj,
		     rec->size, by);
		break;
	case MT_DMA_MAP:
		item(r, "DMA mapping at dma 0x%08lx (%lu bytes), mapped by %s",
		     (unsigned long)rec->obj, rec->size, by);
		break;
	case MT_DMA_SG:
		item(r, "DMA scatterlist mapping %p (%lu entries), mapped by %s", rec->obj,
		     rec->size, by);
		break;
	case MT_DMA_CHAN:
		item(r, "DMA channel %s, requested by %s%s",
		     dma_chan_name((struct dma_chan *)rec->obj), by,
		     r->cancel ? "; its transfers terminated, released" : "");
		break;
	case MT_WORKQUEUE:
		item(r, "workqueue %s, created by %s%s", (const char *)rec->extra, by,
		     r->cancel ? "; destroyed" : "");
		break;
	case MT_NR_KINDS:
		break;
	}
}

/* Objects of @cache among the module's records; track_lock held. */
static unsigned long count_objects(const struct module_track *t, const void *cache)
{
	const struct track_rec *rec;
	unsigned long n = 0;

	list_for_each_entry(rec, &t->records, list)
		n += rec->kind == MT_SLAB && rec->extra == cache;
	return n;
}

/* The module's records: reported, and with @cancel taken onto r->taken. */
static void report_records(struct report *r)
{
	struct track_rec *rec, *tmp;
	struct module_track *t = r->mod->track;
	unsigned long flags;

	if (!t)
		return;
	spin_lock_irqsave(&track_lock, flags);
	/* A cache's size field becomes the number of its objects the module still holds. */
	list_for_each_entry(rec, &t->records, list)
		if (rec->kind == MT_CACHE)
			rec->size = count_objects(t, rec->obj);
	list_for_each_entry(rec, &t->records, list)
		report_record(r, rec);
	if (r->cancel) {
		list_for_each_entry_safe(rec, tmp, &t->records, list) {
			unhash(rec);
			list_add_tail(&rec->list, &r->taken);
		}
	}
	spin_unlock_irqrestore(&track_lock, flags);
	if (t->dropped)
		item(r, "and %u allocations that could not be recorded", t->dropped);
}

/* DMA channels stop first: their completions call into the module. */
static void release_dma_channels(struct report *r)
{
	struct track_rec *rec;

	list_for_each_entry(rec, &r->taken, list) {
		struct dma_chan *chan = (struct dma_chan *)rec->obj;

		if (rec->kind != MT_DMA_CHAN)
			continue;
		dmaengine_terminate_sync(chan);
		dma_release_channel(chan);
	}
}

/* Then, with nothing left to call into the module, the rest. */
static void release_records(struct report *r)
{
	struct track_rec *rec, *tmp;

	list_for_each_entry_safe(rec, tmp, &r->taken, list) {
		if (rec->kind == MT_SLAB)
			kmem_cache_forget_module_object((struct kmem_cache *)rec->extra);
		if (rec->kind == MT_CACHE && !rec->size)
			kmem_cache_destroy((struct kmem_cache *)rec->obj);
		if (rec->kind == MT_WORKQUEUE)
			destroy_workqueue((struct workqueue_struct *)rec->obj);
		list_del(&rec->list);
		kmem_cache_free(track_cachep, rec);
	}
}

static void report_vm_area(const struct vm_struct *vm, void *data)
{
	struct report *r = data;
	const char *kind = vm->flags & VM_DMA_COHERENT ? "DMA coherent buffer" :
			   vm->flags & VM_ALLOC ? "vmalloc area" : "vmap area";

	if (!in_text(r->mod, (unsigned long)vm->caller))
		return;
	if (vm->flags & VM_IOREMAP)
		item(r, "ioremap of 0x%08lx at %p (%lu bytes), mapped by %s",
		     (unsigned long)vm->phys_addr, vm->addr, vm->size - PAGE_SIZE,
		     sym(r, vm->caller));
	else
		item(r, "%s %p (%lu bytes), allocated by %s", kind, vm->addr,
		     vm->size - PAGE_SIZE, sym(r, vm->caller));
}

static bool timer_matches(const struct timer_list *t, void *data)
{
	const struct report *r = data;

	return in_text(r->mod, (unsigned long)t->function) ||
	       in_text(r->mod, (unsigned long)t->callback) ||
	       in_memory(r->mod, (unsigned long)t);
}

static void report_timer(const struct timer_list *t, void *data)
{
	struct report *r = data;
	void *fn = t->callback ? (void *)t->callback : (void *)t->function;

	item(r, "armed timer %p calling %s; cancelled", t, sym(r, fn));
}

static bool irq_matches(const struct irqaction *a, void *data)
{
	return in_text(((struct report *)data)->mod, (unsigned long)a->handler);
}

static void report_irq(unsigned int irq, const struct irqaction *a, void *data)
{
	struct report *r = data;

	item(r, "IRQ %u handler %s (dev_id %p); freed", irq, sym(r, a->handler), a->dev_id);
}

static bool tasklet_matches(const struct tasklet_struct *t, void *data)
{
	const struct report *r = data;

	return in_text(r->mod, (unsigned long)t->func) || in_memory(r->mod, (unsigned long)t);
}

static void report_tasklet(const struct tasklet_struct *t, void *data)
{
	struct report *r = data;

	item(r, "scheduled tasklet %p calling %s; killed", t, sym(r, t->func));
}

static bool work_matches(work_func_t func, const struct work_struct *work, void *data)
{
	const struct report *r = data;

	return in_text(r->mod, (unsigned long)func) || in_memory(r->mod, (unsigned long)work);
}

static void report_work(work_func_t func, const struct work_struct *work,
			enum work_cancel_how how, void *data)
{
	struct report *r = data;

	switch (how) {
	case WORK_CANCELLED:
		item(r, "queued work %p calling %s; cancelled", work, sym(r, func));
		break;
	case WORK_CANCELLED_DELAYED:
		item(r, "delayed work %p calling %s; cancelled", work, sym(r, func));
		break;
	case WORK_STILL_RUNNING:
		item(r, "work %p running %s: still running after a second, cannot be stopped",
		     work, sym(r, func));
		r->keep |= MODULE_KEEP_CALLBACKS;
		break;
	}
}

/*
 * Cancel what would call into the module. Interrupt handlers go first (no
 * new events); then work, tasklets and timers, again while a pass found
 * one, as each may have queued another of a kind already done.
 */
static void cancel_callbacks(struct report *r)
{
	unsigned int pass, n;

	free_irqs_matching(irq_matches, report_irq, r);
	for (pass = 0; pass < 8; pass++) {
		n = cancel_work_matching(work_matches, report_work, r);
		n += tasklets_kill_matching(tasklet_matches, report_tasklet, r);
		n += del_timers_matching(timer_matches, report_timer, r);
		if (!n)
			return;
	}
	item(r, "callbacks that keep re-arming each other after %u passes; its memory is kept", pass);
	r->keep |= MODULE_KEEP_CALLBACKS;
}

static bool runs_module_code(struct module *mod, const struct task_struct *p)
{
	return in_text(mod, (unsigned long)p->threadfn) && !(p->flags & PF_EXITING);
}

static void report_threads(struct report *r)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!runs_module_code(r->mod, p))
			continue;
		item(r, "kernel thread %s (pid %d) running %s%s", p->comm, p->pid,
		     sym(r, p->threadfn), r->cancel ? ": cannot be stopped" : "");
		r->keep |= MODULE_KEEP_THREADS;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

bool module_threads_running(struct module *mod)
{
	struct task_struct *p;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		found |= runs_module_code(mod, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static void report_all(struct report *r)
{
	INIT_LIST_HEAD(&r->taken);
	/* Objects the module freed may wait in KASAN's quarantine, their records with them. */
	kasan_quarantine_flush(NULL);
	report_records(r);
	vm_area_for_each(report_vm_area, r);
	/* What would call into the module is only cancelled as it goes. */
	if (r->cancel) {
		release_dma_channels(r);
		cancel_callbacks(r);
		release_records(r);
	}
	report_threads(r);
	if (r->count)
		pr_warn("%s: %u item%s left behind %s\n", r->mod->name, r->count,
			r->count == 1 ? "" : "s", r->why);
}

void module_track_report(struct module *mod, const char *why)
{
	struct report r = { .mod = mod, .why = why };

	report_all(&r);
}

/*
 * The allocators' entry points a recording module's references resolve
 * to: they record what module code takes, so the kernel's own calls test
 * nothing (the fast paths are the same with modules loaded).
 */
static const struct {
	unsigned long entry;
	unsigned long tracked;
} tracked_entries[] = {
	{ (unsigned long)kmem_cache_alloc, (unsigned long)kmem_cache_alloc_from_module },
	{ (unsigned long)__kmalloc, (unsigned long)__kmalloc_from_module },
	{ (unsigned long)__alloc_pages_nodemask, (unsigned long)__alloc_pages_nodemask_from_module },
};

unsigned long module_track_entry(const struct module *mod, unsigned long addr)
{
	unsigned int i;

	if (!mod->track || !mod->track->counted)
		return addr;
	for (i = 0; i < ARRAY_SIZE(tracked_entries); i++)
		if (tracked_entries[i].entry == addr)
			return tracked_entries[i].tracked;
	return addr;
}

/* Give the spare records back: a removed module leaves no memory of its own behind. */
static void drop_spares(void)
{
	struct track_rec *list, *next;
	unsigned long flags;

	spin_lock_irqsave(&track_lock, flags);
	list = spare_records;
	spare_records = NULL;
	nr_spare = 0;
	spin_unlock_irqrestore(&track_lock, flags);
	for (; list; list = next) {
		next = list->hash_next;
		kmem_cache_free(track_cachep, list);
	}
}

unsigned int module_track_release(struct module *mod, const char *why)
{
	struct report r = { .mod = mod, .why = why, .cancel = true };

	report_all(&r);
	drop_spares();
	kmem_cache_module_removed();
	if (mod->track) {
		if (mod->track->counted) {
			atomic_inc(&key_puts_due);
			schedule_delayed_work(&key_put_work, HZ);
		}
		kfree(mod->track);
		mod->track = NULL;
	}
	return r.keep;
}
