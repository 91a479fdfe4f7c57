/* addr-linear-only-conversion (good): a firmware log area from alloc_pages() is handed to the secure monitor with page_to_phys(), its CPU side read through page_address(). */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/arm-smccc.h>

#define SMON_SMC_SET_LOG	0x82000021
#define SMON_LOG_ORDER		2

struct smon {
	struct device *dev;
	struct page *log_pages;
	void *log;
};

static int smon_setup_log(struct smon *sm)
{
	struct arm_smccc_res res;
	struct page *pg;

	pg = alloc_pages(GFP_KERNEL | __GFP_ZERO, SMON_LOG_ORDER);
	if (!pg)
		return -ENOMEM;

	arm_smccc_smc(SMON_SMC_SET_LOG, page_to_phys(pg), PAGE_SIZE << SMON_LOG_ORDER,
		      0, 0, 0, 0, 0, &res);
	if (res.a0) {
		dev_err(sm->dev, "secure monitor refused the log area: %lu\n", res.a0);
		__free_pages(pg, SMON_LOG_ORDER);
		return -EIO;
	}

	sm->log_pages = pg;
	sm->log = page_address(pg);
	return 0;
}
