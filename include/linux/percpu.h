/*
 * Static per-CPU variables, as in the memory-and-DMA chapter: DEFINE_PER_CPU puts the
 * variable in the per-CPU template section; at boot setup_per_cpu_areas()
 * copies the template once per CPU and records each copy's distance from the
 * template in __per_cpu_offset[]. The current CPU's offset also lives in
 * TPIDRPRW (arch_my_cpu_offset), so this_cpu_* needs no CPU number lookup.
 * Dynamic allocation (alloc_percpu) lives in mm/percpu.c: the same
 * per_cpu_ptr/this_cpu_ptr/this_cpu_* work on what it returns (pass *ptr
 * where these take a variable, e.g. this_cpu_inc(*counter)).
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/preempt.h>
#include <asm/percpu.h>
#include <asm/irqflags.h>	/* this_cpu_* */

#ifndef NR_CPUS
#define NR_CPUS 4
#endif

#define PER_CPU_SECTION "percpu_data"
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)  __section(PER_CPU_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	__section(PER_CPU_SECTION) __typeof__(type) name __aligned(64)

extern unsigned long __per_cpu_offset[NR_CPUS];

/*
 * Hide pointer arithmetic from the optimiser: the result is another object,
 * and an ordinary pointer (a __percpu one must not be dereferenced as is).
 */
#define SHIFT_PERCPU_PTR(ptr, off) ({				\
	unsigned long __p;					\
	__asm__("" : "=r"(__p) : "0"((unsigned long __force)(ptr)));	\
	(__typeof__(*(ptr)) __kernel __force *)(__p + (off)); })

#define per_cpu_ptr(ptr, cpu)  SHIFT_PERCPU_PTR(ptr, __per_cpu_offset[(cpu)])
#define raw_cpu_ptr(ptr)       SHIFT_PERCPU_PTR(ptr, arch_my_cpu_offset())
#define this_cpu_ptr(ptr)      raw_cpu_ptr(ptr)
#define per_cpu(var, cpu)      (*per_cpu_ptr(&(var), cpu))
#define __this_cpu_read(var)   (*raw_cpu_ptr(&(var)))
#define __this_cpu_write(var, v) (*raw_cpu_ptr(&(var)) = (v))
/* Preemption (or interrupts) already off: no protection of their own. */
#define __this_cpu_add(var, v) (*raw_cpu_ptr(&(var)) += (v))
#define __this_cpu_sub(var, v) __this_cpu_add(var, -(v))
#define __this_cpu_inc(var)    __this_cpu_add(var, 1)
#define __this_cpu_dec(var)    __this_cpu_add(var, -1)

/* this_cpu_* are safe against preemption and interrupts, as in Linux. */
#define this_cpu_read(var) ({ __typeof__(var) __v; unsigned long __f;		\
	__f = arch_local_irq_save(); __v = *raw_cpu_ptr(&(var));		\
	arch_local_irq_restore(__f); __v; })
#define this_cpu_write(var, v) do { unsigned long __f = arch_local_irq_save();	\
	*raw_cpu_ptr(&(var)) = (v); arch_local_irq_restore(__f); } while (0)
#define this_cpu_add(var, v) do { unsigned long __f = arch_local_irq_save();	\
	*raw_cpu_ptr(&(var)) += (v); arch_local_irq_restore(__f); } while (0)
#define this_cpu_sub(var, v) this_cpu_add(var, -(v))
#define this_cpu_inc(var)    this_cpu_add(var, 1)
#define this_cpu_dec(var)    this_cpu_add(var, -1)

#define get_cpu_var(var) (*({ preempt_disable(); this_cpu_ptr(&(var)); }))
#define put_cpu_var(var) do { (void)&(var); preempt_enable(); } while (0)

/*
 * Dynamic per-CPU memory: one zeroed copy per possible CPU, reached with
 * per_cpu_ptr(ptr, cpu) or this_cpu_ptr(ptr). @align is a power of two up
 * to PAGE_SIZE; sleeps in Linux, so process context only.
 */
void __percpu *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) \
	((__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))
void free_percpu(void __percpu *ptr);
/* Pages of per-CPU units (static and dynamic chunks), for meminfo's Percpu. */
unsigned long pcpu_nr_pages(void);

/* Template section bounds and per-CPU area layout (linker script). */
extern char __per_cpu_start[], __per_cpu_end[];
void setup_per_cpu_areas(void);

#endif
