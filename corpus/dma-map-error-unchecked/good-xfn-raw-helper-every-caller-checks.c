/* dma-map-error-unchecked (good, cross-function): a raw map helper returns the handle unchecked and every caller (probe-time firmware load, runtime command, reset path) tests it with dma_mapping_error() before the device sees it. */
#include <linux/dma-mapping.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define DSP_REG_BOOT_ADDR	0x10
#define DSP_REG_BOOT_LEN	0x14
#define DSP_REG_CMD_ADDR	0x20
#define DSP_REG_CMD_GO		0x24
#define DSP_REG_RESET		0x00

struct dsp_cmd {
	__le32 id;
	__le32 arg[15];
};

struct dsp_dev {
	struct device *dev;
	void __iomem *regs;
	struct dsp_cmd *cmd;
	dma_addr_t cmd_dma;
};

static dma_addr_t dsp_map(struct dsp_dev *dsp, void *buf, size_t len)
{
	return dma_map_single(dsp->dev, buf, len, DMA_TO_DEVICE);
}

static int dsp_boot(struct dsp_dev *dsp, const struct firmware *fw)
{
	dma_addr_t fw_dma;
	void *copy;
	int ret = 0;

	copy = kmemdup(fw->data, fw->size, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	fw_dma = dsp_map(dsp, copy, fw->size);
	if (dma_mapping_error(dsp->dev, fw_dma)) {
		ret = -ENOMEM;
		goto out_free;
	}
	writel(lower_32_bits(fw_dma), dsp->regs + DSP_REG_BOOT_ADDR);
	writel(fw->size, dsp->regs + DSP_REG_BOOT_LEN);
	if (readl_poll_timeout(dsp->regs + DSP_REG_BOOT_LEN, ret, !ret, 100, 100000))
		ret = -ETIMEDOUT;
	dma_unmap_single(dsp->dev, fw_dma, fw->size, DMA_TO_DEVICE);
out_free:
	kfree(copy);
	return ret;
}

static int dsp_send(struct dsp_dev *dsp, u32 id)
{
	dsp->cmd->id = cpu_to_le32(id);
	dsp->cmd_dma = dsp_map(dsp, dsp->cmd, sizeof(*dsp->cmd));
	if (unlikely(dma_mapping_error(dsp->dev, dsp->cmd_dma)))
		return -ENOMEM;
	writel(lower_32_bits(dsp->cmd_dma), dsp->regs + DSP_REG_CMD_ADDR);
	writel(1, dsp->regs + DSP_REG_CMD_GO);
	return 0;
}

static void dsp_cmd_done(struct dsp_dev *dsp)
{
	dma_unmap_single(dsp->dev, dsp->cmd_dma, sizeof(*dsp->cmd), DMA_TO_DEVICE);
}

static int dsp_reset(struct dsp_dev *dsp)
{
	dma_addr_t dma;

	writel(1, dsp->regs + DSP_REG_RESET);
	dsp->cmd->id = cpu_to_le32(0);
	dma = dsp_map(dsp, dsp->cmd, sizeof(*dsp->cmd));
	if (dma_mapping_error(dsp->dev, dma))
		return -ENOMEM;
	dsp->cmd_dma = dma;
	writel(lower_32_bits(dma), dsp->regs + DSP_REG_CMD_ADDR);
	writel(0, dsp->regs + DSP_REG_RESET);
	return 0;
}
