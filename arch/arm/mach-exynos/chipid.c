/*
 * CHIPID: which Exynos this is. PRO_ID at the block's base holds the product
 * code in bits [31:12] and the revision in [7:0] (main [7:4], sub [3:0]).
 * Linux 3.x prints "Samsung CPU ID: 0x…"; we add the decoded name.
 */
#include <linux/kernel.h>
#include <linux/io.h>
#include "exynos.h"

#define PRO_ID 0x000

u32 exynos_pro_id;

const char *exynos_soc_describe(u32 pro_id, char *buf, size_t len)
{
	unsigned int main_rev = (pro_id >> 4) & 0xf, sub_rev = pro_id & 0xf;

	switch (pro_id & EXYNOS_SOC_MASK) {
	case EXYNOS4210_SOC_ID:
		snprintf(buf, len, "Exynos4210 rev %u.%u", main_rev, sub_rev);
		break;
	case EXYNOS4412_SOC_ID:
		snprintf(buf, len, "Exynos4412 rev %u.%u", main_rev, sub_rev);
		break;
	default:
		snprintf(buf, len, "unknown Samsung SoC");
		break;
	}
	return buf;
}

void exynos_init(void)
{
	void __iomem *chipid = ioremap(EXYNOS4_CHIPID_BASE, 0x1000);
	char name[40];

	if (!chipid) {
		pr_err("exynos: cannot map CHIPID\n");
		return;
	}
	exynos_pro_id = readl(chipid + PRO_ID);
	iounmap(chipid);
	pr_info("Samsung CPU ID: 0x%08x\n", (unsigned int)exynos_pro_id);
	pr_info("%s\n", exynos_soc_describe(exynos_pro_id, name, sizeof(name)));
}
