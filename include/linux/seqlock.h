/*
 * Sequence locks, as the kernel-design notes give them (Linux 2.6).
 *
 * A seqlock_t is a spinlock for writers plus a sequence count, odd while a
 * writer is inside. Readers take no lock: they read the count, the data,
 * and the count again, and retry when it changed (or was odd) meanwhile:
 *
 *	do {
 *		seq = read_seqbegin(&lock);
 *		copy = data;
 *	} while (read_seqretry(&lock, seq));
 *
 * Writers never wait for readers, so a reader must not follow pointers a
 * writer may free. seqcount_t is the count alone, for data whose writers
 * already exclude each other by other means.
 *
 * The _irq/_irqsave forms also mask interrupts (for data an interrupt
 * handler writes), the _bh forms tasklets (for data a tasklet writes).
 */
#ifndef _LINUX_SEQLOCK_H
#define _LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>

typedef struct {
	unsigned sequence;
	spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname) { 0, __SPIN_LOCK_UNLOCKED(lockname) }
#define seqlock_init(x) do {						\
	(x)->sequence = 0;						\
	spin_lock_init(&(x)->lock);					\
} while (0)
#define DEFINE_SEQLOCK(x) seqlock_t x = __SEQLOCK_UNLOCKED(x)

/* Lock out other writers and make the count odd. */
static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	WRITE_ONCE(sl->sequence, sl->sequence + 1);
	smp_wmb();
}

static inline void write_sequnlock(seqlock_t *sl)
{
	smp_wmb();
	WRITE_ONCE(sl->sequence, sl->sequence + 1);
	spin_unlock(&sl->lock);
}

static inline int write_tryseqlock(seqlock_t *sl)
{
	int ret = spin_trylock(&sl->lock);

	if (ret) {
		WRITE_ONCE(sl->sequence, sl->sequence + 1);
		smp_wmb();
	}
	return ret;
}

/* Start of a read: the count of the last complete write (waits out an odd one). */
static __always_inline unsigned read_seqbegin(const seqlock_t *sl)
{
	unsigned ret;

repeat:
	ret = READ_ONCE(sl->sequence);
	smp_rmb();
	if (unlikely(ret & 1)) {
		cpu_relax();
		goto repeat;
	}
	return ret;
}

/* Did a writer change the data since read_seqbegin returned @start? */
static __always_inline int read_seqretry(const seqlock_t *sl, unsigned start)
{
	smp_rmb();
	return READ_ONCE(sl->sequence) != start;
}

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO { 0 }
#define seqcount_init(x) do { *(x) = (seqcount_t) SEQCNT_ZERO; } while (0)

static inline unsigned read_seqcount_begin(const seqcount_t *s)
{
	unsigned ret;

repeat:
	ret = READ_ONCE(s->sequence);
	smp_rmb();
	if (unlikely(ret & 1)) {
		cpu_relax();
		goto repeat;
	}
	return ret;
}

static inline int read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return READ_ONCE(s->sequence) != start;
}

/* Writers of a seqcount_t exclude each other themselves. */
static inline void write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();
}

static inline void write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	WRITE_ONCE(s->sequence, s->sequence + 1);
}

#define write_seqlock_irqsave(lock, flags) \
	do { local_irq_save(flags); write_seqlock(lock); } while (0)
#define write_seqlock_irq(lock) \
	do { local_irq_disable(); write_seqlock(lock); } while (0)
#define write_seqlock_bh(lock) \
	do { local_bh_disable(); write_seqlock(lock); } while (0)

#define write_sequnlock_irqrestore(lock, flags) \
	do { write_sequnlock(lock); local_irq_restore(flags); } while (0)
#define write_sequnlock_irq(lock) \
	do { write_sequnlock(lock); local_irq_enable(); } while (0)
#define write_sequnlock_bh(lock) \
	do { write_sequnlock(lock); local_bh_enable(); } while (0)

#define read_seqbegin_irqsave(lock, flags) \
	({ local_irq_save(flags); read_seqbegin(lock); })
#define read_seqretry_irqrestore(lock, iv, flags) ({			\
	int __ret = read_seqretry(lock, iv);				\
	local_irq_restore(flags);					\
	__ret;								\
})

#endif
