/*
 * The ARM half of static keys (asm/jump_label.h): a site becomes a B to
 * its target or the NOP it falls through.
 */
#include <linux/kernel.h>
#include <linux/jump_label.h>
#include <asm/patch.h>

/* B reaches +-32 MiB: a kernel image is far smaller. */
#define B_RANGE (32L << 20)

void arch_jump_label_transform(struct jump_entry *e, bool branch)
{
	long offset = (long)e->target - (long)(e->code + 8);
	u32 insn = branch ? arm_gen_branch(e->code, e->target) : ARM_INSN_NOP;

	if (WARN(offset < -B_RANGE || offset >= B_RANGE || (offset & 3),
		 "jump_label: site %08lx cannot branch to %08lx\n", e->code, e->target))
		return;
	if (READ_ONCE(*(u32 *)e->code) != insn)
		__patch_text((void *)e->code, insn);
}
