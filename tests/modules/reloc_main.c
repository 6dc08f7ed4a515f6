/* The C half of mt_reloc: its init leaves a trace the self-test checks. */
#include <linux/module.h>
#include <linux/init.h>

/* The address of the init function, to check init memory is gone afterwards. */
unsigned long mt_init_address;
/* Read-only data, to check rodata is mapped read-only. */
const int mt_rodata = 0x600dc0de;

static int __init mt_reloc_init(void)
{
	mt_init_address = (unsigned long)mt_reloc_init;
	return 0;
}

static void __exit mt_reloc_exit(void)
{
}

module_init(mt_reloc_init);
module_exit(mt_reloc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("every ARM relocation type the loader applies");
