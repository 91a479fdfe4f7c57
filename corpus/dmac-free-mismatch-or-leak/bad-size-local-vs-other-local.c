/* dmac-free-mismatch-or-leak: a firmware image is copied into an aligned coherent buffer of buf_len bytes but freed with fw_len. */
#include <linux/dma-mapping.h>
#include <linux/firmware.h>

#define FW_ALIGN		SZ_4K
#define BOOT_REG_IMG_LO		0x200
#define BOOT_REG_IMG_HI		0x204
#define BOOT_REG_IMG_LEN	0x208
#define BOOT_REG_GO		0x20c

struct dsp_core {
	struct device *dev;
	void __iomem *boot;
};

int dsp_wait_booted(struct dsp_core *dsp);

static int dsp_boot_image(struct dsp_core *dsp, const struct firmware *fw)
{
	size_t fw_len = fw->size;
	size_t buf_len = ALIGN(fw_len, FW_ALIGN);
	dma_addr_t img_dma;
	void *img;
	int ret;

	img = dma_alloc_coherent(dsp->dev, buf_len, &img_dma, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	memcpy(img, fw->data, fw_len);

	writel(lower_32_bits(img_dma), dsp->boot + BOOT_REG_IMG_LO);
	writel(upper_32_bits(img_dma), dsp->boot + BOOT_REG_IMG_HI);
	writel(fw_len, dsp->boot + BOOT_REG_IMG_LEN);
	writel(1, dsp->boot + BOOT_REG_GO);

	ret = dsp_wait_booted(dsp);
	if (ret)
		dev_err(dsp->dev, "DSP did not boot: %d\n", ret);

	dma_free_coherent(dsp->dev, fw_len, img, img_dma); /* expect-warning dmac-free-mismatch-or-leak */
	return ret;
}
