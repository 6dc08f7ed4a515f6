/*
 * Self-tests of dynamic per-CPU allocation: one zeroed copy per CPU, reached
 * through per_cpu_ptr/this_cpu_*, distinct between CPUs and between
 * allocations; growth past the boot units into vmalloc'd chunks and back.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <string.h>
#include <mica/kunit.h>

struct pair {
	u64 a;
	u32 b;
};

static void one_copy_per_cpu(struct kunit *test)
{
	int __percpu *p = alloc_percpu(int);
	unsigned int cpu, other;
	int now;

	KUNIT_ASSERT_GT(test, num_possible_cpus(), 0);
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)p);
	for_each_possible_cpu(cpu) {
		int *mine = per_cpu_ptr(p, cpu);

		KUNIT_EXPECT_EQ(test, *mine, 0);
		*mine = 100 + cpu;
		/* Inside that CPU's unit, at the same offset as everyone's. */
		KUNIT_EXPECT_EQ(test, (unsigned long)mine - __per_cpu_offset[cpu],
				(unsigned long __force)p);
		for_each_possible_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_PTR_NE(test, mine, per_cpu_ptr(p, other));
	}
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ(test, *per_cpu_ptr(p, cpu), 100 + cpu);

	cpu = get_cpu();
	KUNIT_EXPECT_PTR_EQ(test, this_cpu_ptr(p), per_cpu_ptr(p, cpu));
	this_cpu_inc(*p);
	this_cpu_add(*p, 10);
	now = this_cpu_read(*p);
	KUNIT_EXPECT_EQ(test, now, 111 + cpu);
	this_cpu_write(*p, 7);
	KUNIT_EXPECT_EQ(test, *per_cpu_ptr(p, cpu), 7);
	put_cpu();
	free_percpu(p);
}

struct seen {
	int __percpu *counter;
	int *where[NR_CPUS];
};

static void bump_mine(void *info)
{
	struct seen *s = info;

	this_cpu_add(*s->counter, smp_processor_id() + 1);
	s->where[smp_processor_id()] = this_cpu_ptr(s->counter);
}

/* Every CPU, through this_cpu_*, reaches its own copy and only that. */
static void each_cpu_sees_its_own_copy(struct kunit *test)
{
	struct seen s = { .counter = alloc_percpu(int) };
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)s.counter);
	on_each_cpu(bump_mine, &s, 1);
	on_each_cpu(bump_mine, &s, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, *per_cpu_ptr(s.counter, cpu), 2 * (cpu + 1));
		KUNIT_EXPECT_PTR_EQ(test, s.where[cpu], per_cpu_ptr(s.counter, cpu));
	}
	free_percpu(s.counter);
}

#define NR_ALLOCS 64

/* Allocations of mixed sizes and alignments never overlap on any CPU. */
static void allocations_are_disjoint(struct kunit *test)
{
	void __percpu *ptr[NR_ALLOCS];
	size_t size[NR_ALLOCS];
	unsigned int i, j, cpu;

	for (i = 0; i < NR_ALLOCS; i++) {
		size_t align = 1UL << (i % 7);

		size[i] = 1 + (i * 37) % 200;
		ptr[i] = __alloc_percpu(size[i], align);
		KUNIT_ASSERT_NOT_NULL(test, (void __force *)ptr[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long __force)ptr[i], align));
		for_each_possible_cpu(cpu)
			memset(per_cpu_ptr(ptr[i], cpu), (i + cpu * NR_ALLOCS) & 0xff, size[i]);
	}
	for (i = 0; i < NR_ALLOCS; i++)
		for (j = i + 1; j < NR_ALLOCS; j++) {
			unsigned long a = (unsigned long __force)ptr[i], b = (unsigned long __force)ptr[j];

			KUNIT_EXPECT_TRUE(test, a + size[i] <= b || b + size[j] <= a);
		}
	for (i = 0; i < NR_ALLOCS; i++) {
		for_each_possible_cpu(cpu) {
			u8 *bytes = per_cpu_ptr(ptr[i], cpu);
			unsigned int wrong = 0;

			for (j = 0; j < size[i]; j++)
				wrong += bytes[j] != ((i + cpu * NR_ALLOCS) & 0xff);
			KUNIT_EXPECT_EQ(test, wrong, 0);
		}
		free_percpu(ptr[i]);
	}
}

static void reused_memory_is_zeroed(struct kunit *test)
{
	struct pair __percpu *p = alloc_percpu(struct pair);
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)p);
	for_each_possible_cpu(cpu)
		*per_cpu_ptr(p, cpu) = (struct pair){ ~0ULL, ~0U };
	free_percpu(p);
	p = alloc_percpu(struct pair);
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)p);
	for_each_possible_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu_ptr(p, cpu)->a, 0);
		KUNIT_EXPECT_EQ(test, per_cpu_ptr(p, cpu)->b, 0);
	}
	free_percpu(p);
}

/* More than the boot units hold: new chunks in the vmalloc window, freed when empty. */
static void grows_into_new_chunks(struct kunit *test)
{
	enum { N = 96, SIZE = 1024 };
	unsigned long pages_before = pcpu_nr_pages(), cpu;
	void __percpu *ptr[N];
	bool vmalloc_seen = false;
	int i;

	KUNIT_ASSERT_GT(test, num_possible_cpus(), 0);
	for (i = 0; i < N; i++) {
		ptr[i] = __alloc_percpu(SIZE, 8);
		KUNIT_ASSERT_NOT_NULL(test, (void __force *)ptr[i]);
		for_each_possible_cpu(cpu) {
			u32 *v = per_cpu_ptr(ptr[i], cpu);

			vmalloc_seen |= is_vmalloc_addr(v);
			v[0] = i;
			v[SIZE / 4 - 1] = cpu;
		}
	}
	KUNIT_EXPECT_TRUE(test, vmalloc_seen);
	KUNIT_EXPECT_GT(test, pcpu_nr_pages(), pages_before);
	for (i = 0; i < N; i++) {
		for_each_possible_cpu(cpu) {
			u32 *v = per_cpu_ptr(ptr[i], cpu);

			KUNIT_EXPECT_EQ(test, v[0], i);
			KUNIT_EXPECT_EQ(test, v[SIZE / 4 - 1], cpu);
		}
		free_percpu(ptr[i]);
	}
	KUNIT_EXPECT_EQ(test, pcpu_nr_pages(), pages_before);
}

static void bad_requests_are_refused(struct kunit *test)
{
	int __percpu *p = alloc_percpu(int);

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)p);
	KUNIT_EXPECT_NULL(test, (void __force *)__alloc_percpu(0, 4));
	KUNIT_EXPECT_NULL(test, (void __force *)__alloc_percpu(16, 3));
	KUNIT_EXPECT_NULL(test, (void __force *)__alloc_percpu(16, 2 * PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, (void __force *)__alloc_percpu(1 << 20, 4));
	free_percpu((int __percpu *)((unsigned long __force)p + 4));	/* not a start: reported */
	*per_cpu_ptr(p, 0) = 5;
	free_percpu(p);
	free_percpu(p);		/* twice: reported */
	free_percpu(NULL);
}

static struct kunit_case percpu_cases[] = {
	KUNIT_CASE(one_copy_per_cpu),
	KUNIT_CASE(each_cpu_sees_its_own_copy),
	KUNIT_CASE(allocations_are_disjoint),
	KUNIT_CASE(reused_memory_is_zeroed),
	KUNIT_CASE(grows_into_new_chunks),
	KUNIT_CASE(bad_requests_are_refused),
	{}
};

static struct kunit_suite percpu_suite = {
	.name = "percpu",
	.test_cases = percpu_cases,
};
kunit_test_suite(percpu_suite);
