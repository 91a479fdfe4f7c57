/* dma-mask-not-set-or-late: a DSP probe maps its boot image for the device through a local alias of &pdev->dev before it narrows that device's masks to 28 bits, so the image may be mapped above what the DSP can fetch. */
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/firmware.h>
#include <linux/slab.h>

#define DSP_BOOT_ADDR	0x40

struct dsp {
	struct device *dev;
	void __iomem *regs;
};

static int dsp_boot(struct dsp *d, const struct firmware *fw)
{
	struct device *dev = d->dev;
	dma_addr_t img_dma;
	void *img;

	img = kmemdup(fw->data, fw->size, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	img_dma = dma_map_single(dev, img, fw->size, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, img_dma)) {
		kfree(img);
		return -ENOMEM;
	}
	writel(lower_32_bits(img_dma), d->regs + DSP_BOOT_ADDR);
	readl_poll_timeout(d->regs + 0x44, img_dma, img_dma & 1, 10, 100000);
	dma_unmap_single(dev, img_dma, fw->size, DMA_TO_DEVICE);
	kfree(img);
	return 0;
}

static int dsp_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	const struct firmware *fw;
	dma_addr_t img_dma;
	struct dsp *d;
	void *hdr;
	int ret;

	d = devm_kzalloc(dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->dev = dev;
	d->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(d->regs))
		return PTR_ERR(d->regs);

	ret = request_firmware(&fw, "dsp/boot.bin", dev);
	if (ret)
		return ret;
	hdr = kmemdup(fw->data, 64, GFP_KERNEL);
	if (!hdr) {
		release_firmware(fw);
		return -ENOMEM;
	}
	img_dma = dma_map_single(dev, hdr, 64, DMA_TO_DEVICE);	/* expect-warning dma-mask-not-set-or-late */
	if (dma_mapping_error(dev, img_dma)) {
		kfree(hdr);
		release_firmware(fw);
		return -ENOMEM;
	}
	writel(lower_32_bits(img_dma), d->regs + 0x48);
	dma_unmap_single(dev, img_dma, 64, DMA_TO_DEVICE);
	kfree(hdr);

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(28));
	if (ret) {
		release_firmware(fw);
		return ret;
	}
	ret = dsp_boot(d, fw);
	release_firmware(fw);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, d);
	return 0;
}

static struct platform_driver dsp_driver = {
	.probe = dsp_probe,
	.driver = { .name = "dsp28" },
};
