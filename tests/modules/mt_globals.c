/*
 * Constructors and a global array. The loader runs a module's constructors
 * before its init, by priority: init fails unless both of these ran, in
 * order. In a KASAN kernel the compiler adds one that registers the
 * module's globals, so mt_globals_read(MT_GLOBALS_LEN) reads into a red
 * zone (global-out-of-bounds, naming mt_globals_array). read_past_end=1
 * makes init do that itself (the kasan.fault=panic boot, tests/qemu/configs.py).
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include "mt_globals.h"

char mt_globals_array[MT_GLOBALS_LEN];
static unsigned int ctor_order;
static bool read_past_end;
module_param(read_past_end, bool, 0444);
MODULE_PARM_DESC(read_past_end, "init reads the byte after mt_globals_array");

/* Defined in the other order: the sections' priorities, not their order in the file, decide. */
static void __attribute__((constructor)) mt_globals_second(void)
{
	ctor_order = ctor_order * 10 + 2;
	memset(mt_globals_array, MT_GLOBALS_FILL, sizeof(mt_globals_array));
}

static void __attribute__((constructor(101))) mt_globals_first(void)
{
	ctor_order = ctor_order * 10 + 1;
}

/* Not inlined, the index hidden: the compiler cannot see a constant out of bounds. */
noinline char mt_globals_read(unsigned int i)
{
	__asm__("" : "+r"(i));
	return ((volatile char *)mt_globals_array)[i];
}

static int __init mt_globals_init(void)
{
	if (ctor_order != 12) {
		pr_err("mt_globals: constructors ran as %u before init (expected 12: priority 101, then the default)\n",
		       ctor_order);
		return -EINVAL;
	}
	if (read_past_end)
		pr_info("mt_globals: the byte after the array: %d\n", mt_globals_read(MT_GLOBALS_LEN));
	return 0;
}

static void __exit mt_globals_exit(void)
{
}

module_init(mt_globals_init);
module_exit(mt_globals_exit);
MODULE_LICENSE("GPL");
