// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-error-unchecked (good twin): the handle of
 * dma_map_single is used without dma_mapping_error.
 *
 * Rule: dma-map-error-unchecked.  Runtime expectations: fixture.conf.
 * This is the fixed twin of bad.c: dmacheck must report nothing here.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/slab.h>
/* QEMU's "edu" educational device (docs/specs/edu.txt in the QEMU tree). */
#define EDU_VENDOR_ID		0x1234
#define EDU_DEVICE_ID		0x11e8
#define EDU_REG_DMA_SRC		0x80
#define EDU_REG_DMA_DST		0x88
#define EDU_REG_DMA_COUNT	0x90
#define EDU_REG_DMA_CMD		0x98
#define EDU_CMD_START		0x1
#define EDU_CMD_TO_RAM		0x2	/* 0: RAM -> device, 1: device -> RAM */
#define EDU_DEV_BUF		0x40000	/* device address of the 4 KiB device buffer */
#define EDU_DMA_MASK_BITS	28

#define FX_NAME			"map-error-unchecked-good"
#define FX_LEN			1024	/* QEMU 7.2's edu crashes on 4096-byte transfers */
#define FX_OLD			0x11	/* buffer contents before the interesting write */
#define FX_NEW			0x5a	/* the data that must reach the other side */

struct fx {
	void __iomem *regs;
};

/* Wait until the device reports that the current transfer is complete. */
static int edu_wait(struct fx *fx)
{
	u64 cmd;

	return readq_poll_timeout(fx->regs + EDU_REG_DMA_CMD, cmd,
				  !(cmd & EDU_CMD_START), 100, 2 * USEC_PER_SEC);
}

/*
 * Copy len bytes between guest RAM at DMA address addr and the device buffer
 * at offset devoff, and wait until the device reports completion.
 */
static int edu_dma(struct fx *fx, dma_addr_t addr, u32 devoff, u32 len, bool to_ram)
{
	u64 cmd = EDU_CMD_START;

	if (to_ram) {
		writeq(EDU_DEV_BUF + devoff, fx->regs + EDU_REG_DMA_SRC);
		writeq(addr, fx->regs + EDU_REG_DMA_DST);
		cmd |= EDU_CMD_TO_RAM;
	} else {
		writeq(addr, fx->regs + EDU_REG_DMA_SRC);
		writeq(EDU_DEV_BUF + devoff, fx->regs + EDU_REG_DMA_DST);
	}
	writeq(len, fx->regs + EDU_REG_DMA_COUNT);
	writeq(cmd, fx->regs + EDU_REG_DMA_CMD);
	return edu_wait(fx);
}

static void fx_report(const char *result)
{
	pr_info("dmacheck-fixture: %s: %s\n", FX_NAME, result);
}

/* Read the first len bytes of the device buffer into out (a correct transfer). */
static int fx_read_device(struct device *dev, struct fx *fx, void *out, size_t len)
{
	dma_addr_t h;
	int ret;

	h = dma_map_single(dev, out, len, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, h))
		return -ENOMEM;
	ret = edu_dma(fx, h, 0, len, true);
	dma_unmap_single(dev, h, len, DMA_FROM_DEVICE);
	return ret;
}

/* Send FX_NEW to the device; check the mapping before using the handle. */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	dma_addr_t h;
	u8 *tx, *rx;
	int ret = -ENOMEM;

	tx = kmalloc(FX_LEN, GFP_KERNEL);
	rx = kzalloc(FX_LEN, GFP_KERNEL);
	if (!tx || !rx)
		goto out;
	memset(tx, FX_NEW, FX_LEN);
	h = dma_map_single(dev, tx, FX_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h))
		goto out;
	ret = edu_dma(fx, h, 0, FX_LEN, false);
	dma_unmap_single(dev, h, FX_LEN, DMA_TO_DEVICE);
	if (!ret)
		ret = fx_read_device(dev, fx, rx, FX_LEN);
	if (!ret)
		fx_report(memchr_inv(rx, FX_NEW, FX_LEN) ? "data=stale" : "data=ok");
out:
	kfree(rx);
	kfree(tx);
	return ret;
}

static int fx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fx *fx;
	int ret;

	fx = devm_kzalloc(&pdev->dev, sizeof(*fx), GFP_KERNEL);
	if (!fx)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), FX_NAME);
	if (ret)
		return ret;
	fx->regs = pcim_iomap_table(pdev)[0];
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(EDU_DMA_MASK_BITS));
	if (ret)
		return ret;
	pci_set_master(pdev);
	pci_set_drvdata(pdev, fx);

	ret = fx_scenario(&pdev->dev, fx);
	if (ret)
		dev_err(&pdev->dev, "scenario failed: %d\n", ret);
	return ret;
}

static void fx_remove(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
}
static const struct pci_device_id fx_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR_ID, EDU_DEVICE_ID) },
	{ }
};
MODULE_DEVICE_TABLE(pci, fx_ids);

static struct pci_driver fx_driver = {
	.name = FX_NAME,
	.id_table = fx_ids,
	.probe = fx_probe,
	.remove = fx_remove,
};
module_pci_driver(fx_driver);

MODULE_DESCRIPTION("dmacheck kmod fixture " FX_NAME);
MODULE_LICENSE("GPL");
