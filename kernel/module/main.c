/*
 * Loading and removing modules (linux/module.h): load_module() turns a .ko
 * in memory into a running module, delete_module() takes one out.
 *
 * Memory: a module gets two allocations in the modules area, core and
 * init, each laid out text | rodata | data with the parts on their own
 * pages and followed by an unmapped guard page (vmalloc's). Text becomes
 * read-only and executable, rodata read-only, data stays read-write and
 * never executable. Init is freed, and so unmapped, once init returned.
 *
 * Constructors (.init_array) run once, just before init; destructors never
 * run (Linux runs none either). KASAN forgets the globals a module's
 * constructors registered when its memory is freed.
 *
 * Concurrency: module_mutex serialises loading and removal and guards the
 * list; readers that may run anywhere (kallsyms in an oops, the tracking
 * hooks of the allocators) walk the list with interrupts off and no lock.
 * A module leaves the list first, then every CPU is made to take an
 * interrupt (on_each_cpu) before its memory is freed, so no such reader
 * can still be looking at it.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vermagic.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/set_memory.h>
#include <string.h>
#include "internal.h"

DEFINE_MUTEX(module_mutex);
LIST_HEAD(modules);
static char last_unloaded[MODULE_NAME_LEN];

static void *module_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL,
				    PROT_KERNEL, NUMA_NO_NODE, __builtin_return_address(0));
}

/* Every CPU has left any interrupts-off walk of the list that began before. */
static void sync_nop(void *unused)
{
}

void module_sync_readers(void)
{
	on_each_cpu(sync_nop, NULL, 1);
}

struct module *find_module(const char *name)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

static bool within(unsigned long addr, const struct module_layout *l, unsigned long size)
{
	return addr - (unsigned long)l->base < size;
}

static bool within_module(unsigned long addr, const struct module *mod)
{
	return within(addr, &mod->core_layout, mod->core_layout.size) ||
	       within(addr, &mod->init_layout, mod->init_layout.size);
}

static bool within_module_text(unsigned long addr, const struct module *mod)
{
	return within(addr, &mod->core_layout, mod->core_layout.text_size) ||
	       within(addr, &mod->init_layout, mod->init_layout.text_size);
}

/* Lockless walks: the caller keeps interrupts off (see module_sync_readers). */
struct module *__module_address(unsigned long addr)
{
	struct module *mod;

	if (addr - MODULES_VADDR >= MODULES_END - MODULES_VADDR)
		return NULL;
	list_for_each_entry(mod, &modules, list)
		if (READ_ONCE(mod->state) != MODULE_STATE_UNFORMED && within_module(addr, mod))
			return mod;
	return NULL;
}

struct module *__module_text_address(unsigned long addr)
{
	struct module *mod = __module_address(addr);

	return mod && within_module_text(addr, mod) ? mod : NULL;
}

bool is_module_address(unsigned long addr)
{
	unsigned long flags;
	bool ret;

	local_irq_save(flags);
	ret = __module_address(addr) != NULL;
	local_irq_restore(flags);
	return ret;
}

bool is_module_text_address(unsigned long addr)
{
	unsigned long flags;
	bool ret;

	local_irq_save(flags);
	ret = __module_text_address(addr) != NULL;
	local_irq_restore(flags);
	return ret;
}

/* ---- references ---- */

bool try_module_get(struct module *mod)
{
	if (!mod)
		return true;
	if (READ_ONCE(mod->state) == MODULE_STATE_GOING ||
	    READ_ONCE(mod->state) == MODULE_STATE_FAILED)
		return false;
	atomic_inc(&mod->refcnt);
	/* Checked again: delete_module() sets GOING, then looks at the count. */
	if (READ_ONCE(mod->state) == MODULE_STATE_GOING) {
		atomic_dec(&mod->refcnt);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(try_module_get);

void __module_get(struct module *mod)
{
	if (mod)
		atomic_inc(&mod->refcnt);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *mod)
{
	if (mod)
		WARN(atomic_dec_return(&mod->refcnt) < 0, "module_put: %s: no reference left\n",
		     mod->name);
}
EXPORT_SYMBOL(module_put);

int module_refcount(struct module *mod)
{
	return atomic_read(&mod->refcnt);
}
EXPORT_SYMBOL(module_refcount);

struct module *module_get_owner(unsigned long addr, unsigned long caller)
{
	struct module *owner;
	unsigned long flags;
	bool got;

	local_irq_save(flags);
	owner = __module_text_address(addr);
	if (owner == __module_text_address(caller))
		owner = NULL;
	got = try_module_get(owner);
	local_irq_restore(flags);
	return got ? owner : ERR_PTR(-ENODEV);
}

/* ---- running init and exit in a task of their own ---- */

struct module_call {
	struct module *mod;
	int (*init)(void);
	void (*exit)(void);
	int ret;
	bool returned;
};

/* Exit; or the constructors, then init (either may be missing). */
static int module_call_fn(void *data)
{
	struct module_call *call = data;
	unsigned int i;

	if (call->exit) {
		call->exit();
	} else {
		for (i = 0; i < call->mod->num_ctors; i++)
			call->mod->ctors[i]();
		if (call->init)
			call->ret = call->init();
	}
	WRITE_ONCE(call->returned, true);
	return 0;
}

/*
 * Run @call in a new kernel thread called @comm and wait for it. False if
 * the thread died first (an oops killed it).
 */
static bool run_in_task(struct module_call *call, const char *comm, int *err)
{
	struct task_struct *t = kthread_create(module_call_fn, call, "%s", comm);

	*err = 0;
	if (IS_ERR(t)) {
		*err = PTR_ERR(t);
		return false;
	}
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&t->exited);
	put_task_struct(t);
	return READ_ONCE(call->returned);
}

/* ---- taking a module apart ---- */

/*
 * The list changes under module_mutex; lockless readers on other CPUs see
 * either the old or the new list: a new entry is complete before it is
 * linked in, and a removed one keeps its pointers until they are all gone.
 */
static void link_module(struct module *mod)
{
	mod->list.next = &modules;
	mod->list.prev = modules.prev;
	smp_wmb();
	WRITE_ONCE(modules.prev->next, &mod->list);
	modules.prev = &mod->list;
}

static void unlink_module(struct module *mod)
{
	__list_del(mod->list.prev, mod->list.next);
	module_sync_readers();
}

/* Drop the init allocation and the symbols in it. */
static void free_module_init(struct module *mod)
{
	void *base = mod->init_layout.base;

	if (!base)
		return;
	module_track_init_freed(mod);
	module_kallsyms_drop_init(mod);
	WRITE_ONCE(mod->init_layout.size, 0);
	WRITE_ONCE(mod->init_layout.text_size, 0);
	module_sync_readers();
	mod->init_layout.base = NULL;
	vfree(base);
}

/* The module's memory and what the loader allocated for it. */
static void free_module_memory(struct module *mod)
{
	void *core = mod->core_layout.base;
	unsigned int core_size = mod->core_layout.size;
	void __percpu *percpu = mod->percpu;

	module_kallsyms_free(mod);
	kfree(mod->ctors);
	kfree(mod->sect_addrs);
	kfree(mod->modinfo);
	kfree(mod->filename);
	/* mod lives in core: nothing of it may be used after this. */
	free_percpu(percpu);
	kasan_forget_globals(core, core_size);
	vfree(core);
}

/*
 * Removed modules whose memory stays because kernel threads still ran
 * their code, linked by their list entry; module_mutex guards it.
 */
static LIST_HEAD(kept_modules);

void module_free_kept(void)
{
	struct module *mod, *tmp;

	mutex_lock(&module_mutex);
	list_for_each_entry_safe(mod, tmp, &kept_modules, list) {
		if (module_threads_running(mod))
			continue;
		list_del(&mod->list);
		pr_info("%s: its kernel threads have exited: its memory at %p is freed\n",
			mod->name, mod->core_layout.base);
		free_module_memory(mod);
	}
	mutex_unlock(&module_mutex);
}

/*
 * Report and cancel what the module still holds (while it is still listed,
 * so reports name its functions), take it off the list, let go of what it
 * uses, free its memory. The memory stays if something that cannot be
 * stopped still runs its code: if that is kernel threads, until they have
 * exited (kept_modules). module_mutex not held.
 */
static void free_module(struct module *mod, const char *why, bool listed)
{
	unsigned int keep;

	keep = module_track_release(mod, why);
	if (listed) {
		mutex_lock(&module_mutex);
		unlink_module(mod);
		mutex_unlock(&module_mutex);
	}
	module_unuse_all(mod);
	module_params_free(mod);
	free_module_init(mod);
	if (keep & MODULE_KEEP_CALLBACKS) {
		pr_err("%s: its memory at %p stays allocated: code in it may still run\n",
		       mod->name, mod->core_layout.base);
		return;
	}
	if (keep) {
		pr_err("%s: its memory at %p stays allocated while its kernel threads run; "
		       "the next insmod or rmmod after they exit frees it\n",
		       mod->name, mod->core_layout.base);
		mutex_lock(&module_mutex);
		list_add_tail(&mod->list, &kept_modules);
		mutex_unlock(&module_mutex);
		return;
	}
	free_module_memory(mod);
}


/* ---- loading ---- */

static int check_modinfo(struct load_info *info, struct module *mod)
{
	const char *magic = get_modinfo(info, "vermagic", NULL);
	const char *license = get_modinfo(info, "license", NULL);

	if (!magic) {
		pr_err("%s: no version magic, not built as a module for Mica\n", info->name);
		return -ENOEXEC;
	}
	if (strcmp(magic, VERMAGIC_STRING)) {
		pr_err("%s: version magic '%s' should be '%s'\n", info->name, magic,
		       VERMAGIC_STRING);
		return -ENOEXEC;
	}
	mod->gpl_compatible = license_is_gpl_compatible(license);
	if (!mod->gpl_compatible)
		mod->taints |= 1UL << TAINT_PROPRIETARY_MODULE;
	if (!get_modinfo(info, "intree", NULL))
		mod->taints |= 1UL << TAINT_OOT_MODULE;
	return 0;
}

static void apply_module_taints(struct module *mod, const struct load_info *info)
{
	const char *license = get_modinfo(info, "license", NULL);

	if (mod->taints & (1UL << TAINT_OOT_MODULE) && !test_taint(TAINT_OOT_MODULE))
		pr_warn("%s: loading out-of-tree module taints kernel.\n", mod->name);
	if (mod->taints & (1UL << TAINT_PROPRIETARY_MODULE))
		pr_warn("%s: module license '%s' taints kernel.\n", mod->name,
			license ? license : "unspecified");
	if (mod->taints & (1UL << TAINT_OOT_MODULE))
		add_taint(TAINT_OOT_MODULE, LOCKDEP_STILL_OK);
	if (mod->taints & (1UL << TAINT_PROPRIETARY_MODULE))
		add_taint(TAINT_PROPRIETARY_MODULE, LOCKDEP_NOW_UNRELIABLE);
}

/* The name in the file's struct module: NUL-terminated, and a usable name. */
static int check_name(struct load_info *info)
{
	const struct module *m = (const void *)((char *)info->hdr +
					       info->sechdrs[info->index.mod].sh_offset);
	const char *p;

	if (!memchr(m->name, '\0', sizeof(m->name)) || !m->name[0]) {
		pr_err("%s: no module name in %s\n", info->name, MODULE_THIS_SECTION);
		return -ENOEXEC;
	}
	for (p = m->name; *p; p++)
		if (*p <= ' ' || *p == '/' || *p == ',' || *p > '~') {
			pr_err("%s: bad module name\n", info->name);
			return -ENOEXEC;
		}
	info->name = m->name;
	return 0;
}

static int alloc_layouts(struct load_info *info)
{
	info->core.base = module_alloc(info->core.size);
	if (!info->core.base)
		return -ENOMEM;
	memset(info->core.base, 0, info->core.size);
	if (info->init.size) {
		info->init.base = module_alloc(info->init.size);
		if (!info->init.base) {
			vfree(info->core.base);
			info->core.base = NULL;
			return -ENOMEM;
		}
		memset(info->init.base, 0, info->init.size);
	}
	return 0;
}

/* The struct module the loader keeps is the copy in the module's own data. */
static struct module *setup_module_struct(struct load_info *info, void __percpu *percpu,
					  unsigned int percpu_size)
{
	struct module *mod = (struct module *)(unsigned long)info->sechdrs[info->index.mod].sh_addr;
	int (*init)(void) = mod->init;	/* relocation addends, patched later */
	void (*exit)(void) = mod->exit;
	char name[MODULE_NAME_LEN];

	memcpy(name, mod->name, sizeof(name));
	memset(mod, 0, sizeof(*mod));
	memcpy(mod->name, name, sizeof(name));
	mod->init = init;
	mod->exit = exit;
	mod->state = MODULE_STATE_UNFORMED;
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	atomic_set(&mod->refcnt, 0);
	mod->core_layout = info->core;
	mod->init_layout = info->init;
	mod->percpu = percpu;
	mod->percpu_size = percpu_size;
	info->name = mod->name;
	return mod;
}

static void copy_percpu(const struct load_info *info, struct module *mod)
{
	const Elf32_Shdr *s = &info->sechdrs[info->index.pcpu];
	unsigned int cpu;

	if (s->sh_type == SHT_NOBITS)
		return;		/* alloc_percpu zeroed every copy */
	for_each_possible_cpu(cpu)
		memcpy(per_cpu_ptr(mod->percpu, cpu), (void *)(unsigned long)s->sh_addr,
		       s->sh_size);
}

static void set_layout_permissions(const struct module_layout *l)
{
	unsigned long base = (unsigned long)l->base;

	if (!base)
		return;
	flush_icache_range(base, base + l->text_size);
	set_memory_ro(base, PAGE_ALIGN(l->text_size) >> PAGE_SHIFT);
	set_memory_x(base, PAGE_ALIGN(l->text_size) >> PAGE_SHIFT);
	set_memory_ro(base + PAGE_ALIGN(l->text_size),
		      (l->ro_size - PAGE_ALIGN(l->text_size)) >> PAGE_SHIFT);
}

/* Every loaded section's name and address, for gdb's add-symbol-file. */
static int record_section_addresses(struct load_info *info, struct module *mod)
{
	unsigned int i, n = 0;
	size_t names = 0;
	char *p;

	for (i = 1; i < info->hdr->e_shnum; i++)
		if (info->sechdrs[i].sh_flags & SHF_ALLOC) {
			n++;
			names += strlen(section_name(info, &info->sechdrs[i])) + 1;
		}
	mod->sect_addrs = kmalloc(n * sizeof(*mod->sect_addrs) + names, GFP_KERNEL);
	if (!mod->sect_addrs)
		return -ENOMEM;
	p = (char *)&mod->sect_addrs[n];
	for (i = 1, n = 0; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (!(s->sh_flags & SHF_ALLOC))
			continue;
		mod->sect_addrs[n].name = strcpy(p, section_name(info, s));
		mod->sect_addrs[n++].addr = s->sh_addr;
		p += strlen(p) + 1;
	}
	mod->num_sects = n;
	return 0;
}

static int setup_sections(struct load_info *info, struct module *mod)
{
	unsigned int i;
	const Elf32_Shdr *s;

	if (info->index.ksymtab) {
		s = &info->sechdrs[info->index.ksymtab];
		mod->syms = (const void *)(unsigned long)s->sh_addr;
		mod->num_syms = s->sh_size / sizeof(struct kernel_symbol);
	}
	if (info->index.ksymtab_gpl) {
		s = &info->sechdrs[info->index.ksymtab_gpl];
		mod->gpl_syms = (const void *)(unsigned long)s->sh_addr;
		mod->num_gpl_syms = s->sh_size / sizeof(struct kernel_symbol);
	}
	if (info->index.param) {
		s = &info->sechdrs[info->index.param];
		mod->kp = (const void *)(unsigned long)s->sh_addr;
		mod->num_kp = s->sh_size / sizeof(struct kernel_param);
		if (s->sh_size % sizeof(struct kernel_param)) {
			pr_err("%s: __param section has a partial entry\n", mod->name);
			return -ENOEXEC;
		}
	}
	for (i = 0; i < 2; i++) {
		s = &info->sechdrs[i ? info->index.ksymtab_gpl : info->index.ksymtab];
		if (s->sh_size % sizeof(struct kernel_symbol)) {
			pr_err("%s: export table has a partial entry\n", mod->name);
			return -ENOEXEC;
		}
	}
	if (record_section_addresses(info, mod))
		return -ENOMEM;
	if (info->index.info) {
		s = &info->sechdrs[info->index.info];
		mod->modinfo = kmemdup((char *)info->hdr + s->sh_offset, s->sh_size, GFP_KERNEL);
		if (!mod->modinfo)
			return -ENOMEM;
		mod->modinfo_size = s->sh_size;
	}
	return 0;
}

/* ---- constructors ---- */

/* .init_array.NNNNN runs by priority NNNNN, then .init_array (GCC's default, 65535). */
static unsigned long ctor_priority(const char *name)
{
	unsigned long prio;

	if (!strncmp(name, ".init_array.", 12) && !kstrtoul(name + 12, 10, &prio) &&
	    prio < 65536)
		return prio;
	return 65536;
}

static bool is_ctor_section(const Elf32_Shdr *s)
{
	return s->sh_type == SHT_INIT_ARRAY && (s->sh_flags & SHF_ALLOC);
}

/*
 * The module's constructors, in the order the kernel's own run (linker.ld):
 * every SHT_INIT_ARRAY section, by priority, the entries of each in order.
 * Copied out of the sections (they are in the init allocation) once
 * relocated, each checked to point into the module's code.
 */
static int setup_ctors(struct load_info *info, struct module *mod)
{
	unsigned long prio, next;
	unsigned int i, j, n = 0;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (!is_ctor_section(s))
			continue;
		if (s->sh_size % sizeof(ctor_fn_t)) {
			pr_err("%s: %s has a partial entry\n", mod->name, section_name(info, s));
			return -ENOEXEC;
		}
		n += s->sh_size / sizeof(ctor_fn_t);
	}
	if (!n)
		return 0;
	mod->ctors = kmalloc_array(n, sizeof(ctor_fn_t), GFP_KERNEL);
	if (!mod->ctors)
		return -ENOMEM;
	for (prio = 0; prio != ULONG_MAX; prio = next) {
		next = ULONG_MAX;	/* the next priority up, if any */
		for (i = 1; i < info->hdr->e_shnum; i++) {
			const Elf32_Shdr *s = &info->sechdrs[i];
			const ctor_fn_t *fn = (const ctor_fn_t *)(unsigned long)s->sh_addr;
			unsigned long p = ctor_priority(section_name(info, s));

			if (!is_ctor_section(s) || p < prio)
				continue;
			if (p > prio) {
				next = min(next, p);
				continue;
			}
			for (j = 0; j < s->sh_size / sizeof(ctor_fn_t); j++) {
				if (!within_module_text((unsigned long)fn[j] & ~1UL, mod)) {
					pr_err("%s: constructor %p in %s is not in the module's code\n",
					       mod->name, fn[j], section_name(info, s));
					return -ENOEXEC;
				}
				mod->ctors[mod->num_ctors++] = fn[j];
			}
		}
	}
	return 0;
}

/* Undo the parts of load_module() done before the module went on the list. */
static void unwind_load(struct load_info *info, struct module *mod, void __percpu *percpu)
{
	if (mod) {
		free_module(mod, "loading failed", false);
		return;
	}
	free_percpu(percpu);
	vfree(info->init.base);
	vfree(info->core.base);
}

static int prepare_module(struct load_info *info, const char *args, const char *filename,
			  struct module **modp)
{
	struct module *mod = NULL, probe = { .taints = 0 };
	void __percpu *percpu = NULL;
	unsigned int percpu_size = 0;
	int err;

	err = elf_check(info);
	if (!err)
		err = find_sections(info);
	if (!err)
		err = check_name(info);
	if (!err)
		err = check_modinfo(info, &probe);
	if (err)
		return err;
	if (find_module(info->name)) {
		pr_err("%s: a module of that name is already loaded\n", info->name);
		return -EEXIST;
	}

	if (info->index.pcpu) {
		const Elf32_Shdr *s = &info->sechdrs[info->index.pcpu];

		percpu_size = s->sh_size;
		percpu = __alloc_percpu(max(percpu_size, 1U), max(s->sh_addralign, 4U));
		if (!percpu)
			return -ENOMEM;
	}
	info->nr_veneers = module_count_veneers(info);
	layout_sections(info);
	err = alloc_layouts(info);
	if (err)
		goto fail;
	move_sections(info);
	mod = setup_module_struct(info, percpu, percpu_size);
	mod->gpl_compatible = probe.gpl_compatible;
	mod->taints = probe.taints;
	mod->filename = kstrdup(filename, GFP_KERNEL);
	mod->args = kstrdup(args, GFP_KERNEL);
	err = -ENOMEM;
	if (!mod->filename || !mod->args || module_track_init(mod))
		goto fail;

	err = simplify_symbols(mod, info, resolve_symbol);
	if (!err)
		err = apply_relocations(mod, info);
	if (!err)
		err = setup_sections(info, mod);
	if (!err)
		err = setup_ctors(info, mod);
	if (!err)
		err = verify_export_symbols(mod);
	if (!err)
		err = module_kallsyms_init(mod, info);
	if (err)
		goto fail;
	if (info->index.pcpu)
		copy_percpu(info, mod);
	err = parse_args(mod->name, mod->args, mod->kp, mod->num_kp, NULL);
	if (err)
		goto fail;
	set_layout_permissions(&mod->core_layout);
	set_layout_permissions(&mod->init_layout);
	*modp = mod;
	return 0;
fail:
	unwind_load(info, mod, percpu);
	return err;
}

static void report_init_result(struct module *mod, int ret)
{
	if (ret > 0)
		pr_warn("%s: init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, ret);
	else
		pr_warn("%s: init failed with error %d: unloading\n", mod->name, ret);
}

/*
 * Run its constructors (as Linux with CONFIG_CONSTRUCTORS; in a KASAN
 * kernel they register its globals' red zones), then init, in a task of
 * their own; on success the module is live and its init memory gone.
 * Not inlined: a debugger stops here to load the module's symbols before
 * its init runs (tools/gdb/mica-modules.py).
 */
static noinline int do_init_module(struct module *mod)
{
	struct module_call call = { .mod = mod, .init = mod->init };
	bool returned;
	int err;

	if (!mod->init && !mod->num_ctors) {
		WRITE_ONCE(mod->state, MODULE_STATE_LIVE);
		free_module_init(mod);
		return 0;
	}
	returned = run_in_task(&call, "insmod", &err);
	kfree(mod->ctors);		/* they run once */
	mod->ctors = NULL;
	mod->num_ctors = 0;
	if (!returned) {
		mutex_lock(&module_mutex);
		if (err) {			/* no task to run it in */
			WRITE_ONCE(mod->state, MODULE_STATE_GOING);
			mutex_unlock(&module_mutex);
			free_module(mod, "its init could not run", true);
			return err;
		}
		WRITE_ONCE(mod->state, MODULE_STATE_FAILED);
		mutex_unlock(&module_mutex);
		pr_err("%s: init oopsed: the module is left in state Failed; "
		       "'rmmod %s' removes it (its exit is not called)\n", mod->name, mod->name);
		module_track_report(mod, "after its init oopsed");
		return -EFAULT;
	}
	if (call.ret) {
		report_init_result(mod, call.ret);
		WRITE_ONCE(mod->state, MODULE_STATE_GOING);
		free_module(mod, "after its init failed", true);
		return call.ret < 0 ? call.ret : -EINVAL;
	}
	WRITE_ONCE(mod->state, MODULE_STATE_LIVE);
	free_module_init(mod);
	return 0;
}

int load_module(void *image, unsigned long len, const char *args, const char *filename,
		struct module **modp)
{
	struct load_info info = { .hdr = image, .len = len, .name = filename };
	struct module *mod;
	const char *slash;
	int err;

	module_free_kept();
	slash = strrchr(filename, '/');
	if (slash)
		info.name = slash + 1;
	mutex_lock(&module_mutex);
	err = prepare_module(&info, args ? args : "", filename, &mod);
	if (err) {
		mutex_unlock(&module_mutex);
		return err;
	}
	apply_module_taints(mod, &info);
	mod->state = MODULE_STATE_COMING;
	link_module(mod);
	mutex_unlock(&module_mutex);

	err = do_init_module(mod);
	if (modp)
		*modp = err && err != -EFAULT ? NULL : mod;
	return err;
}

int delete_module(const char *name)
{
	struct module_call call = { 0 };
	struct module *mod;
	bool failed;
	int err;

	module_free_kept();
	mutex_lock(&module_mutex);
	mod = find_module(name);
	if (!mod) {
		mutex_unlock(&module_mutex);
		pr_err("rmmod: Module %s is not currently loaded\n", name);
		return -ENOENT;
	}
	err = module_check_unload(mod);
	if (err) {
		mutex_unlock(&module_mutex);
		return err;
	}
	failed = mod->state == MODULE_STATE_FAILED;
	WRITE_ONCE(mod->state, MODULE_STATE_GOING);
	mutex_unlock(&module_mutex);

	if (!failed && mod->exit) {
		call.mod = mod;
		call.exit = mod->exit;
		if (!run_in_task(&call, "rmmod", &err)) {
			mutex_lock(&module_mutex);
			WRITE_ONCE(mod->state, err ? MODULE_STATE_LIVE : MODULE_STATE_FAILED);
			mutex_unlock(&module_mutex);
			if (err)
				return err;
			pr_err("%s: exit oopsed: the module is left in state Failed; "
			       "'rmmod %s' removes it\n", mod->name, mod->name);
			return -EFAULT;
		}
	}
	snprintf(last_unloaded, sizeof(last_unloaded), "%s", mod->name);
	free_module(mod, failed ? "removed after a failure" : "on rmmod", true);
	return 0;
}

/* Checks of delete_module(), Linux's order; module_mutex held. */
int module_check_unload(struct module *mod)
{
	struct module_use *use;

	if (!list_empty(&mod->source_list)) {
		char users[128];
		size_t n = 0;

		list_for_each_entry(use, &mod->source_list, source_list)
			n += scnprintf(users + n, sizeof(users) - n, "%s%s", n ? " " : "",
				       use->source->name);
		pr_err("rmmod: Module %s is in use by: %s\n", mod->name, users);
		return -EWOULDBLOCK;
	}
	switch (mod->state) {
	case MODULE_STATE_COMING:
	case MODULE_STATE_UNFORMED:
		pr_err("rmmod: Module %s is still loading\n", mod->name);
		return -EBUSY;
	case MODULE_STATE_GOING:
		pr_err("rmmod: Module %s is already being removed\n", mod->name);
		return -EBUSY;
	case MODULE_STATE_FAILED:
		return 0;
	case MODULE_STATE_LIVE:
		break;
	}
	if (mod->init && !mod->exit) {
		pr_err("rmmod: Module %s has no exit function: it cannot be removed\n", mod->name);
		return -EBUSY;
	}
	if (module_refcount(mod)) {
		pr_err("rmmod: Module %s is in use\n", mod->name);
		return -EWOULDBLOCK;
	}
	return 0;
}

/* "(PO+)": the taints a module brought and its state, as Linux's module_flags. */
size_t module_flags(const struct module *mod, char *buf, bool with_state)
{
	size_t n = 0;
	unsigned int i;

	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		if (mod->taints & (1UL << i))
			buf[++n] = taint_letter(i);
	if (with_state && mod->state == MODULE_STATE_COMING)
		buf[++n] = '+';
	else if (with_state && mod->state == MODULE_STATE_GOING)
		buf[++n] = '-';
	else if (with_state && mod->state == MODULE_STATE_FAILED)
		buf[++n] = '!';
	if (n) {
		buf[0] = '(';
		buf[++n] = ')';
		n++;
	}
	buf[n] = '\0';
	return n;
}

void print_modules(void)
{
	char line[256], flags[TAINT_FLAGS_COUNT + 4];
	struct module *mod;
	unsigned long irqflags;
	size_t n;

	n = scnprintf(line, sizeof(line), "Modules linked in:");
	local_irq_save(irqflags);
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		module_flags(mod, flags, true);
		n += scnprintf(line + n, sizeof(line) - n, " %s%s", mod->name, flags);
	}
	local_irq_restore(irqflags);
	if (last_unloaded[0])
		n += scnprintf(line + n, sizeof(line) - n, " [last unloaded: %s]", last_unloaded);
	printk(KERN_DEFAULT "%s\n", line);
}
