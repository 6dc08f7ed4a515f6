/*
 * The pseudo-random generator of include/linux/prandom.h: LFSR113, four
 * Tausworthe components combined by XOR. Each component s_k needs its low
 * bits not all zero (s1 >= 2, s2 >= 8, s3 >= 16, s4 >= 128), or it sticks
 * at zero; seeding guarantees that.
 */
#include <linux/prandom.h>
#include <string.h>

/* One step of a component: (s & mask) << a, mixed with ((s << b) ^ s) >> c. */
static inline u32 taus_step(u32 s, u32 mask, unsigned int a, unsigned int b, unsigned int c)
{
	return ((s & mask) << a) ^ (((s << b) ^ s) >> c);
}

u32 prandom_u32_state(struct rnd_state *state)
{
	state->s1 = taus_step(state->s1, 0xfffffffeU, 18, 6, 13);
	state->s2 = taus_step(state->s2, 0xfffffff8U, 2, 2, 27);
	state->s3 = taus_step(state->s3, 0xfffffff0U, 7, 13, 21);
	state->s4 = taus_step(state->s4, 0xffffff80U, 13, 3, 12);
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}

void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes)
{
	u8 *p = buf;

	while (nbytes) {
		u32 r = prandom_u32_state(state);
		size_t n = nbytes < sizeof(r) ? nbytes : sizeof(r);

		memcpy(p, &r, n);
		p += n;
		nbytes -= n;
	}
}

/* SplitMix64's output function: spreads nearby seeds over all 64 bits. */
static u64 seed_mix(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A component's seed with at least one of its low bits below @min set. */
static u32 component_seed(u64 *x, u32 min)
{
	u32 s = (u32)(seed_mix(x) >> 32);

	return s < min ? s + min : s;
}

void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	int i;

	state->s1 = component_seed(&seed, 2);
	state->s2 = component_seed(&seed, 8);
	state->s3 = component_seed(&seed, 16);
	state->s4 = component_seed(&seed, 128);
	for (i = 0; i < 10; i++)	/* let the components' first steps mix */
		prandom_u32_state(state);
}
