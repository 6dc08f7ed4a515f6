/*
 * Module symbols for kallsyms: backtraces, %pS and oopses name module code
 * "fn+0x1c/0x80 [hello]". At load every function and object symbol of the
 * module's loaded sections is copied into one table sorted by address;
 * the init part's symbols are dropped when init memory is freed.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct mod_sym {
	unsigned long addr;
	unsigned long size;
	const char *name;
	bool init;
	bool percpu;		/* a per-CPU variable: addr is its __percpu pointer */
};

struct mod_kallsyms {
	unsigned int num;
	bool init_dropped;
	struct mod_sym syms[];		/* then the names */
};

/* Functions and objects with a real name ($a/$d are ARM mapping symbols). */
static bool wanted(const struct load_info *info, const Elf32_Sym *sym)
{
	const char *name = symbol_name(info, sym);
	unsigned int type = ELF_ST_TYPE(sym->st_info);

	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= info->hdr->e_shnum ||
	    (!(info->sechdrs[sym->st_shndx].sh_flags & SHF_ALLOC) &&
	     sym->st_shndx != info->index.pcpu))
		return false;
	if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE)
		return false;
	return name[0] && name[0] != '$' && strncmp(name, ".L", 2);
}

/* The aliases module_init/module_exit make, which the function's own name should win over. */
static bool is_alias(const char *name)
{
	return !strcmp(name, "init_module") || !strcmp(name, "cleanup_module");
}

/* By address; at one address aliases first, as a lookup takes the last. */
static int cmp_addr(const void *a, const void *b)
{
	const struct mod_sym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return is_alias(y->name) - is_alias(x->name);
}

int module_kallsyms_init(struct module *mod, const struct load_info *info)
{
	unsigned int i, num = 0;
	size_t names = 0;
	struct mod_kallsyms *ks;
	char *p;

	for (i = 1; i < info->num_syms; i++)
		if (wanted(info, &info->syms[i])) {
			num++;
			names += strlen(symbol_name(info, &info->syms[i])) + 1;
		}
	ks = kmalloc(sizeof(*ks) + num * sizeof(ks->syms[0]) + names, GFP_KERNEL);
	if (!ks)
		return -ENOMEM;
	ks->num = num;
	ks->init_dropped = false;
	p = (char *)&ks->syms[num];
	for (i = 1, num = 0; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];
		const Elf32_Shdr *sec;

		if (!wanted(info, sym))
			continue;
		sec = &info->sechdrs[sym->st_shndx];
		ks->syms[num].addr = sym->st_value & ~1UL;	/* Thumb bit */
		ks->syms[num].size = sym->st_size;
		ks->syms[num].percpu = info->index.pcpu && sym->st_shndx == info->index.pcpu;
		ks->syms[num].init = !ks->syms[num].percpu && (sec->sh_entsize & INIT_OFFSET_MASK);
		ks->syms[num].name = strcpy(p, symbol_name(info, sym));
		p += strlen(p) + 1;
		num++;
	}
	qsort(ks->syms, num, sizeof(ks->syms[0]), cmp_addr);
	mod->kallsyms = ks;
	return 0;
}

void module_kallsyms_drop_init(struct module *mod)
{
	if (mod->kallsyms)
		WRITE_ONCE(mod->kallsyms->init_dropped, true);
}

void module_kallsyms_free(struct module *mod)
{
	kfree(mod->kallsyms);
	mod->kallsyms = NULL;
}

const char *module_kallsyms_lookup(struct module *mod, unsigned long addr,
				   unsigned long *size, unsigned long *offset, bool with_init)
{
	const struct mod_kallsyms *ks = READ_ONCE(mod->kallsyms);
	const struct mod_sym *best = NULL;
	unsigned long end = 0;
	unsigned int i;

	if (!ks)
		return NULL;
	for (i = 0; i < ks->num; i++) {
		const struct mod_sym *s = &ks->syms[i];

		if ((s->init && READ_ONCE(ks->init_dropped) && !with_init) || s->percpu)
			continue;
		if (s->addr > addr) {
			end = s->addr;
			break;
		}
		best = s;
	}
	if (!best)
		return NULL;
	/* Past a symbol with a known size and before the next: not inside anything. */
	if (best->size && addr >= best->addr + best->size)
		return NULL;
	if (offset)
		*offset = addr - best->addr;
	if (size)
		*size = best->size ? best->size : (end ? end : addr + 1) - best->addr;
	return best->name;
}

unsigned long module_kallsyms_lookup_name(const char *name)
{
	struct module *mod;
	unsigned long flags, addr = 0;
	unsigned int i;

	local_irq_save(flags);
	list_for_each_entry(mod, &modules, list) {
		const struct mod_kallsyms *ks = mod->kallsyms;

		for (i = 0; ks && i < ks->num && !addr; i++)
			if (!strcmp(ks->syms[i].name, name) &&
			    !(ks->syms[i].init && ks->init_dropped))
				addr = ks->syms[i].addr;
		if (addr)
			break;
	}
	local_irq_restore(flags);
	return addr;
}
