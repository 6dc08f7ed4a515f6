/*
 * Rewriting one instruction of kernel text (Linux/ARM's names). The text
 * is mapped read-only: the word is written through a writable alias (a
 * fixmap slot; the boot table's own mapping before paging_init), cleaned
 * to the point of unification, and the instruction caches and branch
 * predictors of every CPU are invalidated.
 */
#ifndef _ASM_PATCH_H
#define _ASM_PATCH_H

#include <linux/types.h>

/*
 * Callers serialise, and no other CPU may run @addr meanwhile: they stop
 * the others (stop_machine) or run before the others are up. Linux's
 * patch_text(), which stops the machine for one word, is not needed:
 * static keys stop it once for all of a key's sites.
 */
void __patch_text(void *addr, u32 insn);

#endif
