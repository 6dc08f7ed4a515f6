/*
 * Per-CPU areas. The static template (DEFINE_PER_CPU variables) is copied
 * into one unit per CPU at the very start of boot; each unit also has room
 * for dynamic allocations. __per_cpu_offset[cpu] is the distance from the
 * template to that CPU's copy.
 *
 * Dynamic allocation (alloc_percpu): an allocation is one offset, valid in
 * every CPU's unit, so per_cpu_ptr(ptr, cpu) = ptr + __per_cpu_offset[cpu]
 * works for it exactly as for a static variable. The first chunk is the
 * room after the static copy in the boot units (PERCPU_DYNAMIC_RESERVE,
 * linker.ld). When it is full, a new chunk of NR_CPUS units is vmalloc'd
 * with the boot units' stride, so the same offsets work there too; a chunk
 * that empties again is freed. Each chunk tracks 4-byte granules in two
 * bitmaps: in use, and "an allocation starts here".
 *
 * In a KASAN kernel every unit's free space is poisoned: an access past an
 * allocation, or after free_percpu, is reported as percpu-out-of-bounds.
 *
 * Less than Linux: first fit by a linear bitmap scan (allocations are rare),
 * no partially populated chunks, no atomic (GFP_NOWAIT) allocation.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <mica/module_track.h>
#include <string.h>
#include "internal.h"
#include "vmalloc_internal.h"
#ifdef CONFIG_KASAN
#include "kasan.h"
#endif

extern char __pcpu_base[], __pcpu_unit_size[];

unsigned long __per_cpu_offset[NR_CPUS];
EXPORT_SYMBOL(__per_cpu_offset);

#define PCPU_MIN_ALLOC_SHIFT	2
#define PCPU_MIN_ALLOC_SIZE	(1UL << PCPU_MIN_ALLOC_SHIFT)
/* KASAN tracks 8-byte granules: then every allocation starts on one. */
#ifdef CONFIG_KASAN
#define PCPU_MIN_ALIGN		KASAN_GRANULE_SIZE
#else
#define PCPU_MIN_ALIGN		PCPU_MIN_ALLOC_SIZE
#endif
#define BITS_PER_LONG		(8 * sizeof(long))
/* Units up to 64 KiB: the first chunk's bitmaps are static. */
#define PCPU_MAX_UNIT_BITS	((64UL << 10) >> PCPU_MIN_ALLOC_SHIFT)

struct pcpu_chunk {
	struct list_head list;
	char *base;			/* CPU 0's unit; CPU n's is base + n * unit */
	unsigned int first_bit;		/* granules before it hold static data */
	unsigned int nr_bits;		/* granules in a unit */
	unsigned int free_bits;
	unsigned long *alloc_map;	/* granule in use */
	unsigned long *bound_map;	/* granule starts an allocation */
};

static unsigned long first_alloc_map[PCPU_MAX_UNIT_BITS / BITS_PER_LONG];
static unsigned long first_bound_map[PCPU_MAX_UNIT_BITS / BITS_PER_LONG];
static struct pcpu_chunk first_chunk;
static LIST_HEAD(pcpu_chunks);
static DEFINE_SPINLOCK(pcpu_lock);
static unsigned long pcpu_nr_chunks;
/* Linux's percpu_stats counters (pcpu_lock). */
static unsigned long pcpu_nr_alloc, pcpu_nr_dealloc, pcpu_nr_cur_alloc, pcpu_nr_max_alloc;
static unsigned long pcpu_bytes_in_use;

static unsigned long pcpu_unit_size(void)
{
	return (unsigned long)__pcpu_unit_size;
}

void setup_per_cpu_areas(void)
{
	unsigned long unit = pcpu_unit_size();
	size_t static_size = __per_cpu_end - __per_cpu_start;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		char *area = __pcpu_base + cpu * unit;

		memcpy(area, __per_cpu_start, static_size);
		__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
		per_cpu(cpu_number, cpu) = cpu;
	}
	arch_set_my_cpu_offset(__per_cpu_offset[0]);

	/* Cannot print yet: a too-large unit shows up as alloc_percpu failing. */
	if ((unit >> PCPU_MIN_ALLOC_SHIFT) > PCPU_MAX_UNIT_BITS)
		return;
	first_chunk.base = __pcpu_base;
	first_chunk.first_bit = ALIGN(static_size, PCPU_MIN_ALLOC_SIZE) >> PCPU_MIN_ALLOC_SHIFT;
	first_chunk.nr_bits = unit >> PCPU_MIN_ALLOC_SHIFT;
	first_chunk.free_bits = first_chunk.nr_bits - first_chunk.first_bit;
	first_chunk.alloc_map = first_alloc_map;
	first_chunk.bound_map = first_bound_map;
	list_add(&first_chunk.list, &pcpu_chunks);
	pcpu_nr_chunks = 1;
}

static bool map_test(const unsigned long *map, unsigned int bit)
{
	return (map[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG)) & 1;
}

static void map_set(unsigned long *map, unsigned int bit)
{
	map[bit / BITS_PER_LONG] |= 1UL << (bit % BITS_PER_LONG);
}

static void map_clear(unsigned long *map, unsigned int bit)
{
	map[bit / BITS_PER_LONG] &= ~(1UL << (bit % BITS_PER_LONG));
}

#ifdef CONFIG_KASAN
/* Granules [bit, bit + bits) of @chunk, in every CPU's unit: accessible for @size bytes or not. */
static void kasan_mark(const struct pcpu_chunk *chunk, unsigned int bit, unsigned int bits,
		       size_t size)
{
	size_t bytes = ALIGN((size_t)bits << PCPU_MIN_ALLOC_SHIFT, KASAN_GRANULE_SIZE);
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		char *p = chunk->base + cpu * pcpu_unit_size() + ((size_t)bit << PCPU_MIN_ALLOC_SHIFT);

		kasan_poison(p, bytes, KASAN_PERCPU_FREE);
		if (size)
			kasan_unpoison(p, size);
	}
}

/* The first chunk's free space, poisoned once the shadow exists. */
static int __init pcpu_kasan_init(void)
{
	unsigned long flags;
	unsigned int bit;

	spin_lock_irqsave(&pcpu_lock, flags);
	for (bit = first_chunk.first_bit; bit < first_chunk.nr_bits; bit++)
		if (!map_test(first_chunk.alloc_map, bit) && !(bit & 1))
			kasan_mark(&first_chunk, bit, 1, 0);
	spin_unlock_irqrestore(&pcpu_lock, flags);
	return 0;
}
early_initcall(pcpu_kasan_init);
#else
static void kasan_mark(const struct pcpu_chunk *chunk, unsigned int bit, unsigned int bits,
		       size_t size)
{
}
#endif

/* The __percpu pointer of offset 0 in @chunk: base moved into template terms. */
static unsigned long chunk_ptr_base(const struct pcpu_chunk *chunk)
{
	return (unsigned long)chunk->base - (unsigned long)__pcpu_base +
	       (unsigned long)__per_cpu_start;
}

/* First run of @bits free granules starting at a multiple of @align_bits. */
static int find_free_run(const struct pcpu_chunk *chunk, unsigned int bits,
			 unsigned int align_bits)
{
	unsigned int start = ALIGN(chunk->first_bit, align_bits), i;

	while (start + bits <= chunk->nr_bits) {
		for (i = 0; i < bits && !map_test(chunk->alloc_map, start + i); i++)
			;
		if (i == bits)
			return start;
		start = ALIGN(start + i + 1, align_bits);
	}
	return -1;
}

/* Take a run for @size bytes in some chunk; the __percpu address, or 0. pcpu_lock held. */
static unsigned long alloc_from_chunks(size_t size, unsigned int bits, unsigned int align_bits)
{
	struct pcpu_chunk *chunk;
	int start;

	list_for_each_entry(chunk, &pcpu_chunks, list) {
		if (chunk->free_bits < bits)
			continue;
		start = find_free_run(chunk, bits, align_bits);
		if (start < 0)
			continue;
		for (unsigned int i = 0; i < bits; i++)
			map_set(chunk->alloc_map, start + i);
		map_set(chunk->bound_map, start);
		chunk->free_bits -= bits;
		pcpu_nr_alloc++;
		pcpu_nr_cur_alloc++;
		pcpu_nr_max_alloc = max(pcpu_nr_max_alloc, pcpu_nr_cur_alloc);
		pcpu_bytes_in_use += (unsigned long)bits << PCPU_MIN_ALLOC_SHIFT;
		kasan_mark(chunk, (unsigned int)start, bits, size);
		return chunk_ptr_base(chunk) + ((unsigned long)start << PCPU_MIN_ALLOC_SHIFT);
	}
	return 0;
}

/*
 * A new chunk: NR_CPUS units in the vmalloc window, its descriptor and
 * bitmaps in one lowmem page.
 */
static struct pcpu_chunk *create_chunk(void)
{
	unsigned long unit = pcpu_unit_size();
	unsigned int nr_bits = unit >> PCPU_MIN_ALLOC_SHIFT;
	size_t map_bytes = DIV_ROUND_UP(nr_bits, BITS_PER_LONG) * sizeof(long);
	struct pcpu_chunk *chunk;
	struct page *meta;

	if (sizeof(*chunk) + 2 * map_bytes > PAGE_SIZE)
		return NULL;
	meta = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!meta)
		return NULL;
	chunk = page_address(meta);
	chunk->base = vzalloc(NR_CPUS * unit);
	if (!chunk->base) {
		__free_page(meta);
		return NULL;
	}
	chunk->nr_bits = nr_bits;
	chunk->free_bits = nr_bits;
	chunk->alloc_map = (unsigned long *)(chunk + 1);
	chunk->bound_map = chunk->alloc_map + map_bytes / sizeof(long);
	kasan_mark(chunk, 0, nr_bits, 0);
	return chunk;
}

static void destroy_chunk(struct pcpu_chunk *chunk)
{
	vfree(chunk->base);
	__free_page(virt_to_page(chunk));
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	unsigned int bits = DIV_ROUND_UP(size, PCPU_MIN_ALLOC_SIZE);
	unsigned int align_bits;
	struct pcpu_chunk *spare = NULL;
	unsigned long ptr, flags;
	unsigned int cpu;

	if (!size || size > pcpu_unit_size() || !is_power_of_2(align) || align > PAGE_SIZE) {
		WARN(1, "alloc_percpu: bad size %zu or alignment %zu\n", size, align);
		return NULL;
	}
	align_bits = max(align, PCPU_MIN_ALIGN) >> PCPU_MIN_ALLOC_SHIFT;
	for (;;) {
		spin_lock_irqsave(&pcpu_lock, flags);
		ptr = alloc_from_chunks(size, bits, align_bits);
		if (!ptr && spare) {
			list_add_tail(&spare->list, &pcpu_chunks);
			pcpu_nr_chunks++;
			spare = NULL;
			ptr = alloc_from_chunks(size, bits, align_bits);
		}
		spin_unlock_irqrestore(&pcpu_lock, flags);
		if (ptr || !page_allocator_ready())
			break;
		spare = create_chunk();	/* outside the lock: it may wait for memory */
		if (!spare)
			break;
	}
	if (spare)
		destroy_chunk(spare);	/* another CPU made room meanwhile */
	if (!ptr) {
		pr_warn("alloc_percpu: cannot allocate %zu bytes\n", size);
		return NULL;
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++)	/* every unit exists, possible or not */
		memset((void *)(ptr + __per_cpu_offset[cpu]), 0, size);
	if (module_track_caller(_RET_IP_))
		module_track_alloc(MT_PERCPU, (void *)ptr, size, _RET_IP_, NULL);
	return (void __percpu *)ptr;
}
EXPORT_SYMBOL_GPL(__alloc_percpu);

void free_percpu(void __percpu *ptr)
{
	unsigned long addr = (unsigned long __force)ptr, off = 0, flags;
	struct pcpu_chunk *chunk, *found = NULL, *empty = NULL;
	unsigned int bit, first;

	if (!ptr)
		return;
	if (module_track_held_any(MT_PERCPU))
		module_track_free(MT_PERCPU, (void __force *)ptr);
	spin_lock_irqsave(&pcpu_lock, flags);
	list_for_each_entry(chunk, &pcpu_chunks, list) {
		off = addr - chunk_ptr_base(chunk);
		if (off < pcpu_unit_size()) {
			found = chunk;
			break;
		}
	}
	bit = off >> PCPU_MIN_ALLOC_SHIFT;
	if (!found || (off & (PCPU_MIN_ALLOC_SIZE - 1)) || !map_test(found->bound_map, bit)) {
		spin_unlock_irqrestore(&pcpu_lock, flags);
		WARN(1, "free_percpu: %p was not allocated by alloc_percpu\n", (void __force *)ptr);
		return;
	}
	map_clear(found->bound_map, bit);
	pcpu_nr_dealloc++;
	pcpu_nr_cur_alloc--;
	first = bit;
	do {
		map_clear(found->alloc_map, bit);
		found->free_bits++;
		pcpu_bytes_in_use -= PCPU_MIN_ALLOC_SIZE;
		bit++;
	} while (bit < found->nr_bits && map_test(found->alloc_map, bit) &&
		 !map_test(found->bound_map, bit));
	kasan_mark(found, first, bit - first, 0);
	if (found != &first_chunk && found->free_bits == found->nr_bits) {
		list_del(&found->list);
		pcpu_nr_chunks--;
		empty = found;
	}
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (empty)
		destroy_chunk(empty);
}
EXPORT_SYMBOL_GPL(free_percpu);

void percpu_stats_show(mm_printf_t print)
{
	unsigned long flags, v[7];

	spin_lock_irqsave(&pcpu_lock, flags);
	v[0] = pcpu_unit_size();
	v[1] = __per_cpu_end - __per_cpu_start;
	v[2] = pcpu_nr_alloc;
	v[3] = pcpu_nr_dealloc;
	v[4] = pcpu_nr_cur_alloc;
	v[5] = pcpu_nr_max_alloc;
	v[6] = pcpu_nr_chunks;
	spin_unlock_irqrestore(&pcpu_lock, flags);
	print("Percpu Memory Statistics\nAllocation Info:\n"
	      "----------------------------------------\n");
	print("  %-20s: %12lu\n  %-20s: %12lu\n", "unit_size", v[0], "static_size", v[1]);
	print("\nGlobal Stats:\n----------------------------------------\n");
	print("  %-20s: %12lu\n  %-20s: %12lu\n  %-20s: %12lu\n", "nr_alloc", v[2],
	      "nr_dealloc", v[3], "nr_cur_alloc", v[4]);
	print("  %-20s: %12lu\n  %-20s: %12lu\n  %-20s: %12lu\n", "nr_max_alloc", v[5],
	      "nr_chunks", v[6], "bytes_in_use", READ_ONCE(pcpu_bytes_in_use));
}

unsigned long pcpu_nr_pages(void)
{
	return READ_ONCE(pcpu_nr_chunks) * NR_CPUS * (pcpu_unit_size() >> PAGE_SHIFT);
}
