/* Local interrupt masking (Linux names). */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_save(f)     do { (f) = arch_local_irq_save(); } while (0)
#define local_irq_restore(f)  arch_local_irq_restore(f)
#define local_irq_enable()    arch_local_irq_enable()
#define local_irq_disable()   arch_local_irq_disable()
#define local_save_flags(f)   do { (f) = arch_local_save_flags(); } while (0)
#define irqs_disabled()       arch_irqs_disabled_flags(arch_local_save_flags())
#define irqs_disabled_flags(f) arch_irqs_disabled_flags(f)

#endif
