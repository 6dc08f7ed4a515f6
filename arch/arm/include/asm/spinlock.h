/*
 * Ticket spinlocks: LDREX/STREX take a ticket, waiters sleep in WFE and the
 * unlocker's DSB+SEV wakes them. FIFO-fair, so no CPU starves.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <linux/types.h>
#include <asm/barrier.h>

typedef struct {
	union {
		u32 slock;
		struct { u16 owner, next; } tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }
#define TICKET_SHIFT 16

/*
 * Linux's ARMv7 sequence, with the "was it free?" test folded into the
 * STREX retry test: one ticket-equality check (EOR of the word with its
 * halves swapped) ORed with the STREX result, and a single branch for
 * both the retry and the wait.
 */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old, new, busy;
	unsigned long fail;
	u16 ticket;

	for (;;) {
		__asm__ __volatile__ goto(
		"	ldrex	%0, [%4]\n"
		"	add	%1, %0, %5\n"
		"	strex	%2, %1, [%4]\n"
		"	eor	%3, %0, %0, ror #16\n"	/* 0: our ticket is the owner's */
		"	orrs	%3, %3, %2\n"		/* or the STREX failed */
		"	bne	%l[slow]"
		: "=&r"(old), "=&r"(new), "=&r"(fail), "=&r"(busy)
		: "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
		: "cc", "memory"
		: slow);
		smp_mb();
		return;
slow:
		if (!fail)
			break;		/* a ticket taken, not yet our turn */
	}
	ticket = old >> TICKET_SHIFT;
	while (READ_ONCE(lock->tickets.owner) != ticket)
		wfe();
	smp_mb();
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	unsigned long contended, res;
	u32 slock;

	do {
		__asm__ __volatile__(
		"	ldrex	%0, [%3]\n"
		"	mov	%2, #0\n"
		"	subs	%1, %0, %0, ror #16\n"
		"	addeq	%0, %0, %4\n"
		"	strexeq	%2, %0, [%3]"
		: "=&r"(slock), "=&r"(contended), "=&r"(res)
		: "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
		: "cc");
	} while (res);

	if (!contended) {
		smp_mb();
		return 1;
	}
	return 0;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb_sev();
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { .slock = READ_ONCE(lock->slock) };
	return v.tickets.owner != v.tickets.next;
}

/*
 * Reader-writer locks: bit 31 set while a writer holds the lock, bits 0-30
 * count the readers inside. Waiters sleep in WFE as above. Not fair:
 * a steady stream of readers can keep a writer out, as with Linux's ARM
 * arch rwlock.
 */
typedef struct {
	u32 lock;
} arch_rwlock_t;

#define __ARCH_RW_LOCK_UNLOCKED { 0 }
#define RW_WRITER_BIT 0x80000000U

static inline void arch_write_lock(arch_rwlock_t *rw)
{
	unsigned long tmp;

	__asm__ __volatile__(
"1:	ldrex	%0, [%1]\n"
"	teq	%0, #0\n"
"	wfene\n"
"	strexeq	%0, %2, [%1]\n"
"	teqeq	%0, #0\n"
"	bne	1b"
	: "=&r"(tmp)
	: "r"(&rw->lock), "r"(RW_WRITER_BIT)
	: "cc");
	smp_mb();
}

static inline int arch_write_trylock(arch_rwlock_t *rw)
{
	unsigned long contended, fail;

	do {
		__asm__ __volatile__(
		"	ldrex	%0, [%2]\n"
		"	mov	%1, #0\n"
		"	teq	%0, #0\n"
		"	strexeq	%1, %3, [%2]"
		: "=&r"(contended), "=&r"(fail)
		: "r"(&rw->lock), "r"(RW_WRITER_BIT)
		: "cc");
	} while (fail);

	if (!contended) {
		smp_mb();
		return 1;
	}
	return 0;
}

static inline void arch_write_unlock(arch_rwlock_t *rw)
{
	smp_mb();
	WRITE_ONCE(rw->lock, 0);
	dsb_sev();
}

/* Readers: add one unless the writer bit is set (the sum would be negative). */
static inline void arch_read_lock(arch_rwlock_t *rw)
{
	unsigned long tmp, fail;

	__asm__ __volatile__(
"1:	ldrex	%0, [%2]\n"
"	adds	%0, %0, #1\n"
"	strexpl	%1, %0, [%2]\n"
"	movmi	%1, #1\n"		/* a writer is inside: wait, then retry */
"	wfemi\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(tmp), "=&r"(fail)
	: "r"(&rw->lock)
	: "cc");
	smp_mb();
}

static inline int arch_read_trylock(arch_rwlock_t *rw)
{
	unsigned long val, fail;

	do {
		__asm__ __volatile__(
		"	ldrex	%0, [%2]\n"
		"	mov	%1, #0\n"
		"	adds	%0, %0, #1\n"
		"	strexpl	%1, %0, [%2]"
		: "=&r"(val), "=&r"(fail)
		: "r"(&rw->lock)
		: "cc");
	} while (fail);

	if (val < RW_WRITER_BIT) {
		smp_mb();
		return 1;
	}
	return 0;
}

static inline void arch_read_unlock(arch_rwlock_t *rw)
{
	unsigned long val, fail;

	smp_mb();
	__asm__ __volatile__(
"1:	ldrex	%0, [%2]\n"
"	sub	%0, %0, #1\n"
"	strex	%1, %0, [%2]\n"
"	teq	%1, #0\n"
"	bne	1b"
	: "=&r"(val), "=&r"(fail)
	: "r"(&rw->lock)
	: "cc");
	if (!val) {	/* last reader out: wake a waiting writer */
		dsb_sev();
	}
}

#endif
