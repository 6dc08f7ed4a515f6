/*
 * The module loader's file checks and every ARM relocation type, on
 * objects built in memory (module_host.c), under ASan and UBSan.
 */
#include "module_host.h"
#include <asm/elf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#define VERMAGIC "test-magic"
#define TEXT (SHF_ALLOC | SHF_EXECINSTR)
#define GLOBAL_FUNC ((STB_GLOBAL << 4) | STT_FUNC)
#define GLOBAL_NOTYPE (STB_GLOBAL << 4)
#define LOCAL_SECTION STT_SECTION

/* ARM encodings used as relocation places. */
#define BL_M8		0xebfffffeU	/* bl <.-0>: addend -8 */
#define B_M8		0xeafffffeU
#define BLNE_M8		0x1bfffffeU
#define MOVW_R0		0xe3000000U
#define MOVT_R0		0xe3400000U
#define BX_LR		0xe12fff1eU

static const struct host_sym kernel_syms[] = {
	{ "arm_fn", HOST_KERNEL + 0x1000, false },
	{ "thumb_fn", HOST_KERNEL + 0x2001, false },	/* odd: Thumb code */
	{ "gpl_fn", HOST_KERNEL + 0x3000, true },
	{ "far_fn", 0x10000000UL, false },		/* 0x2f000000 below the modules area */
	{ "data_obj", HOST_KERNEL + 0x80000, false },
	{ NULL, 0, false },
};

static struct ko ko;
static struct load_info info;

static int setup(void **state)
{
	host_syms = kernel_syms;
	sim_log_reset();
	ko_init(&ko, "test", "GPL", VERMAGIC);
	return 0;
}

static int teardown(void **state)
{
	host_unload(&info);
	return 0;
}

/* Load ko; what the loader said is printed when the test fails anyway. */
static int load(void)
{
	int err;

	host_unload(&info);
	sim_log_reset();
	host_load(ko.buf, ko.len, &info, &err);
	if (err)
		print_message("loader: %s", sim_log());
	return err;
}

static bool logged(const char *text)
{
	return strstr(sim_log(), text) != NULL;
}

/* A .text of @n words with @nrel relocations against symbols named in @names. */
static unsigned int text_with_relocs(const u32 *words, unsigned int n, const unsigned int *offsets,
				     const unsigned int *types, const char *const *names,
				     unsigned int nrel)
{
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, n * 4, 4);
	Elf32_Rel rel[16];
	unsigned int i;

	for (i = 0; i < nrel; i++) {
		unsigned int sym = ko_symbol(&ko, names[i], 0, 0, GLOBAL_NOTYPE, SHN_UNDEF);

		rel[i].r_offset = offsets[i];
		rel[i].r_info = ELF32_R_INFO(sym, types[i]);
	}
	ko_rel(&ko, text, rel, nrel);
	return text;
}

static u32 *text_of(unsigned int text)
{
	return (u32 *)(unsigned long)info.sechdrs[text].sh_addr;
}

/* ---- a good file, and what a bad one gets ---- */

static void good_module_loads(void **state)
{
	static const u32 words[] = { BX_LR };
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, 4, 4);

	ko_symbol(&ko, "fn", 0, 4, GLOBAL_FUNC, text);
	ko_finish(&ko);
	assert_int_equal(load(), 0);
	assert_string_equal(get_modinfo(&info, "license", NULL), "GPL");
	assert_string_equal(get_modinfo(&info, "vermagic", NULL), VERMAGIC);
	assert_null(get_modinfo(&info, "author", NULL));
	assert_true(info.sechdrs[text].sh_addr >= HOST_CORE_BASE);
	assert_int_equal(info.core.text_size % 8, 0);
}

static void every_truncation_is_refused(void **state)
{
	static const u32 words[] = { BL_M8, BX_LR };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_CALL };
	static const char *const names[] = { "arm_fn" };
	size_t len, full;

	text_with_relocs(words, 2, offs, types, names, 1);
	full = ko_finish(&ko);
	for (len = 0; len < full; len++) {
		int err;

		host_unload(&info);
		host_load(ko.buf, len, &info, &err);
		assert_int_not_equal(err, 0);
	}
}

/* Each header field wrong in turn: -ENOEXEC and a message that says what. */
static void bad_headers(void **state)
{
	static const struct { size_t off, size; u32 value; const char *msg; } bad[] = {
		{ offsetof(Elf32_Ehdr, e_ident), 1, 0x7e, "not an ELF file" },
		{ offsetof(Elf32_Ehdr, e_ident) + EI_CLASS, 1, 2, "ELF class 2" },
		{ offsetof(Elf32_Ehdr, e_ident) + EI_DATA, 1, 2, "ELF data encoding 2" },
		{ offsetof(Elf32_Ehdr, e_version), 4, 9, "unknown ELF version" },
		{ offsetof(Elf32_Ehdr, e_type), 2, 2, "relocatable object (ET_REL)" },
		{ offsetof(Elf32_Ehdr, e_machine), 2, 62, "another architecture" },
		{ offsetof(Elf32_Ehdr, e_shentsize), 2, 39, "bad section header table" },
		{ offsetof(Elf32_Ehdr, e_shnum), 2, 0, "bad section header table" },
		{ offsetof(Elf32_Ehdr, e_shoff), 4, 0xfffffff0U, "run past the end of the file" },
		{ offsetof(Elf32_Ehdr, e_shstrndx), 2, 999, "section name table index 999" },
	};
	unsigned char good[sizeof(ko.buf)];
	size_t len, i;

	len = ko_finish(&ko);
	memcpy(good, ko.buf, len);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memcpy(ko.buf, good, len);
		memcpy(ko.buf + bad[i].off, &bad[i].value, bad[i].size);
		assert_int_equal(load(), -ENOEXEC);
		if (!logged(bad[i].msg))
			fail_msg("case %zu: no '%s' in: %s", i, bad[i].msg, sim_log());
	}
}

/* Damage one section header of an otherwise good file. */
static void bad_section(void **state, unsigned int field_off, u32 value, const char *msg)
{
	static const u32 words[] = { BX_LR, BX_LR };
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, 8, 4);
	Elf32_Shdr *sh;

	ko_symbol(&ko, "fn", 0, 4, GLOBAL_FUNC, text);
	ko_finish(&ko);
	sh = (Elf32_Shdr *)(ko.buf + ((Elf32_Ehdr *)ko.buf)->e_shoff) + text;
	memcpy((char *)sh + field_off, &value, 4);
	assert_int_equal(load(), -ENOEXEC);
	if (!logged(msg))
		fail_msg("no '%s' in: %s", msg, sim_log());
}

static void section_past_end(void **state)
{
	bad_section(state, offsetof(Elf32_Shdr, sh_size), 0x7fffffff, "run past the end of the file");
}

static void section_name_out_of_range(void **state)
{
	bad_section(state, offsetof(Elf32_Shdr, sh_name), 60000, "name offset 60000 out of range");
}

static void section_bad_alignment(void **state)
{
	bad_section(state, offsetof(Elf32_Shdr, sh_addralign), 3, "bad alignment 3");
}

static void sections_overlap(void **state)
{
	bad_section(state, offsetof(Elf32_Shdr, sh_offset), sizeof(Elf32_Ehdr) + 2,
		    "overlap");
}

static void huge_section(void **state)
{
	ko_section(&ko, ".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, NULL, 15U << 20, 4);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("do not fit in the modules area"));
}

static void rela_refused(void **state)
{
	static const u32 zero[3];

	ko_section(&ko, ".rela.text", SHT_RELA, 0, zero, sizeof(zero), 4);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("RELA relocations"));
}

static void rel_for_no_section(void **state)
{
	static const u32 words[] = { BX_LR };
	static const Elf32_Rel rel = { 0, ELF32_R_INFO(0, R_ARM_NONE) };
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, 4, 4);
	unsigned int r = ko_rel(&ko, text, &rel, 1);

	ko.sh[r].sh_info = 200;
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("applies to section 200: no such section"));
}

static void rel_with_wrong_symtab(void **state)
{
	static const u32 words[] = { BX_LR };
	static const Elf32_Rel rel = { 0, ELF32_R_INFO(0, R_ARM_NONE) };
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, 4, 4);
	unsigned int r = ko_rel(&ko, text, &rel, 1);
	Elf32_Shdr *sh;

	ko_finish(&ko);
	sh = (Elf32_Shdr *)(ko.buf + ((Elf32_Ehdr *)ko.buf)->e_shoff) + r;
	sh->sh_link = text;
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("as its symbol table"));
}

static void symbol_section_out_of_range(void **state)
{
	ko_symbol(&ko, "lost", 0, 0, GLOBAL_FUNC, 300);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("symbol 1 (lost): section index 300 out of range"));
}

static void symbol_name_out_of_range(void **state)
{
	unsigned int s = ko_symbol(&ko, "x", 0, 0, GLOBAL_FUNC, SHN_ABS);

	ko.sym[s].st_name = 5000;
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("name offset 5000 out of range"));
}

static void unterminated_strings(void **state)
{
	Elf32_Shdr *sh;

	ko_symbol(&ko, "abc", 0, 0, GLOBAL_FUNC, SHN_ABS);
	ko_finish(&ko);
	sh = (Elf32_Shdr *)(ko.buf + ((Elf32_Ehdr *)ko.buf)->e_shoff) + ko.strtab;
	ko.buf[sh->sh_offset + sh->sh_size - 1] = 'x';
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("bad symbol string table"));
}

static void no_this_module(void **state)
{
	Elf32_Shdr *sh;

	ko_finish(&ko);
	sh = (Elf32_Shdr *)(ko.buf + ((Elf32_Ehdr *)ko.buf)->e_shoff) + 1;
	sh->sh_flags = 0;
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("not built as a module"));
}

static void wrong_struct_module_size(void **state)
{
	Elf32_Shdr *sh;

	ko_finish(&ko);
	sh = (Elf32_Shdr *)(ko.buf + ((Elf32_Ehdr *)ko.buf)->e_shoff) + 1;
	sh->sh_size -= 4;
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("built against other headers"));
}

static void common_symbol_refused(void **state)
{
	ko_symbol(&ko, "shared", 4, 4, (STB_GLOBAL << 4) | STT_OBJECT, SHN_COMMON);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("common symbol 'shared': build with -fno-common"));
}

static void unknown_and_gpl_symbols(void **state)
{
	static const u32 words[] = { BL_M8, BL_M8 };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_CALL };
	static const char *const names[] = { "no_such_fn" };

	text_with_relocs(words, 2, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOENT);
	assert_true(logged("test: Unknown symbol no_such_fn (err -2)"));

	/* A weak reference to nothing is 0 and no error. */
	setup(state);
	ko_symbol(&ko, "maybe", 0, 0, (STB_WEAK << 4) | STT_NOTYPE, SHN_UNDEF);
	ko_finish(&ko);
	assert_int_equal(load(), 0);

	/* The resolver's refusal (a GPL-only symbol here) comes back as is. */
	setup(state);
	ko_init(&ko, "test", "Proprietary", VERMAGIC);
	ko_symbol(&ko, "gpl_fn", 0, 0, GLOBAL_NOTYPE, SHN_UNDEF);
	ko_finish(&ko);
	assert_int_equal(load(), -EPERM);
}

/* ---- relocations ---- */

/* Branch target of the B/BL/BLX at @p. */
static unsigned long branch_target(const u32 *p)
{
	unsigned long t = (unsigned long)p + 8 + (unsigned long)((s32)(*p << 8) >> 6);

	if ((*p & 0xfe000000U) == 0xfa000000U)	/* BLX: H bit is offset bit 1 */
		t += (*p >> 23) & 2;
	return t & 0xffffffffUL;
}

static void call_and_jump_to_arm(void **state)
{
	static const u32 words[] = { BL_M8, B_M8, BLNE_M8, BX_LR };
	static const unsigned int offs[] = { 0, 4, 8 };
	static const unsigned int types[] = { R_ARM_CALL, R_ARM_JUMP24, R_ARM_JUMP24 };
	static const char *const names[] = { "arm_fn", "arm_fn", "arm_fn" };
	unsigned int text = text_with_relocs(words, 4, offs, types, names, 3);
	u32 *t;

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	t = text_of(text);
	assert_int_equal(t[0] & 0xff000000U, 0xeb000000U);	/* still BL: no veneer */
	assert_int_equal(branch_target(&t[0]), HOST_KERNEL + 0x1000);
	assert_int_equal(t[1] & 0xff000000U, 0xea000000U);
	assert_int_equal(branch_target(&t[1]), HOST_KERNEL + 0x1000);
	assert_int_equal(t[2] & 0xff000000U, 0x1b000000U);	/* the condition is kept */
	assert_int_equal(branch_target(&t[2]), HOST_KERNEL + 0x1000);
}

static void calls_to_thumb(void **state)
{
	static const u32 words[] = { BL_M8, B_M8, BLNE_M8, BL_M8, BX_LR };
	static const unsigned int offs[] = { 0, 4, 8, 12 };
	static const unsigned int types[] = { R_ARM_CALL, R_ARM_JUMP24, R_ARM_JUMP24, R_ARM_CALL };
	static const char *const names[] = { "thumb_fn", "thumb_fn", "thumb_fn", "thumb_fn" };
	unsigned int text = text_with_relocs(words, 5, offs, types, names, 4);
	u32 *t, *veneer;

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	t = text_of(text);
	/* BL becomes BLX, straight to the Thumb function (H bit set: target ends in 2). */
	assert_int_equal(t[0] & 0xfe000000U, 0xfa000000U);
	assert_int_equal(branch_target(&t[0]), HOST_KERNEL + 0x2000);
	/* B and BLNE cannot switch state: one shared veneer, ldr pc, [pc, #-4]; .word. */
	veneer = (u32 *)branch_target(&t[1]);
	assert_ptr_equal(veneer, (u32 *)branch_target(&t[2]));
	assert_int_equal(veneer[0], 0xe51ff004U);
	assert_int_equal(veneer[1], HOST_KERNEL + 0x2001);
	assert_true((unsigned long)veneer < (unsigned long)info.core.base + info.core.text_size);
	assert_int_equal(branch_target(&t[3]), HOST_KERNEL + 0x2000);
}

static void pc24_old_style(void **state)
{
	static const u32 words[] = { BL_M8, B_M8, BX_LR };
	static const unsigned int offs[] = { 0, 4 };
	static const unsigned int types[] = { R_ARM_PC24, R_ARM_PC24 };
	static const char *const names[] = { "arm_fn", "thumb_fn" };
	unsigned int text = text_with_relocs(words, 3, offs, types, names, 2);
	u32 *t;

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	t = text_of(text);
	assert_int_equal(branch_target(&t[0]), HOST_KERNEL + 0x1000);
	assert_int_equal(((u32 *)branch_target(&t[1]))[1], HOST_KERNEL + 0x2001);
}

static void branch_out_of_range(void **state)
{
	static const u32 words[] = { BL_M8 };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_CALL };
	static const char *const names[] = { "far_fn" };

	text_with_relocs(words, 1, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	/* The message names module, problem, type, section and symbol: no silent wrap. */
	assert_true(logged("test: branch out of range (more than 32 MiB away): R_ARM_CALL at .text+0x0 against symbol 'far_fn'"));
}

static void branch_on_a_non_branch(void **state)
{
	static const u32 words[] = { BX_LR };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_JUMP24 };
	static const char *const names[] = { "arm_fn" };

	text_with_relocs(words, 1, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("not a B/BL instruction"));
}

static void data_relocations(void **state)
{
	/* ABS32 (+addend), TARGET1, REL32, PREL31 with bit 31 set, NONE. */
	static const u32 words[] = { 0, 8, 0, 0, 0x80000000U, 0x12345678U };
	static const unsigned int offs[] = { 0, 4, 8, 12, 16, 20 };
	static const unsigned int types[] = { R_ARM_ABS32, R_ARM_ABS32, R_ARM_TARGET1, R_ARM_REL32,
					      R_ARM_PREL31, R_ARM_NONE };
	static const char *const names[] = { "data_obj", "data_obj", "thumb_fn", "arm_fn", "arm_fn",
					      "arm_fn" };
	unsigned int text = text_with_relocs(words, 6, offs, types, names, 6);
	u32 *t;
	s32 prel;

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	t = text_of(text);
	assert_int_equal(t[0], HOST_KERNEL + 0x80000);
	assert_int_equal(t[1], HOST_KERNEL + 0x80008);
	assert_int_equal(t[2], HOST_KERNEL + 0x2001);	/* the Thumb bit comes with the symbol */
	assert_int_equal((u32)((unsigned long)&t[3] + t[3]), HOST_KERNEL + 0x1000);
	prel = (s32)(t[4] << 1) >> 1;
	assert_int_equal((u32)((unsigned long)&t[4] + prel), HOST_KERNEL + 0x1000);
	assert_int_equal(t[4] >> 31, 1);
	assert_int_equal(t[5], 0x12345678U);
}

static void prel31_overflow(void **state)
{
	static const u32 words[] = { 0 };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_PREL31 };
	static const char *const names[] = { "huge" };
	static const struct host_sym syms[] = { { "huge", 0xf0000000UL, false }, { NULL, 0, false } };

	host_syms = syms;
	text_with_relocs(words, 1, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("offset does not fit in 31 bits: R_ARM_PREL31"));
}

static void movw_movt(void **state)
{
	/* movw r0, #:lower16:data_obj+0x10 ; movt r0, #:upper16:... (addend in the immediates). */
	static const u32 words[] = { MOVW_R0 | 0x10, MOVT_R0 | 0x10, MOVW_R0, MOVT_R0 };
	static const unsigned int offs[] = { 0, 4, 8, 12 };
	static const unsigned int types[] = { R_ARM_MOVW_ABS_NC, R_ARM_MOVT_ABS,
					      R_ARM_MOVW_ABS_NC, R_ARM_MOVT_ABS };
	static const char *const names[] = { "data_obj", "data_obj", "thumb_fn", "thumb_fn" };
	unsigned int text = text_with_relocs(words, 4, offs, types, names, 4);
	u32 *t, lo, hi;

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	t = text_of(text);
	lo = ((t[0] >> 4) & 0xf000) | (t[0] & 0xfff);
	hi = ((t[1] >> 4) & 0xf000) | (t[1] & 0xfff);
	assert_int_equal((hi << 16) | lo, HOST_KERNEL + 0x80010);
	lo = ((t[2] >> 4) & 0xf000) | (t[2] & 0xfff);
	hi = ((t[3] >> 4) & 0xf000) | (t[3] & 0xfff);
	assert_int_equal((hi << 16) | lo, HOST_KERNEL + 0x2001);
	assert_int_equal(t[2] & 0xfff0f000U, MOVW_R0);	/* the rest of the instruction kept */
}

static void movt_on_wrong_instruction(void **state)
{
	static const u32 words[] = { MOVW_R0 };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_MOVT_ABS };
	static const char *const names[] = { "arm_fn" };

	text_with_relocs(words, 1, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("not a MOVT instruction"));
}

static void v4bx(void **state)
{
	static const u32 words[] = { BX_LR, 0xe1a00000U /* mov r0, r0 */ };
	static const unsigned int offs[] = { 0 }, types[] = { R_ARM_V4BX };
	static const char *const names[] = { "arm_fn" };
	unsigned int text = text_with_relocs(words, 2, offs, types, names, 1);

	ko_finish(&ko);
	assert_int_equal(load(), 0);
	assert_int_equal(text_of(text)[0], BX_LR);		/* ARMv7 has BX: unchanged */

	setup(state);
	{
		static const unsigned int offs2[] = { 4 };

		text_with_relocs(words, 2, offs2, types, names, 1);
	}
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("not a BX instruction"));
}

static void unknown_type(void **state)
{
	static const u32 words[] = { 0 };
	static const unsigned int offs[] = { 0 }, types[] = { 10 };	/* R_ARM_THM_CALL */
	static const char *const names[] = { "arm_fn" };

	text_with_relocs(words, 1, offs, types, names, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("test: unknown relocation: relocation type 10 at .text+0x0 against symbol 'arm_fn'"));
}

static void relocation_outside_its_section(void **state)
{
	static const u32 words[] = { 0, 0 };
	static const unsigned int offs[] = { 6 }, types[] = { R_ARM_ABS32 };
	static const unsigned int offs2[] = { 8 };
	static const char *const names[] = { "arm_fn" };

	text_with_relocs(words, 2, offs, types, names, 1);	/* misaligned */
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("outside .text (0x8 bytes) or misaligned"));

	setup(state);
	text_with_relocs(words, 2, offs2, types, names, 1);	/* just past the end */
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
}

static void relocation_symbol_out_of_range(void **state)
{
	static const u32 words[] = { 0 };
	Elf32_Rel rel = { 0, ELF32_R_INFO(77, R_ARM_ABS32) };
	unsigned int text = ko_section(&ko, ".text", SHT_PROGBITS, TEXT, words, 4, 4);

	ko_rel(&ko, text, &rel, 1);
	ko_finish(&ko);
	assert_int_equal(load(), -ENOEXEC);
	assert_true(logged("symbol index 77 out of range"));
}

static void section_symbols_and_init(void **state)
{
	/* A pointer in .data to .init.text's start: the section symbol's address. */
	static const u32 code[] = { BX_LR };
	static const u32 data[] = { 0 };
	unsigned int init = ko_section(&ko, ".init.text", SHT_PROGBITS, TEXT, code, 4, 4);
	unsigned int dat = ko_section(&ko, ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, data, 4, 4);
	unsigned int sec = ko_symbol(&ko, "", 0, 0, LOCAL_SECTION, init);
	Elf32_Rel rel = { 0, ELF32_R_INFO(sec, R_ARM_ABS32) };

	ko_rel(&ko, dat, &rel, 1);
	ko_finish(&ko);
	assert_int_equal(load(), 0);
	assert_int_equal(*text_of(dat), HOST_INIT_BASE);
	assert_int_equal(info.init.text_size, 4);
	assert_true(info.sechdrs[init].sh_entsize & INIT_OFFSET_MASK);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(good_module_loads), T(every_truncation_is_refused), T(bad_headers),
		T(section_past_end), T(section_name_out_of_range), T(section_bad_alignment),
		T(sections_overlap), T(huge_section), T(rela_refused), T(rel_for_no_section),
		T(rel_with_wrong_symtab), T(symbol_section_out_of_range),
		T(symbol_name_out_of_range), T(unterminated_strings), T(no_this_module),
		T(wrong_struct_module_size), T(common_symbol_refused), T(unknown_and_gpl_symbols),
		T(call_and_jump_to_arm), T(calls_to_thumb), T(pc24_old_style),
		T(branch_out_of_range), T(branch_on_a_non_branch), T(data_relocations),
		T(prel31_overflow), T(movw_movt), T(movt_on_wrong_instruction), T(v4bx),
		T(unknown_type), T(relocation_outside_its_section),
		T(relocation_symbol_out_of_range), T(section_symbols_and_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
