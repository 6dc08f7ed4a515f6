/*
 * `slab_bench`: instructions per kmalloc+kfree pair on the target, for each
 * size class with a constant size (the inline path straight to the cache),
 * with a size known only at run time (__kmalloc), for kmem_cache_alloc+free,
 * and for a random-size workload; then memory efficiency on a mixed
 * workload (bytes asked for against the pages the slab took for them).
 *
 * Instructions are counted as virtual time under QEMU's -icount shift=0,
 * where every instruction takes exactly 1 ns (the page allocator's
 * bench_page_alloc does the same: QEMU's Cortex-A9 has no performance
 * monitor). A loop of known length shows the method at work.
 * `make bench-slab-target` boots QEMU so, with one CPU. Each figure is the mean over
 * many pairs after a warm-up, less the cost of the same loop with nothing
 * in it. Without -icount the figures are emulated nanoseconds, not
 * instructions.
 */
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/sched/clock.h>
#include <mica/insn_count.h>
#include <mica/shell.h>
#include "slab.h"

/* kernel/shell/shell.c: command output, console only. */
int shell_printf(const char *fmt, ...) __printf(1, 2);

#define ROUNDS	4096

/*
 * Under -icount shift=0 each instruction takes 1 ns of virtual time, and
 * local_clock() reads virtual time (10 ns a tick).
 */
static inline u32 insns(void)
{
	return (u32)local_clock();
}

static void *volatile sink;
static volatile size_t runtime_size;

/* The loops: one pair per round; the compiler sees each size as a constant. */
#define CONST_LOOP(size)						\
static u32 const_##size(void)						\
{									\
	u32 start = insns();						\
	unsigned int i;							\
									\
	for (i = 0; i < ROUNDS; i++) {					\
		void *p = kmalloc(size, GFP_KERNEL);			\
		sink = p;						\
		kfree(p);						\
	}								\
	return insns() - start;						\
}
CONST_LOOP(8) CONST_LOOP(16) CONST_LOOP(32) CONST_LOOP(64) CONST_LOOP(96) CONST_LOOP(128)
CONST_LOOP(192) CONST_LOOP(256) CONST_LOOP(512) CONST_LOOP(1024) CONST_LOOP(2048)
CONST_LOOP(4096) CONST_LOOP(8192)

static const struct {
	unsigned int size;
	u32 (*loop)(void);
} const_loops[] = {
	{ 8, const_8 }, { 16, const_16 }, { 32, const_32 }, { 64, const_64 }, { 96, const_96 },
	{ 128, const_128 }, { 192, const_192 }, { 256, const_256 }, { 512, const_512 },
	{ 1024, const_1024 }, { 2048, const_2048 }, { 4096, const_4096 }, { 8192, const_8192 },
};

static u32 empty_loop(void)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		void *p = (void *)runtime_size;

		sink = p;
		__asm__ __volatile__("" ::: "memory");
	}
	return insns() - start;
}

static u32 variable_loop(void)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		void *p = kmalloc(runtime_size, GFP_KERNEL);

		sink = p;
		kfree(p);
	}
	return insns() - start;
}

static struct kmem_cache *bench_cache;

static u32 cache_loop(void)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		void *p = kmem_cache_alloc(bench_cache, GFP_KERNEL);

		sink = p;
		kmem_cache_free(bench_cache, p);
	}
	return insns() - start;
}

/* Per pair, in hundredths of an instruction, the empty loop taken off. */
static unsigned long per_pair(u32 (*loop)(void), u32 empty)
{
	u32 total;

	loop();			/* warm-up: caches grown, arrays filled */
	total = loop();
	return total > empty ? (unsigned long)(total - empty) * 100 / ROUNDS : 0;
}

static struct rnd_state rnd;

/* Roughly what a kernel asks for: mostly small, now and then a few KiB. */
static size_t random_size(void)
{
	u32 r = prandom_u32_state(&rnd);

	return 8 + (r % 4 == 0 ? r % 4096 : r % 256);
}

#define LIVE	256

static void *live[LIVE];
static size_t sizes[ROUNDS];
static u16 slots[ROUNDS];

static u32 random_loop(void)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		kfree(live[slots[i]]);
		live[slots[i]] = kmalloc(sizes[i], GFP_KERNEL);
	}
	return insns() - start;
}

static void *shadow[LIVE];

/* The same loads and stores as random_loop, into an array nobody frees. */
static u32 random_empty_loop(void)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < ROUNDS; i++) {
		sink = shadow[slots[i]];
		shadow[slots[i]] = (void *)sizes[i];
	}
	return insns() - start;
}

static void print_fixed(const char *what, unsigned long hundredths)
{
	shell_printf("%-34s %4lu.%02lu\n", what, hundredths / 100, hundredths % 100);
}

static int instruction_figures(void)
{
	unsigned int i;
	u32 empty, t = insns();
	char what[40];


	calibration_loop(ROUNDS);
	t = insns() - t;
	if (t == 0) {
		shell_printf("slab_bench: no clock running\n");
		return -ENODEV;
	}
	shell_printf("calibration: a loop of 4 instructions measures %u.%02u per round\n",
		     (unsigned int)(t / ROUNDS), (unsigned int)(t % ROUNDS * 100 / ROUNDS));
	empty_loop();
	empty = empty_loop();
	shell_printf("instructions per kmalloc+kfree pair (empty loop: %u.%02u per round, taken off)\n",
		     (unsigned int)(empty / ROUNDS), (unsigned int)(empty % ROUNDS * 100 / ROUNDS));
	for (i = 0; i < ARRAY_SIZE(const_loops); i++) {
		snprintf(what, sizeof(what), "kmalloc(%u) constant size", const_loops[i].size);
		print_fixed(what, per_pair(const_loops[i].loop, empty));
	}
	for (i = 0; i < ARRAY_SIZE(const_loops); i++) {
		runtime_size = const_loops[i].size;
		snprintf(what, sizeof(what), "kmalloc(%u) size at run time", const_loops[i].size);
		print_fixed(what, per_pair(variable_loop, empty));
	}
	bench_cache = kmem_cache_create("bench", 64, 0, 0, NULL);
	if (!bench_cache)
		return -ENOMEM;
	print_fixed("kmem_cache_alloc+free (64 bytes)", per_pair(cache_loop, empty));
	kmem_cache_destroy(bench_cache);

	prandom_seed_state(&rnd, 1);
	for (i = 0; i < ROUNDS; i++) {
		sizes[i] = random_size();
		slots[i] = (u16)(prandom_u32_state(&rnd) % LIVE);
	}
	for (i = 0; i < LIVE; i++)
		live[i] = NULL;
	random_loop();		/* fills the live set */
	random_empty_loop();
	empty = random_empty_loop();
	print_fixed("random sizes 8..4103, 256 live", per_pair(random_loop, empty));
	for (i = 0; i < LIVE; i++) {
		kfree(live[i]);
		live[i] = NULL;
	}
	return 0;
}

/* Bytes asked for against slab pages taken, on a mixed workload held all at once. */
static int memory_efficiency(void)
{
	enum { N = 20000 };
	void **p = kmalloc_array(N, sizeof(void *), GFP_KERNEL);
	unsigned long asked = 0, usable = 0, before, pages;
	unsigned int i;

	if (!p)
		return -ENOMEM;
	drop_slab();
	before = global_page_state(NR_SLAB_UNRECLAIMABLE) + global_page_state(NR_SLAB_RECLAIMABLE);
	prandom_seed_state(&rnd, 2);
	for (i = 0; i < N; i++) {
		size_t size = random_size();

		p[i] = kmalloc(size, GFP_KERNEL);
		if (!p[i])
			break;
		asked += size;
		usable += ksize(p[i]);
	}
	pages = global_page_state(NR_SLAB_UNRECLAIMABLE) + global_page_state(NR_SLAB_RECLAIMABLE) -
		before;
	shell_printf("memory efficiency, %u objects of 8..4103 bytes held at once:\n", i);
	shell_printf("  asked %lu bytes, size classes give %lu, slab pages %lu (%lu bytes)\n",
		     asked, usable, pages, pages * PAGE_SIZE);
	shell_printf("  asked / pages = %lu%%, size classes / pages = %lu%%\n",
		     asked * 100 / (pages * PAGE_SIZE), usable * 100 / (pages * PAGE_SIZE));
	while (i--)
		kfree(p[i]);
	kfree(p);
	drop_slab();
	return 0;
}

static int cmd_slab_bench(int argc, char **argv)
{
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	err = instruction_figures();
	if (err && err != -ENODEV)
		return err;
	return memory_efficiency();
}
SHELL_COMMAND("slab_bench", "", "instructions per kmalloc+kfree (QEMU -icount) and memory efficiency",
	      cmd_slab_bench);
