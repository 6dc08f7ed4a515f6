/*
 * Exports of code the kernel takes from the toolchain's libraries, which
 * modules need as much as the kernel: the string functions GCC may call by
 * itself (struct copies, zeroing) and those drivers call, and libgcc's
 * helpers for what ARMv7-A has no instruction for (division, 64-bit
 * shifts and compares, population count). Exporting them also links them in. They are Thumb
 * code (newlib's and libgcc's v7-A multilib); arch/arm/module.c makes the
 * calls to them BLX.
 */
#include <linux/export.h>
#include <string.h>

/* libgcc's run-time ABI (RTABI) helpers, whose C prototypes no header has. */
extern void __aeabi_idiv(void), __aeabi_idivmod(void), __aeabi_uidiv(void),
	__aeabi_uidivmod(void), __aeabi_ldivmod(void), __aeabi_uldivmod(void),
	__aeabi_llsl(void), __aeabi_llsr(void), __aeabi_lasr(void), __aeabi_lmul(void),
	__aeabi_lcmp(void), __aeabi_ulcmp(void), __popcountsi2(void);

EXPORT_SYMBOL(__aeabi_idiv);
EXPORT_SYMBOL(__aeabi_idivmod);
EXPORT_SYMBOL(__aeabi_uidiv);
EXPORT_SYMBOL(__aeabi_uidivmod);
EXPORT_SYMBOL(__aeabi_ldivmod);
EXPORT_SYMBOL(__aeabi_uldivmod);
EXPORT_SYMBOL(__aeabi_llsl);
EXPORT_SYMBOL(__aeabi_llsr);
EXPORT_SYMBOL(__aeabi_lasr);
EXPORT_SYMBOL(__aeabi_lmul);
EXPORT_SYMBOL(__aeabi_lcmp);
EXPORT_SYMBOL(__aeabi_ulcmp);
EXPORT_SYMBOL(__popcountsi2);	/* __builtin_popcount: num_online_cpus() */

EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(memchr);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strncat);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strrchr);
EXPORT_SYMBOL(strstr);
EXPORT_SYMBOL(strpbrk);
EXPORT_SYMBOL(strspn);
EXPORT_SYMBOL(strcspn);
EXPORT_SYMBOL(strsep);
EXPORT_SYMBOL(strlcpy);
EXPORT_SYMBOL(strlcat);
