/*
 * KFENCE's reports, in Linux's format: the kind and where, the faulting
 * access's stack, the object (its bounds, size and cache) with its
 * allocation and free, and the CPU's registers. Reports are serialized;
 * one made while this CPU reports (a fault in the report) is dropped.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/irqflags.h>
#include <string.h>
#include <asm/ptrace.h>
#include <asm/spinlock.h>
#include <asm/traps.h>
#include "kfence.h"
#include "slab.h"

atomic_t kfence_nr_reports;
enum kfence_error kfence_last_error;

static arch_spinlock_t report_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int reporting_cpu = -1;

/* Functions a stack starts with before it reaches the allocator's caller. */
static const char *const internal_prefixes[] = {
	"kfence_", "__kfence_", "slab_", "free_one", "kfree", "kmem_cache_alloc",
	"kmem_cache_free", "__kmalloc", "kmalloc_sampled", "krealloc",
};

unsigned int kfence_skip_internal(const unsigned long *entries, unsigned int nr)
{
	unsigned int i, j;

	for (i = 0; i < nr; i++) {
		const char *name = kallsyms_lookup(entries[i], NULL, NULL);

		for (j = 0; name && j < ARRAY_SIZE(internal_prefixes); j++)
			if (!strncmp(name, internal_prefixes[j], strlen(internal_prefixes[j])))
				break;
		if (!name || j == ARRAY_SIZE(internal_prefixes))
			break;
	}
	return i < nr ? i : 0;
}

static void print_stack(const unsigned long *entries, unsigned int nr)
{
	char sym[KSYM_NAME_LEN + 32];
	unsigned int i;

	for (i = 0; i < nr; i++) {
		sprint_symbol(sym, sizeof(sym), entries[i]);
		pr_err(" %s\n", sym);
	}
}

static void print_track(const char *what, const struct kfence_track *t)
{
	u64 ts = t->ts_nsec;
	unsigned long rem = (unsigned long)(ts % 1000000000ULL) / 1000;

	pr_err("%s by task %d on cpu %d at %lu.%06lus:\n", what, t->pid, t->cpu,
	       (unsigned long)(ts / 1000000000ULL), rem);
	print_stack(t->stack, t->nr_entries);
}

static void print_object(const struct kfence_metadata *meta)
{
	pr_err("kfence-#%u: 0x%08lx-0x%08lx, size=%zu, cache=%s\n", kfence_object_index(meta),
	       meta->addr, meta->addr + meta->size - 1, meta->size,
	       meta->cache ? meta->cache->name : "(destroyed)");
	pr_err("\n");
	print_track("allocated", &meta->alloc_track);
	if (meta->state == KFENCE_OBJECT_FREED) {
		pr_err("\n");
		print_track("freed", &meta->free_track);
	}
}

/* "(1B right of kfence-#3)", "(in kfence-#3)". */
static void where(char *buf, size_t len, unsigned long addr, const struct kfence_metadata *meta)
{
	if (!meta)
		snprintf(buf, len, "(in the pool)");
	else if (addr < meta->addr)
		snprintf(buf, len, "(%luB left of kfence-#%u)", meta->addr - addr,
			 kfence_object_index(meta));
	else if (addr >= meta->addr + meta->size)
		snprintf(buf, len, "(%luB right of kfence-#%u)", addr - (meta->addr + meta->size) + 1,
			 kfence_object_index(meta));
	else
		snprintf(buf, len, "(in kfence-#%u)", kfence_object_index(meta));
}

void kfence_report_error(unsigned long addr, bool is_write, struct pt_regs *regs,
			 const struct kfence_metadata *meta, enum kfence_error type)
{
	const char *rw = is_write ? "write" : "read";
	unsigned long entries[KFENCE_STACK_DEPTH], flags;
	unsigned int nr, skip;
	char at[48];
	int cpu;

	local_irq_save(flags);
	cpu = (int)raw_smp_processor_id();
	if (READ_ONCE(reporting_cpu) == cpu) {
		local_irq_restore(flags);
		return;
	}
	arch_spin_lock(&report_lock);
	WRITE_ONCE(reporting_cpu, cpu);
	if (regs) {
		nr = stack_trace_save_regs(regs, entries, KFENCE_STACK_DEPTH, 0);
		skip = 0;
	} else {
		nr = stack_trace_save(entries, KFENCE_STACK_DEPTH, 1);
		skip = kfence_skip_internal(entries, nr);
	}
	while (nr > skip && !entries[nr - 1])	/* a kernel thread's chain ends in 0 */
		nr--;
	where(at, sizeof(at), addr, meta);

	pr_err("==================================================================\n");
	switch (type) {
	case KFENCE_ERROR_OOB:
		pr_err("BUG: KFENCE: out-of-bounds %s in %pS\n\n", rw, (void *)entries[skip]);
		pr_err("Out-of-bounds %s at 0x%08lx %s:\n", rw, addr, at);
		break;
	case KFENCE_ERROR_UAF:
		pr_err("BUG: KFENCE: use-after-free %s in %pS\n\n", rw, (void *)entries[skip]);
		pr_err("Use-after-free %s at 0x%08lx %s:\n", rw, addr, at);
		break;
	case KFENCE_ERROR_CORRUPTION:
		pr_err("BUG: KFENCE: memory corruption in %pS\n\n", (void *)entries[skip]);
		pr_err("Corrupted memory at 0x%08lx [ 0x%02x ] %s:\n", addr, *(u8 *)addr, at);
		break;
	case KFENCE_ERROR_INVALID:
		pr_err("BUG: KFENCE: invalid %s in %pS\n\n", rw, (void *)entries[skip]);
		pr_err("Invalid %s at 0x%08lx:\n", rw, addr);
		break;
	case KFENCE_ERROR_INVALID_FREE:
		pr_err("BUG: KFENCE: invalid free in %pS\n\n", (void *)entries[skip]);
		pr_err("Invalid free of 0x%08lx %s:\n", addr, at);
		break;
	}
	print_stack(entries + skip, nr - skip);
	if (meta) {
		pr_err("\n");
		print_object(meta);
	}
	pr_err("\n");
	if (regs)
		__show_regs(regs);
	else
		dump_stack_print_info(KERN_ERR);
	pr_err("==================================================================\n");
	kfence_last_error = type;
	atomic_inc(&kfence_nr_reports);
	atomic_inc(&kfence_counters[KFENCE_COUNTER_BUGS]);
	WRITE_ONCE(reporting_cpu, -1);
	arch_spin_unlock(&report_lock);
	local_irq_restore(flags);
	add_taint(TAINT_BAD_PAGE, LOCKDEP_STILL_OK);	/* "B", as Linux */
}
