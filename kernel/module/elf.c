/*
 * Reading a .ko: validation of everything the loader will trust, the
 * placement of its sections, symbol resolution and the relocation pass.
 * Nothing here allocates or maps memory, so the host tests run it under
 * ASan/UBSan and libFuzzer (tests/host/module/).
 *
 * Every offset, size and index taken from the file is checked before use,
 * with overflow-safe arithmetic; a bad file gets one message naming the
 * file and what is wrong, and -ENOEXEC.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/memory.h>
#include <string.h>
#include "internal.h"

#define MODULE_AREA_SIZE (14UL << 20)
#define UNPLACED ((Elf32_Word)~0U)	/* sh_entsize of a section not (yet) laid out */

/* [off, off + size) lies inside a file of @len bytes. */
static bool in_file(unsigned long len, unsigned long off, unsigned long size)
{
	return off <= len && size <= len - off;
}

/* A string table's last byte is NUL, so every name in it ends inside it. */
static bool terminated(const struct load_info *info, const Elf32_Shdr *s)
{
	return s->sh_size && ((const char *)info->hdr)[s->sh_offset + s->sh_size - 1] == '\0';
}

static int check_header(struct load_info *info)
{
	const Elf32_Ehdr *hdr = info->hdr;

	if (info->len < sizeof(*hdr)) {
		pr_err("%s: truncated: %lu bytes, an ELF header alone is %zu\n", info->name,
		       info->len, sizeof(*hdr));
		return -ENOEXEC;
	}
	if (memcmp(hdr->e_ident, ELFMAG, SELFMAG)) {
		pr_err("%s: not an ELF file (bad magic)\n", info->name);
		return -ENOEXEC;
	}
	if (hdr->e_ident[EI_CLASS] != ELFCLASS32) {
		pr_err("%s: ELF class %u: a module for this kernel is ELFCLASS32\n", info->name,
		       hdr->e_ident[EI_CLASS]);
		return -ENOEXEC;
	}
	if (hdr->e_ident[EI_DATA] != ELFDATA2LSB) {
		pr_err("%s: ELF data encoding %u: this kernel is little-endian (ELFDATA2LSB)\n",
		       info->name, hdr->e_ident[EI_DATA]);
		return -ENOEXEC;
	}
	if (hdr->e_ident[EI_VERSION] != EV_CURRENT || hdr->e_version != EV_CURRENT) {
		pr_err("%s: unknown ELF version\n", info->name);
		return -ENOEXEC;
	}
	if (hdr->e_type != ET_REL) {
		pr_err("%s: ELF type %u: a module must be a relocatable object (ET_REL)\n",
		       info->name, hdr->e_type);
		return -ENOEXEC;
	}
	if (hdr->e_machine != EM_ARM) {
		pr_err("%s: ELF machine %u: built for another architecture than ARM (%u)\n",
		       info->name, hdr->e_machine, EM_ARM);
		return -ENOEXEC;
	}
	if (hdr->e_shentsize != sizeof(Elf32_Shdr) || hdr->e_shnum == 0 ||
	    hdr->e_shnum > MODULE_MAX_SECTIONS) {
		pr_err("%s: bad section header table (%u entries of %u bytes)\n", info->name,
		       hdr->e_shnum, hdr->e_shentsize);
		return -ENOEXEC;
	}
	if (!IS_ALIGNED(hdr->e_shoff, 4) ||
	    !in_file(info->len, hdr->e_shoff, (unsigned long)hdr->e_shnum * sizeof(Elf32_Shdr))) {
		pr_err("%s: section headers at 0x%x run past the end of the file (%lu bytes)\n",
		       info->name, hdr->e_shoff, info->len);
		return -ENOEXEC;
	}
	if (hdr->e_shstrndx == SHN_UNDEF || hdr->e_shstrndx >= hdr->e_shnum) {
		pr_err("%s: section name table index %u out of range (%u sections)\n", info->name,
		       hdr->e_shstrndx, hdr->e_shnum);
		return -ENOEXEC;
	}
	info->sechdrs = (Elf32_Shdr *)((char *)info->hdr + hdr->e_shoff);
	return 0;
}

/* The file ranges of sections with contents must not overlap each other or the headers. */
static int check_overlaps(struct load_info *info)
{
	unsigned int n = info->hdr->e_shnum, i, j;
	unsigned long hdr_end = info->hdr->e_shoff + (unsigned long)n * sizeof(Elf32_Shdr);

	for (i = 1; i < n; i++) {
		const Elf32_Shdr *a = &info->sechdrs[i];

		if (a->sh_type == SHT_NOBITS || !a->sh_size)
			continue;
		if (a->sh_offset < sizeof(Elf32_Ehdr) ||
		    (a->sh_offset < hdr_end && info->hdr->e_shoff < a->sh_offset + a->sh_size)) {
			pr_err("%s: section %u (%s) overlaps the ELF headers\n", info->name, i,
			       section_name(info, a));
			return -ENOEXEC;
		}
		for (j = i + 1; j < n; j++) {
			const Elf32_Shdr *b = &info->sechdrs[j];

			if (b->sh_type == SHT_NOBITS || !b->sh_size)
				continue;
			if (a->sh_offset < b->sh_offset + b->sh_size &&
			    b->sh_offset < a->sh_offset + a->sh_size) {
				pr_err("%s: sections %u (%s) and %u (%s) overlap in the file\n",
				       info->name, i, section_name(info, a), j, section_name(info, b));
				return -ENOEXEC;
			}
		}
	}
	return 0;
}

static int check_sections(struct load_info *info)
{
	unsigned int n = info->hdr->e_shnum, i, nsym = 0;
	const Elf32_Shdr *strsec = &info->sechdrs[info->hdr->e_shstrndx];
	unsigned long alloc_total = 0;

	if (strsec->sh_type != SHT_STRTAB || !in_file(info->len, strsec->sh_offset, strsec->sh_size) ||
	    !terminated(info, strsec)) {
		pr_err("%s: bad section name table\n", info->name);
		return -ENOEXEC;
	}
	info->secstrings = (char *)info->hdr + strsec->sh_offset;

	for (i = 0; i < n; i++) {
		Elf32_Shdr *s = &info->sechdrs[i];

		if (s->sh_name >= strsec->sh_size) {
			pr_err("%s: section %u: name offset %u out of range\n", info->name, i,
			       s->sh_name);
			return -ENOEXEC;
		}
		if (s->sh_type != SHT_NOBITS && !in_file(info->len, s->sh_offset, s->sh_size)) {
			pr_err("%s: section %u (%s): 0x%x bytes at 0x%x run past the end of the file\n",
			       info->name, i, section_name(info, s), s->sh_size, s->sh_offset);
			return -ENOEXEC;
		}
		if (s->sh_addralign > 1 && (!is_power_of_2(s->sh_addralign) ||
					    s->sh_addralign > 4096)) {
			pr_err("%s: section %u (%s): bad alignment %u\n", info->name, i,
			       section_name(info, s), s->sh_addralign);
			return -ENOEXEC;
		}
		if (s->sh_flags & SHF_ALLOC) {
			alloc_total += s->sh_size;
			if (s->sh_size > MODULE_AREA_SIZE || alloc_total > MODULE_AREA_SIZE) {
				pr_err("%s: section %u (%s): %u bytes do not fit in the modules area\n",
				       info->name, i, section_name(info, s), s->sh_size);
				return -ENOEXEC;
			}
		}
		switch (s->sh_type) {
		case SHT_SYMTAB:
			if (++nsym > 1) {
				pr_err("%s: more than one symbol table\n", info->name);
				return -ENOEXEC;
			}
			info->index.sym = i;
			break;
		case SHT_RELA:
			pr_err("%s: section %u (%s): RELA relocations: ARM modules use REL\n",
			       info->name, i, section_name(info, s));
			return -ENOEXEC;
		case SHT_REL:
			if (s->sh_entsize != sizeof(Elf32_Rel) || s->sh_size % sizeof(Elf32_Rel) ||
			    !IS_ALIGNED(s->sh_offset, 4)) {
				pr_err("%s: relocation section %u (%s): bad entry size\n", info->name,
				       i, section_name(info, s));
				return -ENOEXEC;
			}
			if (s->sh_info == 0 || s->sh_info >= n) {
				pr_err("%s: relocation section %u (%s) applies to section %u: no such section\n",
				       info->name, i, section_name(info, s), s->sh_info);
				return -ENOEXEC;
			}
			break;
		}
	}
	return check_overlaps(info);
}

static int check_symbols(struct load_info *info)
{
	Elf32_Shdr *symsec, *strsec;
	unsigned int n = info->hdr->e_shnum, i;

	if (!info->index.sym) {
		pr_err("%s: no symbol table (stripped with --strip-all?)\n", info->name);
		return -ENOEXEC;
	}
	symsec = &info->sechdrs[info->index.sym];
	if (symsec->sh_entsize != sizeof(Elf32_Sym) || symsec->sh_size % sizeof(Elf32_Sym) ||
	    !IS_ALIGNED(symsec->sh_offset, 4) || symsec->sh_size == 0) {
		pr_err("%s: bad symbol table\n", info->name);
		return -ENOEXEC;
	}
	info->index.str = symsec->sh_link;
	if (info->index.str == 0 || info->index.str >= n) {
		pr_err("%s: symbol table's string table index %u out of range\n", info->name,
		       info->index.str);
		return -ENOEXEC;
	}
	strsec = &info->sechdrs[info->index.str];
	if (strsec->sh_type != SHT_STRTAB || !terminated(info, strsec)) {
		pr_err("%s: bad symbol string table\n", info->name);
		return -ENOEXEC;
	}
	info->syms = (Elf32_Sym *)((char *)info->hdr + symsec->sh_offset);
	info->num_syms = symsec->sh_size / sizeof(Elf32_Sym);
	info->strtab = (char *)info->hdr + strsec->sh_offset;

	for (i = 1; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];

		if (sym->st_name >= strsec->sh_size) {
			pr_err("%s: symbol %u: name offset %u out of range\n", info->name, i,
			       sym->st_name);
			return -ENOEXEC;
		}
		if (sym->st_shndx >= n && sym->st_shndx < SHN_LORESERVE) {
			pr_err("%s: symbol %u (%s): section index %u out of range (%u sections)\n",
			       info->name, i, symbol_name(info, sym), sym->st_shndx, n);
			return -ENOEXEC;
		}
		if (sym->st_shndx == SHN_XINDEX) {
			pr_err("%s: symbol %u (%s): extended section indices are not supported\n",
			       info->name, i, symbol_name(info, sym));
			return -ENOEXEC;
		}
	}
	/* Relocation sections must use this symbol table. */
	for (i = 1; i < n; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (s->sh_type == SHT_REL && s->sh_link != info->index.sym) {
			pr_err("%s: relocation section %u (%s) uses section %u as its symbol table\n",
			       info->name, i, section_name(info, s), s->sh_link);
			return -ENOEXEC;
		}
	}
	return 0;
}

int elf_check(struct load_info *info)
{
	int err;

	if (info->len > MODULE_MAX_FILE_SIZE) {
		pr_err("%s: %lu bytes: larger than any module fits (%lu)\n", info->name, info->len,
		       MODULE_MAX_FILE_SIZE);
		return -EFBIG;
	}
	err = check_header(info);
	if (!err)
		err = check_sections(info);
	if (!err)
		err = check_symbols(info);
	return err;
}

static unsigned int find_sec(const struct load_info *info, const char *name)
{
	unsigned int i;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if ((s->sh_flags & SHF_ALLOC) && !strcmp(section_name(info, s), name))
			return i;
	}
	return 0;
}

int find_sections(struct load_info *info)
{
	unsigned int i, jump;
	Elf32_Shdr *mod;

	/* .modinfo is read from the file, never loaded. */
	for (i = 1; i < info->hdr->e_shnum; i++)
		if (!strcmp(section_name(info, &info->sechdrs[i]), ".modinfo"))
			info->index.info = i;
	if (info->index.info) {
		Elf32_Shdr *s = &info->sechdrs[info->index.info];

		s->sh_flags &= ~SHF_ALLOC;
		if (s->sh_type == SHT_NOBITS || !terminated(info, s)) {
			pr_err("%s: .modinfo is not a list of strings\n", info->name);
			return -ENOEXEC;
		}
	}
	info->index.mod = find_sec(info, MODULE_THIS_SECTION);
	if (!info->index.mod) {
		pr_err("%s: no %s section: not built as a module (make -C <mica> M=<dir>)\n",
		       info->name, MODULE_THIS_SECTION);
		return -ENOEXEC;
	}
	mod = &info->sechdrs[info->index.mod];
	if (mod->sh_size != sizeof(struct module) || mod->sh_type != SHT_PROGBITS ||
	    !(mod->sh_flags & SHF_WRITE)) {
		pr_err("%s: %s section has size %u, this kernel's struct module is %zu: built against other headers\n",
		       info->name, MODULE_THIS_SECTION, mod->sh_size, sizeof(struct module));
		return -ENOEXEC;
	}
	info->index.pcpu = find_sec(info, MODULE_PERCPU_SECTION);
	info->index.ksymtab = find_sec(info, "__ksymtab");
	info->index.ksymtab_gpl = find_sec(info, "__ksymtab_gpl");
	info->index.param = find_sec(info, "__param");
	/* Static keys' sites in a module are not patched (linux/jump_label.h): refuse them. */
	jump = find_sec(info, "__jump_table");
	if (jump && info->sechdrs[jump].sh_size) {
		pr_err("%s: uses static keys (a __jump_table section): not supported in modules yet\n",
		       info->name);
		return -ENOEXEC;
	}
	if (info->index.pcpu)	/* copied to the per-CPU areas, not to module memory */
		info->sechdrs[info->index.pcpu].sh_flags &= ~SHF_ALLOC;
	return 0;
}

const char *get_modinfo(const struct load_info *info, const char *tag, const char *prev)
{
	const Elf32_Shdr *s;
	const char *p, *end;
	size_t taglen = strlen(tag);

	if (!info->index.info)
		return NULL;
	s = &info->sechdrs[info->index.info];
	p = (const char *)info->hdr + s->sh_offset;
	end = p + s->sh_size;
	if (prev)		/* continue after the string holding the previous value */
		p = prev + strlen(prev) + 1;
	for (; p < end; p += strlen(p) + 1)
		if (!strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
	return NULL;
}

/* Sections whose name starts with .init (and their unwind tables) go to the init allocation. */
static bool is_init_section(const char *name)
{
	return !strncmp(name, ".init", 5) || !strncmp(name, ".ARM.exidx.init", 15) ||
	       !strncmp(name, ".ARM.extab.init", 15);
}

/* Place @s at the end of @size, aligned as it asks. */
static unsigned int place(unsigned int *size, const Elf32_Shdr *s)
{
	unsigned int align = s->sh_addralign ? s->sh_addralign : 1;
	unsigned int off = ALIGN(*size, align);

	*size = off + s->sh_size;
	return off;
}

/*
 * Three passes per allocation, as Linux: executable sections, then
 * read-only data, then writable data, each part starting on a page so it
 * can get its own permissions. The core's veneers follow its text.
 */
void layout_sections(struct load_info *info)
{
	static const struct { unsigned long need, forbid; } passes[] = {
		{ SHF_EXECINSTR | SHF_ALLOC, 0 },
		{ SHF_ALLOC, SHF_WRITE | SHF_EXECINSTR },
		{ SHF_WRITE | SHF_ALLOC, SHF_EXECINSTR },
	};
	unsigned int n = info->hdr->e_shnum, p, i;

	for (i = 0; i < n; i++)
		info->sechdrs[i].sh_entsize = UNPLACED;
	for (p = 0; p < ARRAY_SIZE(passes); p++) {
		for (i = 1; i < n; i++) {
			Elf32_Shdr *s = &info->sechdrs[i];
			const char *name = section_name(info, s);

			if ((s->sh_flags & passes[p].need) != passes[p].need ||
			    (s->sh_flags & passes[p].forbid) || s->sh_entsize != UNPLACED)
				continue;
			if (is_init_section(name))
				s->sh_entsize = place(&info->init.size, s) | INIT_OFFSET_MASK;
			else
				s->sh_entsize = place(&info->core.size, s);
		}
		if (p == 0) {
			info->core.size = ALIGN(info->core.size, 8);
			info->veneer_offset = info->core.size;
			info->core.size += info->nr_veneers * 8;
			info->core.text_size = info->core.size;
			info->init.text_size = info->init.size;
		}
		info->core.size = ALIGN(info->core.size, PAGE_SIZE);
		info->init.size = ALIGN(info->init.size, PAGE_SIZE);
		if (p == 1) {
			info->core.ro_size = info->core.size;
			info->init.ro_size = info->init.size;
		}
	}
}

void move_sections(struct load_info *info)
{
	unsigned int i;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		Elf32_Shdr *s = &info->sechdrs[i];
		char *dest;

		if (!(s->sh_flags & SHF_ALLOC) || s->sh_entsize == UNPLACED)
			continue;
		if (s->sh_entsize & INIT_OFFSET_MASK)
			dest = (char *)info->init.base + (s->sh_entsize & ~INIT_OFFSET_MASK);
		else
			dest = (char *)info->core.base + s->sh_entsize;
		if (s->sh_type == SHT_NOBITS)
			memset(dest, 0, s->sh_size);
		else
			memcpy(dest, (char *)info->hdr + s->sh_offset, s->sh_size);
		s->sh_addr = (Elf32_Addr)(unsigned long)dest;
	}
	/* The per-CPU template is relocated where it is, then copied to every CPU. */
	if (info->index.pcpu) {
		Elf32_Shdr *s = &info->sechdrs[info->index.pcpu];

		s->sh_addr = (Elf32_Addr)(unsigned long)((char *)info->hdr + s->sh_offset);
	}
}

int simplify_symbols(struct module *mod, struct load_info *info, resolve_fn resolve)
{
	unsigned int i;
	int ret = 0;

	for (i = 1; i < info->num_syms; i++) {
		Elf32_Sym *sym = &info->syms[i];
		const char *name = symbol_name(info, sym);
		unsigned long addr;
		int err = 0;

		switch (sym->st_shndx) {
		case SHN_COMMON:
			pr_err("%s: common symbol '%s': build with -fno-common\n", mod->name, name);
			ret = -ENOEXEC;
			break;
		case SHN_ABS:
			break;
		case SHN_UNDEF:
			addr = resolve(mod, info, name, &err);
			if (!err) {
				sym->st_value = addr;
				break;
			}
			if (ELF_ST_BIND(sym->st_info) == STB_WEAK && err == -ENOENT) {
				sym->st_value = 0;
				break;
			}
			if (err == -ENOENT)
				pr_warn("%s: Unknown symbol %s (err %d)\n", mod->name, name, err);
			ret = err;
			break;
		default:
			if (sym->st_shndx == info->index.pcpu && info->index.pcpu) {
				sym->st_value += (unsigned long)mod->percpu;
				break;
			}
			if (sym->st_shndx >= SHN_LORESERVE)
				break;
			/* Symbols of sections not loaded (debug info) keep their offsets. */
			if (info->sechdrs[sym->st_shndx].sh_flags & SHF_ALLOC)
				sym->st_value += info->sechdrs[sym->st_shndx].sh_addr;
			break;
		}
	}
	return ret;
}

int apply_relocations(struct module *mod, struct load_info *info)
{
	unsigned int i;
	int err;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		unsigned int target = s->sh_info;

		if (s->sh_type != SHT_REL)
			continue;
		/* Relocations of sections not loaded (debug info) are not applied. */
		if (!(info->sechdrs[target].sh_flags & SHF_ALLOC) && target != info->index.pcpu)
			continue;
		err = apply_relocate(mod, info, i);
		if (err)
			return err;
	}
	return 0;
}
