/*
 * ARM relocations of a module (ELF for the ARM Architecture, REL form: the
 * addend is in the place being patched). The types are those GCC and GAS
 * emit for ARM-state code; anything else is refused, naming the module,
 * section, symbol and type. Branches are range-checked (±32 MiB): one to
 * the kernel from anywhere in the modules area is always in range, so no
 * branch to the kernel ever needs a veneer.
 *
 * Interworking: the C library and libgcc the kernel links are Thumb code.
 * An unconditional BL to Thumb becomes a BLX (still one instruction); a B
 * (tail call) or conditional BL to Thumb cannot switch state, so it goes
 * through a two-word veneer ("ldr pc, [pc, #-4]; .word target") placed
 * after the module's text.
 *
 * Built for the host too (tests/host/module/): places are written through
 * their 32-bit addresses, which the host tests keep below 4 GiB.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <asm/elf.h>
#include "../../kernel/module/internal.h"

#define BRANCH_LIMIT	(32UL << 20)
#define COND_MASK	0xf0000000U
#define COND_ALWAYS	0xe0000000U
#define BL_BIT		0x01000000U	/* B vs BL in the branch encoding */
#define BLX_IMM		0xfa000000U	/* BLX <label>: cond 1111, H bit 24 */
#define LDR_PC_PC_M4	0xe51ff004U	/* ldr pc, [pc, #-4] */

static const char *const reloc_names[] = {
	[R_ARM_NONE] = "R_ARM_NONE", [R_ARM_PC24] = "R_ARM_PC24",
	[R_ARM_ABS32] = "R_ARM_ABS32", [R_ARM_REL32] = "R_ARM_REL32",
	[R_ARM_CALL] = "R_ARM_CALL", [R_ARM_JUMP24] = "R_ARM_JUMP24",
	[R_ARM_TARGET1] = "R_ARM_TARGET1", [R_ARM_V4BX] = "R_ARM_V4BX",
	[R_ARM_PREL31] = "R_ARM_PREL31", [R_ARM_MOVW_ABS_NC] = "R_ARM_MOVW_ABS_NC",
	[R_ARM_MOVT_ABS] = "R_ARM_MOVT_ABS",
};

static const char *reloc_name(unsigned int type)
{
	return type < ARRAY_SIZE(reloc_names) && reloc_names[type] ? reloc_names[type] : NULL;
}

static bool is_branch(unsigned int type)
{
	return type == R_ARM_CALL || type == R_ARM_JUMP24 || type == R_ARM_PC24;
}

/* One veneer per undefined symbol that some B/BL targets: only those can be Thumb code. */
unsigned int module_count_veneers(const struct load_info *info)
{
	unsigned int i, count = 0;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		const Elf32_Rel *rel = (const Elf32_Rel *)((const char *)info->hdr + s->sh_offset);
		unsigned int j, k, n = s->sh_size / sizeof(Elf32_Rel);

		if (s->sh_type != SHT_REL || !(info->sechdrs[s->sh_info].sh_flags & SHF_EXECINSTR))
			continue;
		for (j = 0; j < n; j++) {
			unsigned int sym = ELF32_R_SYM(rel[j].r_info);

			if (!is_branch(ELF32_R_TYPE(rel[j].r_info)) || sym >= info->num_syms ||
			    info->syms[sym].st_shndx != SHN_UNDEF)
				continue;
			for (k = 0; k < j; k++)		/* the first branch to it counts */
				if (ELF32_R_SYM(rel[k].r_info) == sym &&
				    is_branch(ELF32_R_TYPE(rel[k].r_info)))
					break;
			if (k == j)
				count++;
		}
	}
	return count;
}

/* The veneer jumping to @target, made once per target. */
static unsigned long veneer_for(struct load_info *info, unsigned long target)
{
	u32 *v = (u32 *)((char *)info->core.base + info->veneer_offset);
	unsigned int i;

	for (i = 0; i < info->veneers_used; i++)
		if (v[2 * i + 1] == target)
			return (unsigned long)&v[2 * i];
	if (info->veneers_used == info->nr_veneers)
		return 0;
	v += 2 * info->veneers_used++;
	v[0] = LDR_PC_PC_M4;
	v[1] = target;
	return (unsigned long)v;
}

struct reloc_ctx {
	struct module *mod;
	struct load_info *info;
	const Elf32_Shdr *target;	/* the section being patched */
	const char *sec;		/* its name */
	const char *sym;		/* the symbol's name, or the section's for a section symbol */
	unsigned int type;
	unsigned long offset;		/* into the section */
};

static int refuse(const struct reloc_ctx *c, const char *why)
{
	const char *name = reloc_name(c->type);

	if (name)
		pr_err("%s: %s: %s at %s+0x%lx against symbol '%s'\n", c->mod->name, why, name,
		       c->sec, c->offset, c->sym);
	else
		pr_err("%s: %s: relocation type %u at %s+0x%lx against symbol '%s'\n",
		       c->mod->name, why, c->type, c->sec, c->offset, c->sym);
	return -ENOEXEC;
}

/*
 * B/BL/BLX with a 24-bit word offset; the place already holds the addend
 * (usually -8, the PC bias). Offsets are computed modulo 2^32, as the
 * processor adds them.
 */
static int relocate_branch(struct reloc_ctx *c, u32 *loc, unsigned long sym)
{
	u32 insn = *loc, addend = (u32)((s32)(insn << 8) >> 6);	/* sign-extended imm24 * 4 */
	bool thumb = sym & 1;
	bool call = c->type == R_ARM_CALL || (c->type == R_ARM_PC24 && (insn & BL_BIT));
	s32 offset;

	if ((insn & 0x0e000000U) != 0x0a000000U || (insn & COND_MASK) == 0xf0000000U)
		return refuse(c, "not a B/BL instruction");
	if (thumb && !(call && (insn & COND_MASK) == COND_ALWAYS)) {
		/* B or conditional BL to Thumb: through a veneer, which is ARM code. */
		sym = veneer_for(c->info, sym);
		if (!sym)
			return refuse(c, "no veneer left for a branch to Thumb code");
		thumb = false;
	}
	offset = (s32)((u32)(sym & ~1UL) + addend - (u32)(unsigned long)loc);
	if (offset < -(s32)BRANCH_LIMIT || offset >= (s32)BRANCH_LIMIT)
		return refuse(c, "branch out of range (more than 32 MiB away)");
	if (thumb) {
		/* BLX <label>: the H bit carries offset bit 1 (Thumb targets are halfword aligned). */
		*loc = BLX_IMM | ((offset & 2) ? BL_BIT : 0) | (((u32)offset >> 2) & 0x00ffffffU);
		return 0;
	}
	if (offset & 3)
		return refuse(c, "branch to a misaligned ARM address");
	*loc = (insn & 0xff000000U) | (((u32)offset >> 2) & 0x00ffffffU);
	return 0;
}

/* MOVW/MOVT: the 16-bit immediate imm4:imm12 is the (signed) addend. */
static int relocate_movw_movt(struct reloc_ctx *c, u32 *loc, unsigned long sym)
{
	u32 insn = *loc, value;
	s32 addend;

	if ((insn & 0x0ff00000U) != (c->type == R_ARM_MOVT_ABS ? 0x03400000U : 0x03000000U))
		return refuse(c, c->type == R_ARM_MOVT_ABS ? "not a MOVT instruction"
							   : "not a MOVW instruction");
	addend = (s32)(s16)(((insn >> 4) & 0xf000) | (insn & 0x0fff));
	value = (u32)sym + (u32)addend;
	if (c->type == R_ARM_MOVT_ABS)
		value >>= 16;
	*loc = (insn & 0xfff0f000U) | ((value & 0xf000) << 4) | (value & 0x0fff);
	return 0;
}

static int relocate_one(struct reloc_ctx *c, u32 *loc, unsigned long sym)
{
	switch (c->type) {
	case R_ARM_NONE:
		return 0;
	case R_ARM_ABS32:
	case R_ARM_TARGET1:		/* ABS32 for kernel code (AAELF32: platform-defined) */
		*loc += (u32)sym;
		return 0;
	case R_ARM_REL32:
		*loc += (u32)sym - (u32)(unsigned long)loc;
		return 0;
	case R_ARM_PC24:
	case R_ARM_CALL:
	case R_ARM_JUMP24:
		return relocate_branch(c, loc, sym);
	case R_ARM_PREL31: {
		/* Unwind tables: a 31-bit signed place-relative offset; bit 31 is kept. */
		u32 addend = (u32)((s32)(*loc << 1) >> 1);
		s32 value = (s32)(addend + (u32)sym - (u32)(unsigned long)loc);

		if (value < -(1L << 30) || value >= (1L << 30))
			return refuse(c, "offset does not fit in 31 bits");
		*loc = (*loc & 0x80000000U) | ((u32)value & 0x7fffffffU);
		return 0;
	}
	case R_ARM_MOVW_ABS_NC:
	case R_ARM_MOVT_ABS:
		return relocate_movw_movt(c, loc, sym);
	case R_ARM_V4BX:
		/* Marks BX Rm for ARMv4, which lacks BX; ARMv7 has it: nothing to change. */
		if ((*loc & 0x0ffffff0U) != 0x012fff10U)
			return refuse(c, "not a BX instruction");
		return 0;
	default:
		return refuse(c, "unknown relocation");
	}
}

int apply_relocate(struct module *mod, struct load_info *info, unsigned int relsec)
{
	const Elf32_Shdr *s = &info->sechdrs[relsec];
	const Elf32_Rel *rel = (const Elf32_Rel *)((char *)info->hdr + s->sh_offset);
	unsigned int i, n = s->sh_size / sizeof(Elf32_Rel);
	struct reloc_ctx c = { .mod = mod, .info = info, .target = &info->sechdrs[s->sh_info] };

	c.sec = section_name(info, c.target);
	for (i = 0; i < n; i++) {
		unsigned int symidx = ELF32_R_SYM(rel[i].r_info);
		const Elf32_Sym *sym;
		int err;

		c.type = ELF32_R_TYPE(rel[i].r_info);
		c.offset = rel[i].r_offset;
		if (symidx >= info->num_syms) {
			pr_err("%s: relocation %u of %s: symbol index %u out of range (%u symbols)\n",
			       mod->name, i, section_name(info, s), symidx, info->num_syms);
			return -ENOEXEC;
		}
		sym = &info->syms[symidx];
		c.sym = ELF_ST_TYPE(sym->st_info) == STT_SECTION && sym->st_shndx < info->hdr->e_shnum
			? section_name(info, &info->sechdrs[sym->st_shndx]) : symbol_name(info, sym);
		if (c.target->sh_type == SHT_NOBITS || c.offset > c.target->sh_size ||
		    c.target->sh_size - c.offset < 4 || (c.offset & 3)) {
			pr_err("%s: relocation %u of %s: offset 0x%lx outside %s (0x%x bytes) or misaligned\n",
			       mod->name, i, section_name(info, s), c.offset, c.sec,
			       c.target->sh_size);
			return -ENOEXEC;
		}
		err = relocate_one(&c, (u32 *)(unsigned long)(c.target->sh_addr + c.offset),
				   sym->st_value);
		if (err)
			return err;
	}
	return 0;
}
