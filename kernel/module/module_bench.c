/*
 * `module_bench`: instructions (QEMU -icount shift=0: 1 ns of virtual time
 * each) for insmod+rmmod of samples/hello (load_module() from memory and
 * delete_module(): layout, relocation, the init and exit tasks; not the
 * file read), and for kmalloc(64)+kfree called from a module next to the
 * same loop built in. With module.track=0 on the command line the module
 * figure must equal the built-in one: the module's BL goes straight to
 * the kernel. With recording on (the default) the difference is what the
 * report on rmmod costs; the built-in loop is measured again after the
 * module's, as the cache then takes its slow paths until a module goes.
 * `make bench-module` boots QEMU so, twice.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sched/clock.h>
#include <linux/vmalloc.h>
#include <mica/module_track.h>
#include <mica/shell.h>
#include <string.h>
#include "internal.h"

#ifndef MODULE_TEST_DIR
#define MODULE_TEST_DIR "build/test-modules"	/* the Makefile says where */
#endif

__asm__(".section .rodata\n\t.balign 4\n"
	"bench_hello_ko:\n\t.incbin \"" MODULE_TEST_DIR "/hello/hello.ko\"\nbench_hello_ko_end:\n\t"
	".balign 4\nbench_kbench_ko:\n\t.incbin \"" MODULE_TEST_DIR "/mt_kbench.ko\"\n"
	"bench_kbench_ko_end:\n\t.previous");
extern const char bench_hello_ko[], bench_hello_ko_end[];
extern const char bench_kbench_ko[], bench_kbench_ko_end[];

#define LOADS	8
#define ROUNDS	4096

static void *volatile sink;

static u32 insns(void)
{
	return (u32)local_clock();
}

/* The module's loop (tests/modules/mt_kbench.c), compiled alike: no constant folded in. */
static __attribute__((noipa)) u32 builtin_kmalloc64(unsigned int rounds)
{
	u32 start = insns();
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		sink = p;
		kfree(p);
	}
	return insns() - start;
}

/* Load and remove module @name from [start, end) @n times; instructions per round, or 0. */
static u32 load_unload(const char *start, const char *end, const char *name, unsigned int n)
{
	size_t len = end - start;
	void *image = vmalloc(len);
	u32 total = 0, t;
	unsigned int i;

	if (!image)
		return 0;
	for (i = 0; i < n; i++) {
		memcpy(image, start, len);
		t = insns();
		if (load_module(image, len, "", "hello.ko", NULL) || delete_module(name)) {
			total = 0;
			break;
		}
		total += insns() - t;
	}
	vfree(image);
	return total / n;
}

static void print_per_pair(const char *what, u32 total, const char *note)
{
	unsigned long hundredths = (unsigned long)total * 100 / ROUNDS;

	shell_printf("%-44s %5lu.%02lu%s\n", what, hundredths / 100, hundredths % 100, note);
}

static int load_embedded(const char *start, const char *end, const char *name)
{
	size_t len = end - start;
	void *image = vmalloc(len);
	int err;

	if (!image)
		return -ENOMEM;
	memcpy(image, start, len);
	err = load_module(image, len, "", name, NULL);
	vfree(image);
	return err;
}

static int cmd_module_bench(int argc, char **argv)
{
	u32 (*from_module)(unsigned int);
	u32 builtin, module, after, loop;
	int err = shell_no_args(argc, argv);

	if (err)
		return err;
	loop = load_unload(bench_hello_ko, bench_hello_ko_end, "hello", LOADS);
	if (!loop) {
		shell_printf("module_bench: hello.ko did not load\n");
		return -EIO;
	}
	shell_printf("%-44s %8lu\n", "insmod+rmmod of hello (instructions)", (unsigned long)loop);

	if (load_embedded(bench_kbench_ko, bench_kbench_ko_end, "mt_kbench.ko"))
		return -EIO;
	from_module = (void *)kallsyms_lookup_name("mt_kbench_kmalloc64");
	builtin_kmalloc64(ROUNDS);		/* warm-up: the cache has objects */
	builtin = builtin_kmalloc64(ROUNDS);
	from_module(ROUNDS);
	module = from_module(ROUNDS);
	/* Recording, the cache now takes its slow paths until a module goes (mm/slab.c). */
	after = builtin_kmalloc64(ROUNDS);
	/* Per pair, the loop's own few instructions included in each. */
	print_per_pair("kmalloc(64)+kfree, built in", builtin, "");
	print_per_pair("kmalloc(64)+kfree, from a module", module,
		       static_key_enabled(&module_track_key) ? "  (recording on)" : "  (recording off)");
	if (static_key_enabled(&module_track_key))
		print_per_pair("kmalloc(64)+kfree, built in, cache bypassed", after, "");
	return delete_module("mt_kbench");
}
SHELL_COMMAND("module_bench", "",
	      "insmod+rmmod and kmalloc from a module, in instructions (QEMU -icount)",
	      cmd_module_bench);
