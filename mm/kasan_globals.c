/*
 * KASAN and global variables. GCC describes each instrumented file's
 * globals in an array (struct kasan_global) and gives the file a
 * constructor that passes it to __asan_register_globals: each variable
 * gets a red zone after it, and reports name the variable an address
 * belongs to. The kernel's constructors run once at boot (do_ctors); a
 * module's run when it is loaded, before its init (kernel/module/main.c),
 * and its arrays are forgotten when its memory is freed.
 *
 * Reports on any CPU look the table up while a module on another may be
 * leaving it: globals_lock, with interrupts off, orders the two.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <asm/spinlock.h>
#include "kasan.h"

/* Enough for the kernel's files (under 200) and many modules'. */
#define MAX_GLOBAL_SETS 512
static struct {
	const struct kasan_global *globals;
	size_t n;
} global_sets[MAX_GLOBAL_SETS];
static unsigned int nr_global_sets;
static arch_spinlock_t globals_lock = __ARCH_SPIN_LOCK_UNLOCKED;

void __asan_register_globals(struct kasan_global *globals, size_t n);
void __asan_register_globals(struct kasan_global *globals, size_t n)
{
	unsigned long flags;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct kasan_global *g = &globals[i];
		size_t used = ALIGN(g->size, KASAN_GRANULE_SIZE);

		kasan_unpoison(g->beg, g->size);
		kasan_poison((const char *)g->beg + used, g->size_with_redzone - used,
			     KASAN_GLOBAL_REDZONE);
	}
	local_irq_save(flags);
	arch_spin_lock(&globals_lock);
	if (nr_global_sets < MAX_GLOBAL_SETS) {
		global_sets[nr_global_sets].globals = globals;
		global_sets[nr_global_sets].n = n;
		nr_global_sets++;
	}
	arch_spin_unlock(&globals_lock);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(__asan_register_globals);

/*
 * What GCC's destructors call. Nothing runs them: the kernel's globals
 * live as long as it does, and a module's are forgotten with its memory
 * (kasan_forget_globals), however it leaves. Exported because every
 * instrumented module refers to it.
 */
void __asan_unregister_globals(struct kasan_global *globals, size_t n);
void __asan_unregister_globals(struct kasan_global *globals, size_t n)
{
}
EXPORT_SYMBOL(__asan_unregister_globals);

void kasan_forget_globals(const void *start, size_t size)
{
	unsigned long flags;
	unsigned int s, kept = 0;

	local_irq_save(flags);
	arch_spin_lock(&globals_lock);
	for (s = 0; s < nr_global_sets; s++)
		if ((unsigned long)global_sets[s].globals - (unsigned long)start >= size)
			global_sets[kept++] = global_sets[s];
	nr_global_sets = kept;
	arch_spin_unlock(&globals_lock);
	local_irq_restore(flags);
}

/* globals_lock held. */
static const struct kasan_global *find_global(unsigned long addr)
{
	unsigned int s;
	size_t i;

	for (s = 0; s < nr_global_sets; s++) {
		for (i = 0; i < global_sets[s].n; i++) {
			const struct kasan_global *g = &global_sets[s].globals[i];
			unsigned long beg = (unsigned long)g->beg;

			if (addr >= beg && addr < beg + g->size_with_redzone)
				return g;
		}
	}
	return NULL;
}

bool kasan_print_global(unsigned long addr, char *name, size_t len)
{
	const struct kasan_global *g;
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&globals_lock);
	g = find_global(addr);
	if (g) {
		pr_err("The buggy address belongs to the variable:\n");
		pr_err(" %s+0x%lx/0x%zx", g->name, addr - (unsigned long)g->beg, g->size);
		if (g->location)
			pr_cont(" (%s:%d)", g->location->filename, g->location->line);
		pr_cont("\n\n");
		if (name)
			snprintf(name, len, "%s", g->name);
	}
	arch_spin_unlock(&globals_lock);
	local_irq_restore(flags);
	return g != NULL;
}
