/* SPDX-License-Identifier: GPL-2.0 */
/*
 * edu-fixture.h: the scenario-independent part of every dmacheck kmod
 * fixture (see ../README.md): QEMU's edu device, the per-device state, the
 * correct transfers the scenarios build on, the result line, and the
 * pci_driver/module glue.
 *
 * A fixture source (bad.c or good.c) looks like:
 *
 *	#define FX_NAME "double-unmap-bad"	// <fixture>-<twin>, before the include
 *	#include "../common/edu-fixture.h"
 *
 *	static int fx_scenario(struct device *dev, struct fx *fx)
 *	{
 *		... map, edu_dma(), unmap; fx_report("data=ok") ...
 *	}
 *
 *	EDU_FIXTURE_DRIVER(fx_scenario);
 *
 * probe() enables the device, maps BAR 0, sets the 28-bit DMA mask and bus
 * mastering, and calls the scenario; remove() clears bus mastering.  A
 * fixture whose bug lives in remove() passes its own remove function to
 * EDU_FIXTURE_DRIVER_REMOVE(scenario, remove).  A fixture that needs more
 * per-device state defines FX_HAVE_STRUCT_FX and its own struct fx (with
 * `void __iomem *regs` as a member) before the include.
 *
 * dmacheck does not preprocess: it never sees this file.  Keep everything the
 * checker must judge (the mappings, unmaps and syncs of the scenario and the
 * expect-warning line) in bad.c/good.c; the helpers here are correct code and
 * a DMA handle passed to them is, for dmacheck, passed to unknown code.
 */
#ifndef DMACHECK_EDU_FIXTURE_H
#define DMACHECK_EDU_FIXTURE_H

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/slab.h>

#ifndef FX_NAME
#error "define FX_NAME (\"<fixture>-bad\" or \"<fixture>-good\") before including edu-fixture.h"
#endif

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

#define FX_LEN			1024	/* QEMU 7.2's edu crashes on 4096-byte transfers */
#define FX_OLD			0x11	/* buffer contents before the interesting write */
#define FX_NEW			0x5a	/* the data that must reach the other side */

#ifndef FX_HAVE_STRUCT_FX
struct fx {
	void __iomem *regs;
};
#endif

/* Wait until the device reports that the current transfer is complete. */
static inline int edu_wait(struct fx *fx)
{
	u64 cmd;

	return readq_poll_timeout(fx->regs + EDU_REG_DMA_CMD, cmd,
				  !(cmd & EDU_CMD_START), 100, 2 * USEC_PER_SEC);
}

/*
 * Copy len bytes between guest RAM at DMA address addr and the device buffer
 * at offset devoff, and wait until the device reports completion.
 */
static inline int edu_dma(struct fx *fx, dma_addr_t addr, u32 devoff, u32 len, bool to_ram)
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

/* The result line the runner looks for: "dmacheck-fixture: FX_NAME: result". */
static inline void fx_report(const char *result)
{
	pr_info("dmacheck-fixture: %s: %s\n", FX_NAME, result);
}

/* Read the first len bytes of the device buffer into out (a correct transfer). */
static inline int fx_read_device(struct device *dev, struct fx *fx, void *out, size_t len)
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

/* Fill the first len bytes of the device buffer with byte (a correct transfer). */
static inline int fx_fill_device(struct device *dev, struct fx *fx, int byte, size_t len)
{
	dma_addr_t h;
	void *buf;
	int ret;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, byte, len);
	h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, h)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(fx, h, 0, len, false);
	dma_unmap_single(dev, h, len, DMA_TO_DEVICE);
	kfree(buf);
	return ret;
}

/*
 * The device set-up of probe(): enable, map BAR 0, set the DMA mask and bus
 * mastering; *fxp is the new per-device state (also the drvdata).
 */
static inline int edu_fixture_setup(struct pci_dev *pdev, struct fx **fxp)
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
	*fxp = fx;
	return 0;
}

/* probe(): set the device up, then run the fixture's scenario on it. */
static inline int edu_fixture_probe(struct pci_dev *pdev,
				    int (*scenario)(struct device *dev, struct fx *fx))
{
	struct fx *fx;
	int ret = edu_fixture_setup(pdev, &fx);

	if (ret)
		return ret;
	ret = scenario(&pdev->dev, fx);
	if (ret)
		dev_err(&pdev->dev, "scenario failed: %d\n", ret);
	return ret;
}

/*
 * The module glue around a pci_driver the fixture writes itself (so that
 * dmacheck sees its .probe and .remove): the edu id table, the module
 * init/exit and the description. The fixture's struct pci_driver must use
 * .id_table = fx_ids.
 */
#define EDU_FIXTURE_IDS								\
static const struct pci_device_id fx_ids[] = {					\
	{ PCI_DEVICE(EDU_VENDOR_ID, EDU_DEVICE_ID) },				\
	{ }									\
};										\
MODULE_DEVICE_TABLE(pci, fx_ids)

#define EDU_FIXTURE_MODULE(driver)						\
module_pci_driver(driver);							\
MODULE_DESCRIPTION("dmacheck kmod fixture " FX_NAME);				\
MODULE_LICENSE("GPL")

/*
 * The pci_driver named FX_NAME for the edu device, with probe() running
 * scenario_fn (int (*)(struct device *, struct fx *)) and the given remove().
 */
#define EDU_FIXTURE_DRIVER_REMOVE(scenario_fn, remove_fn)			\
static int fx_probe(struct pci_dev *pdev, const struct pci_device_id *id)	\
{										\
	return edu_fixture_probe(pdev, scenario_fn);				\
}										\
										\
static const struct pci_device_id fx_ids[] = {					\
	{ PCI_DEVICE(EDU_VENDOR_ID, EDU_DEVICE_ID) },				\
	{ }									\
};										\
MODULE_DEVICE_TABLE(pci, fx_ids);						\
										\
static struct pci_driver fx_driver = {						\
	.name = FX_NAME,							\
	.id_table = fx_ids,							\
	.probe = fx_probe,							\
	.remove = remove_fn,							\
};										\
module_pci_driver(fx_driver);							\
										\
MODULE_DESCRIPTION("dmacheck kmod fixture " FX_NAME);				\
MODULE_LICENSE("GPL")

/* The same, with the remove() of fixtures whose scenario ends in probe(). */
#define EDU_FIXTURE_DRIVER(scenario_fn)						\
static void fx_remove(struct pci_dev *pdev)					\
{										\
	pci_clear_master(pdev);							\
}										\
EDU_FIXTURE_DRIVER_REMOVE(scenario_fn, fx_remove)

#endif /* DMACHECK_EDU_FIXTURE_H */
