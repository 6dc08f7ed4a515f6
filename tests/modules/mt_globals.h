/* mt_globals' array, as the loader's self-test reads it through kallsyms. */
#ifndef MT_GLOBALS_H
#define MT_GLOBALS_H

#define MT_GLOBALS_LEN	13		/* not a multiple of 8: the red zone starts inside a granule */
#define MT_GLOBALS_FILL	'g'		/* what the constructors leave in it */

extern char mt_globals_array[MT_GLOBALS_LEN];
char mt_globals_read(unsigned int i);

#endif
