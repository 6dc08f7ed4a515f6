/*
 * What an ARM driver gets from <asm/io.h> on Linux: the MMIO accessors,
 * ioread/iowrite, ioremap (all in <linux/io.h> here, which is where new
 * Linux code includes them from) and virt_to_phys/phys_to_virt
 * (asm/memory.h).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/io.h>
#include <asm/memory.h>

#endif
