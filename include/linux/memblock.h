/*
 * Boot-time memory manager (Linux's memblock, simplified): sorted arrays of
 * RAM regions and reserved regions, allocations top-down below a limit.
 * Used until the buddy allocator takes over the free ranges. Reserved
 * regions carry a name so `memblock` can show them. Fixed-size arrays: Mica
 * does not resize them as Linux does.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define MEMBLOCK_MAX_REGIONS 32

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	const char *name;	/* reserved regions only */
};

struct memblock_type {
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve_named(phys_addr_t base, phys_addr_t size, const char *name);
#define memblock_reserve(base, size) memblock_reserve_named(base, size, "reserved")
int memblock_free(phys_addr_t base, phys_addr_t size);
/* mem_init(): hand every free range to the buddy allocator; returns the pages freed. */
unsigned long memblock_free_all(void);

/* Physical allocation below the current limit; 0 on failure. */
phys_addr_t memblock_phys_alloc_named(phys_addr_t size, phys_addr_t align, const char *name);
#define memblock_phys_alloc(size, align) memblock_phys_alloc_named(size, align, "memblock")
/* Zeroed lowmem allocation, returned as a kernel virtual address; NULL on failure. */
void *memblock_alloc_named(phys_addr_t size, phys_addr_t align, const char *name);
#define memblock_alloc(size, align) memblock_alloc_named(size, align, "memblock")

void memblock_set_current_limit(phys_addr_t limit);
/* Drop RAM above @limit bytes of total memory (mem=). */
void memblock_cap_memory(phys_addr_t limit);

phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);

/*
 * Call @fn for each free (RAM and not reserved) range, in address order.
 * Used by the page allocator to take over memory.
 */
void memblock_for_each_free_range(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg);

#define for_each_memblock(type, r) \
	for (r = memblock.type.regions; r < memblock.type.regions + memblock.type.cnt; r++)

#endif
