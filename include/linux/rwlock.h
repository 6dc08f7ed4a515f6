/*
 * Reader-writer spinlocks (Linux API) over the arch rwlock: any number of
 * readers or one writer. Taking one disables preemption, as spin_lock does.
 * Not fair to writers (see asm/spinlock.h); a reader must not try to take
 * the write side it already holds for reading (that deadlocks).
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <asm/spinlock.h>

typedef struct {
	arch_rwlock_t raw_lock;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name) { .raw_lock = __ARCH_RW_LOCK_UNLOCKED }
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)

static inline void rwlock_init(rwlock_t *l) { l->raw_lock = (arch_rwlock_t)__ARCH_RW_LOCK_UNLOCKED; }

static inline void read_lock(rwlock_t *l)    { preempt_disable(); arch_read_lock(&l->raw_lock); }
static inline void read_unlock(rwlock_t *l)  { arch_read_unlock(&l->raw_lock); preempt_enable(); }
static inline void write_lock(rwlock_t *l)   { preempt_disable(); arch_write_lock(&l->raw_lock); }
static inline void write_unlock(rwlock_t *l) { arch_write_unlock(&l->raw_lock); preempt_enable(); }

static inline int read_trylock(rwlock_t *l)
{
	preempt_disable();
	if (arch_read_trylock(&l->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}
static inline int write_trylock(rwlock_t *l)
{
	preempt_disable();
	if (arch_write_trylock(&l->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}

static inline void read_lock_irq(rwlock_t *l)    { local_irq_disable(); read_lock(l); }
/* Preemption back after interrupts, as spin_unlock_irqrestore (linux/spinlock.h). */
static inline void read_unlock_irq(rwlock_t *l)
{
	arch_read_unlock(&l->raw_lock);
	local_irq_enable();
	preempt_enable();
}
static inline void write_lock_irq(rwlock_t *l)   { local_irq_disable(); write_lock(l); }
static inline void write_unlock_irq(rwlock_t *l)
{
	arch_write_unlock(&l->raw_lock);
	local_irq_enable();
	preempt_enable();
}

#define read_lock_irqsave(l, flags)  do { local_irq_save(flags); read_lock(l); } while (0)
#define write_lock_irqsave(l, flags) do { local_irq_save(flags); write_lock(l); } while (0)
static inline void read_unlock_irqrestore(rwlock_t *l, unsigned long flags)
{
	arch_read_unlock(&l->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}
static inline void write_unlock_irqrestore(rwlock_t *l, unsigned long flags)
{
	arch_write_unlock(&l->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}

/* Against tasklets (softirqs) on this CPU too. */
static inline void read_lock_bh(rwlock_t *l)    { local_bh_disable(); read_lock(l); }
static inline void read_unlock_bh(rwlock_t *l)  { read_unlock(l); local_bh_enable(); }
static inline void write_lock_bh(rwlock_t *l)   { local_bh_disable(); write_lock(l); }
static inline void write_unlock_bh(rwlock_t *l) { write_unlock(l); local_bh_enable(); }

#endif
