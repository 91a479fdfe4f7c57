/* A __user member of the driver's request struct is converted with virt_to_phys() and programmed into the device. */
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/uaccess.h>

struct hv_copy_req {
	void __user *local_buf;
	u64 remote_paddr;
	u32 count;
};

struct hv_dev {
	void __iomem *regs;
};

static long hv_ioctl_copy(struct hv_dev *hv, struct hv_copy_req __user *ureq)
{
	struct hv_copy_req req;
	phys_addr_t local;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	local = virt_to_phys(req.local_buf); /* expect-warning gup-dma-of-user-buffer */
	writeq(local, hv->regs + 0x00); /* expect-warning addr-cpu-address-programmed-into-device */
	writeq(req.remote_paddr, hv->regs + 0x08);
	writel(req.count, hv->regs + 0x10);
	return 0;
}

static long hv_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct hv_dev *hv = file->private_data;

	return hv_ioctl_copy(hv, (struct hv_copy_req __user *)arg);
}

static const struct file_operations hv_fops = {
	.unlocked_ioctl = hv_ioctl,
};
