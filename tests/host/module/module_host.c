/*
 * What the loader's pure parts need on the host, and the ELF builder
 * (module_host.h). printk is the simulated machine's (tests/host/sim/log.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <string.h>
#include "module_host.h"

/* glibc's, which the kernel headers keep out of sight. */
extern void *mmap(void *addr, unsigned long len, int prot, int flags, int fd, long off);
extern int munmap(void *addr, unsigned long len);
extern void abort(void);
#define PROT_RW		3
#define MAP_ANON_PRIV	0x22
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_FAILED	((void *)-1)

/* ---- the builder ---- */

static unsigned int add_string(char *tab, size_t *len, size_t cap, const char *s)
{
	unsigned int off = *len;
	size_t n = strlen(s) + 1;

	if (*len + n > cap)
		abort();
	memcpy(tab + *len, s, n);
	*len += n;
	return off;
}

static void append(struct ko *k, const void *data, size_t size, unsigned int align)
{
	k->len = ALIGN(k->len, align ? align : 1);
	if (k->len + size > sizeof(k->buf))
		abort();
	if (data)
		memcpy(k->buf + k->len, data, size);
	k->len += size;
}

unsigned int ko_section(struct ko *k, const char *name, unsigned int type, unsigned int flags,
			const void *data, size_t size, unsigned int align)
{
	Elf32_Shdr *s = &k->sh[k->nsh];

	if (k->nsh + 4 >= ARRAY_SIZE(k->sh))
		abort();
	memset(s, 0, sizeof(*s));
	s->sh_name = add_string(k->shstr, &k->shstr_len, sizeof(k->shstr), name);
	s->sh_type = type;
	s->sh_flags = flags;
	s->sh_size = size;
	s->sh_addralign = align;
	if (type != SHT_NOBITS) {
		append(k, data, size, align ? align : 1);
		s->sh_offset = k->len - size;
	}
	return k->nsh++;
}

unsigned int ko_symbol(struct ko *k, const char *name, unsigned int value, unsigned int size,
		       unsigned char info, unsigned short shndx)
{
	Elf32_Sym *s = &k->sym[k->nsym];

	if (k->nsym >= ARRAY_SIZE(k->sym))
		abort();
	s->st_name = name[0] ? add_string(k->str, &k->str_len, sizeof(k->str), name) : 0;
	s->st_value = value;
	s->st_size = size;
	s->st_info = info;
	s->st_other = 0;
	s->st_shndx = shndx;
	return k->nsym++;
}

unsigned int ko_rel(struct ko *k, unsigned int target, const Elf32_Rel *rel, unsigned int n)
{
	char name[64];
	unsigned int i;

	snprintf(name, sizeof(name), ".rel%s", k->shstr + k->sh[target].sh_name);
	i = ko_section(k, name, SHT_REL, 0, rel, n * sizeof(*rel), 4);
	k->sh[i].sh_info = target;
	k->sh[i].sh_entsize = sizeof(Elf32_Rel);
	k->sh[i].sh_link = ~0U;		/* the symbol table, once ko_finish knows its index */
	return i;
}

void ko_init(struct ko *k, const char *name, const char *license, const char *vermagic)
{
	struct module m;
	char info[256];
	size_t n;

	memset(k, 0, sizeof(*k));
	k->len = sizeof(Elf32_Ehdr);
	k->shstr_len = 1;		/* "" first */
	k->str_len = 1;
	ko_section(k, "", SHT_NULL, 0, NULL, 0, 0);
	ko_symbol(k, "", 0, 0, 0, SHN_UNDEF);
	memset(&m, 0, sizeof(m));
	snprintf(m.name, sizeof(m.name), "%s", name);
	ko_section(k, MODULE_THIS_SECTION, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, &m, sizeof(m), 4);
	n = snprintf(info, sizeof(info), "license=%s", license) + 1;
	n += snprintf(info + n, sizeof(info) - n, "vermagic=%s", vermagic) + 1;
	ko_section(k, ".modinfo", SHT_PROGBITS, SHF_ALLOC, info, n, 1);
}

size_t ko_finish(struct ko *k)
{
	Elf32_Ehdr *h = (Elf32_Ehdr *)k->buf;
	unsigned int i, nsh;

	k->strtab = k->nsh + 1;
	k->symtab = ko_section(k, ".symtab", SHT_SYMTAB, 0, k->sym, k->nsym * sizeof(Elf32_Sym), 4);
	k->sh[k->symtab].sh_entsize = sizeof(Elf32_Sym);
	k->sh[k->symtab].sh_link = k->strtab;
	ko_section(k, ".strtab", SHT_STRTAB, 0, k->str, k->str_len, 1);
	/* Its own name goes in before its contents are copied. */
	k->shstrtab = ko_section(k, ".shstrtab", SHT_STRTAB, 0, NULL, 0, 1);
	k->sh[k->shstrtab].sh_offset = k->len;
	k->sh[k->shstrtab].sh_size = k->shstr_len;
	append(k, k->shstr, k->shstr_len, 1);
	nsh = k->nsh;
	for (i = 0; i < nsh; i++)
		if (k->sh[i].sh_type == SHT_REL)
			k->sh[i].sh_link = k->symtab;
	append(k, k->sh, nsh * sizeof(Elf32_Shdr), 4);
	memset(h, 0, sizeof(*h));
	memcpy(h->e_ident, ELFMAG, SELFMAG);
	h->e_ident[EI_CLASS] = ELFCLASS32;
	h->e_ident[EI_DATA] = ELFDATA2LSB;
	h->e_ident[EI_VERSION] = EV_CURRENT;
	h->e_type = ET_REL;
	h->e_machine = EM_ARM;
	h->e_version = EV_CURRENT;
	h->e_ehsize = sizeof(*h);
	h->e_shoff = k->len - nsh * sizeof(Elf32_Shdr);
	h->e_shentsize = sizeof(Elf32_Shdr);
	h->e_shnum = nsh;
	h->e_shstrndx = k->shstrtab;
	return k->len;
}

/* ---- the loader's pure steps ---- */

const struct host_sym *host_syms;
bool host_resolve_any;

void *host_low_alloc(size_t size, unsigned long addr)
{
	void *p = mmap((void *)addr, size, PROT_RW, MAP_ANON_PRIV | MAP_FIXED_NOREPLACE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static unsigned long host_resolve(struct module *mod, const struct load_info *info,
				  const char *name, int *err)
{
	const struct host_sym *s;

	*err = 0;
	for (s = host_syms; s && s->name; s++)
		if (!strcmp(s->name, name)) {
			if (s->gpl && !mod->gpl_compatible) {
				*err = -EPERM;
				return 0;
			}
			return s->addr;
		}
	if (host_resolve_any) {	/* every name, somewhere in "kernel text" */
		unsigned long h = 0;

		while (*name)
			h = h * 31 + (unsigned char)*name++;
		return HOST_KERNEL + (h & 0xffffc);
	}
	*err = -ENOENT;
	return 0;
}

struct module *host_load(void *image, size_t len, struct load_info *info, int *err)
{
	struct module *mod;
	const char *license;

	memset(info, 0, sizeof(*info));
	info->hdr = image;
	info->len = len;
	info->name = "test.ko";
	*err = elf_check(info);
	if (!*err)
		*err = find_sections(info);
	if (*err)
		return NULL;
	info->nr_veneers = module_count_veneers(info);
	layout_sections(info);
	/* A file can ask for more than a host test should map: the kernel's limit is 14 MiB. */
	if (info->core.size > (16UL << 20) || info->init.size > (16UL << 20)) {
		*err = -ENOMEM;
		return NULL;
	}
	info->core.base = host_low_alloc(max(info->core.size, 1U), HOST_CORE_BASE);
	info->init.base = info->init.size ? host_low_alloc(info->init.size, HOST_INIT_BASE) : NULL;
	if (!info->core.base || (info->init.size && !info->init.base)) {
		host_unload(info);
		*err = -ENOMEM;
		return NULL;
	}
	move_sections(info);
	mod = (struct module *)(unsigned long)info->sechdrs[info->index.mod].sh_addr;
	mod->name[sizeof(mod->name) - 1] = '\0';
	license = get_modinfo(info, "license", NULL);
	mod->gpl_compatible = license && !strcmp(license, "GPL");
	*err = simplify_symbols(mod, info, host_resolve);
	if (!*err)
		*err = apply_relocations(mod, info);
	return mod;
}

void host_unload(struct load_info *info)
{
	if (info->core.base)
		munmap(info->core.base, max(info->core.size, 1U));
	if (info->init.base)
		munmap(info->init.base, info->init.size);
	info->core.base = info->init.base = NULL;
}
