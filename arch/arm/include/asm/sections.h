/* Boundaries of the kernel image's sections (linker.ld), Linux names. */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __vectors_start[], __vectors_end[];
extern char __exception_text_start[], __exception_text_end[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[], _sinittext[], _einittext[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];

#endif
