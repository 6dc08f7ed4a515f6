/* What mt_params saw, as one record the loader's self-test reads through kallsyms. */
#ifndef MT_PARAMS_H
#define MT_PARAMS_H

#include <linux/types.h>

struct mt_param_values {
	unsigned char byte;
	short sh;
	unsigned short ush;
	int i;
	unsigned int ui;
	long l;
	unsigned long ul;
	bool b, invb;
	const char *charp;
	int array[4];
	unsigned int array_n;
	int internal;
	const char *string;
};

#endif
