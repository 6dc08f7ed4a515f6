/*
 * The generic KASAN runtime: the shadow's bookkeeping and the checks the
 * compiler's instrumentation calls (outline mode: one __asan_loadN/storeN
 * call per access) and stacks cleaned up after frames that ended without
 * their epilogue. Global variables' red zones are in mm/kasan_globals.c.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <string.h>
#include <asm/stacktrace.h>
#include <asm/thread_info.h>
#include "kasan.h"

bool kasan_ready;

bool kasan_enabled(void)
{
	return READ_ONCE(kasan_ready);
}

void kasan_poison(const void *addr, size_t size, u8 value)
{
	if (kasan_ready)
		memset(kasan_mem_to_shadow(addr), value, size >> KASAN_SHADOW_SCALE_SHIFT);
}

void kasan_unpoison(const void *addr, size_t size)
{
	s8 *shadow = kasan_mem_to_shadow(addr);

	if (!kasan_ready)
		return;
	memset(shadow, 0, size >> KASAN_SHADOW_SCALE_SHIFT);
	if (size & KASAN_GRANULE_MASK)
		shadow[size >> KASAN_SHADOW_SCALE_SHIFT] = (s8)(size & KASAN_GRANULE_MASK);
}

void kasan_poison_mapped(const void *addr, size_t size, u8 value)
{
	s8 *shadow = kasan_mem_to_shadow(addr);
	s8 *end = shadow + (size >> KASAN_SHADOW_SCALE_SHIFT);

	if (!kasan_ready)
		return;
	while (shadow < end) {
		s8 *stop = min(end, (s8 *)ALIGN((unsigned long)shadow + 1, PAGE_SIZE));

		if (kasan_shadow_backed(shadow))
			memset(shadow, value, (size_t)(stop - shadow));
		shadow = stop;
	}
}

void kasan_unpoison_mapped(const void *addr, size_t size)
{
	s8 *last = kasan_mem_to_shadow((const char *)addr + size);

	kasan_poison_mapped(addr, size, 0);
	if ((size & KASAN_GRANULE_MASK) && kasan_ready && kasan_shadow_backed(last))
		*last = (s8)(size & KASAN_GRANULE_MASK);
}

void kasan_unpoison_range(const void *addr, size_t size)
{
	kasan_unpoison(addr, size);
}

/* Is the byte at @addr poisoned? */
static __always_inline bool byte_poisoned(unsigned long addr)
{
	s8 shadow = *kasan_mem_to_shadow((const void *)addr);

	return shadow && (s8)(addr & KASAN_GRANULE_MASK) >= shadow;
}

/*
 * An access of up to a granule: every granule it touches but the last must
 * be entirely accessible, and in the last, its last byte.
 */
static __always_inline bool small_access_poisoned(unsigned long addr, size_t size)
{
	unsigned long last = addr + size - 1;

	if ((addr ^ last) >> KASAN_SHADOW_SCALE_SHIFT)
		return *kasan_mem_to_shadow((const void *)addr) || byte_poisoned(last);
	return byte_poisoned(last);
}

static bool range_poisoned(unsigned long addr, size_t size)
{
	unsigned long last = addr + size - 1;
	const s8 *shadow = kasan_mem_to_shadow((const void *)addr);
	const s8 *last_shadow = kasan_mem_to_shadow((const void *)last);

	for (; shadow < last_shadow; shadow++)
		if (*shadow)
			return true;
	return byte_poisoned(last);
}

static __always_inline bool check_region(unsigned long addr, size_t size, bool write,
					 unsigned long ip)
{
	if (unlikely(!kasan_ready) || unlikely(!size))
		return true;
	if (unlikely(addr + size < addr || !kasan_addr_has_shadow(addr))) {
		kasan_report(addr, size, write, ip);
		return false;
	}
	if (likely(!(size <= KASAN_GRANULE_SIZE ? small_access_poisoned(addr, size)
						 : range_poisoned(addr, size))))
		return true;
	kasan_report(addr, size, write, ip);
	return false;
}

bool kasan_check_range(unsigned long addr, size_t size, bool write, unsigned long ip)
{
	return check_region(addr, size, write, ip);
}

bool kasan_check_read(const volatile void *p, size_t size)
{
	return check_region((unsigned long)p, size, false, _RET_IP_);
}

bool kasan_check_write(const volatile void *p, size_t size)
{
	return check_region((unsigned long)p, size, true, _RET_IP_);
}

void kasan_disable_current(void)
{
	current->kasan_depth++;
}

void kasan_enable_current(void)
{
	current->kasan_depth--;
}

/* The compiler's calls: one per load or store (outline instrumentation). */
#define DEFINE_ASAN_ACCESS(size)						\
	void __asan_load##size##_noabort(unsigned long addr);			\
	void __asan_load##size##_noabort(unsigned long addr)			\
	{									\
		check_region(addr, size, false, _RET_IP_);			\
	}									\
	EXPORT_SYMBOL(__asan_load##size##_noabort);				\
	void __asan_store##size##_noabort(unsigned long addr);			\
	void __asan_store##size##_noabort(unsigned long addr)			\
	{									\
		check_region(addr, size, true, _RET_IP_);			\
	}									\
	EXPORT_SYMBOL(__asan_store##size##_noabort);

DEFINE_ASAN_ACCESS(1)
DEFINE_ASAN_ACCESS(2)
DEFINE_ASAN_ACCESS(4)
DEFINE_ASAN_ACCESS(8)
DEFINE_ASAN_ACCESS(16)

void __asan_loadN_noabort(unsigned long addr, size_t size);
void __asan_loadN_noabort(unsigned long addr, size_t size)
{
	check_region(addr, size, false, _RET_IP_);
}
EXPORT_SYMBOL(__asan_loadN_noabort);

void __asan_storeN_noabort(unsigned long addr, size_t size);
void __asan_storeN_noabort(unsigned long addr, size_t size)
{
	check_region(addr, size, true, _RET_IP_);
}
EXPORT_SYMBOL(__asan_storeN_noabort);

/* ---- stacks ---- */

void kasan_unpoison_stack_below(const void *watermark)
{
	unsigned long base = (unsigned long)current->stack;

	/* Only the task's own stack: the overflow stacks are not THREAD_SIZE blocks. */
	if ((unsigned long)watermark - base <= THREAD_SIZE)
		kasan_unpoison((const void *)base, (unsigned long)watermark - base);
}

/*
 * Before a call that does not return (panic, longjmp, a task's end), the
 * compiler calls this: the frames below this one will never run their
 * epilogues, so their red zones must not outlive them.
 */
void __asan_handle_no_return(void);
void __asan_handle_no_return(void)
{
	unsigned long sp = ARM_CURRENT_SP();

	kasan_unpoison_stack_below((const void *)sp);
}
EXPORT_SYMBOL(__asan_handle_no_return);
