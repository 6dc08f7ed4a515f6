/*
 * What the slab allocator needs on the host besides the page allocator's
 * simulator: symbol names for the callers in reports (the host's dynamic
 * symbol table: link with -rdynamic), the console's shell_printf (into
 * the simulated kernel log, where the tests read it), and cross-CPU calls.
 * The simulator has no interrupts between its CPUs: on_each_cpu runs the
 * function in the calling thread as each CPU in turn, which is faithful
 * while no other thread runs as one of them (the tests make sure).
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
void on_each_cpu(void (*func)(void *info), void *info, int wait);
extern __thread unsigned long sim_cpu_offset, sim_cpsr;
extern unsigned long __per_cpu_offset[];

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

void on_each_cpu(void (*func)(void *info), void *info, int wait)
{
	unsigned long offset = sim_cpu_offset, cpsr = sim_cpsr;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		sim_cpu_offset = __per_cpu_offset[cpu];
		sim_cpsr = 0x80;	/* interrupts off, as in the IPI handler */
		func(info);
	}
	sim_cpu_offset = offset;
	sim_cpsr = cpsr;
}
