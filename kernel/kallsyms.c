/*
 * Symbol lookup over the table tools/kallsyms.py links into the kernel,
 * and over the symbols of loaded modules (kernel/module/kallsyms.c).
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <string.h>
#include "module/internal.h"

extern const u32 kallsyms_num;
extern const u32 kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern char _stext[], _etext[], _sinittext[], _einittext[];

static bool is_kernel_text(unsigned long addr)
{
	return (addr >= (unsigned long)_stext && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)_sinittext && addr < (unsigned long)_einittext);
}

/* Module symbols: the walk keeps interrupts off (kernel/module/main.c). */
static const char *module_lookup(unsigned long addr, unsigned long *size,
				 unsigned long *offset, const char **modname)
{
	const char *name = NULL;
	struct module *mod;
	unsigned long flags;

	local_irq_save(flags);
	mod = __module_address(addr);
	if (mod) {
		name = module_kallsyms_lookup(mod, addr, size, offset, false);
		if (modname)
			*modname = mod->name;
	}
	local_irq_restore(flags);
	return name;
}

const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname)
{
	u32 lo = 0, hi = kallsyms_num;

	if (modname)
		*modname = NULL;
	if (!is_kernel_text(addr))
		return module_lookup(addr, size, offset, modname);
	if (kallsyms_num == 0 || addr < kallsyms_addresses[0])
		return NULL;
	while (hi - lo > 1) {		/* last symbol starting at or below addr */
		u32 mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Several names may share an address: report the last one's size. */
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	if (size) {
		unsigned long end = lo + 1 < kallsyms_num ? kallsyms_addresses[lo + 1]
							  : (unsigned long)_etext;
		*size = end - kallsyms_addresses[lo];
	}
	return kallsyms_names + kallsyms_name_offsets[lo];
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	return kallsyms_lookup_module(addr, size, offset, NULL);
}

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *modname;
	const char *name = kallsyms_lookup_module(addr, &size, &offset, &modname);

	if (!name)
		return snprintf(buf, len, "0x%08lx", addr);
	if (modname)
		return snprintf(buf, len, "%s+0x%lx/0x%lx [%s]", name, offset, size, modname);
	return snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
}
EXPORT_SYMBOL_GPL(sprint_symbol);

unsigned long kallsyms_lookup_name(const char *name)
{
	for (u32 i = 0; i < kallsyms_num; i++)
		if (strcmp(kallsyms_names + kallsyms_name_offsets[i], name) == 0)
			return kallsyms_addresses[i];
	return module_kallsyms_lookup_name(name);
}
EXPORT_SYMBOL_GPL(kallsyms_lookup_name);
