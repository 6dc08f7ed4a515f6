/*
 * Loadable modules (Linux's module.h). A module is an ELF relocatable
 * object (.ko) built out of tree (docs/modules.md) and loaded by `insmod`
 * (kernel/module/): its sections are placed in the modules area
 * (MODULES_VADDR..MODULES_END) with per-section permissions, its undefined
 * symbols resolved against the kernel's and other modules' exports, its
 * init run in a task of its own; `rmmod` runs its exit and frees it.
 *
 * Written as for Linux 3.x: module_init/module_exit, MODULE_LICENSE &
 * co., THIS_MODULE, try_module_get/module_put, module_param
 * (linux/moduleparam.h), EXPORT_SYMBOL (linux/export.h). The same source
 * built into the kernel (without -DMODULE) becomes an initcall.
 *
 * Where Mica differs from Linux 3.14:
 *  - init runs in its own kernel thread ("insmod"), exit in another
 *    ("rmmod"): an oops there kills that thread, not the shell. A module
 *    whose init oopsed stays listed in the state MODULE_STATE_FAILED; rmmod
 *    removes it without calling its exit.
 *  - Its constructors (.init_array, by priority) run before its init in
 *    every kernel, not only with CONFIG_CONSTRUCTORS (which Linux's KASAN
 *    selects); destructors never run, as in Linux.
 *  - What a module still holds when it is removed (or its init fails) is
 *    reported with the function that took it, and callbacks into its text
 *    are cancelled (kernel/module/track.c).
 *  - No module signing, no symbol CRCs (the version magic covers the
 *    kernel's headers), no request_module/autoloading, no forced unload,
 *    no sysfs (parameters are set at load time and on the command line).
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/errno.h>		/* as Linux's module.h brings it, through its includes */
#include <linux/stat.h>		/* S_IRUGO & co. for module_param */
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

enum module_state {
	MODULE_STATE_LIVE,	/* init done (or none) */
	MODULE_STATE_COMING,	/* loaded, init running */
	MODULE_STATE_GOING,	/* init failed, or being removed */
	MODULE_STATE_UNFORMED,	/* still being set up by the loader */
	MODULE_STATE_FAILED,	/* Mica: init oopsed; only rmmod remains */
};

/* One allocation of module memory: text, then rodata, then data, page-aligned parts. */
struct module_layout {
	void *base;
	unsigned int size;		/* bytes, including the veneers */
	unsigned int text_size;		/* executable part from base */
	unsigned int ro_size;		/* text + rodata: read-only part from base */
};

struct mod_kallsyms;
struct module_track;

/* Where a loaded section went, for debuggers (tools/gdb/mica-modules.py). */
struct module_sect_addr {
	const char *name;
	unsigned long addr;
};

struct module {
	enum module_state state;
	struct list_head list;		/* the loaded modules */
	char name[MODULE_NAME_LEN];

	/* What it exports. */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_symbol *gpl_syms;
	unsigned int num_gpl_syms;

	/* Parameters and their values as given to insmod. */
	const struct kernel_param *kp;
	unsigned int num_kp;
	char *args;

	int (*init)(void);
	void (*exit)(void);
	/* Its constructors, in order, until they have run (before init). */
	ctor_fn_t *ctors;
	unsigned int num_ctors;

	struct module_layout core_layout;
	struct module_layout init_layout;	/* freed and unmapped once init returned */

	void __percpu *percpu;		/* its DEFINE_PER_CPU variables, one copy per CPU */
	unsigned int percpu_size;

	struct mod_kallsyms *kallsyms;	/* its symbols, for backtraces and %pS */
	char *modinfo;			/* a copy of its .modinfo strings */
	struct module_sect_addr *sect_addrs;	/* its loaded sections (names follow the array) */
	unsigned int num_sects;
	unsigned int modinfo_size;
	char *filename;			/* where it was loaded from */

	unsigned long taints;		/* TAINT_* bits it brought */
	bool gpl_compatible;

	/* Dependencies: modules using this one (source_list), modules it uses (target_list). */
	struct list_head source_list;
	struct list_head target_list;
	atomic_t refcnt;

	struct module_track *track;	/* what it holds (kernel/module/track.c) */
};

#ifdef MODULE
/* What module_init/module_exit name; the struct module modpost generates points at them. */
int init_module(void);
void cleanup_module(void);

#define module_init(initfn)							\
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
	int init_module(void) __attribute__((alias(#initfn)))
#define module_exit(exitfn)							\
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
	void cleanup_module(void) __attribute__((alias(#exitfn)))

#define __MODULE_INFO(tag, name, info)						\
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo")	\
	__aligned(1) = #tag "=" info
#else
/* Built in: init becomes an initcall; exit is never run and is discarded. */
#define module_init(initfn) device_initcall(initfn)
#define module_exit(exitfn)							\
	static exitcall_t __exitcall_##exitfn __used __section(".exitcall.exit") = exitfn
#define __MODULE_INFO(tag, name, info) struct __UNIQUE_ID(name) { int unused; }
#endif

#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_DEVICE_TABLE(type, name)

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

/* Reference counting: a module with references cannot be removed. NULL is the kernel. */
bool try_module_get(struct module *mod);
void __module_get(struct module *mod);
void module_put(struct module *mod);
int module_refcount(struct module *mod);

static inline bool module_is_live(struct module *mod)
{
	return READ_ONCE(mod->state) != MODULE_STATE_GOING;
}

/* The loaded module called @name (module_mutex held), or NULL. */
struct module *find_module(const char *name);
/* The module whose memory (text, data; init while it lasts) holds @addr, or NULL. */
struct module *__module_address(unsigned long addr);
/* The module whose text holds @addr, or NULL. */
struct module *__module_text_address(unsigned long addr);
bool is_module_address(unsigned long addr);
bool is_module_text_address(unsigned long addr);

/*
 * Mica, for services that hold on to another module's code: the module
 * whose code is at @addr, with a reference taken, unless it is the module
 * of @caller itself (a module's own handlers do not keep it loaded). NULL
 * when nothing needs holding; ERR_PTR(-ENODEV) when that module is going.
 */
struct module *module_get_owner(unsigned long addr, unsigned long caller);

/* "Modules linked in: a(O) b(PO+)", for oops reports. */
void print_modules(void);

#endif
