/*
 * The interrupt core: one descriptor per line, handler registration
 * (request_irq and friends) and dispatch (generic_handle_irq).
 *
 * A shared line's handlers run without the descriptor lock held, so a
 * handler may call disable_irq_nosync()/enable_irq() on its own line;
 * in_progress tells free_irq()/disable_irq() when the last run is over.
 * The GIC never delivers one SPI to two CPUs at once (it stays active until
 * EOI), so a line's handlers never run concurrently with themselves.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <string.h>

unsigned int nr_irqs;
static struct irq_desc irq_desc[NR_IRQS];
static DEFINE_PER_CPU(unsigned long, spurious_irqs);

/* irqactions come from a fixed pool: a free slot has no handler. */
static struct irqaction action_pool[IRQ_ACTION_POOL];
static DEFINE_SPINLOCK(action_pool_lock);

static struct irqaction *alloc_action(irq_handler_t handler)
{
	struct irqaction *a, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&action_pool_lock, flags);
	for (a = action_pool; a < action_pool + IRQ_ACTION_POOL; a++) {
		if (!a->handler) {
			a->handler = handler;
			found = a;
			break;
		}
	}
	spin_unlock_irqrestore(&action_pool_lock, flags);
	return found;
}

static void free_action(struct irqaction *a)
{
	unsigned long flags;

	spin_lock_irqsave(&action_pool_lock, flags);
	memset(a, 0, sizeof(*a));
	spin_unlock_irqrestore(&action_pool_lock, flags);
}

struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < nr_irqs ? &irq_desc[irq] : NULL;
}

/* A line a driver may use: it exists and its controller is known. */
static struct irq_desc *usable_desc(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && desc->chip ? desc : NULL;
}

void irq_set_chip(unsigned int irq, const struct irq_chip *chip)
{
	if (irq < NR_IRQS)
		irq_desc[irq].chip = chip;
}

void irq_set_percpu_devid(unsigned int irq)
{
	if (irq < NR_IRQS)
		irq_desc[irq].percpu = true;
}

unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc && cpu < NR_CPUS ? READ_ONCE(desc->kstat_irqs[cpu]) : 0;
}

void irq_count_spurious(void)
{
	this_cpu_inc(spurious_irqs);
}

unsigned long irq_err_count(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu(spurious_irqs, cpu));
	return sum;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned int type = flags & IRQF_TRIGGER_MASK;
	struct irqaction *action, **pp;
	unsigned long irqflags;
	int ret = 0;

	if (!desc || desc->percpu || !handler || (flags & IRQF_PERCPU))
		return -EINVAL;
	if ((flags & IRQF_SHARED) && !dev_id)
		return -EINVAL;	/* free_irq could not tell the sharers apart */
	action = alloc_action(handler);
	if (!action)
		return -ENOMEM;
	/* A handler in another module's code keeps that module loaded. */
	action->owner = module_get_owner((unsigned long)handler, _RET_IP_);
	if (IS_ERR(action->owner)) {
		free_action(action);
		return -ENODEV;
	}
	action->dev_id = dev_id;
	action->name = name;
	action->flags = flags;

	spin_lock_irqsave(&desc->lock, irqflags);
	if (desc->action) {
		struct irqaction *old = desc->action;

		if (!(old->flags & flags & IRQF_SHARED) ||
		    ((old->flags ^ flags) & IRQF_TRIGGER_MASK)) {
			pr_err("genirq: Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n",
			       irq, flags, name, old->flags, old->name);
			ret = -EBUSY;
			goto out_unlock;
		}
		for (pp = &desc->action; *pp; pp = &(*pp)->next)
			;
		smp_wmb();	/* a handler walking the list sees a whole action */
		WRITE_ONCE(*pp, action);
	} else {
		if (type) {
			ret = desc->chip->irq_set_type ? desc->chip->irq_set_type(irq, type) : -EINVAL;
			if (ret)
				goto out_unlock;
		}
		desc->depth = 0;
		desc->replay = false;
		desc->irqs_unhandled = 0;
		smp_wmb();
		WRITE_ONCE(desc->action, action);
		desc->chip->irq_unmask(irq);
	}
	spin_unlock_irqrestore(&desc->lock, irqflags);
	return 0;

out_unlock:
	spin_unlock_irqrestore(&desc->lock, irqflags);
	module_put(action->owner);
	free_action(action);
	return ret;
}
EXPORT_SYMBOL(request_irq);

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;
	bool busy;

	if (!desc)
		return;
	do {
		spin_lock_irqsave(&desc->lock, flags);
		busy = desc->in_progress;
		spin_unlock_irqrestore(&desc->lock, flags);
		if (busy)
			cpu_relax();
	} while (busy);
}
EXPORT_SYMBOL(synchronize_irq);

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = usable_desc(irq);
	struct irqaction *a, **pp;
	unsigned long flags;
	const char *name;

	if (!desc || desc->percpu || WARN_ON(in_interrupt()))
		return NULL;

	spin_lock_irqsave(&desc->lock, flags);
	for (pp = &desc->action; (a = *pp) != NULL; pp = &a->next)
		if (a->dev_id == dev_id)
			break;
	if (!a) {
		spin_unlock_irqrestore(&desc->lock, flags);
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	WRITE_ONCE(*pp, a->next);
	if (!desc->action)
		desc->chip->irq_mask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);

	/* A handler that picked up @a before the unlink may still run. */
	synchronize_irq(irq);
	name = a->name;
	module_put(a->owner);
	free_action(a);
	return name;
}
EXPORT_SYMBOL(free_irq);

unsigned int free_irqs_matching(bool (*match)(const struct irqaction *a, void *data),
				void (*report)(unsigned int irq, const struct irqaction *a, void *data),
				void *data)
{
	unsigned int irq, n = 0;

	for (irq = 0; irq < nr_irqs; irq++) {
		struct irq_desc *desc = usable_desc(irq);

		while (desc && !desc->percpu) {
			struct irqaction *a, found;
			unsigned long flags;

			spin_lock_irqsave(&desc->lock, flags);
			for (a = desc->action; a && !match(a, data); a = a->next)
				;
			if (a)
				found = *a;
			spin_unlock_irqrestore(&desc->lock, flags);
			if (!a)
				break;
			report(irq, &found, data);
			free_irq(irq, found.dev_id);
			n++;
		}
	}
	return n;
}

void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;

	if (!desc || desc->percpu)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth++)
		desc->chip->irq_mask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL(disable_irq_nosync);

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}
EXPORT_SYMBOL(disable_irq);

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;

	if (!desc || desc->percpu)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth) {
		pr_warn("Unbalanced enable for IRQ %u\n", irq);
	} else if (!--desc->depth && desc->action) {
		desc->chip->irq_unmask(irq);
		if (desc->replay && desc->chip->irq_set_irqchip_state) {
			desc->replay = false;
			desc->chip->irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING, true);
		}
	}
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL(enable_irq);

static int set_affinity(unsigned int irq, unsigned long targets)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;
	int ret;

	if (!desc || desc->percpu || !desc->chip->irq_set_affinity || !targets)
		return -EINVAL;
	spin_lock_irqsave(&desc->lock, flags);
	ret = desc->chip->irq_set_affinity(irq, __ffs(targets));
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	return set_affinity(irq, mask->bits & READ_ONCE(cpu_online_map.bits));
}
EXPORT_SYMBOL_GPL(irq_set_affinity);

int irq_force_affinity(unsigned int irq, const struct cpumask *mask)
{
	return set_affinity(irq, mask->bits & cpu_possible_map.bits);
}

int irq_set_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool val)
{
	struct irq_desc *desc = usable_desc(irq);

	if (!desc || !desc->chip->irq_set_irqchip_state)
		return -EINVAL;
	return desc->chip->irq_set_irqchip_state(irq, which, val);
}
EXPORT_SYMBOL_GPL(irq_set_irqchip_state);

int irq_get_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool *state)
{
	struct irq_desc *desc = usable_desc(irq);

	if (!desc || !desc->chip->irq_get_irqchip_state)
		return -EINVAL;
	return desc->chip->irq_get_irqchip_state(irq, which, state);
}
EXPORT_SYMBOL_GPL(irq_get_irqchip_state);

int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
		       void *percpu_dev_id)
{
	struct irq_desc *desc = usable_desc(irq);
	struct irqaction *action;
	unsigned long flags;

	if (!desc || !desc->percpu || !handler || !percpu_dev_id)
		return -EINVAL;
	action = alloc_action(handler);
	if (!action)
		return -ENOMEM;
	action->percpu_dev_id = percpu_dev_id;
	action->name = devname;
	action->flags = IRQF_PERCPU;

	spin_lock_irqsave(&desc->lock, flags);
	if (desc->action) {
		spin_unlock_irqrestore(&desc->lock, flags);
		free_action(action);
		return -EBUSY;
	}
	desc->percpu_enabled = 0;
	smp_wmb();
	WRITE_ONCE(desc->action, action);
	spin_unlock_irqrestore(&desc->lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(request_percpu_irq);

void free_percpu_irq(unsigned int irq, void *percpu_dev_id)
{
	struct irq_desc *desc = usable_desc(irq);
	struct irqaction *a;
	unsigned long flags;

	if (!desc || !desc->percpu)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	a = desc->action;
	if (!a || a->percpu_dev_id != percpu_dev_id) {
		spin_unlock_irqrestore(&desc->lock, flags);
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return;
	}
	if (desc->percpu_enabled) {
		spin_unlock_irqrestore(&desc->lock, flags);
		pr_warn("percpu IRQ %u still enabled on CPU%lu!\n", irq, __ffs(desc->percpu_enabled));
		return;
	}
	WRITE_ONCE(desc->action, NULL);
	spin_unlock_irqrestore(&desc->lock, flags);
	free_action(a);
}
EXPORT_SYMBOL_GPL(free_percpu_irq);

void enable_percpu_irq(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;

	if (!desc || !desc->percpu)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	if (type && desc->chip->irq_set_type && desc->chip->irq_set_type(irq, type))
		pr_err("failed to set type %u for percpu IRQ %u\n", type, irq);
	set_bit(smp_processor_id(), &desc->percpu_enabled);
	desc->chip->irq_unmask(irq);
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL_GPL(enable_percpu_irq);

void disable_percpu_irq(unsigned int irq)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned long flags;

	if (!desc || !desc->percpu)
		return;
	spin_lock_irqsave(&desc->lock, flags);
	desc->chip->irq_mask(irq);
	clear_bit(smp_processor_id(), &desc->percpu_enabled);
	spin_unlock_irqrestore(&desc->lock, flags);
}
EXPORT_SYMBOL_GPL(disable_percpu_irq);

/* A PPI: this CPU's copy, one handler, no locking (each CPU has its own line). */
static void handle_percpu_irq(struct irq_desc *desc, unsigned int irq, unsigned int cpu)
{
	struct irqaction *a = READ_ONCE(desc->action);

	if (!a || !test_bit(cpu, &desc->percpu_enabled)) {
		desc->chip->irq_mask(irq);
		return;
	}
	a->handler(irq, per_cpu_ptr(a->percpu_dev_id, cpu));
}

/*
 * Nobody claimed the interrupt: a level line stuck high would take the CPU
 * forever, so after IRQ_UNHANDLED_LIMIT in a row the line is disabled, as
 * Linux's spurious-interrupt detector does. Called with desc->lock held.
 */
static void note_unhandled(struct irq_desc *desc, unsigned int irq, irqreturn_t ret)
{
	if (ret != IRQ_NONE) {
		desc->irqs_unhandled = 0;
		return;
	}
	if (++desc->irqs_unhandled < IRQ_UNHANDLED_LIMIT)
		return;
	pr_err("irq %u: nobody cared\n", irq);
	pr_emerg("Disabling IRQ #%u\n", irq);
	if (!desc->depth++)
		desc->chip->irq_mask(irq);
}

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = usable_desc(irq);
	unsigned int cpu = smp_processor_id();
	irqreturn_t ret = IRQ_NONE;
	struct irqaction *a;

	if (!desc) {
		irq_count_spurious();
		return;
	}
	desc->kstat_irqs[cpu]++;
	if (desc->percpu) {
		handle_percpu_irq(desc, irq, cpu);
		return;
	}

	spin_lock(&desc->lock);
	if (unlikely(!desc->action || desc->depth)) {
		/* Taken as it was being disabled or freed: keep an edge for enable_irq. */
		if (desc->action && desc->chip->irq_get_type &&
		    desc->chip->irq_get_type(irq) == IRQ_TYPE_EDGE_RISING)
			desc->replay = true;
		desc->chip->irq_mask(irq);
		spin_unlock(&desc->lock);
		return;
	}
	desc->in_progress = true;
	spin_unlock(&desc->lock);

	for (a = READ_ONCE(desc->action); a; a = READ_ONCE(a->next))
		ret |= a->handler(irq, a->dev_id);

	spin_lock(&desc->lock);
	desc->in_progress = false;
	note_unhandled(desc, irq, ret);
	spin_unlock(&desc->lock);
}
