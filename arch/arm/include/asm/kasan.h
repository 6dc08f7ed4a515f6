/*
 * Where KASAN's shadow lives (Linux/ARM's layout for the 3G/1G split).
 * One shadow byte describes 8 bytes of memory:
 *
 *     shadow(addr) = (addr >> 3) + KASAN_SHADOW_OFFSET
 *
 * The shadow of the top 1040 MiB of the address space, from the module
 * area up (modules, pkmap, lowmem, vmalloc, fixmap, vectors), is the
 * 130 MiB just below the module area: [KASAN_SHADOW_START, KASAN_SHADOW_END).
 * Nothing below MODULES_VADDR has a shadow, the shadow itself included: an
 * access there (a NULL pointer, a wild pointer, the shadow) is reported
 * without looking at any shadow.
 */
#ifndef _ASM_KASAN_H
#define _ASM_KASAN_H

#include <asm/memory.h>

#define KASAN_SHADOW_SCALE_SHIFT 3
#define KASAN_SHADOW_OFFSET      0x9F000000UL
#define KASAN_SHADOW_START       0xB6E00000UL	/* shadow of MODULES_VADDR */
#define KASAN_SHADOW_END         MODULES_VADDR	/* shadow of 4 GiB */
/* The lowest address that has a shadow. */
#define KASAN_SHADOWED_START     MODULES_VADDR

#ifndef __ASSEMBLER__
#include <linux/types.h>

/* Set once kasan_init() has mapped the real shadow: the runtime checks from then on. */
extern bool kasan_ready;

/* Map the shared zero page over all of the shadow (boot table, MMU on, before any C). */
void kasan_early_init(void);
/* paging_init(): the new table takes the boot table's shadow entries. */
void kasan_copy_early_shadow(u32 *to, const u32 *from);
/*
 * The real shadow: lowmem's from memblock, the rest of the region read-only
 * zero until kasan_populate_shadow() gives it pages. After paging_init().
 */
void kasan_init(void);
/*
 * Back the shadow of [start, end) (module or vmalloc addresses) with zeroed
 * pages where it is still the shared zero page. 0, or -ENOMEM.
 */
int kasan_populate_shadow(unsigned long start, unsigned long end);
/* Is this shadow address backed by memory of its own (not the read-only zero page)? */
bool kasan_shadow_backed(const void *shadow);
/* Pages given to the shadow by kasan_populate_shadow (never taken back). */
unsigned long kasan_populated_pages(void);
/* Bytes of shadow backed by real memory (lowmem's and populated pages). */
unsigned long kasan_shadow_bytes(void);
#endif

#endif
