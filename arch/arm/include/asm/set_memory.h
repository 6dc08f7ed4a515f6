/*
 * Change the permissions of @numpages pages of a kernel mapping starting at
 * @addr's page (arch/arm/mm/pageattr.c). Only the modules area and the
 * vmalloc window, which are mapped with small pages; -EINVAL elsewhere or
 * when a page is not mapped (pages before it may have changed). Every
 * CPU's TLB is invalidated before these return.
 */
#ifndef _ASM_SET_MEMORY_H
#define _ASM_SET_MEMORY_H

int set_memory_ro(unsigned long addr, int numpages);
int set_memory_rw(unsigned long addr, int numpages);
int set_memory_x(unsigned long addr, int numpages);
int set_memory_nx(unsigned long addr, int numpages);

#endif
