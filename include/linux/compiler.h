/* Compiler helpers and sparse annotations (Linux names). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/* The C library's cdefs.h defines some of these names too: take it first, ours win. */
#include <sys/cdefs.h>
#undef __always_inline
#undef noinline
#undef __noreturn
#undef __packed
#undef __aligned
#undef __section
#undef __used
#undef __maybe_unused
#undef __always_unused
#undef __weak
#undef __printf

#ifdef __CHECKER__
#define __kernel  __attribute__((address_space(0)))
#define __iomem   __attribute__((noderef, address_space(2)))
#define __percpu  __attribute__((noderef, address_space(3)))
#define __force   __attribute__((force))
#define __bitwise __attribute__((bitwise))
#define __must_hold(x) __attribute__((context(x, 1, 1)))
#else
#define __kernel
#define __iomem
#define __percpu
#define __force
#define __bitwise
#define __must_hold(x)
#endif

#define likely(x)        __builtin_expect(!!(x), 1)
#define unlikely(x)      __builtin_expect(!!(x), 0)
#ifndef __always_inline		/* the host C library defines it too */
#define __always_inline  inline __attribute__((always_inline))
#endif
#define noinline         __attribute__((noinline))
#define __noreturn       __attribute__((noreturn))
#define __packed         __attribute__((packed))
#define __aligned(x)     __attribute__((aligned(x)))
#define __section(s)     __attribute__((section(s)))
#define __used           __attribute__((used))
#define __maybe_unused   __attribute__((unused))
#define __always_unused  __attribute__((unused))
#define __weak           __attribute__((weak))
#define __printf(a, b)   __attribute__((format(printf, a, b)))

/*
 * A fast path that is a leaf apart from tail calls to its slow paths needs
 * no APCS frame (-mapcs-frame builds one for every function), and the
 * frame would be a good share of its instructions. A backtrace taken in
 * the slow path skips it. (Clang, used only for host fuzzing builds, has
 * no optimize attribute.)
 */
#ifdef __clang__
#define __frameless
#define __noipa
#else
#define __frameless      __attribute__((optimize("omit-frame-pointer")))
/* What the caller learns of the callee stays out (e.g. that it never returns). */
#define __noipa          __attribute__((noipa))
#endif

#define barrier()        __asm__ __volatile__("" ::: "memory")
/* The compiler forgets where @var's value came from (Linux's): it must keep it as computed. */
#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))

/*
 * Code KASAN must not check: it reads memory that is poisoned on purpose
 * (a free block's link, another frame's stack). Such a function cannot be
 * inlined into checked code, so in a KASAN kernel it stays out of line.
 */
#ifdef CONFIG_KASAN
#define __no_sanitize_address	__attribute__((no_sanitize_address))
#define __no_kasan_or_inline	__no_sanitize_address noinline __maybe_unused
#else
#define __no_sanitize_address
#define __no_kasan_or_inline	__always_inline
#endif

/* Single, untorn access that the compiler may not fuse or repeat. */
#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
