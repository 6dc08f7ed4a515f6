/*
 * stop_machine(): run a function while every other online CPU spins with
 * interrupts off, so that nothing else runs while it changes what all of
 * them execute (text patching for static keys). Linux's interface; the
 * caller may sleep.
 *
 * Where Mica does less: @fn runs once, on the calling CPU (with interrupts
 * off there too), and @cpus must be NULL. The stopped CPUs execute an ISB
 * before they go on, so they refetch any instruction @fn rewrote.
 */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

#include <linux/smp.h>

typedef int (*cpu_stop_fn_t)(void *arg);

/* Returns what @fn returned. */
int stop_machine(cpu_stop_fn_t fn, void *data, const struct cpumask *cpus);

#endif
