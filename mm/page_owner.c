/*
 * page_owner (include/linux/page_owner.h): one record per page frame,
 * reserved from memblock when page_owner=on, written on the head page of
 * each allocated block, and the `page_owner` console command.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/page_owner.h>
#include <linux/sched.h>
#include <linux/stackdepot.h>
#include <linux/vmalloc.h>
#include <linux/sched/clock.h>
#include <linux/kallsyms.h>
#include <string.h>
#include <mica/shell.h>
#include "internal.h"

/* The last allocation of a block (at its head page), and its free once freed. */
struct page_owner {
	u64 ts_nsec;
	gfp_t gfp_mask;
	depot_stack_handle_t handle;	/* 0: never allocated since boot */
	depot_stack_handle_t free_handle;
	int pid, free_pid;
	u8 order;
	bool allocated;		/* false once the block was freed */
};

DEFINE_STATIC_KEY_FALSE(page_owner_inited);
static bool page_owner_wanted;
static struct page_owner *records;	/* one per struct page of mem_map */

static int __init early_page_owner(char *val)
{
	if (!strcmp(val, "on"))
		page_owner_wanted = true;
	else if (!strcmp(val, "off"))
		page_owner_wanted = false;
	else
		pr_err("page_owner: page_owner=%s is neither on nor off: off\n", val);
	return 0;
}
early_param("page_owner", early_page_owner);

void __init page_owner_init(void)
{
	if (!page_owner_wanted)
		return;
	records = memblock_alloc_named(max_mapnr * sizeof(*records), PAGE_SIZE, "page_owner");
	if (!records || stack_depot_init()) {
		pr_err("page_owner: no memory for %lu records: off\n", max_mapnr);
		return;
	}
	static_branch_enable(&page_owner_inited);
	pr_info("page_owner is enabled: %lu KiB of records\n",
		(max_mapnr * sizeof(*records)) >> 10);
}

static struct page_owner *record_of(const struct page *page)
{
	return &records[page - mem_map];
}

void __set_page_owner(struct page *page, unsigned int order, gfp_t gfp_mask)
{
	struct page_owner *po = record_of(page);

	po->order = (u8)order;
	po->gfp_mask = gfp_mask;
	po->pid = current->pid;
	po->ts_nsec = local_clock();
	po->handle = stack_depot_save_here(1);	/* from the page allocator on, as Linux */
	smp_wmb();	/* the record before the flag that makes it count */
	WRITE_ONCE(po->allocated, true);
}

void __reset_page_owner(struct page *page, unsigned int order)
{
	struct page_owner *po = record_of(page);

	po->free_pid = current->pid;
	po->free_handle = stack_depot_save_here(1);
	WRITE_ONCE(po->allocated, false);
}

void __split_page_owner(struct page *page, unsigned int order)
{
	struct page_owner *head = record_of(page);
	unsigned long i;

	head->order = 0;
	for (i = 1; i < (1UL << order); i++)
		*record_of(page + i) = *head;
}

bool page_owner_info(const struct page *page, unsigned int *order, gfp_t *gfp,
		     depot_stack_handle_t *handle)
{
	const struct page_owner *po;

	if (!page_owner_enabled())
		return false;
	po = record_of(page);
	if (!READ_ONCE(po->allocated))
		return false;
	*order = po->order;
	*gfp = po->gfp_mask;
	*handle = po->handle;
	return true;
}

void __dump_page_owner(const struct page *page)
{
	const struct page *head = compound_head((struct page *)page);
	struct page_owner *po = record_of(head);
	char gfp[128];

	bool allocated = READ_ONCE(po->allocated);

	if (!po->handle) {
		pr_alert("page_owner info is not present (never set?)\n");
		return;
	}
	if (!allocated)
		pr_alert("page_owner tracks the page as freed\n");
	format_gfp_flags(gfp, sizeof(gfp), po->gfp_mask);
	pr_alert("page last allocated via order %u, migratetype %s, gfp_mask %#x(%s), pid %d, ts %llu ns\n",
		 po->order, migratetype_names[get_pageblock_migratetype(head)],
		 (__force unsigned int)po->gfp_mask, gfp, po->pid, po->ts_nsec);
	stack_depot_print(po->handle);
	if (!allocated) {
		pr_alert("page last free pid %d stack trace:\n", po->free_pid);
		stack_depot_print(po->free_handle);
	}
}

/* ---- grouping by call chain, as page_owner_sort ---- */

struct owner_group {
	depot_stack_handle_t handle;
	gfp_t gfp_mask;
	unsigned int order;
	unsigned long times, pages;
};

#define MAX_GROUPS 4096

/* Same chain, order and flags: the same group (open addressing in @groups). */
static struct owner_group *group_for(struct owner_group *groups, const struct page_owner *po)
{
	unsigned int h = (po->handle * 2654435761u) ^ ((__force unsigned int)po->gfp_mask * 40503u) ^
			 po->order, i;

	for (i = 0; i < MAX_GROUPS; i++) {
		struct owner_group *g = &groups[(h + i) % MAX_GROUPS];

		if (!g->times || (g->handle == po->handle && g->gfp_mask == po->gfp_mask &&
				  g->order == po->order))
			return g;
	}
	return NULL;
}

/* Shell sort, by pages then times, largest first. */
static void sort_groups(struct owner_group *g, unsigned int n)
{
	unsigned int gap, i, j;

	for (gap = n / 2; gap; gap /= 2) {
		for (i = gap; i < n; i++) {
			struct owner_group t = g[i];

			for (j = i; j >= gap && (g[j - gap].pages < t.pages ||
				(g[j - gap].pages == t.pages && g[j - gap].times < t.times)); j -= gap)
				g[j] = g[j - gap];
			g[j] = t;
		}
	}
}

/*
 * Blocks allocated in [@since, @until) and still held, grouped; returns
 * how many groups (packed at the start of @groups, sorted), with the
 * totals in *@blocks and *@pages.
 */
static unsigned int collect(struct owner_group *groups, u64 since, u64 until,
			    unsigned long *blocks, unsigned long *pages)
{
	unsigned long i = 0, dropped = 0;
	unsigned int n = 0, k;

	*blocks = *pages = 0;
	while (i < max_mapnr) {
		struct page_owner po = records[i];
		struct owner_group *g;

		if (!po.allocated || po.ts_nsec < since || po.ts_nsec >= until) {
			i++;
			continue;
		}
		g = group_for(groups, &po);
		if (!g) {
			dropped++;
		} else {
			if (!g->times++) {
				g->handle = po.handle;
				g->gfp_mask = po.gfp_mask;
				g->order = po.order;
			}
			g->pages += 1UL << po.order;
		}
		(*blocks)++;
		*pages += 1UL << po.order;
		i += 1UL << po.order;
	}
	for (k = 0; k < MAX_GROUPS; k++)
		if (groups[k].times)
			groups[n++] = groups[k];
	sort_groups(groups, n);
	if (dropped)
		pr_warn("page_owner: %lu blocks in no group (more than %d groups)\n", dropped,
			MAX_GROUPS);
	return n;
}

typedef int (*owner_printf_t)(const char *fmt, ...) __printf(1, 2);

static void print_group(owner_printf_t print, const struct owner_group *g)
{
	const unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(g->handle, &entries);
	char buf[KSYM_NAME_LEN + 32];

	format_gfp_flags(buf, sizeof(buf), g->gfp_mask);
	print("%lu times, %lu pages:\n", g->times, g->pages);
	print("Page allocated via order %u, mask %#x(%s)\n", g->order,
	      (__force unsigned int)g->gfp_mask, buf);
	if (!nr)
		print(" (no stack: the stack depot was full)\n");
	for (i = 0; i < nr; i++) {
		sprint_symbol(buf, sizeof(buf), entries[i]);
		print(" %s\n", buf);
	}
	print("\n");
}

static int show(owner_printf_t print, u64 since, unsigned int limit)
{
	u64 until = local_clock();	/* not the pages of the groups' own table */
	struct owner_group *groups = vzalloc(MAX_GROUPS * sizeof(*groups));
	unsigned long blocks, pages;
	unsigned int n, i;

	if (!groups)
		return -ENOMEM;
	n = collect(groups, since, until, &blocks, &pages);
	print("%lu blocks, %lu pages, %u call chains%s\n\n", blocks, pages, n,
	      limit && n > limit ? " (the largest shown)" : "");
	for (i = 0; i < n && (!limit || i < limit); i++)
		print_group(print, &groups[i]);
	vfree(groups);
	return 0;
}

void page_owner_report_since(u64 since, unsigned int groups)
{
	if (!page_owner_enabled())
		return;
	pr_err("page_owner: blocks allocated since %llu ns and still held:\n", since);
	if (show(printk, since, groups))
		pr_err("page_owner: no memory to group them\n");
}

static int cmd_page_owner(int argc, char **argv)
{
	struct shell_args args;
	unsigned long limit = 0;
	int n = shell_operands_only(&args, argc, argv, 0, 1);

	if (n < 0)
		return n;
	if (n && shell_parse_ulong(argv[0], argv[args.optind], 1, MAX_GROUPS, &limit))
		return -EINVAL;
	if (!page_owner_enabled()) {
		shell_printf("page_owner: off (boot with page_owner=on)\n");
		return -EINVAL;
	}
	return show(shell_printf, 0, (unsigned int)limit);
}
SHELL_COMMAND("page_owner", "[N]", "who allocated the pages in use, by call chain, largest first "
	      "(the N largest groups; page_owner=on)", cmd_page_owner);
