/*
 * KUnit suite "irq": request_irq/free_irq and friends refuse misuse, and
 * interrupts raised from software (an SPI or PPI set pending at the GIC,
 * an SGI) reach the right handler on the right CPU.
 *
 * The test lines are found at run time: the highest SPI nobody requested
 * (no device drives it on the boards we know), and a PPI nobody requested
 * that is not pending by itself.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/time64.h>
#include <asm/smp.h>
#include <mica/board.h>
#include <mica/timer_driver.h>
#include <mica/kunit.h>
#include <string.h>

#define WAIT_NS  NSEC_PER_SEC
#define QUIET_NS (20 * NSEC_PER_MSEC)	/* long enough for a stray interrupt to show */

struct probe {
	atomic_t calls;
	int cpu;
	bool in_irq;
	irqreturn_t ret;
};

static irqreturn_t probe_handler(int irq, void *dev_id)
{
	struct probe *p = dev_id;

	p->cpu = smp_processor_id();
	p->in_irq = in_irq();
	atomic_inc(&p->calls);
	return p->ret;
}

static bool wait_calls(struct probe *p, int n, u64 timeout_ns)
{
	u64 start = local_clock();

	while (atomic_read(&p->calls) < n)
		if (local_clock() - start > timeout_ns)
			return false;
	return true;
}

static unsigned int free_spi(void)
{
	unsigned int irq;

	for (irq = nr_irqs - 1; irq >= 32; irq--)
		if (!irq_to_desc(irq)->action)
			return irq;
	return 0;
}

static unsigned int test_spi(struct kunit *test)
{
	unsigned int spi = free_spi();

	if (!spi)
		kunit_skip(test, "no free SPI");
	return spi;
}

static void raise(unsigned int irq)
{
	irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
}

static void irq_request_misuse(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	struct probe a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };

	KUNIT_EXPECT_EQ(test, request_irq(nr_irqs, probe_handler, 0, "t", &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(IPI_CALL_FUNC, probe_handler, 0, "t", &a), -EINVAL);
	/* The tick: a PPI (never request_irq's), or a taken SPI (the Exynos4210's MCT). */
	KUNIT_EXPECT_EQ(test, request_irq(tick_irq(0), probe_handler, 0, "t", &a),
			tick_irq(0) < 32 ? -EINVAL : -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(spi, NULL, 0, "t", &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t", NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, IRQF_TRIGGER_LOW, "t", &a), -EINVAL);

	/* Taken without IRQF_SHARED: nobody else gets it, shared or not. */
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, 0, "t-a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, 0, "t-b", &b), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-b", &b), -EBUSY);
	KUNIT_EXPECT_NOT_NULL(test, free_irq(spi, &a));

	/* Shared: only with sharers of the same trigger type. */
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, 0, "t-b", &b), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED | IRQF_TRIGGER_RISING,
					  "t-b", &b), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-b", &b), 0);
	KUNIT_EXPECT_NOT_NULL(test, free_irq(spi, &b));
	KUNIT_EXPECT_NOT_NULL(test, free_irq(spi, &a));
	KUNIT_EXPECT_NULL(test, irq_to_desc(spi)->action);
}

static void irq_free_misuse(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	struct probe a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };

	KUNIT_EXPECT_NULL(test, free_irq(spi, &a));		/* never requested */
	KUNIT_EXPECT_NULL(test, free_irq(IPI_CALL_FUNC, &a));	/* an SGI */
	KUNIT_EXPECT_NULL(test, free_irq(nr_irqs, &a));
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-a", &a), 0);
	/* The wrong dev_id frees nothing: the handler still runs. */
	KUNIT_EXPECT_NULL(test, free_irq(spi, &b));
	raise(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&a, 1, WAIT_NS));
	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(spi, &a), "t-a");
	KUNIT_EXPECT_NULL(test, free_irq(spi, &a));		/* twice */
	/* Freed: masked, and its handler no longer called. */
	raise(spi);
	{
		u64 start = local_clock();

		while (local_clock() - start < QUIET_NS)
			cpu_relax();
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&a.calls), 1);
	irq_set_irqchip_state(spi, IRQCHIP_STATE_PENDING, false);
}

/* The trigger type asked for reaches the controller, and the line still works. */
static void irq_trigger_types(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	const struct irq_chip *chip = irq_to_desc(spi)->chip;
	struct probe p = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_NOT_NULL(test, chip->irq_get_type);
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_TRIGGER_RISING, "t-edge", &p), 0);
	KUNIT_EXPECT_EQ(test, chip->irq_get_type(spi), IRQ_TYPE_EDGE_RISING);
	raise(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&p, 1, WAIT_NS));
	free_irq(spi, &p);
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_TRIGGER_HIGH, "t-level", &p), 0);
	KUNIT_EXPECT_EQ(test, chip->irq_get_type(spi), IRQ_TYPE_LEVEL_HIGH);
	raise(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&p, 2, WAIT_NS));
	free_irq(spi, &p);
}

/* Routed to each CPU in turn, the SPI is taken there, in interrupt context. */
static void irq_software_spi_on_each_cpu(struct kunit *test)
{
	unsigned int spi = test_spi(test), cpu;
	struct probe p = { .ret = IRQ_HANDLED };
	int n = 0;

	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, 0, "t-spi", &p), 0);
	for_each_online_cpu(cpu) {
		cpumask_t mask = { 1UL << cpu };
		unsigned int before = kstat_irqs_cpu(spi, cpu);

		KUNIT_EXPECT_EQ(test, irq_set_affinity(spi, &mask), 0);
		raise(spi);
		KUNIT_EXPECT_TRUE(test, wait_calls(&p, ++n, WAIT_NS));
		KUNIT_EXPECT_EQ(test, p.cpu, cpu);
		KUNIT_EXPECT_TRUE(test, p.in_irq);
		KUNIT_EXPECT_EQ(test, kstat_irqs_cpu(spi, cpu), before + 1);
	}
	{
		cpumask_t none = { 0 }, boot = { 1UL << 0 };

		KUNIT_EXPECT_EQ(test, irq_set_affinity(spi, &none), -EINVAL);
		KUNIT_EXPECT_EQ(test, irq_set_affinity(spi, &boot), 0);
	}
	free_irq(spi, &p);
}

static void irq_shared_handlers_all_run(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	struct probe a = { .ret = IRQ_NONE }, b = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-a", &a), 0);
	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-b", &b), 0);
	raise(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&a, 1, WAIT_NS));
	KUNIT_EXPECT_TRUE(test, wait_calls(&b, 1, WAIT_NS));
	free_irq(spi, &a);
	raise(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&b, 2, WAIT_NS));
	KUNIT_EXPECT_EQ(test, atomic_read(&a.calls), 1);
	free_irq(spi, &b);
}

/* Two disables need two enables; what came meanwhile is delivered then. */
static void irq_disable_nests(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	struct probe p = { .ret = IRQ_HANDLED };
	bool pending = false;

	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, 0, "t-nest", &p), 0);
	disable_irq(spi);
	disable_irq(spi);
	raise(spi);
	KUNIT_EXPECT_FALSE(test, wait_calls(&p, 1, QUIET_NS));
	KUNIT_EXPECT_EQ(test, irq_get_irqchip_state(spi, IRQCHIP_STATE_PENDING, &pending), 0);
	KUNIT_EXPECT_TRUE(test, pending);
	enable_irq(spi);
	KUNIT_EXPECT_FALSE(test, wait_calls(&p, 1, QUIET_NS));
	enable_irq(spi);
	KUNIT_EXPECT_TRUE(test, wait_calls(&p, 1, WAIT_NS));
	free_irq(spi, &p);
}

/* A line nobody claims is switched off after IRQ_UNHANDLED_LIMIT in a row. */
static void irq_nobody_cared(struct kunit *test)
{
	unsigned int spi = test_spi(test);
	struct probe p = { .ret = IRQ_NONE };
	bool masked = false;
	int i;

	KUNIT_ASSERT_EQ(test, request_irq(spi, probe_handler, IRQF_SHARED, "t-none", &p), 0);
	for (i = 1; i <= IRQ_UNHANDLED_LIMIT; i++) {
		raise(spi);
		if (!wait_calls(&p, i, WAIT_NS))
			break;
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&p.calls), IRQ_UNHANDLED_LIMIT);
	/* The line is masked after the handler returns, maybe on another CPU than ours. */
	synchronize_irq(spi);
	KUNIT_EXPECT_EQ(test, irq_get_irqchip_state(spi, IRQCHIP_STATE_MASKED, &masked), 0);
	KUNIT_EXPECT_TRUE(test, masked);
	raise(spi);
	KUNIT_EXPECT_FALSE(test, wait_calls(&p, IRQ_UNHANDLED_LIMIT + 1, QUIET_NS));
	free_irq(spi, &p);
	irq_set_irqchip_state(spi, IRQCHIP_STATE_PENDING, false);
}

/* SGIs: a wakeup IPI to this CPU is taken and counted here. */
static void irq_sgi_to_self(struct kunit *test)
{
	unsigned int cpu = get_cpu(), before = ipi_stat_cpu(cpu, IPI_WAKEUP);
	cpumask_t self = { 1UL << cpu };
	u64 start = local_clock();

	arch_send_wakeup_ipi_mask(&self);
	while (ipi_stat_cpu(cpu, IPI_WAKEUP) == before && local_clock() - start < WAIT_NS)
		cpu_relax();
	put_cpu();
	KUNIT_EXPECT_EQ(test, ipi_stat_cpu(cpu, IPI_WAKEUP), before + 1);
}

static DEFINE_PER_CPU(struct probe, ppi_probe);

static unsigned int free_ppi(struct kunit *test)
{
	unsigned int irq;

	for (irq = 31; irq >= 16; irq--)
		if (!irq_to_desc(irq)->action)
			return irq;
	kunit_skip(test, "no free PPI");
}

static void irq_percpu_misuse(struct kunit *test)
{
	unsigned int spi = test_spi(test), ppi = free_ppi(test);
	int dummy;

	KUNIT_EXPECT_EQ(test, request_percpu_irq(spi, probe_handler, "t", &ppi_probe), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_percpu_irq(ppi, probe_handler, "t", NULL), -EINVAL);
	if (tick_irq(0) < 32) {		/* a per-CPU tick */
		KUNIT_EXPECT_EQ(test, request_percpu_irq(tick_irq(0), probe_handler, "t", &ppi_probe),
				-EBUSY);
		/* The wrong cookie does not free the tick. */
		free_percpu_irq(tick_irq(0), &dummy);
		KUNIT_EXPECT_NOT_NULL(test, irq_to_desc(tick_irq(0))->action);
	}

	KUNIT_ASSERT_EQ(test, request_percpu_irq(ppi, probe_handler, "t-ppi", &ppi_probe), 0);
	KUNIT_EXPECT_EQ(test, request_percpu_irq(ppi, probe_handler, "t-ppi2", &ppi_probe), -EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(ppi, probe_handler, 0, "t", &dummy), -EINVAL);
	preempt_disable();
	enable_percpu_irq(ppi, IRQ_TYPE_NONE);
	/* Still enabled on this CPU: refused. */
	free_percpu_irq(ppi, &ppi_probe);
	KUNIT_EXPECT_NOT_NULL(test, irq_to_desc(ppi)->action);
	disable_percpu_irq(ppi);
	preempt_enable();
	free_percpu_irq(ppi, &ppi_probe);
	KUNIT_EXPECT_NULL(test, irq_to_desc(ppi)->action);
}

/* A PPI raised on this CPU runs the handler here with this CPU's cookie. */
static void irq_percpu_raised(struct kunit *test)
{
	unsigned int ppi = free_ppi(test), cpu;
	struct probe *mine;
	bool pending = false;

	cpu = get_cpu();
	irq_set_irqchip_state(ppi, IRQCHIP_STATE_PENDING, true);
	irq_get_irqchip_state(ppi, IRQCHIP_STATE_PENDING, &pending);
	irq_set_irqchip_state(ppi, IRQCHIP_STATE_PENDING, false);
	if (!pending) {
		put_cpu();
		kunit_skip(test, "the GIC ignores set-pending for PPIs (QEMU does)");
	}
	mine = this_cpu_ptr(&ppi_probe);
	memset(mine, 0, sizeof(*mine));
	mine->ret = IRQ_HANDLED;
	KUNIT_ASSERT_EQ(test, request_percpu_irq(ppi, probe_handler, "t-ppi", &ppi_probe), 0);
	enable_percpu_irq(ppi, IRQ_TYPE_NONE);
	raise(ppi);
	KUNIT_EXPECT_TRUE(test, wait_calls(mine, 1, WAIT_NS));
	KUNIT_EXPECT_EQ(test, mine->cpu, cpu);
	disable_percpu_irq(ppi);
	put_cpu();
	free_percpu_irq(ppi, &ppi_probe);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(irq_request_misuse),
	KUNIT_CASE(irq_free_misuse),
	KUNIT_CASE(irq_trigger_types),
	KUNIT_CASE(irq_software_spi_on_each_cpu),
	KUNIT_CASE(irq_shared_handlers_all_run),
	KUNIT_CASE(irq_disable_nests),
	KUNIT_CASE(irq_nobody_cared),
	KUNIT_CASE(irq_sgi_to_self),
	KUNIT_CASE(irq_percpu_misuse),
	KUNIT_CASE(irq_percpu_raised),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
