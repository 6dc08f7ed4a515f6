/*
 * KUnit suite "sched_stress": 16 threads for a fixed time, each doing a
 * random mix of page and vmalloc allocations (written and checked), kmap of
 * high pages, mutexes, a counting semaphore, a read-write semaphore,
 * spinlocks, sleeps and yields. Afterwards: every thread stopped in time
 * (no deadlock), the counters each lock protects add up, no semaphore or
 * rwsem rule was broken, no memory leaked, and the page allocator's and
 * vmalloc's own validators are clean.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <string.h>
#include <mica/kunit.h>
#include <mica/kunit_threads.h>
#include <mica/mm_check.h>

#define STRESS_THREADS	16
#define STRESS_MS	2000
#define NMUTEX		4
#define SEM_UNITS	2
/*
 * Second-level page tables made for vmalloc space touched for the first
 * time are kept for good (Mica never frees page tables): allow for them.
 */
#define PAGE_TABLE_SLACK 8

struct stress_shared {
	struct mutex m[NMUTEX];
	unsigned long mcount[NMUTEX];		/* under m[i] */
	struct semaphore sem;
	atomic_t in_sem;
	atomic_t sem_violations;
	struct rw_semaphore rw;
	unsigned long rw_a, rw_b;		/* equal outside a write */
	atomic_t rw_torn;
	spinlock_t lock;
	unsigned long spin_count;		/* under lock */
	int stop;
};

struct stress_thread {
	struct stress_shared *s;
	struct rnd_state rng;
	unsigned long mine[NMUTEX], spin_mine, ops;
	int bad_memory;				/* a pattern written did not read back */
};

static bool fill_and_check(void *mem, size_t len, u32 seed)
{
	u32 *w = mem;
	size_t i, n = len / sizeof(*w);

	for (i = 0; i < n; i++)
		w[i] = seed + i;
	for (i = 0; i < n; i++)
		if (w[i] != seed + i)
			return false;
	return true;
}

static void do_one_op(struct stress_thread *t)
{
	struct stress_shared *s = t->s;
	u32 r = prandom_u32_state(&t->rng);
	unsigned int i = r % NMUTEX;
	unsigned long flags;

	switch ((r >> 8) % 10) {
	case 0: {
		unsigned int order = (r >> 16) % 3;
		struct page *page = alloc_pages(GFP_KERNEL, order);

		if (page) {
			t->bad_memory |= !fill_and_check(page_address(page), PAGE_SIZE << order, r);
			__free_pages(page, order);
		}
		break;
	}
	case 1: {
		size_t len = (1 + (r >> 16) % 4) * PAGE_SIZE;
		void *v = vmalloc(len);

		if (v) {
			t->bad_memory |= !fill_and_check(v, len, r);
			vfree(v);
		}
		break;
	}
	case 2:
		mutex_lock(&s->m[i]);
		s->mcount[i]++;
		t->mine[i]++;
		if (r & 0x10000)
			cond_resched();		/* a holder may be preempted or yield */
		mutex_unlock(&s->m[i]);
		break;
	case 3:
		down(&s->sem);
		if (atomic_inc_return(&s->in_sem) > SEM_UNITS)
			atomic_inc(&s->sem_violations);
		udelay(20);
		atomic_dec(&s->in_sem);
		up(&s->sem);
		break;
	case 4:
		down_write(&s->rw);
		s->rw_a++;
		udelay(10);
		s->rw_b++;
		up_write(&s->rw);
		break;
	case 5:
		down_read(&s->rw);
		if (READ_ONCE(s->rw_a) != READ_ONCE(s->rw_b))
			atomic_inc(&s->rw_torn);
		up_read(&s->rw);
		break;
	case 6:
		spin_lock_irqsave(&s->lock, flags);
		s->spin_count++;
		t->spin_mine++;
		spin_unlock_irqrestore(&s->lock, flags);
		break;
	case 7:
		msleep(1);
		break;
	case 8:
		if (r & 0x10000)
			yield();
		else
			cond_resched();
		break;
	default: {
		struct page *page = alloc_page(GFP_HIGHUSER);

		if (page) {
			void *addr = kmap(page);

			t->bad_memory |= !fill_and_check(addr, PAGE_SIZE, r);
			kunmap(page);
			__free_page(page);
		}
		break;
	}
	}
	t->ops++;
}

static int stress_thread_fn(void *data)
{
	struct stress_thread *t = data;

	while (!READ_ONCE(t->s->stop))
		do_one_op(t);
	return 0;
}

/* When the case ends: the threads finish their operation and return. */
static void stress_stop(void *s)
{
	WRITE_ONCE(((struct stress_shared *)s)->stop, 1);
}

static void sched_stress_mixed_load(struct kunit *test)
{
	static struct stress_shared s;
	static struct stress_thread t[STRESS_THREADS];
	struct task_struct *p[STRESS_THREADS];
	unsigned long free_before, vm_before, free_after, sum, ops = 0;
	char why[128];
	int i, j, stuck = 0, bad = 0;

	for (i = 0; i < NMUTEX; i++) {
		mutex_init(&s.m[i]);
		s.mcount[i] = 0;
	}
	sema_init(&s.sem, SEM_UNITS);
	atomic_set(&s.in_sem, 0);
	atomic_set(&s.sem_violations, 0);
	init_rwsem(&s.rw);
	s.rw_a = s.rw_b = 0;
	atomic_set(&s.rw_torn, 0);
	spin_lock_init(&s.lock);
	s.spin_count = 0;
	s.stop = 0;

	drain_all_pages();
	free_before = nr_free_pages();
	vm_before = vmalloc_nr_pages();
	test_wake_on_stop(test, stress_stop, &s);
	for (i = 0; i < STRESS_THREADS; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		t[i].s = &s;
		prandom_seed_state(&t[i].rng, i);
		p[i] = test_thread_start(test, stress_thread_fn, &t[i], -1, "stress");
	}
	msleep(STRESS_MS);
	WRITE_ONCE(s.stop, 1);
	for (i = 0; i < STRESS_THREADS; i++)
		stuck += test_thread_reap(test, p[i]) != 0;
	KUNIT_ASSERT_EQ(test, stuck, 0);	/* all stopped: no deadlock */

	for (j = 0; j < NMUTEX; j++) {
		for (i = 0, sum = 0; i < STRESS_THREADS; i++)
			sum += t[i].mine[j];
		KUNIT_EXPECT_EQ(test, s.mcount[j], sum);
	}
	for (i = 0, sum = 0; i < STRESS_THREADS; i++) {
		sum += t[i].spin_mine;
		ops += t[i].ops;
		bad += t[i].bad_memory;
		KUNIT_EXPECT_GT(test, t[i].ops, 0);
	}
	KUNIT_EXPECT_EQ(test, s.spin_count, sum);
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.sem_violations), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.rw_torn), 0);
	KUNIT_EXPECT_EQ(test, s.rw_a, s.rw_b);
	KUNIT_EXPECT_EQ(test, s.sem.count, SEM_UNITS);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&s.rw));
	for (j = 0; j < NMUTEX; j++)
		KUNIT_EXPECT_FALSE(test, mutex_is_locked(&s.m[j]));

	drain_all_pages();
	free_after = nr_free_pages();
	kunit_info(test, "%lu operations; free pages %lu before, %lu after", ops, free_before,
		   free_after);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vm_before);
	KUNIT_EXPECT_GE(test, free_after + PAGE_TABLE_SLACK, free_before);
	KUNIT_EXPECT_TRUE_MSG(test, page_alloc_validate(why, sizeof(why)) == 0, "%s", why);
	KUNIT_EXPECT_TRUE_MSG(test, vmalloc_check(why, sizeof(why)) == 0, "%s", why);
}

static struct kunit_case sched_stress_cases[] = {
	KUNIT_CASE(sched_stress_mixed_load),
	{}
};

static struct kunit_suite sched_stress_suite = {
	.name = "sched_stress",
	.test_cases = sched_stress_cases,
};
kunit_test_suite(sched_stress_suite);
