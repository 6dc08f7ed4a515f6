/*
 * `vmalloc_bench`: instructions per vmalloc+vfree (1, 16, 256 pages), per
 * kmap+kunmap and per kmap_atomic+kunmap_atomic, counted as
 * include/mica/insn_count.h explains (boot QEMU with -icount shift=0;
 * `make bench-vmalloc` does). Each figure is the mean over many rounds
 * after a warm-up round, less the cost of the empty measuring loop.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <mica/insn_count.h>
#include <mica/shell.h>

struct bench {
	const char *name;
	void (*setup)(void);
	void (*round)(void);
	void (*teardown)(void);
	unsigned int rounds;
};

static unsigned long nr_pages_arg;
static struct page *pages[1024];
static unsigned int next_page;

static void vmalloc_round(void)
{
	vfree(vmalloc(nr_pages_arg * PAGE_SIZE));
}

static void high_pages_setup(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++)
		pages[i] = alloc_page(GFP_HIGHUSER);
	next_page = 0;
}

static void high_pages_teardown(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++)
		if (pages[i])
			__free_page(pages[i]);
}

static void kmap_same_round(void)
{
	kmap(pages[0]);
	kunmap(pages[0]);
}

/* A different page each time: new slots, and a flush every LAST_PKMAP. */
static void kmap_cycle_round(void)
{
	struct page *page = pages[next_page++ % ARRAY_SIZE(pages)];

	kmap(page);
	kunmap(page);
}

static void kmap_atomic_round(void)
{
	kunmap_atomic(kmap_atomic(pages[0]));
}

static void empty_round(void)
{
}

static void nothing(void)
{
}

/* Instructions for @rounds calls of @round, after one call to warm up. */
static u64 measure(void (*round)(void), unsigned int rounds)
{
	u64 start;

	round();
	start = insn_count();
	for (unsigned int i = 0; i < rounds; i++)
		round();
	return insn_count() - start;
}

static int run_bench(const struct bench *b, u64 loop_cost_x1000)
{
	u64 total;

	b->setup();
	if (b->setup == high_pages_setup && (!pages[0] || !PageHighMem(pages[0]))) {
		b->teardown();
		shell_printf("bench: %s: no high memory\n", b->name);
		return -ENOMEM;
	}
	total = measure(b->round, b->rounds);
	b->teardown();
	/* Mean per round, less the loop's own cost (both in thousandths). */
	total = total * 1000 / b->rounds;
	total = total > loop_cost_x1000 ? total - loop_cost_x1000 : 0;
	shell_printf("bench: %s: %lu instructions\n", b->name, (unsigned long)((total + 500) / 1000));
	return 0;
}

static int cmd_vmalloc_bench(int argc, char **argv)
{
	static const unsigned long sizes[] = { 1, 16, 256 };
	static const struct bench kmaps[] = {
		{ "kmap+kunmap (same page)", high_pages_setup, kmap_same_round,
		  high_pages_teardown, 10000 },
		{ "kmap+kunmap (1024 pages in turn)", high_pages_setup, kmap_cycle_round,
		  high_pages_teardown, 10240 },
		{ "kmap_atomic+kunmap_atomic", high_pages_setup, kmap_atomic_round,
		  high_pages_teardown, 10000 },
	};
	char name[48];
	u64 loop_cost;
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	err = insn_count_init();
	if (err) {
		shell_printf("vmalloc_bench: no instruction counter on this board\n");
		return err;
	}
	loop_cost = measure(empty_round, 10000) * 1000 / 10000;
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct bench b = { name, nothing, vmalloc_round, nothing, sizes[i] > 16 ? 200 : 2000 };

		nr_pages_arg = sizes[i];
		snprintf(name, sizeof(name), "vmalloc+vfree %lu page%s", sizes[i], sizes[i] > 1 ? "s" : "");
		run_bench(&b, loop_cost);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(kmaps); i++)
		run_bench(&kmaps[i], loop_cost);
	return 0;
}
SHELL_COMMAND("vmalloc_bench", "", "instructions per vmalloc/vfree and kmap (QEMU -icount)",
	      cmd_vmalloc_bench);
