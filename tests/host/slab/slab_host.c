/*
 * What the slab allocator needs on the host besides the page allocator's
 * simulator: symbol names for the callers in reports (the host's dynamic
 * symbol table: link with -rdynamic) and the console's shell_printf (into
 * the simulated kernel log, where the tests read it). Cross-CPU calls are
 * the simulator's (tests/host/sim/sim.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdarg.h>
#include <stdio.h>

/* The kernel's declarations (glibc's headers and the kernel's do not mix). */
int vprintk(const char *fmt, va_list args);
int sprint_symbol(char *buf, size_t len, unsigned long addr);
int shell_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	const ElfW(Sym) *sym = NULL;
	Dl_info info;

	if (dladdr1((void *)addr, &info, (void **)&sym, RTLD_DL_SYMENT) && info.dli_sname && sym)
		return snprintf(buf, len, "%s+%#lx/%#lx", info.dli_sname,
				addr - (unsigned long)info.dli_saddr, (unsigned long)sym->st_size);
	return snprintf(buf, len, "%#lx", addr);
}

int shell_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
