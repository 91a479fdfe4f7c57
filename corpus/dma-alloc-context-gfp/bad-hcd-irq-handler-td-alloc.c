/* dma-alloc-context-gfp: a USB host controller's interrupt handler takes a transfer descriptor from its dma_pool with GFP_KERNEL. */
#include <linux/dmapool.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>

#define XHC_REG_STATUS		0x04
#define XHC_REG_TD_HEAD		0x10
#define XHC_STS_NEED_TD		BIT(3)

struct xhc_td {
	__le32 next;
	__le32 token;
	__le32 buf[5];
};

struct xhc {
	struct device *dev;
	void __iomem *regs;
	struct dma_pool *td_pool;
	struct xhc_td *spare;
	dma_addr_t spare_dma;
	spinlock_t lock;
};

static irqreturn_t xhc_irq(int irq, void *data)
{
	struct xhc *xhc = data;
	struct xhc_td *td;
	dma_addr_t td_dma;
	u32 status;

	status = readl(xhc->regs + XHC_REG_STATUS);
	if (!status)
		return IRQ_NONE;
	writel(status, xhc->regs + XHC_REG_STATUS);

	if (status & XHC_STS_NEED_TD) {
		td = dma_pool_zalloc(xhc->td_pool, GFP_KERNEL, &td_dma); /* expect-warning dma-alloc-context-gfp */
		if (!td)
			return IRQ_HANDLED;
		spin_lock(&xhc->lock);
		xhc->spare = td;
		xhc->spare_dma = td_dma;
		spin_unlock(&xhc->lock);
		writel(lower_32_bits(td_dma), xhc->regs + XHC_REG_TD_HEAD);
	}
	return IRQ_HANDLED;
}

static int xhc_probe(struct platform_device *pdev)
{
	struct xhc *xhc;
	int irq;

	xhc = devm_kzalloc(&pdev->dev, sizeof(*xhc), GFP_KERNEL);
	if (!xhc)
		return -ENOMEM;
	xhc->dev = &pdev->dev;
	spin_lock_init(&xhc->lock);
	xhc->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(xhc->regs))
		return PTR_ERR(xhc->regs);
	xhc->td_pool = dmam_pool_create("xhc-td", &pdev->dev, sizeof(struct xhc_td), 32, 0);
	if (!xhc->td_pool)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	platform_set_drvdata(pdev, xhc);
	return devm_request_irq(&pdev->dev, irq, xhc_irq, IRQF_SHARED, "xhc", xhc);
}
