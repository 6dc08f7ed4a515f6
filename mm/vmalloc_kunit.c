/*
 * Self-tests of vmalloc, vmap and ioremap, after Linux's test_vmalloc:
 * fixed sizes, holes reused ("full fit"), a long busy list, random sizes,
 * alignments; the memory-and-DMA chapter's motivating case (more than any free physically
 * contiguous block); a failure part-way leaving nothing behind; guard-page
 * and use-after-vfree faults.
 */
#include <stdarg.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/io.h>
#include <linux/kallsyms.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <string.h>
#include <asm/fault.h>
#include <asm/traps.h>
#include <mica/board.h>
#include <mica/kunit.h>
#include <mica/mm_check.h>
#include "internal.h"
#include "vmalloc_internal.h"

/* Write a pattern through @p, one word every 64 bytes, and read it back. */
static void fill(void *p, size_t size, u32 seed)
{
	for (size_t i = 0; i < size / 4; i += 16)
		((u32 *)p)[i] = seed ^ i;
}

static bool check_fill(const void *p, size_t size, u32 seed)
{
	for (size_t i = 0; i < size / 4; i += 16)
		if (((const u32 *)p)[i] != (seed ^ i))
			return false;
	return true;
}

static void expect_area_ok(struct kunit *test)
{
	char why[128];

	if (vmalloc_check(why, sizeof(why)))
		KUNIT_FAIL(test, "vmalloc areas broken: %s", why);
}

static void fixed_size(struct kunit *test)
{
	for (int i = 0; i < 100; i++) {
		char *p = vmalloc(3 * PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
		for (int k = 0; k < 3; k++)
			KUNIT_EXPECT_NOT_NULL(test, vmalloc_to_page(p + k * PAGE_SIZE));
		KUNIT_EXPECT_NULL(test, vmalloc_to_page(p + 3 * PAGE_SIZE));	/* guard */
		fill(p, 3 * PAGE_SIZE, i);
		KUNIT_EXPECT_TRUE(test, check_fill(p, 3 * PAGE_SIZE, i));
		vfree(p);
	}
	expect_area_ok(test);
}

/* With high memory free, vmalloc uses it first (as Linux does). */
static void prefers_highmem(struct kunit *test)
{
	unsigned int high = 0;
	char *p;

	/* vmalloc takes __GFP_HIGHMEM pages: ZONE_HIGHMEM's (movablecore= may leave none). */
	if (zone_page_state(&NODE_DATA(numa_node_id())->node_zones[ZONE_HIGHMEM],
			    NR_FREE_PAGES) < 1024)
		kunit_skip(test, "no free high memory in ZONE_HIGHMEM");
	p = vmalloc(16 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (int k = 0; k < 16; k++)
		high += PageHighMem(vmalloc_to_page(p + k * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, high, 16);
	vfree(p);
}

/* Areas handed out one after the other, past every older hole. */
#define FIT_AREAS 64

static void full_fit_reuses_holes(struct kunit *test)
{
	void **held = vzalloc(4096 * sizeof(void *));
	void *freed[FIT_AREAS / 2];
	unsigned int n = 0, run = 0, i, j, found;

	KUNIT_ASSERT_NOT_NULL(test, held);
	/* Fill every hole below until FIT_AREAS areas in a row are adjacent. */
	while (run < FIT_AREAS && n < 4096) {
		held[n] = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, held[n]);
		if (n && held[n] == (char *)held[n - 1] + 2 * PAGE_SIZE)
			run++;
		else
			run = 1;
		n++;
	}
	KUNIT_ASSERT_EQ(test, run, FIT_AREAS);
	/* Punch a hole in every other one of the run, then fill them again. */
	for (i = 0; i < FIT_AREAS / 2; i++) {
		unsigned int k = n - FIT_AREAS + 2 * i;

		freed[i] = held[k];
		vfree(held[k]);
		held[k] = NULL;
	}
	for (i = 0; i < FIT_AREAS / 2; i++) {
		void *p = vmalloc(PAGE_SIZE);

		for (found = 0, j = 0; j < FIT_AREAS / 2; j++)
			found += p == freed[j];
		KUNIT_EXPECT_EQ(test, found, 1);
		held[n - FIT_AREAS + 2 * i] = p;
	}
	for (i = 0; i < n; i++)
		vfree(held[i]);
	vfree(held);
	expect_area_ok(test);
}

static void long_busy_list(struct kunit *test)
{
	void **held = vzalloc(1000 * sizeof(void *));
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, held);
	for (i = 0; i < 1000; i++) {
		held[i] = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, held[i]);
	}
	for (i = 0; i < 200; i++) {
		void *p = vmalloc((1 + i % 4) * PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_PTR_EQ(test, find_vm_area(p)->addr, p);
		vfree(p);
	}
	expect_area_ok(test);
	for (i = 0; i < 1000; i++)
		vfree(held[i]);
	vfree(held);
	expect_area_ok(test);
}

static void random_sizes(struct kunit *test)
{
	void *live[32] = { 0 };
	size_t sizes[32] = { 0 };
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 0x2545f491);
	for (int step = 0; step < 400; step++) {
		unsigned int s = prandom_u32_state(&rnd) % 32;

		if (live[s]) {
			KUNIT_EXPECT_TRUE(test, check_fill(live[s], sizes[s], s));
			vfree(live[s]);
			live[s] = NULL;
		} else {
			sizes[s] = 1 + prandom_u32_state(&rnd) % (256 << 10);
			live[s] = vmalloc(sizes[s]);
			KUNIT_ASSERT_NOT_NULL(test, live[s]);
			fill(live[s], sizes[s], s);
		}
	}
	for (int s = 0; s < 32; s++) {
		if (live[s])
			KUNIT_EXPECT_TRUE(test, check_fill(live[s], sizes[s], s));
		vfree(live[s]);
	}
	expect_area_ok(test);
}

static void alignments(struct kunit *test)
{
	for (unsigned int shift = PAGE_SHIFT; shift <= 22; shift++) {
		void *p = __vmalloc_node_range(PAGE_SIZE << (shift % 3), 1UL << shift,
					       VMALLOC_START, VMALLOC_END, GFP_KERNEL | __GFP_HIGHMEM,
					       PROT_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 1UL << shift));
		fill(p, PAGE_SIZE << (shift % 3), shift);
		vfree(p);
	}
	expect_area_ok(test);
}

static void vzalloc_is_zeroed(struct kunit *test)
{
	u32 *p = vmalloc(64 << 10), *q;
	unsigned int i, nonzero = 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xa5, 64 << 10);
	vfree(p);
	q = vzalloc(64 << 10);
	KUNIT_ASSERT_NOT_NULL(test, q);
	for (i = 0; i < (64 << 10) / 4; i++)
		nonzero += q[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, 0);
	vfree(q);
}

static int largest_free_order(void)
{
	struct zone *zone;
	int best = -1;

	for_each_populated_zone(zone)
		for (int o = MAX_ORDER - 1; o > best; o--)
			if (READ_ONCE(zone->free_area[o].nr_free))
				best = o;
	return best;
}

/*
 * The memory-and-DMA chapter's reason for vmalloc: twice the largest free physically
 * contiguous block is still one virtually contiguous allocation.
 */
static void larger_than_any_free_block(struct kunit *test)
{
	int order = largest_free_order() + 1;
	unsigned long size = PAGE_SIZE << order;
	struct page *page = NULL;
	void *p;

	KUNIT_ASSERT_GT(test, order, 0);
	if (order < MAX_ORDER)
		page = alloc_pages(GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN, order);
	KUNIT_EXPECT_NULL(test, page);
	if (page)
		__free_pages(page, order);
	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_info(test, "vmalloc(%lu KiB) with no free block above order %d", size >> 10, order - 1);
	fill(p, size, 7);
	KUNIT_EXPECT_TRUE(test, check_fill(p, size, 7));
	vfree(p);
}

static struct fail_page_alloc_attr fail_page_alloc_saved;

static void fail_page_alloc_restore(void *unused)
{
	fail_page_alloc_configure(&fail_page_alloc_saved);
}

/*
 * A vmalloc that cannot get its page array or its n-th page gives back
 * everything it took, for every n: pages, area and descriptors.
 */
static void failure_undoes_everything(struct kunit *test)
{
	unsigned long free_before, pages_before = vmalloc_nr_pages(), nth;
	struct vmalloc_info before, after;
	void *p;

	fail_page_alloc_saved = fail_page_alloc;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fail_page_alloc_restore, NULL), 0);
	/* The area's second-level table now exists: the failing tries allocate none. */
	p = vmalloc(64 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	vfree(p);
	for (nth = 1; nth <= 66; nth++) {
		drain_all_pages();
		free_before = nr_free_pages();
		get_vmalloc_info(&before);
		fail_page_alloc_nth(nth);
		p = __vmalloc(64 * PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN, PROT_KERNEL);
		fail_page_alloc_restore(NULL);
		if (nth <= 65) {	/* the page array, then each of the 64 pages */
			KUNIT_EXPECT_NULL(test, p);
		} else {
			KUNIT_EXPECT_NOT_NULL(test, p);
			vfree(p);
		}
		drain_all_pages();
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
		KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages_before);
		get_vmalloc_info(&after);
		KUNIT_EXPECT_EQ(test, after.largest_chunk, before.largest_chunk);
	}
	expect_area_ok(test);
}

static void write_byte(void *addr)
{
	*(volatile char *)addr = 1;
}

static void read_byte(void *addr)
{
	(void)*(volatile char *)addr;
}

static void expect_translation_fault(struct kunit *test, void (*fn)(void *), void *addr)
{
	struct fault_record rec;

	KUNIT_EXPECT_EQ(test, arm_run_expecting_fault(fn, addr, &rec), 1);
	KUNIT_EXPECT_EQ(test, rec.kind, ARM_FAULT_DATA_ABORT);
	KUNIT_EXPECT_PTR_EQ(test, (void *)rec.addr, addr);
	KUNIT_EXPECT_EQ(test, fsr_fs(rec.fsr), FS_TRANS_PAGE);
}

static void guard_page_overrun_faults(struct kunit *test)
{
	char *p = vmalloc(2 * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[2 * PAGE_SIZE - 1] = 1;	/* the last byte is fine */
	expect_translation_fault(test, write_byte, p + 2 * PAGE_SIZE);
	vfree(p);
}

/* After vfree the pages are gone from the TLB too, not just the table. */
static void use_after_vfree_faults(struct kunit *test)
{
	char *p = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[0] = 1;			/* now in this CPU's TLB */
	vfree(p);
	expect_translation_fault(test, read_byte, p);
}

static void vmap_maps_callers_pages(struct kunit *test)
{
	struct page *pages[4];
	u32 *v;
	int i;

	for (i = 0; i < 4; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	v = vmap(pages, 4, 0, PROT_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < 4; i++) {
		v[i * PAGE_SIZE / 4] = 0x1000 + i;
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page((char *)v + i * PAGE_SIZE), pages[i]);
		KUNIT_EXPECT_EQ(test, *(u32 *)page_address(pages[i]), 0x1000 + i);
	}
	vfree(v);			/* wrong kind: reported, left alone */
	KUNIT_EXPECT_NOT_NULL(test, find_vm_area(v));
	vunmap(v);
	KUNIT_EXPECT_NULL(test, find_vm_area(v));
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, page_count(pages[i]), 1);
		__free_page(pages[i]);
	}
}

static void bad_frees_are_reported(struct kunit *test)
{
	char *p = vmalloc(2 * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	vfree(NULL);
	vfree(p + PAGE_SIZE);		/* not the start */
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area(p)->addr, p);
	vunmap(p);			/* a vmalloc area, not a vmap one */
	KUNIT_EXPECT_NOT_NULL(test, find_vm_area(p));
	vfree(p);
	KUNIT_EXPECT_NULL(test, find_vm_area(p));
	vfree(p);			/* twice */
	expect_area_ok(test);
}

/* vmallocinfo's source: the area, its size with the guard, caller and pages. */
static void areas_are_listed(struct kunit *test)
{
	void *p = vmalloc(5 * PAGE_SIZE);
	unsigned long cursor = 0, off, size;
	struct vm_struct vm;
	bool seen = false;
	const char *name;

	KUNIT_ASSERT_NOT_NULL(test, p);
	while (vm_area_next(&cursor, &vm)) {
		if (vm.addr != p)
			continue;
		seen = true;
		KUNIT_EXPECT_EQ(test, vm.size, 6 * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, vm.nr_pages, 5);
		KUNIT_EXPECT_TRUE(test, vm.flags & VM_ALLOC);
		name = kallsyms_lookup((unsigned long)vm.caller, &size, &off);
		KUNIT_EXPECT_STREQ(test, name, "areas_are_listed");
	}
	KUNIT_EXPECT_TRUE(test, seen);
	vfree(p);
}

static void read_word(void *info)
{
	u32 **where = info;

	where[1] = (u32 *)(unsigned long)READ_ONCE(*where[0]);
}

/* What another CPU reads at @addr (through its own TLB). */
static u32 read_on_cpu(int cpu, u32 *addr)
{
	u32 *args[2] = { addr, NULL };

	smp_call_function_single(cpu, read_word, args, 1);
	return (u32)(unsigned long)args[1];
}

/*
 * CPU1 caches a translation; CPU0 unmaps the area and maps another page at
 * the same address. CPU1 must see the new page: the unmap invalidated the
 * entry on every CPU, not only here.
 */
static void unmap_reaches_other_cpus_tlbs(struct kunit *test)
{
	struct page *old, *new;
	u32 *a, *b;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online");
	old = alloc_page(GFP_KERNEL);
	new = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, old);
	KUNIT_ASSERT_NOT_NULL(test, new);
	*(u32 *)page_address(old) = 0x01d01d;
	*(u32 *)page_address(new) = 0x2e112e11;
	a = vmap(&old, 1, 0, PROT_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, read_on_cpu(1, a), 0x01d01d);
	vunmap(a);
	b = vmap(&new, 1, 0, PROT_KERNEL);
	KUNIT_ASSERT_PTR_EQ(test, b, a);	/* lowest fit: the same address again */
	KUNIT_EXPECT_EQ(test, read_on_cpu(1, b), 0x2e112e11);
	vunmap(b);
	__free_page(old);
	__free_page(new);
}

static char report[32768];	/* a line per area: thread stacks too */
static size_t report_len;

static int __printf(1, 2) capture(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(report + report_len, sizeof(report) - report_len, fmt, ap);
	va_end(ap);
	report_len += n;
	return n;
}

/* The line of vmallocinfo's output that starts with @prefix, or NULL. */
static const char *report_line(const char *prefix, char *line, size_t len)
{
	const char *p = report;

	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (!strncmp(p, prefix, strlen(prefix)) && n < len) {
			memcpy(line, p, n);
			line[n] = '\0';
			return line;
		}
		p += n + (end != NULL);
	}
	return NULL;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && !strcmp(s + n - t, tail);
}

/* /proc/vmallocinfo's format: range, size, caller, pages= or phys=, kind; in address order. */
static void vfree_action(void *p)
{
	vfree(p);
}

static void iounmap_action(void *io)
{
	iounmap((void __iomem *)io);
}

static void vmallocinfo_format(struct kunit *test)
{
	void *p = vmalloc(3 * PAGE_SIZE);
	void __iomem *io;
	char prefix[40], line[160];
	unsigned long last = 0;
	const char *l;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vfree_action, p), 0);
	io = ioremap(board.uart_base, 0x100);
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)io);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, iounmap_action, (void __force *)io), 0);
	report_len = 0;
	vmallocinfo_show(capture);
	KUNIT_ASSERT_LT(test, report_len, sizeof(report) - 1);	/* not cut */

	snprintf(prefix, sizeof(prefix), "0x%08lx-0x%08lx   16384 vmallocinfo_format+0x",
		 (unsigned long)p, (unsigned long)p + 4 * PAGE_SIZE);
	l = report_line(prefix, line, sizeof(line));
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_EXPECT_TRUE(test, ends_with(l, " pages=3 vmalloc"));

	snprintf(prefix, sizeof(prefix), "0x%08lx-0x%08lx    8192 vmallocinfo_format+0x",
		 (unsigned long __force)io, (unsigned long __force)io + 2 * PAGE_SIZE);
	l = report_line(prefix, line, sizeof(line));
	KUNIT_ASSERT_NOT_NULL(test, l);
	snprintf(prefix, sizeof(prefix), " phys=0x%08lx ioremap", (unsigned long)board.uart_base);
	KUNIT_EXPECT_TRUE(test, ends_with(l, prefix));

	l = report_line("0xfef00000-0xff000000 1048576 early_console_init+0x0/0x", line, sizeof(line));
	KUNIT_EXPECT_NOT_NULL(test, l);

	for (l = report; *l; l++) {
		unsigned long start = simple_strtoull(l, NULL, 16);

		KUNIT_EXPECT_GT(test, start, last);
		last = start;
		l = strchr(l, '\n');
		if (!l) {
			KUNIT_FAIL(test, "the last line has no newline");
			break;
		}
	}
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(fixed_size),
	KUNIT_CASE(prefers_highmem),
	KUNIT_CASE(full_fit_reuses_holes),
	KUNIT_CASE(long_busy_list),
	KUNIT_CASE(random_sizes),
	KUNIT_CASE(alignments),
	KUNIT_CASE(vzalloc_is_zeroed),
	KUNIT_CASE(larger_than_any_free_block),
	KUNIT_CASE(failure_undoes_everything),
	KUNIT_CASE(guard_page_overrun_faults),
	KUNIT_CASE(use_after_vfree_faults),
	KUNIT_CASE(unmap_reaches_other_cpus_tlbs),
	KUNIT_CASE(vmap_maps_callers_pages),
	KUNIT_CASE(bad_frees_are_reported),
	KUNIT_CASE(areas_are_listed),
	KUNIT_CASE(vmallocinfo_format),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);

/*
 * Around every suite: the area trees hold together, and no area (vmalloc,
 * vmap or ioremap) and no vmalloc page is left behind.
 */
static unsigned long vmalloc_pages_before, vmalloc_areas_before;

static void vmalloc_snapshot(void)
{
	vmalloc_pages_before = vmalloc_nr_pages();
	vmalloc_areas_before = vmalloc_nr_areas();
}

static int vmalloc_invariant(char *why, size_t len)
{
	unsigned long pages = vmalloc_nr_pages(), areas = vmalloc_nr_areas();

	if (vmalloc_check(why, len))
		return -EINVAL;
	if (pages != vmalloc_pages_before || areas != vmalloc_areas_before) {
		snprintf(why, len, "%lu areas holding %lu vmalloc pages, were %lu holding %lu",
			 areas, pages, vmalloc_areas_before, vmalloc_pages_before);
		return -EINVAL;
	}
	return 0;
}
KUNIT_INVARIANT(vmalloc, "vmalloc areas", vmalloc_snapshot, vmalloc_invariant);
