/* Simulated cache maintenance: host caches are coherent, nothing to do. */
#ifndef _ASM_CACHEFLUSH_H
#define _ASM_CACHEFLUSH_H

#include <linux/types.h>

static inline void dcache_clean_range(const void *start, size_t size) { (void)start; (void)size; }
static inline void dcache_inv_range(const void *start, size_t size) { (void)start; (void)size; }
static inline void dcache_flush_range(const void *start, size_t size) { (void)start; (void)size; }
static inline void icache_inval_all(void) { }
static inline void flush_icache_range(unsigned long start, unsigned long end) { (void)start; (void)end; }

#endif
