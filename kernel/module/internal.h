/*
 * The module loader's internals, shared by the files of kernel/module/, the ARM
 * relocation code (arch/arm/module.c) and the host tests
 * (tests/host/module/). Not an interface for the rest of the kernel.
 *
 * Loading goes: elf_check() validates the file; find_sections() names the
 * sections the loader cares about; layout_sections() decides where each
 * SHF_ALLOC section goes in the core and init allocations; the caller
 * allocates, then move_sections() copies them and sets sh_addr;
 * simplify_symbols() turns every symbol into an absolute address;
 * apply_relocations() patches the code and data.
 */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H

#include <linux/types.h>
#include <linux/elf.h>
#include <linux/module.h>

/* The largest .ko accepted: the modules area is 14 MiB. */
#define MODULE_MAX_FILE_SIZE	(16UL << 20)
#define MODULE_MAX_SECTIONS	4096

/* sh_entsize of an allocated section holds its offset once laid out; this bit says "init". */
#define INIT_OFFSET_MASK	(1UL << 31)

/* The per-CPU template section (DEFINE_PER_CPU, linux/percpu.h). */
#define MODULE_PERCPU_SECTION	"percpu_data"
#define MODULE_THIS_SECTION	".gnu.linkonce.this_module"

struct load_info {
	const char *name;		/* for messages: the file's, then the module's name */
	Elf32_Ehdr *hdr;		/* the whole file, writable (section headers and symbols change) */
	unsigned long len;
	Elf32_Shdr *sechdrs;
	char *secstrings;
	char *strtab;
	Elf32_Sym *syms;
	unsigned int num_syms;
	struct {
		unsigned int sym, str, mod, info, pcpu, ksymtab, ksymtab_gpl, param;
	} index;			/* 0 when the file has no such section */
	/* Branches to Thumb code need a veneer (two words each) after the core text. */
	unsigned int nr_veneers;
	unsigned int veneer_offset;	/* in the core allocation */
	unsigned int veneers_used;
	struct module_layout core, init;	/* sizes, then base once allocated */
};

static inline const char *section_name(const struct load_info *info, const Elf32_Shdr *s)
{
	return info->secstrings + s->sh_name;
}

static inline const char *symbol_name(const struct load_info *info, const Elf32_Sym *sym)
{
	return info->strtab + sym->st_name;
}

/* kernel/module/elf.c: everything about the file that needs no kernel but printk. */
int elf_check(struct load_info *info);
int find_sections(struct load_info *info);
/* The value of "@tag=value" in .modinfo, or NULL; @prev continues after a previous hit. */
const char *get_modinfo(const struct load_info *info, const char *tag, const char *prev);
void layout_sections(struct load_info *info);
/*
 * Copy every allocated section to its place (core/init bases set); NOBITS
 * are zeroed. The per-CPU section's address becomes its place in the file.
 */
void move_sections(struct load_info *info);

/*
 * Resolve an undefined symbol for @mod: its address, or 0 with *@err set
 * (-ENOENT unknown, or another errno after printing why). Weak undefined
 * symbols that do not resolve become 0 without an error.
 */
typedef unsigned long (*resolve_fn)(struct module *mod, const struct load_info *info,
				    const char *name, int *err);
int simplify_symbols(struct module *mod, struct load_info *info, resolve_fn resolve);
/* Apply every SHT_REL section that targets an allocated section. */
int apply_relocations(struct module *mod, struct load_info *info);

/* arch/arm/module.c */
/* Veneers the module will need (branches to symbols that may be Thumb code). */
unsigned int module_count_veneers(const struct load_info *info);
int apply_relocate(struct module *mod, struct load_info *info, unsigned int relsec);

/* ---- the loader proper (kernel only) ---- */

struct mutex;
extern struct mutex module_mutex;
extern struct list_head modules;

/* A dependency: @source uses symbols of @target (linked on both modules' lists). */
struct module_use {
	struct list_head source_list;	/* on target->source_list */
	struct list_head target_list;	/* on source->target_list */
	struct module *source, *target;
};

/* kernel/module/main.c */
/*
 * Load the module in @image (writable: section headers and symbols are
 * changed in place; the caller frees it afterwards) with parameters @args,
 * read from @filename. 0 with *@modp set, or -errno after printing why;
 * -EFAULT means init oopsed and the module stays listed in state FAILED.
 */
int load_module(void *image, unsigned long len, const char *args, const char *filename,
		struct module **modp);
/* rmmod: 0, or -errno after printing why. */
int delete_module(const char *name);
int module_check_unload(struct module *mod);
/* Wait until no CPU can still be walking the module list as it was. */
void module_sync_readers(void);
/*
 * Free the memory of removed modules that was kept for their kernel
 * threads, once those threads have exited (insmod and rmmod call it).
 */
void module_free_kept(void);
/*
 * Taint letters, and with @with_state the state ('+' loading, '-' going,
 * '!' failed), "(PO+)" or "", into @buf (TAINT_FLAGS_COUNT + 4 bytes).
 */
size_t module_flags(const struct module *mod, char *buf, bool with_state);

/* kernel/module/exports.c */
unsigned long resolve_symbol(struct module *mod, const struct load_info *info,
			     const char *name, int *err);
int verify_export_symbols(struct module *mod);
void module_unuse_all(struct module *mod);
bool license_is_gpl_compatible(const char *license);

/* kernel/module/kallsyms.c */
int module_kallsyms_init(struct module *mod, const struct load_info *info);
void module_kallsyms_drop_init(struct module *mod);
void module_kallsyms_free(struct module *mod);
/*
 * The symbol containing @addr in @mod: name, offset and size; NULL if none.
 * @with_init: also the symbols of its init part once that is freed (for
 * reports about what the init did).
 */
const char *module_kallsyms_lookup(struct module *mod, unsigned long addr,
				   unsigned long *size, unsigned long *offset, bool with_init);
unsigned long module_kallsyms_lookup_name(const char *name);

/* kernel/module/params.c */
void module_params_free(struct module *mod);

/* kernel/module/track.c */
extern unsigned int module_track_reported;	/* items reported so far, for the self-test */
int module_track_init(struct module *mod);
/* The init part is about to be freed: remember where it was, to name what it took. */
void module_track_init_freed(struct module *mod);
/* Print what @mod still holds, @why ("on rmmod"); nothing if it holds nothing. */
void module_track_report(struct module *mod, const char *why);
/*
 * The module is going: report what it holds, cancel the callbacks into its
 * code, free the records. Returns why its memory must stay: 0, or
 * MODULE_KEEP_* bits (code that cannot be stopped still runs there).
 */
#define MODULE_KEEP_THREADS	1	/* kernel threads run its functions */
#define MODULE_KEEP_CALLBACKS	2	/* work still running, or callbacks re-arming */
unsigned int module_track_release(struct module *mod, const char *why);
/* A kernel thread still runs a function of @mod (not one that is exiting). */
bool module_threads_running(struct module *mod);
/* Removed modules' shares of module_track_key, given up now rather than a second later. */
void module_track_put_key_now(void);

#endif
