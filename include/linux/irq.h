/*
 * The interrupt core's view of an interrupt controller and of each line.
 * The controller driver (arch/arm/gic.c) describes its lines with
 * irq_set_chip() and feeds taken interrupts to generic_handle_irq(); drivers
 * use <linux/interrupt.h> only.
 *
 * Less than Linux: no irq_data/irq_domain layer (a line's number is its
 * hardware ID, so chip callbacks take the number), one chip for the whole
 * machine, and flow handling is the single path in generic_handle_irq().
 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/types.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <asm/irq.h>

/* Trigger types (Linux's values, the same bits as IRQF_TRIGGER_*). */
#define IRQ_TYPE_NONE         0x0
#define IRQ_TYPE_EDGE_RISING  0x1
#define IRQ_TYPE_EDGE_FALLING 0x2
#define IRQ_TYPE_LEVEL_HIGH   0x4
#define IRQ_TYPE_LEVEL_LOW    0x8
#define IRQ_TYPE_SENSE_MASK   0xf

struct irq_chip {
	const char *name;		/* "GIC-0" in `interrupts` */
	/* Mask/unmask the line (for a per-CPU line: this CPU's copy). */
	void (*irq_mask)(unsigned int irq);
	void (*irq_unmask)(unsigned int irq);
	/* IRQ_TYPE_EDGE_RISING or _LEVEL_HIGH; -EINVAL for what it cannot do. */
	int (*irq_set_type)(unsigned int irq, unsigned int type);
	unsigned int (*irq_get_type)(unsigned int irq);
	/* Deliver the line to @cpu only. */
	int (*irq_set_affinity)(unsigned int irq, unsigned int cpu);
	int (*irq_set_irqchip_state)(unsigned int irq, enum irqchip_irq_state which, bool val);
	int (*irq_get_irqchip_state)(unsigned int irq, enum irqchip_irq_state which, bool *state);
};

struct irq_desc {
	const struct irq_chip *chip;	/* NULL: no such line */
	struct irqaction *action;	/* handlers, in registration order */
	bool percpu;			/* a PPI: banked per CPU */
	bool in_progress;		/* a handler runs now (shared lines) */
	bool replay;			/* an edge came while disabled */
	unsigned int depth;		/* disable_irq nesting; 0 = enabled */
	unsigned long percpu_enabled;	/* per-CPU lines: CPUs that enabled it */
	unsigned int irqs_unhandled;	/* consecutive runs nobody handled */
	unsigned int kstat_irqs[NR_CPUS];	/* interrupts taken, per CPU */
	spinlock_t lock;
};

/* Unclaimed interrupts in a row after which a line is disabled. */
#define IRQ_UNHANDLED_LIMIT 1000

/* Lines the controller has (set by the controller driver). */
extern unsigned int nr_irqs;

/* Controller driver side. */
void irq_set_chip(unsigned int irq, const struct irq_chip *chip);
void irq_set_percpu_devid(unsigned int irq);
/* Run the handlers of @irq; the caller is inside irq_enter()/irq_exit(). */
void generic_handle_irq(unsigned int irq);
/* A spurious acknowledge (GIC ID 1023): counted in the Err line. */
void irq_count_spurious(void);

struct irq_desc *irq_to_desc(unsigned int irq);
/* Interrupts of @irq taken on @cpu. */
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu);
/* Spurious interrupts over all CPUs (Linux's irq_err_count). */
unsigned long irq_err_count(void);

/* The boot CPU sets up the interrupt controller (Linux's init_IRQ). */
void init_IRQ(void);

#endif
