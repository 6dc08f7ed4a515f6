/*
 * Exporting symbols to modules (Linux's export.h). EXPORT_SYMBOL(sym)
 * puts { &sym, "sym" } into the __ksymtab section, EXPORT_SYMBOL_GPL into
 * __ksymtab_gpl; the linker gathers the kernel's into one table
 * (linker.ld), a module's stay in its .ko for the loader. Only exported
 * symbols resolve when a module is loaded; GPL ones only for modules whose
 * license is GPL-compatible. EXPORT_PER_CPU_SYMBOL exports a per-CPU
 * variable's template address, which per_cpu()/this_cpu_ptr() offset.
 *
 * The kernel's Module.symvers (build/<board>/Module.symvers) is built from
 * these sections; an out-of-tree build checks its unresolved symbols
 * against it. Less than Linux: no symbol CRCs (CONFIG_MODVERSIONS): the
 * version magic covers the kernel's headers instead (linux/vermagic.h).
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
};

struct module;
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#define __EXPORT_SYMBOL(sym, sec)						\
	extern __typeof__(sym) sym;						\
	static const char __kstrtab_##sym[]					\
	__section("__ksymtab_strings") __aligned(1) = #sym;			\
	static const struct kernel_symbol __ksymtab_##sym			\
	__used __section("__ksymtab" sec) __aligned(4) =			\
		{ (unsigned long)&sym, __kstrtab_##sym }

#define EXPORT_SYMBOL(sym)		__EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym)		__EXPORT_SYMBOL(sym, "_gpl")
#define EXPORT_PER_CPU_SYMBOL(var)	EXPORT_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)	EXPORT_SYMBOL_GPL(var)

#endif
