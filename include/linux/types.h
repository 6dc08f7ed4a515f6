/* Fixed-width and kernel scalar types (Linux names). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/compiler.h>

/*
 * Linux's underlying types (asm-generic/int-ll64.h), not <stdint.h>'s: on
 * arm-none-eabi uint32_t is unsigned long, and a driver's "%u" for a u32 or
 * "%llu" for a u64 must be right here as on Linux.
 */
typedef unsigned char      u8;
typedef unsigned short     u16;
typedef unsigned int       u32;
typedef unsigned long long u64;
typedef signed char        s8;
typedef signed short       s16;
typedef signed int         s32;
typedef signed long long   s64;

typedef unsigned short umode_t;		/* file type and permission bits (linux/stat.h) */

typedef unsigned long phys_addr_t;	/* 32-bit physical addresses (no LPAE) */
typedef unsigned long dma_addr_t;
typedef unsigned long pfn_t_raw;
typedef long ssize_t_k;

#endif
