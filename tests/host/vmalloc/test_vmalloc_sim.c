/*
 * Host tests of vmalloc, vmap and kmap on the simulated machine (mm's
 * tests/host/sim): the windows are real host mappings of the simulated RAM,
 * so data written through a vmalloc or kmap address must show up through
 * every other mapping of the same page, and an unmapped guard page really
 * faults (SIGSEGV). Four host threads act as four CPUs for the SMP stress.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <signal.h>
#include <pthread.h>
#include <unistd.h>
#include <string.h>
#include <cmocka.h>

#include <linux/highmem.h>
#include <linux/prandom.h>
#include <linux/vmalloc.h>
#include <mica/mm_check.h>
#include "../mm/mm_test.h"
#include "../../../mm/vmalloc_internal.h"

static unsigned long free_at_start;

static int boot_machine(void **state)
{
	mm_test_boot(1024, "");
	vmalloc_init();
	kmap_init();
	free_at_start = mm_test_free_pages();
	return 0;
}

/* Every test leaves the machine as it found it. */
static void check_all_returned(void)
{
	char why[160];

	if (vmalloc_check(why, sizeof(why)))
		fail_msg("vmalloc areas: %s", why);
	assert_int_equal(vmalloc_nr_pages(), 0);
	assert_int_equal(vm_desc_pool_pages(), 0);
	assert_int_equal(mm_test_free_pages(), free_at_start);
	assert_null(mm_test_validate());
}

/* The word at @p through the page's own mapping (kmap for high pages). */
static u32 read_via_page(const void *p)
{
	struct page *page = vmalloc_to_page(p);
	u32 *k, v;

	assert_non_null(page);
	k = kmap(page);
	assert_non_null(k);
	v = k[((unsigned long)p & ~PAGE_MASK) / 4];
	kunmap(page);
	return v;
}

static void test_vmalloc_data_reaches_the_pages(void **state)
{
	for (unsigned long pages = 1; pages <= 300; pages = pages * 3 + 1) {
		u32 *p = vmalloc(pages * PAGE_SIZE);
		unsigned long high = 0;

		assert_non_null(p);
		assert_true(is_vmalloc_addr(p));
		for (unsigned long i = 0; i < pages; i++) {
			p[i * PAGE_SIZE / 4 + 3] = 0xc0de0000 + i;
			assert_int_equal(read_via_page(&p[i * PAGE_SIZE / 4 + 3]), 0xc0de0000 + i);
			high += PageHighMem(vmalloc_to_page(&p[i * PAGE_SIZE / 4]));
		}
		assert_int_equal(high, pages);	/* high memory first */
		assert_null(vmalloc_to_page((char *)p + pages * PAGE_SIZE));
		assert_int_equal(vmalloc_nr_pages(), pages);
		vfree(p);
	}
	check_all_returned();
}

static sigjmp_buf fault_jmp;

static void on_segv(int sig)
{
	siglongjmp(fault_jmp, 1);
}

/* The guard page after an area, and the area itself after vfree, are unmapped. */
static void test_guard_and_freed_pages_fault(void **state)
{
	struct sigaction sa = { .sa_handler = on_segv }, old;
	volatile char *p = vmalloc(2 * PAGE_SIZE);
	volatile int faults = 0;

	assert_non_null(p);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old);
	p[2 * PAGE_SIZE - 1] = 1;
	if (!sigsetjmp(fault_jmp, 1))
		p[2 * PAGE_SIZE] = 1;
	else
		faults++;
	vfree((void *)p);
	if (!sigsetjmp(fault_jmp, 1))
		(void)p[0];
	else
		faults++;
	sigaction(SIGSEGV, &old, NULL);
	assert_int_equal(faults, 2);
	check_all_returned();
}

static void test_vzalloc_and_vmap(void **state)
{
	struct page *pages[3];
	u32 *z = vmalloc(8 * PAGE_SIZE), *v;

	memset(z, 0xff, 8 * PAGE_SIZE);
	vfree(z);
	z = vzalloc(8 * PAGE_SIZE);
	for (int i = 0; i < 8 * (int)PAGE_SIZE / 4; i++)
		assert_int_equal(z[i], 0);
	vfree(z);

	for (int i = 0; i < 3; i++)
		pages[i] = alloc_page(GFP_HIGHUSER);
	v = vmap(pages, 3, 0, PROT_KERNEL);
	assert_non_null(v);
	v[PAGE_SIZE / 4 + 1] = 42;
	assert_int_equal(((u32 *)kmap(pages[1]))[1], 42);
	kunmap(pages[1]);
	vunmap(v);
	for (int i = 0; i < 3; i++)
		__free_page(pages[i]);
	check_all_returned();
}

/*
 * A freed area stays reserved for a request of its size (mm/vmalloc.c's
 * spare areas), unseen by lookups and counts; a request nothing else fits
 * gets the spares given back first.
 */
static void test_freed_areas_are_reused(void **state)
{
	unsigned long window = VMALLOC_END - VMALLOC_START;
	struct vm_struct *rest, *last;
	u32 *p, *q;

	vmalloc_drop_spare_areas();		/* earlier tests' */
	assert_int_equal(vmalloc_nr_areas(), 0);
	p = vmalloc(PAGE_SIZE);
	assert_ptr_equal(p, (void *)VMALLOC_START);
	vfree(p);
	assert_null(find_vm_area(p));
	assert_int_equal(vmalloc_nr_areas(), 0);
	q = vmalloc(PAGE_SIZE);
	assert_ptr_equal(q, p);
	q[3] = 0x5a5a;
	assert_int_equal(read_via_page(&q[3]), 0x5a5a);
	vfree(q);

	/* The spare keeps its 8 KiB: the rest of the window fits exactly behind it... */
	rest = get_vm_area_caller(window - 2 * PAGE_SIZE, VM_IOREMAP | VM_NO_GUARD, NULL);
	assert_non_null(rest);
	assert_ptr_equal(rest->addr, (void *)(VMALLOC_START + 2 * PAGE_SIZE));
	/* ...and a page more is only there once the spare is given back. */
	last = get_vm_area_caller(PAGE_SIZE, VM_IOREMAP | VM_NO_GUARD, NULL);
	assert_non_null(last);
	assert_ptr_equal(last->addr, p);
	free_vm_area(last);
	free_vm_area(rest);
	vmalloc_drop_spare_areas();
	assert_int_equal(vmalloc_nr_areas(), 0);
	check_all_returned();
}

static void fault_injection_off(void)
{
	fail_page_alloc.attr.probability = 0;
	fail_page_alloc_update();
}

/* A vmalloc that cannot get its n-th page leaves nothing behind, whatever n. */
static void test_failure_part_way_undoes_everything(void **state)
{
	struct vmalloc_info before, after;
	unsigned long nth;

	get_vmalloc_info(&before);
	for (nth = 1; nth <= 70; nth += 3) {
		void *p;

		drain_all_pages();
		fail_page_alloc_nth(nth);
		p = __vmalloc(64 * PAGE_SIZE, GFP_KERNEL | __GFP_HIGHMEM | __GFP_NOWARN, PROT_KERNEL);
		fault_injection_off();
		if (nth <= 65)	/* the page array, then the 64 pages */
			assert_null(p);
		else
			assert_non_null(p);
		vfree(p);
		check_all_returned();
	}
	get_vmalloc_info(&after);
	assert_int_equal(after.largest_chunk, before.largest_chunk);
}

/* 512 pkmap slots: the 513th simultaneous kmap is refused until one is released. */
/* A kmap made on simulated CPU 1 while every pkmap slot is taken. */
struct kmap_waiter {
	struct page *page;
	void *addr;
	int done;
};

static void *kmap_on_cpu1(void *arg)
{
	struct kmap_waiter *w = arg;

	sim_set_cpu(1);
	w->addr = kmap(w->page);	/* waits until a slot is released */
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* With every slot in use kmap waits (the simulator polls) until kunmap frees one. */
static void test_pkmap_exhaustion(void **state)
{
	struct page *pages[LAST_PKMAP + 1];
	void *addr[LAST_PKMAP];
	struct kmap_waiter w;
	pthread_t waiter;
	int i;

	for (i = 0; i <= LAST_PKMAP; i++)
		pages[i] = alloc_page(GFP_HIGHUSER);
	for (i = 0; i < LAST_PKMAP; i++) {
		addr[i] = kmap(pages[i]);
		assert_non_null(addr[i]);
		*(int *)addr[i] = i;
	}
	w.page = pages[LAST_PKMAP];
	w.addr = NULL;
	w.done = 0;
	assert_int_equal(pthread_create(&waiter, NULL, kmap_on_cpu1, &w), 0);
	usleep(50000);
	assert_int_equal(__atomic_load_n(&w.done, __ATOMIC_ACQUIRE), 0);	/* still waiting */
	kunmap(pages[7]);
	pthread_join(waiter, NULL);
	assert_ptr_equal(w.addr, addr[7]);
	for (i = 0; i < LAST_PKMAP; i++) {
		if (i == 7)
			continue;
		assert_int_equal(*(int *)page_address(pages[i]), i);
		kunmap(pages[i]);
	}
	kunmap(pages[LAST_PKMAP]);
	assert_int_equal(kunmap_high(pages[LAST_PKMAP]), -EINVAL);
	for (i = 0; i <= LAST_PKMAP; i++)
		__free_page(pages[i]);
	check_all_returned();
}

static void test_kmap_atomic_stack(void **state)
{
	struct page *a = alloc_page(GFP_HIGHUSER), *b = alloc_page(GFP_HIGHUSER);
	u32 *pa, *pb;

	pa = kmap_atomic(a);
	pb = kmap_atomic(b);
	assert_int_equal(preempt_count(), 2);
	assert_ptr_not_equal(pa, pb);
	assert_ptr_equal(kmap_to_page(pa), a);
	assert_ptr_equal(kmap_to_page(pb), b);
	*pb = 5;
	assert_int_equal(__kunmap_atomic(pa), -EINVAL);
	assert_int_equal(__kunmap_atomic(pb), 0);
	assert_int_equal(__kunmap_atomic(pa), 0);
	assert_int_equal(__kunmap_atomic(pa), -EINVAL);
	assert_int_equal(preempt_count(), 0);
	assert_int_equal(*(u32 *)kmap(b), 5);
	kunmap(b);
	__free_page(a);
	__free_page(b);
	check_all_returned();
}

/* Four CPUs at once: vmalloc/vfree, kmap/kunmap and kmap_atomic, data checked. */
#define STRESS_STEPS 3000

struct stress {
	unsigned int cpu;
	unsigned long errors;
};

static void *stress_cpu(void *arg)
{
	struct stress *st = arg;
	struct rnd_state rnd;
	u32 *live[8] = { 0 };
	unsigned long sizes[8] = { 0 };

	sim_set_cpu(st->cpu);
	prandom_seed_state(&rnd, st->cpu);
	for (int step = 0; step < STRESS_STEPS; step++) {
		u32 rng = prandom_u32_state(&rnd);
		unsigned int s;

		s = rng % 8;
		if (live[s]) {
			for (unsigned long i = 0; i < sizes[s] / 4; i += 256)
				st->errors += live[s][i] != (st->cpu << 24 | s << 16 | (u32)i);
			vfree(live[s]);
			live[s] = NULL;
		} else {
			sizes[s] = PAGE_SIZE * (1 + rng % 24);
			live[s] = vmalloc(sizes[s]);
			if (!live[s]) {
				st->errors++;
				continue;
			}
			for (unsigned long i = 0; i < sizes[s] / 4; i += 256)
				live[s][i] = st->cpu << 24 | s << 16 | (u32)i;
		}
		if (step % 3 == 0) {
			struct page *page = alloc_page(GFP_HIGHUSER);
			u32 *k = kmap(page), *a;

			k[1] = rng;
			a = kmap_atomic(page);
			st->errors += a[1] != rng;
			kunmap_atomic(a);
			kunmap(page);
			__free_page(page);
		}
	}
	for (int s = 0; s < 8; s++)
		vfree(live[s]);
	return NULL;
}

static void test_smp_stress(void **state)
{
	pthread_t threads[NR_CPUS];
	struct stress st[NR_CPUS];

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		st[cpu] = (struct stress){ .cpu = cpu };
		assert_int_equal(pthread_create(&threads[cpu], NULL, stress_cpu, &st[cpu]), 0);
	}
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		pthread_join(threads[cpu], NULL);
		assert_int_equal(st[cpu].errors, 0);
	}
	sim_set_cpu(0);
	check_all_returned();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vmalloc_data_reaches_the_pages),
		cmocka_unit_test(test_guard_and_freed_pages_fault),
		cmocka_unit_test(test_vzalloc_and_vmap),
		cmocka_unit_test(test_freed_areas_are_reused),
		cmocka_unit_test(test_failure_part_way_undoes_everything),
		cmocka_unit_test(test_pkmap_exhaustion),
		cmocka_unit_test(test_kmap_atomic_stack),
		cmocka_unit_test(test_smp_stress),
	};
	return cmocka_run_group_tests_name("vmalloc_sim", tests, boot_machine, NULL);
}
