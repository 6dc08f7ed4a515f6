/*
 * Pseudo-random numbers from a caller-owned state, with Linux's names: for
 * tests, benchmarks and fault injection, where a run must be repeatable
 * from its seed. Not for anything that must be unpredictable.
 *
 * Less than Linux: only the _state forms (no per-CPU prandom_u32(), no
 * reseeding from entropy). The generator is L'Ecuyer's four-component
 * Tausworthe generator (LFSR113, period about 2^113), as Linux's.
 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/types.h>

struct rnd_state {
	u32 s1, s2, s3, s4;
};

/* Set @state from @seed: equal seeds give equal sequences. */
void prandom_seed_state(struct rnd_state *state, u64 seed);
/* The next 32 pseudo-random bits. */
u32 prandom_u32_state(struct rnd_state *state);
/* Fill @buf with @nbytes pseudo-random bytes. */
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);

#endif
