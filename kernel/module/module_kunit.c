/*
 * KUnit suite "module_loader": loads real modules (tests/modules/, built
 * with tools/kbuild like any out-of-tree module and linked into the image
 * below) and checks relocations, permissions, constructors (and, with
 * KASAN, the red zones of module globals), exports and dependencies,
 * references, parameters, per-CPU copies, the failure paths and what a
 * leaking module leaves behind. Every case leaves no module loaded.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <asm/elf.h>
#include <asm/mmu.h>
#include <mica/board.h>
#include <mica/kasan_kunit.h>
#include <mica/kunit.h>
#include <mica/module_track.h>
#include <mica/kunit_log.h>
#include <mica/ramfs.h>
#include <mica/shell.h>
#include <string.h>
#include "internal.h"
#include "../../tests/modules/mt_globals.h"
#include "../../tests/modules/mt_leakdev.h"
#include "../../tests/modules/mt_params.h"

#ifndef MODULE_TEST_DIR
#define MODULE_TEST_DIR "build/test-modules"	/* the Makefile says where */
#endif

/* Each test module's .ko, as the linker sees the file: mt_NAME_ko .. mt_NAME_ko_end. */
#define EMBED(name)								\
	__asm__(".section .rodata\n\t.balign 4\n\t"				\
		".global " #name "_ko\n" #name "_ko:\n\t"			\
		".incbin \"" MODULE_TEST_DIR "/" #name ".ko\"\n\t"		\
		".global " #name "_ko_end\n" #name "_ko_end:\n\t.previous");	\
	extern const char name##_ko[], name##_ko_end[]

EMBED(mt_reloc);
EMBED(mt_exporter);
EMBED(mt_importer);
EMBED(mt_nongpl);
EMBED(mt_proprietary);
EMBED(mt_params);
EMBED(mt_oops);
EMBED(mt_initfail);
EMBED(mt_leak);
EMBED(mt_badbranch);
EMBED(mt_badreloc);
EMBED(mt_dupexport);
EMBED(mt_dmaprov);
EMBED(mt_leakdev);
EMBED(mt_track);
EMBED(mt_globals);

#define IMAGE(name) name##_ko, name##_ko_end, #name ".ko"

/* A writable copy of an embedded .ko, as insmod has one from the file. */
static void *copy_image(const char *start, const char *end)
{
	void *copy = vmalloc(end - start);

	if (copy)
		memcpy(copy, start, end - start);
	return copy;
}

static int load(struct kunit *test, const char *start, const char *end, const char *file,
		const char *args, struct module **modp)
{
	void *image = copy_image(start, end);
	struct module *mod = NULL;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, image);
	err = load_module(image, end - start, args, file, &mod);
	vfree(image);
	if (modp)
		*modp = mod;
	return err;
}

static void *sym(struct kunit *test, const char *name)
{
	void *p = (void *)kallsyms_lookup_name(name);

	KUNIT_ASSERT_NOT_NULL(test, p);
	return p;
}

static bool loaded(const char *name)
{
	bool ret;

	mutex_lock(&module_mutex);
	ret = find_module(name) != NULL;
	mutex_unlock(&module_mutex);
	return ret;
}

static void count_one(const struct vm_struct *vm, void *data)
{
	(*(unsigned long *)data)++;
}

/* Areas of the vmalloc and modules windows. */
static unsigned long count_areas(void)
{
	unsigned long n = 0;

	vm_area_for_each(count_one, &n);
	return n;
}

/* ---- relocations ---- */

typedef unsigned long (*ul_fn)(unsigned long);
typedef size_t (*str_fn)(const char *);

static void relocations(struct kunit *test)
{
	u32 *words, *insn;
	s32 prel31;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_reloc), "", NULL), 0);
	/* Calls: ARM and Thumb (BLX, or through a veneer), tail calls, old-style PC24. */
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_call_arm"))(HZ), jiffies_to_msecs(HZ));
	KUNIT_EXPECT_EQ(test, ((str_fn)sym(test, "mt_call_thumb"))("hello"), 5);
	KUNIT_EXPECT_EQ(test, ((str_fn)sym(test, "mt_cond_call_thumb"))("four"), 4);
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_jump_arm"))(3 * HZ), jiffies_to_msecs(3 * HZ));
	KUNIT_EXPECT_EQ(test, ((str_fn)sym(test, "mt_jump_thumb"))("abc"), 3);
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_pc24"))(HZ / 2), jiffies_to_msecs(HZ / 2));
	/* MOVW/MOVT, with and without an addend. */
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_movw_movt"))(0),
			(unsigned long)jiffies_to_msecs);
	words = sym(test, "mt_words");
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_movw_movt_addend"))(0),
			(unsigned long)words + 12);
	/* Data: ABS32, ABS32 + addend, REL32, TARGET1, PREL31 (bit 31 kept). */
	KUNIT_EXPECT_EQ(test, words[0], (unsigned long)jiffies_to_msecs);
	KUNIT_EXPECT_EQ(test, words[1], (unsigned long)words + 8);
	KUNIT_EXPECT_EQ(test, words[2] + (unsigned long)&words[2], (unsigned long)jiffies_to_msecs);
	KUNIT_EXPECT_EQ(test, words[3], (unsigned long)jiffies_to_msecs);
	prel31 = (s32)(words[4] << 1) >> 1;
	KUNIT_EXPECT_EQ(test, (unsigned long)&words[4] + prel31, (unsigned long)jiffies_to_msecs);
	KUNIT_EXPECT_EQ(test, words[4] >> 31, 1);
	/* V4BX leaves BX alone on ARMv7; NONE changes nothing. */
	insn = sym(test, "mt_v4bx");
	KUNIT_EXPECT_EQ(test, ((ul_fn)insn)(0), 42);
	KUNIT_EXPECT_EQ(test, insn[1], 0xe12fff1eU);	/* bx lr */
	KUNIT_EXPECT_EQ(test, ((ul_fn)sym(test, "mt_none"))(0), 7);
	/* A call to the kernel is one direct BL: no veneer on that path. */
	insn = sym(test, "mt_call_arm");
	KUNIT_EXPECT_EQ(test, insn[1] & 0xff000000U, 0xeb000000U);
	KUNIT_EXPECT_EQ(test, (unsigned long)&insn[1] + 8 + ((s32)(insn[1] << 8) >> 6),
			(unsigned long)jiffies_to_msecs);
	KUNIT_EXPECT_EQ(test, delete_module("mt_reloc"), 0);
}

/*
 * A module file refused with @err and the message @msg, loaded by the
 * args IMAGE() gives: nothing of it stays loaded or mapped.
 */
static void expect_refused(struct kunit *test, const char *start, const char *end,
			   const char *file, int err, const char *msg)
{
	unsigned long areas = count_areas();
	u64 since = printk_log_next_seq();
	char name[MODULE_NAME_LEN];

	KUNIT_EXPECT_EQ(test, load(test, start, end, file, "", NULL), err);
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(file, "."), file);
	KUNIT_EXPECT_FALSE(test, loaded(name));
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
	KUNIT_EXPECT_LOGGED(test, since, msg);
}

static void bad_relocations(struct kunit *test)
{
	expect_refused(test, IMAGE(mt_badbranch), -ENOEXEC,
		       "mt_badbranch: branch out of range (more than 32 MiB away): R_ARM_CALL "
		       "at .text+0x0 against symbol '*'");
	expect_refused(test, IMAGE(mt_badreloc), -ENOEXEC,
		       "mt_badreloc: unknown relocation: relocation type 10 at .text+0x0 "
		       "against symbol 'jiffies_to_msecs'");
}

/* ---- memory: permissions, guard page, init freed ---- */

static void permissions(struct kunit *test)
{
	struct module *mod;
	unsigned long text, rodata, data, end, init;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_reloc), "", &mod), 0);
	text = (unsigned long)sym(test, "mt_call_arm");
	rodata = (unsigned long)sym(test, "mt_rodata");
	data = (unsigned long)sym(test, "mt_words");
	init = *(unsigned long *)sym(test, "mt_init_address");
	end = (unsigned long)mod->core_layout.base + mod->core_layout.size;

	KUNIT_EXPECT_GE(test, text, MODULES_VADDR);
	KUNIT_EXPECT_LT(test, end, MODULES_END);
	/* text: read-only, executable; rodata: read-only, never executable; data: NX. */
	KUNIT_EXPECT_TRUE(test, kernel_pte_val(text) & PTE_APX);
	KUNIT_EXPECT_FALSE(test, kernel_pte_val(text) & PTE_SMALL_XN);
	KUNIT_EXPECT_TRUE(test, kernel_pte_val(rodata) & PTE_APX);
	KUNIT_EXPECT_TRUE(test, kernel_pte_val(rodata) & PTE_SMALL_XN);
	KUNIT_EXPECT_FALSE(test, kernel_pte_val(data) & PTE_APX);
	KUNIT_EXPECT_TRUE(test, kernel_pte_val(data) & PTE_SMALL_XN);
	/* A guard page after the module; init code gone once init returned. */
	KUNIT_EXPECT_EQ(test, kernel_pte_val(end), 0);
	KUNIT_EXPECT_NE(test, init, 0);
	KUNIT_EXPECT_EQ(test, kernel_pte_val(init), 0);
	KUNIT_EXPECT_NULL(test, mod->init_layout.base);
	KUNIT_EXPECT_EQ(test, delete_module("mt_reloc"), 0);
	KUNIT_EXPECT_EQ(test, kernel_pte_val(text), 0);
}

static void write_text(struct kunit *test)
{
	unsigned long text;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_reloc), "", NULL), 0);
	text = (unsigned long)sym(test, "mt_call_arm");
	kunit_expect_fault_begin(test);
	WRITE_ONCE(*(u32 *)text, 0);
	kunit_expect_fault_end(test);
	KUNIT_FAIL(test, "writing module text did not fault");
}

static void exec_data(struct kunit *test)
{
	void (*code)(void);

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_reloc), "", NULL), 0);
	code = sym(test, "mt_data_code");
	kunit_expect_fault_begin(test);
	code();
	kunit_expect_fault_end(test);
	KUNIT_FAIL(test, "executing module data did not fault");
}

/* After every case, even one that ended in a fault or an assertion: no test module stays. */
static void unload_test_modules(struct kunit *test)
{
	static const char *const order[] = {
		"mt_importer", "mt_exporter", "mt_reloc", "mt_proprietary", "mt_params",
		"mt_oops", "mt_leak", "mt_dmaprov", "mt_leakdev", "mt_globals",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(order); i++)
		if (loaded(order[i]))
			delete_module(order[i]);
}

/* ---- constructors ---- */

typedef char (*read_fn)(unsigned int);

/*
 * Constructors run before init, by priority (mt_globals' init fails
 * otherwise). In a KASAN kernel one of them registers the module's
 * globals: a read past its array is reported, naming it; once the module
 * is gone, the same addresses are clean for whoever gets them next, and
 * no report names its variables.
 */
static void constructors_and_globals(struct kunit *test)
{
	struct module *mod;
	read_fn read;
	char *array;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_globals), "", &mod), 0);
	KUNIT_EXPECT_NULL(test, mod->ctors);	/* run and dropped */
	read = sym(test, "mt_globals_read");
	array = sym(test, "mt_globals_array");
	KUNIT_EXPECT_EQ(test, array[0], MT_GLOBALS_FILL);
	KUNIT_EXPECT_EQ(test, read(MT_GLOBALS_LEN - 1), MT_GLOBALS_FILL);
#ifdef CONFIG_KASAN
	{
		void *core = mod->core_layout.base, *again;
		unsigned int size = mod->core_layout.size;
		struct kasan_expectation e;

		KASAN_EXPECT_REPORT(test, &e, "global-out-of-bounds", read(MT_GLOBALS_LEN));
		KUNIT_EXPECT_STREQ(test, e.variable, "mt_globals_array");
		KUNIT_EXPECT_EQ(test, delete_module("mt_globals"), 0);
		/* The lowest fit in the modules area: where the module was. */
		again = __vmalloc_node_range(size, PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL,
					     PROT_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
		KUNIT_ASSERT_PTR_EQ(test, again, core);
		KASAN_EXPECT_NONE(test, kasan_check_read(again, size));
		vfree(again);
		KASAN_EXPECT_REPORT(test, &e, "vmalloc-out-of-bounds",
				    kasan_check_read(array + MT_GLOBALS_LEN, 1));
		KUNIT_EXPECT_STREQ(test, e.variable, "");
	}
#else
	KUNIT_EXPECT_EQ(test, delete_module("mt_globals"), 0);
#endif
}

/* The header of section @name in a .ko image (its offsets are still the file's), or NULL. */
static Elf32_Shdr *image_section(void *image, const char *name)
{
	Elf32_Ehdr *hdr = image;
	Elf32_Shdr *sh = (Elf32_Shdr *)((char *)image + hdr->e_shoff);
	const char *names = (const char *)image + sh[hdr->e_shstrndx].sh_offset;
	unsigned int i;

	for (i = 1; i < hdr->e_shnum; i++)
		if (!strcmp(names + sh[i].sh_name, name))
			return &sh[i];
	return NULL;
}

/* A constructor that does not point into the module's code is refused, not called. */
static void bad_constructors(struct kunit *test)
{
	size_t len = mt_globals_ko_end - mt_globals_ko;
	char *image = vmalloc(len);
	Elf32_Shdr *s;

	KUNIT_ASSERT_NOT_NULL(test, image);
	memcpy(image, mt_globals_ko, len);
	s = image_section(image, ".init_array.00101");
	KUNIT_ASSERT_NOT_NULL(test, s);
	/* The entry's addend (REL: in place): 1 MiB past mt_globals_first. */
	*(u32 *)(image + s->sh_offset) = 1U << 20;
	expect_refused(test, image, image + len, "mt_globals.ko", -ENOEXEC,
		       "mt_globals: constructor 0x* in .init_array.00101 is not in the module's code");
	vfree(image);
}

/* ---- symbols ---- */

static void kallsyms_names(struct kunit *test)
{
	char buf[KSYM_NAME_LEN + 48];
	unsigned long fn;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_reloc), "", NULL), 0);
	fn = (unsigned long)sym(test, "mt_call_thumb");
	sprint_symbol(buf, sizeof(buf), fn + 4);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "mt_call_thumb+0x4/0x", 20), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, " [mt_reloc]"));
	snprintf(buf, sizeof(buf), "%ps", (void *)fn);
	KUNIT_EXPECT_STREQ(test, buf, "mt_call_thumb");
	KUNIT_EXPECT_TRUE(test, is_module_text_address(fn));
	KUNIT_EXPECT_EQ(test, delete_module("mt_reloc"), 0);
	KUNIT_EXPECT_FALSE(test, is_module_address(fn));
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("mt_call_thumb"), 0);
}

static void exports_and_dependencies(struct kunit *test)
{
	struct module *exporter, *importer;
	unsigned long areas = count_areas();
	u64 since = printk_log_next_seq();
	unsigned int cpu;

	/* Without its provider the importer cannot resolve its symbols. */
	KUNIT_EXPECT_EQ(test, load(test, IMAGE(mt_importer), "", NULL), -ENOENT);
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_exporter), "", &exporter), 0);
	KUNIT_EXPECT_EQ(test, load(test, IMAGE(mt_exporter), "", NULL), -EEXIST);
	KUNIT_EXPECT_LOGGED(test, since, "mt_importer: Unknown symbol mt_exported_fn (err -2)",
			    "mt_exporter: a module of that name is already loaded");
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_importer), "", &importer), 0);
	KUNIT_EXPECT_EQ(test, *(int *)sym(test, "mt_import_result"), 51);
	/* Per-CPU: every CPU has its own copy, initialised from the module. */
	KUNIT_EXPECT_EQ(test, *(int *)sym(test, "mt_import_pcpu"), 5);
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ(test, *per_cpu_ptr((int *)sym(test, "mt_pcpu_counter"), cpu), 5);
	KUNIT_EXPECT_NE(test, (unsigned long)per_cpu_ptr((int *)sym(test, "mt_pcpu_counter"), 0),
			(unsigned long)per_cpu_ptr((int *)sym(test, "mt_pcpu_counter"), 1));
	/* The importer holds the exporter. */
	KUNIT_EXPECT_EQ(test, module_refcount(exporter), 1);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), -EWOULDBLOCK);
	KUNIT_EXPECT_EQ(test, delete_module("mt_importer"), 0);
	KUNIT_EXPECT_EQ(test, module_refcount(exporter), 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), -ENOENT);
}

/* A GPL-only symbol for a proprietary module; a name the kernel exports already. */
static void refused_exports(struct kunit *test)
{
	expect_refused(test, IMAGE(mt_nongpl), -EPERM,
		       "mt_nongpl: Unknown symbol * (err -1): it is exported GPL-only and the "
		       "module's license is not GPL-compatible");
	expect_refused(test, IMAGE(mt_dupexport), -ENOEXEC,
		       "mt_dupexport: exports duplicate symbol msleep (owned by kernel)");
}

static void taints(struct kunit *test)
{
	struct module *mod;
	char flags[TAINT_FLAGS_COUNT + 4];

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_proprietary), "", &mod), 0);
	module_flags(mod, flags, false);
	KUNIT_EXPECT_STREQ(test, flags, "(PO)");
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_PROPRIETARY_MODULE));
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_OOT_MODULE));
	KUNIT_EXPECT_EQ(test, print_tainted()[9], 'P');
	KUNIT_EXPECT_EQ(test, delete_module("mt_proprietary"), 0);
}

static void references(struct kunit *test)
{
	struct module *mod;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_exporter), "", &mod), 0);
	KUNIT_EXPECT_TRUE(test, try_module_get(mod));
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), -EWOULDBLOCK);
	module_put(mod);
	KUNIT_EXPECT_TRUE(test, try_module_get(NULL));	/* the kernel itself */
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), 0);
}

/* An interrupt handler in a module holds it, unless that module registered it itself. */
static void irq_handler_holds_module(struct kunit *test)
{
	struct module *mod;
	unsigned int irq;
	int cookie;

	for (irq = nr_irqs - 1; irq >= 32 && irq_to_desc(irq)->action; irq--)
		;
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_exporter), "", &mod), 0);
	KUNIT_ASSERT_EQ(test, request_irq(irq, sym(test, "mt_irq_handler"), 0, "mt", &cookie), 0);
	KUNIT_EXPECT_EQ(test, module_refcount(mod), 1);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), -EWOULDBLOCK);
	free_irq(irq, &cookie);
	KUNIT_EXPECT_EQ(test, module_refcount(mod), 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), 0);
}

static bool is_mt_channel(struct dma_chan *chan, void *issue_pending)
{
	return (void *)chan->device->device_issue_pending == issue_pending;
}

/* A DMA channel holds the module of its controller driver. */
static void dma_channel_holds_module(struct kunit *test)
{
	struct module *mod;
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_dmaprov), "", &mod), 0);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, is_mt_channel, sym(test, "mt_dmaprov_issue_pending"));
	KUNIT_ASSERT_NOT_NULL(test, chan);
	KUNIT_EXPECT_EQ(test, module_refcount(mod), 1);
	KUNIT_EXPECT_EQ(test, delete_module("mt_dmaprov"), -EWOULDBLOCK);
	dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, module_refcount(mod), 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_dmaprov"), 0);
}

/* ---- parameters ---- */

/* Built in, this file's parameter is "module_kunit.builtin_value=" on the command line. */
static int builtin_value = 3;
module_param(builtin_value, int, 0444);

static void builtin_parameters(struct kunit *test)
{
	char name[] = "module_kunit.builtin_value", good[] = "0x10", bad[] = "ten";
	char other[] = "module_kunit.no_such_value";
	int saved = builtin_value;

	KUNIT_EXPECT_EQ(test, parse_builtin_param(name, good), 0);
	KUNIT_EXPECT_EQ(test, builtin_value, 16);
	KUNIT_EXPECT_EQ(test, parse_builtin_param(name, bad), 0);	/* reported, not applied */
	KUNIT_EXPECT_EQ(test, builtin_value, 16);
	KUNIT_EXPECT_EQ(test, parse_builtin_param(other, good), -ENOENT);
	builtin_value = saved;
}

static void parameters(struct kunit *test)
{
	const struct mt_param_values *v;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_params),
				   "p_byte=255 p_short=-32768 p_ushort=65535 p_int=0x7fffffff "
				   "p_uint=4294967295 p_long=-2147483648 p_ulong=017 p_bool "
				   "p_invbool=y p_charp=\"two words\" p_array=1,-2,3 renamed=11 "
				   "p_string=seven", NULL), 0);
	v = sym(test, "mt_params_seen");
	KUNIT_EXPECT_EQ(test, v->byte, 255);
	KUNIT_EXPECT_EQ(test, v->sh, -32768);
	KUNIT_EXPECT_EQ(test, v->ush, 65535);
	KUNIT_EXPECT_EQ(test, v->i, 0x7fffffff);
	KUNIT_EXPECT_EQ(test, v->ui, 4294967295U);
	KUNIT_EXPECT_EQ(test, v->l, -2147483647L - 1);
	KUNIT_EXPECT_EQ(test, v->ul, 15);
	KUNIT_EXPECT_TRUE(test, v->b);
	KUNIT_EXPECT_FALSE(test, v->invb);
	KUNIT_EXPECT_STREQ(test, v->charp, "two words");
	KUNIT_EXPECT_EQ(test, v->array_n, 3);
	KUNIT_EXPECT_EQ(test, v->array[1], -2);
	KUNIT_EXPECT_EQ(test, v->internal, 11);
	KUNIT_EXPECT_STREQ(test, v->string, "seven");
	KUNIT_EXPECT_EQ(test, delete_module("mt_params"), 0);

	/* Defaults without arguments. */
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_params), "", NULL), 0);
	v = sym(test, "mt_params_seen");
	KUNIT_EXPECT_EQ(test, v->i, -4);
	KUNIT_EXPECT_STREQ(test, v->charp, "default");
	KUNIT_EXPECT_EQ(test, v->array_n, 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_params"), 0);
}

static void bad_parameters(struct kunit *test)
{
	/* Each value, and Linux's message for it. */
	static const char *const bad[][2] = {
		{ "p_int=abc", "mt_params: `abc' invalid for parameter `p_int'" },
		{ "p_int=2147483648", "mt_params: `2147483648' invalid for parameter `p_int'" },
		{ "p_byte=256", "mt_params: `256' invalid for parameter `p_byte'" },
		{ "p_short=40000", "mt_params: `40000' invalid for parameter `p_short'" },
		{ "p_uint=-1", "mt_params: `-1' invalid for parameter `p_uint'" },
		{ "p_bool=maybe", "mt_params: `maybe' invalid for parameter `p_bool'" },
		{ "p_int", "mt_params: `' invalid for parameter `p_int'" },
		{ "p_array=1,2,3,4,5", "mt_params: `1,2,3,4,5' invalid for parameter `p_array'" },
		{ "p_string=toolongforit",
		  "mt_params: `toolongforit' too large for parameter `p_string'" },
		{ "nosuchparam=1", "mt_params: Unknown parameter `nosuchparam'" },
	};
	unsigned long areas = count_areas();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		u64 since = printk_log_next_seq();

		KUNIT_EXPECT_NE(test, load(test, IMAGE(mt_params), bad[i][0], NULL), 0);
		KUNIT_EXPECT_FALSE(test, loaded("mt_params"));
		KUNIT_EXPECT_LOGGED(test, since, bad[i][1]);
	}
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
}

/* ---- init failing, oopsing; a module leaking ---- */

/* "out=<address>": where a leaking test module puts what it leaks, for the case to free. */
static const char *out_arg(char *buf, size_t len, const char *more, void *out)
{
	snprintf(buf, len, "%sout=%lu", more, (unsigned long)out);
	return buf;
}

static void init_fails(struct kunit *test)
{
	unsigned long areas = count_areas();
	unsigned int reported = module_track_reported;
	static struct timer_list timer;	/* armed by the module, to run its code */
	u64 since = printk_log_next_seq();
	void *leaked = NULL;
	char more[32], args[64];

	snprintf(more, sizeof(more), "timer=%lu ", (unsigned long)&timer);
	KUNIT_EXPECT_EQ(test, load(test, IMAGE(mt_initfail),
				   out_arg(args, sizeof(args), more, &leaked), NULL), -ENODEV);
	KUNIT_EXPECT_FALSE(test, loaded("mt_initfail"));
	/* The kmalloc and the armed timer were reported (and the timer cancelled: it panics). */
	KUNIT_EXPECT_EQ(test, module_track_reported - reported, 2);
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
	KUNIT_EXPECT_FALSE(test, timer_pending(&timer));
	KUNIT_EXPECT_LOGGED(test, since, "mt_initfail: init failed with error -19: unloading",
			    "mt_initfail: after its init failed, it still holds:",
			    "mt_initfail:   kmalloc-32 object * (32 bytes), allocated by "
			    "mt_initfail_init+0x*/0x* [mt_initfail]",
			    "mt_initfail:   armed timer * calling mt_initfail_timeout+0x0/0x* "
			    "[mt_initfail]; cancelled",
			    "mt_initfail: 2 items left behind after its init failed");
	KUNIT_EXPECT_NOT_NULL(test, leaked);
	kfree(leaked);		/* the kernel can still free what the module left */
}

static void init_oopses(struct kunit *test)
{
	struct module *mod = NULL;
	void *leaked = NULL;
	char args[48];
	int err;

	kunit_expect_fault_begin(test);
	err = load(test, IMAGE(mt_oops), out_arg(args, sizeof(args), "", &leaked), &mod);
	kunit_expect_fault_end(test);
	KUNIT_EXPECT_EQ(test, err, -EFAULT);
	KUNIT_ASSERT_NOT_NULL(test, mod);
	KUNIT_EXPECT_EQ(test, mod->state, MODULE_STATE_FAILED);
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_DIE));
	KUNIT_EXPECT_FALSE(test, try_module_get(mod));
	KUNIT_EXPECT_EQ(test, load(test, IMAGE(mt_oops), "", NULL), -EEXIST);
	KUNIT_EXPECT_EQ(test, delete_module("mt_oops"), 0);
	KUNIT_EXPECT_FALSE(test, loaded("mt_oops"));
	kfree(leaked);
}

static void leaks_reported(struct kunit *test)
{
	unsigned int reported = module_track_reported, irq;
	void *leaked[6] = { NULL };
	char irqarg[16], args[48];

	for (irq = nr_irqs - 1; irq >= 32 && irq_to_desc(irq)->action; irq--)
		;
	snprintf(irqarg, sizeof(irqarg), "irq=%u ", irq);
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_leak), out_arg(args, sizeof(args), irqarg, leaked),
				   NULL), 0);
	KUNIT_EXPECT_NOT_NULL(test, irq_to_desc(irq)->action);
	KUNIT_EXPECT_EQ(test, delete_module("mt_leak"), 0);
	/*
	 * kmalloc object, cache, cache object, pages, vmalloc area, per-CPU
	 * memory, workqueue (destroyed), then cancelled: the interrupt
	 * handler, the work item that queues itself again, the delayed work,
	 * the tasklet and the timer (each panics if it runs).
	 */
	KUNIT_EXPECT_EQ(test, module_track_reported - reported, 12);
	KUNIT_EXPECT_NULL(test, irq_to_desc(irq)->action);
	/* What it left is the kernel's to free now, its records gone with it. */
	kfree(leaked[0]);
	kmem_cache_free(leaked[1], leaked[2]);
	kmem_cache_destroy(leaked[1]);
	__free_pages(leaked[3], 1);
	vfree(leaked[4]);
	free_percpu((void __percpu __force *)leaked[5]);
}

/*
 * DMA mappings (single, page, scatterlist), a DMA coherent buffer, an
 * ioremap area and a kernel thread, left behind by mt_leakdev: each
 * reported with the module function that took it. The thread cannot be
 * stopped, so the module's memory stays while it runs; once it has
 * exited, the next insmod or rmmod frees that memory. The rest stays the
 * kernel's to give back, and given back, the vmalloc areas, DMA mappings
 * and free pages are what they were (the suite's invariants check the
 * last two).
 */
static struct mt_leakdev_io leakdev;

static void leakdev_give_back(void *unused)
{
	struct mt_leakdev_io *p = &leakdev;

	if (loaded("mt_leakdev"))
		delete_module("mt_leakdev");
	if (!IS_ERR_OR_NULL(p->thread)) {
		kthread_stop(p->thread);
		put_task_struct(p->thread);
	}
	module_free_kept();
	if (p->single && !dma_mapping_error(NULL, p->single))
		dma_unmap_single(NULL, p->single, p->buf_len, DMA_TO_DEVICE);
	if (p->paged && !dma_mapping_error(NULL, p->paged))
		dma_unmap_page(NULL, p->paged, PAGE_SIZE, DMA_FROM_DEVICE);
	if (p->sg_mapped)
		dma_unmap_sg(NULL, p->sg, ARRAY_SIZE(p->sg), DMA_BIDIRECTIONAL);
	if (p->coherent)
		dma_free_coherent(NULL, p->coherent_len, p->coherent, p->coherent_dma);
	if (p->io)
		iounmap(p->io);
	kfree(p->buf);
	if (p->page)
		__free_page(p->page);
	if (sg_page(&p->sg[0]))
		__free_page(sg_page(&p->sg[0]));
	memset(p, 0, sizeof(*p));
}

static void device_leaks_reported(struct kunit *test)
{
	unsigned int reported = module_track_reported;
	unsigned long areas = count_areas(), core, ticks;
	struct mt_leakdev_io *p = &leakdev;
	struct page *sg_pages;
	struct module *mod;
	char args[32];
	u64 since;

	memset(p, 0, sizeof(*p));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, leakdev_give_back, NULL), 0);
	p->buf_len = 256;
	p->buf = kmalloc(p->buf_len, GFP_KERNEL);
	p->page = alloc_page(GFP_KERNEL);
	sg_pages = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, p->buf && p->page && sg_pages);
	sg_init_table(p->sg, ARRAY_SIZE(p->sg));
	sg_set_page(&p->sg[0], sg_pages, 512, 0);
	sg_set_page(&p->sg[1], sg_pages, 512, 1024);
	p->regs = board.uart_base;
	snprintf(args, sizeof(args), "io=%lu", (unsigned long)p);

	since = printk_log_next_seq();
	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_leakdev), args, &mod), 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(p->thread));
	get_task_struct(p->thread);	/* stopped below, long after its module went */
	core = (unsigned long)mod->core_layout.base;
	KUNIT_EXPECT_EQ(test, delete_module("mt_leakdev"), 0);
	KUNIT_EXPECT_FALSE(test, loaded("mt_leakdev"));
	KUNIT_EXPECT_EQ(test, module_track_reported - reported, 6);
	KUNIT_EXPECT_LOGGED(test, since,
			    "mt_leakdev: on rmmod, it still holds:",
			    "mt_leakdev:   DMA mapping at dma 0x* (256 bytes), mapped by "
			    "mt_leakdev_map_streaming+0x*/0x* [mt_leakdev]",
			    "mt_leakdev:   DMA mapping at dma 0x* (4096 bytes), mapped by "
			    "mt_leakdev_map_streaming+0x*/0x* [mt_leakdev]",
			    "mt_leakdev:   DMA scatterlist mapping * (2 entries), mapped by "
			    "mt_leakdev_map_streaming+0x*/0x* [mt_leakdev]");
	/* The areas are listed in address order, the thread after them. */
	KUNIT_EXPECT_LOGGED(test, since,
			    "mt_leakdev:   DMA coherent buffer * (8192 bytes), allocated by "
			    "mt_leakdev_alloc_coherent+0x*/0x* [mt_leakdev]");
	KUNIT_EXPECT_LOGGED(test, since,
			    "mt_leakdev:   ioremap of 0x* at * (4096 bytes), mapped by "
			    "mt_leakdev_map_regs+0x*/0x* [mt_leakdev]");
	KUNIT_EXPECT_LOGGED(test, since,
			    "mt_leakdev:   kernel thread mt_leakdev (pid *) running "
			    "mt_leakdev_thread+0x0/0x* [mt_leakdev]: cannot be stopped",
			    "mt_leakdev: 6 items left behind on rmmod",
			    "mt_leakdev: its memory at * stays allocated while its kernel threads "
			    "run; the next insmod or rmmod after they exit frees it");

	/* The thread still runs, in the module's code, which is still there. */
	ticks = READ_ONCE(p->ticks);
	msleep(50);
	KUNIT_EXPECT_GT(test, READ_ONCE(p->ticks), ticks);
	KUNIT_EXPECT_NE(test, kernel_pte_val(core), 0);
	module_free_kept();
	KUNIT_EXPECT_NE(test, kernel_pte_val(core), 0);
	/* Once it has exited, an rmmod (of anything) frees that memory. */
	since = printk_log_next_seq();
	kthread_stop(p->thread);
	put_task_struct(p->thread);
	p->thread = NULL;
	KUNIT_EXPECT_EQ(test, delete_module("mt_leakdev"), -ENOENT);
	KUNIT_EXPECT_EQ(test, kernel_pte_val(core), 0);
	KUNIT_EXPECT_LOGGED(test, since,
			    "mt_leakdev: its kernel threads have exited: its memory at * is freed");
	/* What it left is the kernel's to give back: then no area is left over. */
	kunit_release_action(test, leakdev_give_back, NULL);
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
}

/* rmmod of a module that is not loaded: refused, said, and nothing changes. */
static void rmmod_not_loaded(struct kunit *test)
{
	unsigned long areas;
	struct module *mod;
	u64 since;

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_exporter), "", &mod), 0);
	areas = count_areas();
	since = printk_log_next_seq();
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter_two"), -ENOENT);
	KUNIT_EXPECT_LOGGED(test, since, "rmmod: Module mt_exporter_two is not currently loaded");
	KUNIT_EXPECT_TRUE(test, loaded("mt_exporter"));
	KUNIT_EXPECT_EQ(test, mod->state, MODULE_STATE_LIVE);
	KUNIT_EXPECT_EQ(test, module_refcount(mod), 0);
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), 0);
	since = printk_log_next_seq();
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), -ENOENT);
	KUNIT_EXPECT_LOGGED(test, since, "rmmod: Module mt_exporter is not currently loaded");
}

/*
 * A module's allocations through each allocator entry point are recorded
 * (its references resolve to the tracked entries); a free drops the
 * record, even the kernel's free of a module's object.
 */
static void allocations_tracked(struct kunit *test)
{
	unsigned int reported = module_track_reported;
	void *ptrs[3] = { NULL };
	char args[48];

	KUNIT_ASSERT_EQ(test, load(test, IMAGE(mt_track), out_arg(args, sizeof(args), "size=200 ", ptrs),
				   NULL), 0);
	KUNIT_EXPECT_NOT_NULL(test, ptrs[0]);
	KUNIT_EXPECT_NOT_NULL(test, ptrs[1]);
	KUNIT_EXPECT_NOT_NULL(test, ptrs[2]);
	kfree(ptrs[1]);
	KUNIT_EXPECT_EQ(test, delete_module("mt_track"), 0);
	/* The run-time sized kmalloc and the page; not the object the kernel freed. */
	KUNIT_EXPECT_EQ(test, module_track_reported - reported, 2);
	/* With no module left, recording's static key goes off (a second later, or now). */
	module_track_put_key_now();
	mutex_lock(&module_mutex);
	if (list_empty(&modules))
		KUNIT_EXPECT_FALSE(test, static_key_enabled(&module_track_key));
	mutex_unlock(&module_mutex);
	kfree(ptrs[0]);
	if (ptrs[2])
		__free_page((struct page *)ptrs[2]);
}

/* The commands, on a file from the in-memory file list (as the initramfs or loady leave it). */
static void insmod_from_file_list(struct kunit *test)
{
	char line[64];

	KUNIT_ASSERT_EQ(test, ramfs_add("lib/mt_exporter.ko", mt_exporter_ko,
					mt_exporter_ko_end - mt_exporter_ko, 0, "test"), 0);
	strcpy(line, "insmod /lib/mt_exporter.ko");
	KUNIT_EXPECT_EQ(test, shell_execute(line), 0);
	KUNIT_EXPECT_TRUE(test, loaded("mt_exporter"));
	strcpy(line, "rmmod mt_exporter.ko");
	KUNIT_EXPECT_EQ(test, shell_execute(line), 0);
	KUNIT_EXPECT_FALSE(test, loaded("mt_exporter"));
	KUNIT_EXPECT_EQ(test, ramfs_remove("lib/mt_exporter.ko"), 0);
	strcpy(line, "insmod lib/mt_exporter.ko");
	KUNIT_EXPECT_EQ(test, shell_execute(line), -ENOENT);
}

/* ---- bad files ---- */

static char *find_string(char *image, size_t len, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(image + i, s, n))
			return image + i;
	return NULL;
}

static void bad_images(struct kunit *test)
{
	const char *start = mt_exporter_ko, *end = mt_exporter_ko_end;
	size_t len = end - start;
	char *image = vmalloc(len);
	Elf32_Ehdr *hdr = (Elf32_Ehdr *)image;
	unsigned long areas = count_areas();
	u64 since = printk_log_next_seq();
	char *magic;

	KUNIT_ASSERT_NOT_NULL(test, image);
#define RELOAD(n) (memcpy(image, start, len), load_module(image, n, "", "bad.ko", NULL))
	memset(image, 0xa5, len);	/* garbage */
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	KUNIT_EXPECT_EQ(test, load_module(image, 20, "", "bad.ko", NULL), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, load_module(image, len / 2, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	hdr->e_machine = 3;	/* x86 */
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	hdr->e_ident[EI_CLASS] = 2;
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	hdr->e_ident[EI_DATA] = 2;	/* big-endian */
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	hdr->e_type = 2;	/* an executable */
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	memcpy(image, start, len);
	hdr->e_shstrndx = hdr->e_shnum;
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	/* Another build's version magic. */
	memcpy(image, start, len);
	magic = find_string(image, len, "vermagic=");
	KUNIT_ASSERT_NOT_NULL(test, magic);
	magic[9] = 'X';
	KUNIT_EXPECT_EQ(test, load_module(image, len, "", "bad.ko", NULL), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, count_areas(), areas);
	KUNIT_EXPECT_LOGGED(test, since,
			    "bad.ko: not an ELF file (bad magic)",
			    "bad.ko: truncated: 20 bytes, an ELF header alone is 52",
			    "bad.ko: section headers at 0x* run past the end of the file (* bytes)",
			    "bad.ko: ELF machine 3: built for another architecture than ARM (40)",
			    "bad.ko: ELF class 2: a module for this kernel is ELFCLASS32",
			    "bad.ko: ELF data encoding 2: this kernel is little-endian (ELFDATA2LSB)",
			    "bad.ko: ELF type 2: a module must be a relocatable object (ET_REL)",
			    "bad.ko: section name table index * out of range (* sections)",
			    "mt_exporter: version magic 'X.1.0 * should be '0.1.0 *'");
	/* After all that, the intact file still loads. */
	KUNIT_EXPECT_EQ(test, RELOAD(len), 0);
	KUNIT_EXPECT_EQ(test, delete_module("mt_exporter"), 0);
#undef RELOAD
	vfree(image);
}

static struct kunit_case module_loader_cases[] = {
	KUNIT_CASE(relocations),
	KUNIT_CASE(bad_relocations),
	KUNIT_CASE(permissions),
	KUNIT_CASE(write_text),
	KUNIT_CASE(exec_data),
	KUNIT_CASE(constructors_and_globals),
	KUNIT_CASE(bad_constructors),
	KUNIT_CASE(kallsyms_names),
	KUNIT_CASE(exports_and_dependencies),
	KUNIT_CASE(refused_exports),
	KUNIT_CASE(taints),
	KUNIT_CASE(references),
	KUNIT_CASE(irq_handler_holds_module),
	KUNIT_CASE(dma_channel_holds_module),
	KUNIT_CASE(parameters),
	KUNIT_CASE(builtin_parameters),
	KUNIT_CASE(bad_parameters),
	KUNIT_CASE(init_fails),
	KUNIT_CASE(init_oopses),
	KUNIT_CASE(leaks_reported),
	KUNIT_CASE(device_leaks_reported),
	KUNIT_CASE(rmmod_not_loaded),
	KUNIT_CASE(allocations_tracked),
	KUNIT_CASE(insmod_from_file_list),
	KUNIT_CASE(bad_images),
	{}
};

static struct kunit_suite module_loader_suite = {
	.name = "module_loader",
	.exit = unload_test_modules,
	.test_cases = module_loader_cases,
};
kunit_test_suite(module_loader_suite);
