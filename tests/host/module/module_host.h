/*
 * Host tests of the module loader's file handling (kernel/module/elf.c)
 * and ARM relocations (arch/arm/module.c): a builder for ELF relocatable
 * objects in memory, and the loader's pure steps run on one the way
 * load_module() runs them, with module memory below 4 GiB (addresses
 * are 32-bit in the file) and a table of "kernel" symbols.
 */
#ifndef MODULE_HOST_H
#define MODULE_HOST_H

#include "../../../kernel/module/internal.h"
#include "../sim/sim.h"	/* sim_log(): what the code under test printed */

/* An ELF file under construction: sections are appended, then ko_finish(). */
struct ko {
	unsigned char buf[1 << 16];
	size_t len;
	Elf32_Shdr sh[48];
	unsigned int nsh;
	char shstr[2048];
	size_t shstr_len;
	Elf32_Sym sym[64];
	unsigned int nsym;
	char str[2048];
	size_t str_len;
	unsigned int symtab, strtab, shstrtab;	/* indices, set by ko_finish */
};

/* A new file with a .gnu.linkonce.this_module named @name and a .modinfo (license, vermagic). */
void ko_init(struct ko *k, const char *name, const char *license, const char *vermagic);
/* Append a section; its index. */
unsigned int ko_section(struct ko *k, const char *name, unsigned int type, unsigned int flags,
			const void *data, size_t size, unsigned int align);
/* A symbol; its index. Section symbols are made for each section by ko_finish. */
unsigned int ko_symbol(struct ko *k, const char *name, unsigned int value, unsigned int size,
		       unsigned char info, unsigned short shndx);
/* A REL section for section @target with @n entries. */
unsigned int ko_rel(struct ko *k, unsigned int target, const Elf32_Rel *rel, unsigned int n);
/* Symbol table, string tables and section headers: the file is k->buf[0..len). */
size_t ko_finish(struct ko *k);

/* The "kernel" exports the resolver knows; the address of @name or 0. */
struct host_sym {
	const char *name;
	unsigned long addr;
	bool gpl;
};
extern const struct host_sym *host_syms;
/* Resolve any other name too (the fuzzer), to an address near HOST_KERNEL. */
extern bool host_resolve_any;

/* load_module()'s pure steps on @image; the module's struct or NULL with *@err. */
struct module *host_load(void *image, size_t len, struct load_info *info, int *err);
/* Release what host_load allocated. */
void host_unload(struct load_info *info);
/*
 * Module memory on the host: at fixed addresses below 4 GiB (a file holds
 * 32-bit addresses), laid out like the board's: the modules area just below
 * "kernel text" at HOST_KERNEL, so branches to it are in range.
 */
#define HOST_CORE_BASE	0x3f000000UL
#define HOST_INIT_BASE	0x3f800000UL
#define HOST_KERNEL	0x40008000UL
void *host_low_alloc(size_t size, unsigned long addr);


#endif
