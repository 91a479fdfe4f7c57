/* addr-iomem-as-kernel-pointer: a PMC mailbox handshake indexes the __iomem register window as a plain u32 array instead of using writel()/readl(). */
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/errno.h>

/* word offsets into the mailbox window */
#define PMC_MBOX_ARG		0
#define PMC_MBOX_CMD		1
#define PMC_MBOX_STATUS		2
#define PMC_STATUS_BUSY		BIT(31)
#define PMC_STATUS_ERR		BIT(30)
#define PMC_MBOX_TIMEOUT_US	5000

static int pmc_mbox_send(u32 __iomem *regs, u32 cmd, u32 arg)
{
	unsigned int waited = 0;
	u32 status;

	regs[PMC_MBOX_ARG] = arg;		/* expect-warning addr-iomem-as-kernel-pointer */
	wmb();
	regs[PMC_MBOX_CMD] = cmd;		/* expect-warning addr-iomem-as-kernel-pointer */

	for (;;) {
		status = regs[PMC_MBOX_STATUS];	/* expect-warning addr-iomem-as-kernel-pointer */
		if (!(status & PMC_STATUS_BUSY))
			break;
		if (waited >= PMC_MBOX_TIMEOUT_US)
			return -ETIMEDOUT;
		udelay(10);
		waited += 10;
	}

	return (status & PMC_STATUS_ERR) ? -EIO : 0;
}
