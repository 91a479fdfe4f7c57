// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck kmod fixture map-leak-at-remove (bad twin): a streaming mapping
 * made in probe() is never unmapped in remove().
 *
 * Rule: dma-map-leak.  Runtime expectations: fixture.conf.
 * The line dmacheck must report is marked with an expect comment.
 */
#include <linux/types.h>
#define FX_NAME			"map-leak-at-remove-bad"

/* Per-device state: the header's struct fx plus the RX buffer posted in probe(). */
#define FX_HAVE_STRUCT_FX
struct fx {
	void __iomem *regs;
	void *rx;
	dma_addr_t rx_dma;
};
#include "../common/edu-fixture.h"

/*
 * Receive FX_NEW into a buffer that stays mapped while the driver is bound,
 * like a posted RX ring entry: the mapping belongs to remove() from now on.
 */
static int fx_scenario(struct device *dev, struct fx *fx)
{
	int ret;

	fx->rx = devm_kzalloc(dev, FX_LEN, GFP_KERNEL);
	if (!fx->rx)
		return -ENOMEM;
	ret = fx_fill_device(dev, fx, FX_NEW, FX_LEN);
	if (ret)
		return ret;
	fx->rx_dma = dma_map_single(dev, fx->rx, FX_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, fx->rx_dma))
		return -ENOMEM;
	ret = edu_dma(fx, fx->rx_dma, 0, FX_LEN, true);
	if (ret) {
		dma_unmap_single(dev, fx->rx_dma, FX_LEN, DMA_FROM_DEVICE);
		return ret;
	}
	fx_report("posted");
	return 0;
}

/* The RX buffer stays mapped after unbind (devres frees it later). */
static void fx_remove(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
	fx_report("removed");
} /* expect-warning dma-map-leak */

/* The driver, spelled out so that dmacheck sees probe() and remove() (rules/kernel/entry-points.rules). */
static int fx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct fx *fx;
	int ret = edu_fixture_setup(pdev, &fx);

	if (ret)
		return ret;
	return fx_scenario(&pdev->dev, fx);
}

EDU_FIXTURE_IDS;

static struct pci_driver fx_driver = {
	.name = FX_NAME,
	.id_table = fx_ids,
	.probe = fx_probe,
	.remove = fx_remove,
};
EDU_FIXTURE_MODULE(fx_driver);
