/* Boot-time memory manager: see include/linux/memblock.h. */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/errno.h>
#include <asm/memory.h>
#include <string.h>

struct memblock memblock = { .current_limit = ~(phys_addr_t)0 };

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Insert [base, base+size), merging with neighbours that touch and share a name. */
static int add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		     const char *name)
{
	unsigned int i;

	if (size == 0)
		return 0;
	if (base + size < base)
		return -EINVAL;
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (base < region_end(r) && r->base < base + size) {
			/* Overlap: grow the existing region to the union. */
			phys_addr_t end = max(region_end(r), base + size);

			r->base = min(r->base, base);
			r->size = end - r->base;
			goto merge;
		}
		if (r->base >= base + size)
			break;
	}
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		return -ENOSPC;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size, name };
	type->cnt++;
merge:
	for (i = 0; i + 1 < type->cnt; i++) {
		struct memblock_region *a = &type->regions[i], *b = &type->regions[i + 1];

		if (region_end(a) >= b->base && (a->name == b->name || region_end(a) > b->base)) {
			a->size = max(region_end(a), region_end(b)) - a->base;
			remove_region(type, i + 1);
			i--;
		}
	}
	return 0;
}

static int remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned int i;

	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = region_end(r);

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) {	/* split in two */
			if (type->cnt == MEMBLOCK_MAX_REGIONS)
				return -ENOSPC;
			memmove(&type->regions[i + 1], &type->regions[i],
				(type->cnt - i) * sizeof(type->regions[0]));
			type->cnt++;
			r->size = base - r->base;
			type->regions[i + 1].base = end;
			type->regions[i + 1].size = rend - end;
			return 0;
		}
		if (r->base < base) {
			r->size = base - r->base;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
		} else {
			remove_region(type, i);
			i--;
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock.memory, base, size, NULL);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.memory, base, size);
}

int memblock_reserve_named(phys_addr_t base, phys_addr_t size, const char *name)
{
	return add_range(&memblock.reserved, base, size, name);
}

int memblock_free(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.reserved, base, size);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	const struct memblock_region *r;

	for_each_memblock(reserved, r)
		if (addr >= r->base && addr < region_end(r))
			return true;
	return false;
}

bool memblock_is_memory(phys_addr_t addr)
{
	const struct memblock_region *r;

	for_each_memblock(memory, r)
		if (addr >= r->base && addr < region_end(r))
			return true;
	return false;
}

/* First reserved region overlapping [base, end), or NULL. */
static const struct memblock_region *reserved_overlap(phys_addr_t base, phys_addr_t end)
{
	const struct memblock_region *r;

	for_each_memblock(reserved, r)
		if (base < region_end(r) && r->base < end)
			return r;
	return NULL;
}

phys_addr_t memblock_phys_alloc_named(phys_addr_t size, phys_addr_t align, const char *name)
{
	int i;

	if (size == 0 || !is_power_of_2(align))
		return 0;
	size = ALIGN(size, (phys_addr_t)4);
	for (i = memblock.memory.cnt - 1; i >= 0; i--) {	/* top-down */
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t top = min(region_end(m), memblock.current_limit);

		while (top >= m->base + size) {
			phys_addr_t cand = ALIGN_DOWN(top - size, align);
			const struct memblock_region *busy;

			if (cand < m->base)
				break;
			busy = reserved_overlap(cand, cand + size);
			if (!busy) {
				if (memblock_reserve_named(cand, size, name) < 0)
					return 0;
				return cand;
			}
			top = busy->base;	/* try below the obstacle */
		}
	}
	return 0;
}

void *memblock_alloc_named(phys_addr_t size, phys_addr_t align, const char *name)
{
	phys_addr_t pa = memblock_phys_alloc_named(size, align, name);
	void *va;

	if (!pa)
		return NULL;
	va = __va(pa);
	memset(va, 0, size);
	return va;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

void memblock_cap_memory(phys_addr_t limit)
{
	phys_addr_t seen = 0;
	unsigned int i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		if (seen >= limit) {
			remove_region(&memblock.memory, i--);
			continue;
		}
		if (seen + r->size > limit)
			r->size = limit - seen;
		seen += r->size;
	}
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	return memblock.memory.cnt ? region_end(&memblock.memory.regions[memblock.memory.cnt - 1]) : 0;
}

static phys_addr_t total_size(const struct memblock_type *type)
{
	phys_addr_t sum = 0;

	for (unsigned int i = 0; i < type->cnt; i++)
		sum += type->regions[i].size;
	return sum;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return total_size(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return total_size(&memblock.reserved);
}

void memblock_for_each_free_range(void (*fn)(phys_addr_t, phys_addr_t, void *), void *arg)
{
	const struct memblock_region *m, *r;

	for_each_memblock(memory, m) {
		phys_addr_t start = m->base, end = region_end(m);

		for_each_memblock(reserved, r) {	/* reserved is sorted too */
			if (region_end(r) <= start || r->base >= end)
				continue;
			if (r->base > start)
				fn(start, r->base, arg);
			start = region_end(r);
		}
		if (start < end)
			fn(start, end, arg);
	}
}
