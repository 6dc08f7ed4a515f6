/*
 * Symbol resolution for modules: the kernel's export table (EXPORT_SYMBOL,
 * linux/export.h), sorted by name once, and the tables of live modules.
 * A module that resolves a symbol of another module depends on it: the
 * dependency is recorded both ways and holds a reference, so the used
 * module cannot be removed first.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <stdlib.h>
#include <string.h>
#include <mica/module_track.h>
#include "internal.h"

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

/* Every kernel export, sorted by name; the GPL ones have gpl set. */
struct ksym_ref {
	const struct kernel_symbol *sym;
	bool gpl;
};
static struct ksym_ref *kernel_index;
static unsigned int kernel_index_len;

static int cmp_ref(const void *a, const void *b)
{
	return strcmp(((const struct ksym_ref *)a)->sym->name,
		      ((const struct ksym_ref *)b)->sym->name);
}

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct ksym_ref *)elem)->sym->name);
}

/* Built at boot (and retried on first use if that failed); module_mutex held after boot. */
static int build_kernel_index(void)
{
	unsigned int n = __stop___ksymtab - __start___ksymtab;
	unsigned int ngpl = __stop___ksymtab_gpl - __start___ksymtab_gpl, i;
	struct ksym_ref *index;

	if (kernel_index)
		return 0;
	index = kmalloc_array(n + ngpl, sizeof(*index), GFP_KERNEL);
	if (!index)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		index[i] = (struct ksym_ref){ &__start___ksymtab[i], false };
	for (i = 0; i < ngpl; i++)
		index[n + i] = (struct ksym_ref){ &__start___ksymtab_gpl[i], true };
	qsort(index, n + ngpl, sizeof(*index), cmp_ref);
	kernel_index = index;
	kernel_index_len = n + ngpl;
	return 0;
}

static int __init kernel_index_init(void)
{
	return build_kernel_index();
}
core_initcall(kernel_index_init);

static const struct kernel_symbol *search_table(const struct kernel_symbol *syms,
						unsigned int n, const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(syms[i].name, name))
			return &syms[i];
	return NULL;
}

/*
 * The export called @name: kernel first, then the modules that are live
 * (or loading, for their own sake: @self is skipped). *@owner is NULL for
 * the kernel; *@gpl tells a GPL-only export.
 */
static const struct kernel_symbol *find_symbol(const char *name, const struct module *self,
					       struct module **owner, bool *gpl)
{
	const struct ksym_ref *ref = NULL;
	const struct kernel_symbol *sym;
	struct module *mod;

	if (kernel_index)
		ref = bsearch(name, kernel_index, kernel_index_len, sizeof(*ref), cmp_name);
	if (ref) {
		*owner = NULL;
		*gpl = ref->gpl;
		return ref->sym;
	}
	list_for_each_entry(mod, &modules, list) {
		if (mod == self || mod->state != MODULE_STATE_LIVE)
			continue;
		*owner = mod;
		*gpl = false;
		sym = search_table(mod->syms, mod->num_syms, name);
		if (sym)
			return sym;
		*gpl = true;
		sym = search_table(mod->gpl_syms, mod->num_gpl_syms, name);
		if (sym)
			return sym;
	}
	return NULL;
}

static bool already_uses(struct module *a, struct module *b)
{
	struct module_use *use;

	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return true;
	return false;
}

/* @a uses @b: recorded once, holding a reference on @b. */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	if (already_uses(a, b))
		return 0;
	if (!try_module_get(b))
		return -ENOENT;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use) {
		module_put(b);
		return -ENOMEM;
	}
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

void module_unuse_all(struct module *mod)
{
	struct module_use *use, *tmp;

	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		module_put(use->target);
		kfree(use);
	}
}

unsigned long resolve_symbol(struct module *mod, const struct load_info *info,
			     const char *name, int *err)
{
	const struct kernel_symbol *sym;
	struct module *owner;
	bool gpl;

	*err = build_kernel_index();
	if (*err)
		return 0;
	sym = find_symbol(name, mod, &owner, &gpl);
	if (!sym) {
		*err = -ENOENT;
		return 0;
	}
	if (gpl && !mod->gpl_compatible) {
		pr_warn("%s: Unknown symbol %s (err %d): it is exported GPL-only and the module's license is not GPL-compatible\n",
			mod->name, name, -EPERM);
		*err = -EPERM;
		return 0;
	}
	if (owner) {
		*err = ref_module(mod, owner);
		if (*err)
			return 0;
		return sym->value;
	}
	return module_track_entry(mod, sym->value);
}

/* A module's export table entries name strings inside its own read-only memory. */
static bool sane_name(const struct module *mod, const char *name)
{
	unsigned long base = (unsigned long)mod->core_layout.base;
	unsigned long addr = (unsigned long)name;

	return addr - base < mod->core_layout.ro_size &&
	       memchr(name, '\0', base + mod->core_layout.ro_size - addr);
}

static int check_exports(struct module *mod, const struct kernel_symbol *syms, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct kernel_symbol *other;
		struct module *owner;
		bool gpl;

		if (!sane_name(mod, syms[i].name)) {
			pr_err("%s: export table entry %u has a bad name pointer\n", mod->name, i);
			return -ENOEXEC;
		}
		other = find_symbol(syms[i].name, mod, &owner, &gpl);
		if (other) {
			pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name,
			       syms[i].name, module_name(owner));
			return -ENOEXEC;
		}
	}
	return 0;
}

int verify_export_symbols(struct module *mod)
{
	int err = build_kernel_index();

	if (!err)
		err = check_exports(mod, mod->syms, mod->num_syms);
	if (!err)
		err = check_exports(mod, mod->gpl_syms, mod->num_gpl_syms);
	return err;
}

/* The licenses Linux's license_is_gpl_compatible() accepts. */
bool license_is_gpl_compatible(const char *license)
{
	static const char *const gpl[] = {
		"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL",
		"Dual MPL/GPL",
	};
	unsigned int i;

	for (i = 0; license && i < ARRAY_SIZE(gpl); i++)
		if (!strcmp(license, gpl[i]))
			return true;
	return false;
}
