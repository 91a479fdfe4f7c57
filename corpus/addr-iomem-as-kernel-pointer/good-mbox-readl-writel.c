/* addr-iomem-as-kernel-pointer (good): the PMC mailbox handshake goes through writel()/readl() and readl_poll_timeout() on offsets from the __iomem parameter. */
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/errno.h>

#define PMC_MBOX_ARG		0x00
#define PMC_MBOX_CMD		0x04
#define PMC_MBOX_STATUS		0x08
#define PMC_STATUS_BUSY		BIT(31)
#define PMC_STATUS_ERR		BIT(30)
#define PMC_MBOX_TIMEOUT_US	5000

static int pmc_mbox_send(void __iomem *regs, u32 cmd, u32 arg)
{
	u32 status;
	int ret;

	if (!regs)
		return -ENODEV;

	writel(arg, regs + PMC_MBOX_ARG);
	writel(cmd, regs + PMC_MBOX_CMD);

	ret = readl_poll_timeout(regs + PMC_MBOX_STATUS, status,
				 !(status & PMC_STATUS_BUSY), 10,
				 PMC_MBOX_TIMEOUT_US);
	if (ret)
		return ret;

	return (readl(regs + PMC_MBOX_STATUS) & PMC_STATUS_ERR) ? -EIO : 0;
}
