/* Fixed-width and kernel scalar types (Linux names). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/compiler.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;

typedef unsigned long phys_addr_t;	/* 32-bit physical addresses (no LPAE) */
typedef unsigned long dma_addr_t;
typedef unsigned long pfn_t_raw;
typedef long ssize_t_k;

#endif
