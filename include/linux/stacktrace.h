/* Saving the current call chain (Linux's stack_trace_save family). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

struct pt_regs;

/*
 * Store up to @size return addresses of the caller's call chain, caller
 * first, after skipping @skipnr entries. Returns how many were stored.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);
/* The same from the state an exception saved: @regs's pc first. */
unsigned int stack_trace_save_regs(struct pt_regs *regs, unsigned long *store,
				   unsigned int size, unsigned int skipnr);

#endif
