/* One parameter of every type, an array, a named one and a string buffer. */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include "mt_params.h"

static unsigned char p_byte = 1;
static short p_short = -2;
static unsigned short p_ushort = 3;
static int p_int = -4;
static unsigned int p_uint = 5;
static long p_long = -6;
static unsigned long p_ulong = 7;
static bool p_bool;
static bool p_invbool;
static char *p_charp = "default";
static int p_array[4];
static unsigned int p_array_n;
static int p_internal = 9;
static char p_string[8] = "str";

module_param(p_byte, byte, 0444);
module_param(p_short, short, 0444);
module_param(p_ushort, ushort, 0444);
module_param(p_int, int, 0644);
MODULE_PARM_DESC(p_int, "an int");
module_param(p_uint, uint, 0444);
module_param(p_long, long, 0444);
module_param(p_ulong, ulong, 0444);
module_param(p_bool, bool, 0444);
module_param(p_invbool, invbool, 0444);
module_param(p_charp, charp, 0444);
module_param_array(p_array, int, &p_array_n, 0444);
module_param_named(renamed, p_internal, int, 0444);
module_param_string(p_string, p_string, sizeof(p_string), 0444);

struct mt_param_values mt_params_seen;

static int __init mt_params_init(void)
{
	struct mt_param_values v = {
		p_byte, p_short, p_ushort, p_int, p_uint, p_long, p_ulong, p_bool, p_invbool,
		p_charp, { p_array[0], p_array[1], p_array[2], p_array[3] }, p_array_n,
		p_internal, p_string,
	};

	mt_params_seen = v;
	return 0;
}
module_init(mt_params_init);

static void __exit mt_params_exit(void)
{
}
module_exit(mt_params_exit);
MODULE_LICENSE("GPL");
