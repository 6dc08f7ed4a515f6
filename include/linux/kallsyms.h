/* The kernel's own symbol table, for backtraces and %pS. */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 128

/*
 * Name of the function containing @addr, with the offset into it and its
 * size (to the next symbol); NULL when @addr is neither kernel text nor in
 * a loaded module (whose data symbols count too).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
/* The same, and the module's name in *@modname (NULL for the kernel). */
const char *kallsyms_lookup_module(unsigned long addr, unsigned long *size,
				   unsigned long *offset, const char **modname);
/* "name+0xoff/0xsize", "name+0xoff/0xsize [module]", or the bare address in hex. */
int sprint_symbol(char *buf, size_t len, unsigned long addr);
/* Address of the symbol called @name (kernel, then modules), or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
