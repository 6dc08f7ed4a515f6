/*
 * The outer (L2) cache, maintained by physical address after the inner
 * caches (asm/cacheflush.h). Ranges are [start, end). Each operation does
 * nothing when there is no outer cache or it is not enabled.
 */
#ifndef _ASM_OUTERCACHE_H
#define _ASM_OUTERCACHE_H

#include <linux/types.h>

/* Write dirty lines back to memory. */
void outer_clean_range(phys_addr_t start, phys_addr_t end);
/* Drop lines; partial lines at the ends are cleaned first, so nothing next to the range is lost. */
void outer_inv_range(phys_addr_t start, phys_addr_t end);
/* Write back and drop. */
void outer_flush_range(phys_addr_t start, phys_addr_t end);
/* Is an outer cache enabled, so that the operations above do something? */
bool outer_cache_enabled(void);

#endif
