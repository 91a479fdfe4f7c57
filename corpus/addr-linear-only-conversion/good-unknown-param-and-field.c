/* addr-linear-only-conversion (good): conversions of a caller's pointer and of a driver-struct field have unknown provenance and are not flagged. */
#include <linux/mm.h>
#include <linux/arm-smccc.h>

#define TEE_SMC_REGISTER_SHM	0x82000010
#define TEE_LOG_PAGES		4

struct tee_ctx {
	struct device *dev;
	void *log_buf;		/* __get_free_pages() in probe */
};

static int tee_register_shm(struct tee_ctx *tc, void *shm, size_t size)
{
	struct arm_smccc_res res;

	arm_smccc_smc(TEE_SMC_REGISTER_SHM, virt_to_phys(shm), size, 0, 0, 0, 0, 0, &res);
	if (res.a0)
		dev_err(tc->dev, "shm registration failed: %lu\n", res.a0);
	return res.a0 ? -EIO : 0;
}

static vm_fault_t tee_log_fault(struct vm_fault *vmf)
{
	struct tee_ctx *tc = vmf->vma->vm_private_data;
	struct page *pg;

	if (vmf->pgoff >= TEE_LOG_PAGES)
		return VM_FAULT_SIGBUS;
	pg = virt_to_page(tc->log_buf + (vmf->pgoff << PAGE_SHIFT));
	get_page(pg);
	vmf->page = pg;
	return 0;
}
