/* dma-mask-literal-width: comments that state the same width as DMA_BIT_MASK(n), an ISA-era device with DMA_BIT_MASK(24), and a comment about a 32-bit register (not an address width) above a 64-bit mask. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/isa.h>

struct flexrm {
	struct device *dev;
	void __iomem *regs;
};

static int flexrm_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct flexrm *mbox;
	int ret;

	mbox = devm_kzalloc(dev, sizeof(*mbox), GFP_KERNEL);
	if (!mbox)
		return -ENOMEM;
	mbox->dev = dev;
	mbox->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mbox->regs))
		return PTR_ERR(mbox->regs);

	/* FlexRM is capable of 40-bit physical addresses only */
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(40));
	if (ret) {
		ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
		if (ret)
			return ret;
	}
	platform_set_drvdata(pdev, mbox);
	return 0;
}

struct wss {
	struct device *dev;
	unsigned long port;
};

static int wss_isa_probe(struct device *dev, unsigned int id)
{
	struct wss *chip;
	int err;

	chip = devm_kzalloc(dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->dev = dev;
	/* ISA DMA through the 8237: the usual 16 MiB limit */
	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(24));
	if (err)
		return err;
	dev_set_drvdata(dev, chip);
	return 0;
}

struct ring_nic {
	struct device *dev;
	void __iomem *csr;
};

static int ring_nic_probe(struct platform_device *pdev)
{
	struct ring_nic *rn;
	int err;

	rn = devm_kzalloc(&pdev->dev, sizeof(*rn), GFP_KERNEL);
	if (!rn)
		return -ENOMEM;
	rn->dev = &pdev->dev;
	/* each descriptor stores the buffer address as two 32-bit words */
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return err;
	platform_set_drvdata(pdev, rn);
	return 0;
}

static struct platform_driver flexrm_driver = {
	.probe = flexrm_probe,
	.driver = { .name = "flexrm" },
};

static struct isa_driver wss_isa_driver = {
	.probe = wss_isa_probe,
	.driver = { .name = "wss" },
};

static struct platform_driver ring_nic_driver = {
	.probe = ring_nic_probe,
	.driver = { .name = "ring-nic" },
};
