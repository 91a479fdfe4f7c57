/* fault-page-refcount: a status block from kzalloc() is exported through ->fault; its page is a slab page shared with unrelated objects, get_page() or not. */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/platform_device.h>

struct sts_block {
	u32 seq;
	u32 flags;
	u64 counters[16];
};

struct stsdev {
	struct device *dev;
	struct sts_block *sts;
};

static vm_fault_t sts_fault(struct vm_fault *vmf)
{
	struct stsdev *sd = vmf->vma->vm_private_data;

	if (vmf->pgoff != 0)
		return VM_FAULT_SIGBUS;

	vmf->page = virt_to_page(sd->sts);	/* expect-warning fault-page-refcount */
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct sts_vm_ops = {
	.fault = sts_fault,
};

static int sts_probe(struct platform_device *pdev)
{
	struct stsdev *sd;

	sd = devm_kzalloc(&pdev->dev, sizeof(*sd), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	sd->dev = &pdev->dev;
	sd->sts = kzalloc(sizeof(*sd->sts), GFP_KERNEL); /* expect-warning mmap-slab-or-uninit-exposure */
	if (!sd->sts)
		return -ENOMEM;
	platform_set_drvdata(pdev, sd);
	return 0;
}
