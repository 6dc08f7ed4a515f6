/*
 * KASAN's reports, in Linux's format: the bug kind and where, the access,
 * the backtrace, what the address belongs to (a slab object with its
 * allocation and free stacks, a page, a global, a stack frame, a vmalloc
 * area) and the shadow around it.
 *
 * One report per bug site (the instruction's address) unless
 * kasan_multi_shot is given, and never more than REPORT_BURST in
 * REPORT_INTERVAL: a bug in a loop cannot flood the console. A report
 * made while this task reports is dropped (the report's own code is not
 * instrumented, but printk and kallsyms are).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <asm/spinlock.h>
#include <asm/thread_info.h>
#include "kasan.h"
#include "slab.h"
#include "vmalloc_internal.h"
#include "internal.h"

#define REPORT_BURST	10
#define REPORT_INTERVAL	(5 * HZ)
#define SITES		256		/* bug sites remembered (a power of two) */
#define ROW_BYTES	16		/* shadow bytes per row of the memory state */
#define ROWS_AROUND	2

atomic_t kasan_nr_reports, kasan_nr_suppressed;

static bool fault_panic;		/* kasan.fault=panic */
static bool multi_shot;			/* kasan_multi_shot */
static unsigned long sites[SITES];	/* bug sites reported, open addressing */
static unsigned long burst_start;
static unsigned int burst_count, burst_dropped;
static arch_spinlock_t report_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct kasan_expectation *expectation;

static int __init setup_kasan_fault(char *val)
{
	if (!strcmp(val, "report")) {
		fault_panic = false;
	} else if (!strcmp(val, "panic")) {
		fault_panic = true;
	} else {
		pr_err("kasan: kasan.fault=%s is neither report nor panic: using report\n", val);
		fault_panic = false;
	}
	return 0;
}
early_param("kasan.fault", setup_kasan_fault);

static int __init setup_kasan_multi_shot(char *val)
{
	if (*val) {
		pr_err("kasan: kasan_multi_shot takes no value (got '%s'): ignored\n", val);
		return 0;
	}
	multi_shot = true;
	return 0;
}
__setup("kasan_multi_shot", setup_kasan_multi_shot);

bool kasan_fault_panics(void)
{
	return fault_panic;
}

void kasan_expect_begin(struct kasan_expectation *e)
{
	e->task = current;
	e->reports = 0;
	e->bug_type = NULL;
	e->variable[0] = '\0';
	WRITE_ONCE(expectation, e);
}

void kasan_expect_end(void)
{
	WRITE_ONCE(expectation, NULL);
}

/* First report of this site? Remembers it. Report lock held. */
static bool new_site(unsigned long ip)
{
	unsigned int i, h = (unsigned int)(ip >> 2) * 2654435761u;

	for (i = 0; i < SITES; i++) {
		unsigned long *slot = &sites[(h + i) & (SITES - 1)];

		if (*slot == ip)
			return false;
		if (!*slot) {
			*slot = ip;
			return true;
		}
	}
	return true;	/* the table is full: the rate limit still holds */
}

/* Within the burst limit? Report lock held. */
static bool within_burst(void)
{
	unsigned long now = jiffies;

	if (!burst_start || time_after(now, burst_start + REPORT_INTERVAL)) {
		if (burst_dropped)
			pr_err("kasan: %u reports suppressed\n", burst_dropped);
		burst_start = now ? now : 1;
		burst_count = 0;
		burst_dropped = 0;
	}
	if (burst_count >= REPORT_BURST) {
		burst_dropped++;
		return false;
	}
	burst_count++;
	return true;
}

static bool byte_poisoned(unsigned long addr)
{
	s8 shadow = *kasan_mem_to_shadow((const void *)addr);

	return shadow && (s8)(addr & KASAN_GRANULE_MASK) >= shadow;
}

/* The first byte of the access that may not be touched (the access's start if none). */
static unsigned long first_bad_addr(unsigned long addr, size_t size)
{
	unsigned long bad = addr;

	while (bad < addr + size && !byte_poisoned(bad))
		bad++;
	return bad < addr + size ? bad : addr;
}

static bool on_task_stack(const struct task_struct *t, unsigned long addr)
{
	return t->stack && addr - (unsigned long)t->stack < THREAD_SIZE;
}

/* Linux's names, from the first bad byte's shadow. */
static const char *bug_type(unsigned long addr, size_t size)
{
	s8 *shadow;

	if (addr < PAGE_SIZE)
		return "null-ptr-deref";
	if (addr + size < addr || !kasan_addr_has_shadow(addr))
		return "wild-memory-access";
	shadow = kasan_mem_to_shadow((const void *)first_bad_addr(addr, size));
	if (*shadow > 0 && *shadow < (s8)KASAN_GRANULE_SIZE)
		shadow++;	/* past the accessible head of a granule: the next one says why */
	if (*shadow >= 0)
		return "out-of-bounds";	/* accessible now: the shadow changed under us */
	switch ((u8)*shadow) {
	case KASAN_PAGE_REDZONE:
	case KASAN_SLAB_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_GLOBAL_REDZONE:
		return "global-out-of-bounds";
	case KASAN_STACK_LEFT:
	case KASAN_STACK_MID:
	case KASAN_STACK_RIGHT:
	case KASAN_STACK_PARTIAL:
		return "stack-out-of-bounds";
	case KASAN_PAGE_FREE:
		return "use-after-free";
	case KASAN_SLAB_FREE:
		return "slab-use-after-free";
	case KASAN_VMALLOC_INVALID:
		return on_task_stack(current, addr) ? "stack-use-after-scope" : "vmalloc-out-of-bounds";
	case KASAN_PERCPU_FREE:
		return "percpu-out-of-bounds";
	}
	return "unknown-crash";
}

static void print_track(const char *what, const struct kasan_track *track)
{
	pr_err("%s by task %d:\n", what, track->pid);
	stack_depot_print(track->stack);
}

static void describe_slab_object(unsigned long addr, struct page *page)
{
	struct kmem_cache *s = page->slab_cache;
	char *obj = kasan_nearest_object(s, page, (void *)addr);
	struct kasan_slab_meta *meta = kasan_slab_meta(s, obj);
	bool freed = (u8)*kasan_mem_to_shadow(obj) == KASAN_SLAB_FREE;
	unsigned int region = freed ? s->object_size : meta->requested;
	unsigned long start = (unsigned long)obj, end = start + region;

	if (meta->alloc.stack) {
		print_track("Allocated", &meta->alloc);
		pr_err("\n");
	}
	if (freed && meta->free.stack) {
		print_track("Freed", &meta->free);
		pr_err("\n");
	}
	pr_err("The buggy address belongs to the object at %08lx\n", start);
	pr_err(" which belongs to the cache %s of size %u\n", s->name, s->object_size);
	if (addr < start)
		pr_err("The buggy address is located %lu bytes to the left of\n", start - addr);
	else if (addr >= end)
		pr_err("The buggy address is located %lu bytes to the right of\n", addr - end);
	else
		pr_err("The buggy address is located %lu bytes inside of\n", addr - start);
	pr_err(" %s %u-byte region [%08lx, %08lx)\n", freed ? "freed" : "allocated", region,
	       start, end);
	pr_err("\n");
}

/* The next space-separated number of a frame descriptor. */
static unsigned long next_number(const char **p)
{
	char *end;
	unsigned long n;

	while (**p == ' ')
		(*p)++;
	n = (unsigned long)simple_strtoull(*p, &end, 10);
	*p = end;
	return n;
}

/* GCC's frame descriptor: "N off size len name ..." for the N variables. */
static void print_frame_objects(const char *descr)
{
	unsigned long n, off, size, len;
	const char *p = descr;

	n = next_number(&p);
	pr_err("This frame has %lu object%s:\n", n, n == 1 ? "" : "s");
	while (n--) {
		off = next_number(&p);
		size = next_number(&p);
		len = next_number(&p);
		if (*p != ' ' || !len || len > KSYM_NAME_LEN)
			return;
		p++;
		pr_err(" [%lu, %lu) '%.*s'\n", off, off + size, (int)len, p);
		p += len;
	}
}

/*
 * The frame holding @addr on @t's stack: its left red zone starts with
 * GCC's magic word, the frame's descriptor and its function.
 */
static void describe_stack(unsigned long addr, struct task_struct *t)
{
	unsigned long base = (unsigned long)t->stack, frame;
	const s8 *shadow = kasan_mem_to_shadow((const void *)addr);
	const s8 *lowest = kasan_mem_to_shadow((const void *)base);
	const unsigned long *words;

	pr_err("The buggy address belongs to stack of task %.*s/%d\n", TASK_COMM_LEN, t->comm,
	       t->pid);
	while (shadow > lowest && (u8)*shadow != KASAN_STACK_LEFT)
		shadow--;
	while (shadow > lowest && (u8)shadow[-1] == KASAN_STACK_LEFT)
		shadow--;
	frame = kasan_shadow_to_mem(shadow);
	words = (const unsigned long *)frame;
	if ((u8)*shadow != KASAN_STACK_LEFT || frame > addr || words[0] != KASAN_FRAME_MAGIC) {
		pr_err("\n");
		return;
	}
	pr_err(" and is located at offset %lu in frame:\n", addr - frame);
	pr_err(" %pS\n", (void *)words[2]);
	pr_err("\n");
	print_frame_objects((const char *)words[1]);
	pr_err("\n");
}

/* The kernel's or a module's global variable, for the self-test expecting this report too. */
static void describe_global(unsigned long addr)
{
	struct kasan_expectation *e = READ_ONCE(expectation);
	bool expected = e && e->task == current && !e->reports;

	kasan_print_global(addr, expected ? e->variable : NULL, sizeof(e->variable));
}

static void describe_address(unsigned long addr)
{
	struct vm_struct vm;

	if (on_task_stack(current, addr)) {
		describe_stack(addr, current);
		return;
	}
	if (addr >= PAGE_OFFSET && addr < (unsigned long)high_memory) {
		struct page *page;

		/* Early boot (a board's init): no struct pages to look at yet. */
		if (!page_allocator_ready()) {
			describe_global(addr);
			return;
		}
		page = compound_head(virt_to_page((void *)addr));
		if (PageSlab(page))
			describe_slab_object(addr, page);
		else
			describe_global(addr);
		pr_err("The buggy address belongs to the physical page:\n");
		dump_page(page, "kasan: bad access detected");
		pr_err("\n");
		return;
	}
	describe_global(addr);		/* a module's: in the module area */
	if (vm_area_lookup((void *)addr, &vm)) {
		pr_err("The buggy address belongs to the virtual mapping at\n");
		pr_err(" [%08lx, %08lx) created by:\n", (unsigned long)vm.addr,
		       (unsigned long)vm.addr + vm.size);
		pr_err(" %pS\n", vm.caller);
		pr_err("\n");
	}
}

/* Five rows of shadow around @addr, the bad byte marked. */
static void print_memory_state(unsigned long addr)
{
	const s8 *bad = kasan_mem_to_shadow((const void *)addr);
	const s8 *row = (const s8 *)ALIGN_DOWN((unsigned long)bad, ROW_BYTES) -
			ROWS_AROUND * ROW_BYTES;
	int r, i;

	pr_err("Memory state around the buggy address:\n");
	for (r = -ROWS_AROUND; r <= ROWS_AROUND; r++, row += ROW_BYTES) {
		char line[12 + 3 * ROW_BYTES];
		size_t n;

		if ((unsigned long)row < KASAN_SHADOW_START ||
		    (unsigned long)row >= KASAN_SHADOW_END)
			continue;
		n = (size_t)snprintf(line, sizeof(line), "%c%08lx:", r ? ' ' : '>',
				     kasan_shadow_to_mem(row));
		for (i = 0; i < ROW_BYTES; i++)
			n += (size_t)snprintf(line + n, sizeof(line) - n, " %02x", (u8)row[i]);
		pr_err("%s\n", line);
		if (bad >= row && bad < row + ROW_BYTES)
			pr_err("%*c\n", (int)(12 + 3 * (bad - row)), '^');	/* under its first digit */
	}
}

static void report_begin(unsigned long *flags)
{
	local_irq_save(*flags);
	current->kasan_depth++;
	arch_spin_lock(&report_lock);
	pr_err("==================================================================\n");
}

static void report_end(unsigned long flags, const char *type)
{
	struct kasan_expectation *e = READ_ONCE(expectation);

	pr_err("==================================================================\n");
	atomic_inc(&kasan_nr_reports);
	if (e && e->task == current && !e->reports++)
		e->bug_type = type;
	arch_spin_unlock(&report_lock);
	current->kasan_depth--;
	local_irq_restore(flags);
	add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE);	/* "B", as Linux: the panic shows it */
	if (fault_panic)
		panic("kasan.fault=panic set ...\n");
}

/* Should this report be printed? Counts the ones that are not. */
static bool report_wanted(unsigned long ip)
{
	struct kasan_expectation *e = READ_ONCE(expectation);
	unsigned long flags;
	bool wanted;

	if (current->kasan_depth) {
		atomic_inc(&kasan_nr_suppressed);
		return false;
	}
	if (e && e->task == current)
		return true;	/* a self-test expects it, again and again */
	local_irq_save(flags);
	arch_spin_lock(&report_lock);
	wanted = (multi_shot || new_site(ip)) && within_burst();
	arch_spin_unlock(&report_lock);
	local_irq_restore(flags);
	if (!wanted)
		atomic_inc(&kasan_nr_suppressed);
	return wanted;
}

void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip)
{
	const char *type;
	unsigned long flags;

	if (!report_wanted(ip))
		return;
	report_begin(&flags);
	type = bug_type(addr, size);
	pr_err("BUG: KASAN: %s in %pS\n", type, (void *)ip);
	pr_err("%s of size %zu at addr %08lx by task %.*s/%d\n", write ? "Write" : "Read", size,
	       addr, TASK_COMM_LEN, current->comm, current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	if (kasan_addr_has_shadow(addr) && addr + size >= addr) {
		describe_address(addr);
		print_memory_state(first_bad_addr(addr, size));
	}
	report_end(flags, type);
}

void kasan_report_invalid_free(const void *ptr, unsigned long ip, enum kasan_free_bug bug)
{
	const char *type = bug == KASAN_DOUBLE_FREE ? "double-free" : "invalid-free";
	unsigned long flags;

	if (!report_wanted(ip))
		return;
	report_begin(&flags);
	pr_err("BUG: KASAN: %s in %pS\n", type, (void *)ip);
	pr_err("Free of addr %08lx by task %.*s/%d\n", (unsigned long)ptr, TASK_COMM_LEN,
	       current->comm, current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	if (kasan_addr_has_shadow((unsigned long)ptr)) {
		describe_address((unsigned long)ptr);
		print_memory_state((unsigned long)ptr);
	}
	report_end(flags, type);
}
