/*
 * Interrupt handler registration (Linux's driver API).
 *
 * Mica's interrupt numbers are the GIC's own IDs, with no IRQ domain in
 * between: 0-15 are SGIs (the kernel's IPIs, not requestable), 16-31 are
 * PPIs (one banked copy per CPU: request_percpu_irq), 32 and up are SPIs
 * (shared peripheral lines: request_irq).
 *
 * Less than Linux: no threaded handlers, softirqs or tasklets; handlers
 * always run with interrupts disabled on the CPU that took the interrupt;
 * irqactions come from a fixed pool (IRQ_ACTION_POOL) rather than kmalloc;
 * the GIC only has level-high and rising-edge SPIs, so IRQF_TRIGGER_LOW and
 * _FALLING are refused.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/smp.h>
#include <linux/hardirq.h>

typedef enum irqreturn {
	IRQ_NONE = 0,		/* not from this device */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request_irq flags (Linux's values). */
#define IRQF_TRIGGER_NONE    0x00000000	/* keep the line's current type */
#define IRQF_TRIGGER_RISING  0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH    0x00000004
#define IRQF_TRIGGER_LOW     0x00000008
#define IRQF_TRIGGER_MASK    0x0000000f
#define IRQF_SHARED          0x00000080	/* several handlers on one line */
#define IRQF_PERCPU          0x00000400	/* set by request_percpu_irq */

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	void *percpu_dev_id;		/* per-CPU lines: a DEFINE_PER_CPU variable */
	const char *name;
	unsigned long flags;
	struct irqaction *next;
	struct module *owner;		/* the module of @handler, held while registered */
};

#define IRQ_ACTION_POOL 64

/*
 * Install @handler on SPI @irq and unmask it. Several handlers may share a
 * line only if every one passes IRQF_SHARED (and a non-NULL @dev_id) with
 * the same trigger type. Returns 0, -EINVAL (bad number, SGI/PPI, bad
 * flags), -EBUSY (line taken) or -ENOMEM (action pool empty).
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/*
 * Remove the handler registered with @dev_id and wait until it no longer
 * runs on any CPU; the line is masked when its last handler goes. Returns
 * the name given to request_irq, or NULL (and a warning) if no such
 * handler exists. Not from interrupt context.
 */
const void *free_irq(unsigned int irq, void *dev_id);

/*
 * PPIs: one handler for all CPUs, called with this CPU's copy of
 * @percpu_dev_id, the address of a DEFINE_PER_CPU variable (Mica's per-CPU
 * variables have no __percpu address space, so it is a plain pointer).
 * Each CPU enables its own copy (enable_percpu_irq, on that CPU);
 * free_percpu_irq requires every CPU to have disabled it first.
 */
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
		       void *percpu_dev_id);
void free_percpu_irq(unsigned int irq, void *percpu_dev_id);
void enable_percpu_irq(unsigned int irq, unsigned int type);
void disable_percpu_irq(unsigned int irq);

/*
 * Nesting: n disable_irq() calls need n enable_irq() calls. disable_irq
 * also waits for a running handler to finish (so never call it from that
 * handler: use disable_irq_nosync). An edge that arrives while disabled is
 * replayed by enable_irq.
 */
/*
 * Mica (for kernel/module/track.c): free every handler @match accepts, each
 * reported first (not per-CPU lines). The number freed.
 */
unsigned int free_irqs_matching(bool (*match)(const struct irqaction *a, void *data),
				void (*report)(unsigned int irq, const struct irqaction *a, void *data),
				void *data);

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* Wait until no CPU runs a handler of @irq. */
void synchronize_irq(unsigned int irq);

/* Route SPI @irq to the first online CPU of @mask. */
int irq_set_affinity(unsigned int irq, const struct cpumask *mask);
/* The same, for a CPU that is not online yet (a CPU's own timer line, set up as it starts). */
int irq_force_affinity(unsigned int irq, const struct cpumask *mask);

/* Interrupt controller state of one line, set or read from software. */
enum irqchip_irq_state {
	IRQCHIP_STATE_PENDING,	/* raising it triggers the interrupt */
	IRQCHIP_STATE_ACTIVE,
	IRQCHIP_STATE_MASKED,
};
int irq_set_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool val);
int irq_get_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool *state);

#endif
