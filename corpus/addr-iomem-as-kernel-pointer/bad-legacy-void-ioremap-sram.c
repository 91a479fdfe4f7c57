/* addr-iomem-as-kernel-pointer: a DSP loader keeps the ioremap() result in a plain void * and loads the firmware and boot vector with memcpy() and a store. */
#include <linux/firmware.h>
#include <linux/platform_device.h>
#include <linux/io.h>

#define DSP_BOOT_VEC		0x1fff0
#define DSP_RESET		0x04
#define DSP_RESET_RELEASE	0

struct dsp_ctl {
	struct device *dev;
	void __iomem *ctrl;
	phys_addr_t sram_phys;
	size_t sram_size;
};

static int dsp_boot(struct dsp_ctl *dsp, const struct firmware *fw, u32 entry)
{
	void *sram;

	if (fw->size > DSP_BOOT_VEC)
		return -EFBIG;

	sram = ioremap(dsp->sram_phys, dsp->sram_size);
	if (!sram)
		return -ENOMEM;

	memcpy(sram, fw->data, fw->size);		/* expect-warning addr-iomem-as-kernel-pointer */
	*(u32 *)(sram + DSP_BOOT_VEC) = entry;		/* expect-warning addr-iomem-as-kernel-pointer */
	iounmap(sram);

	writel(DSP_RESET_RELEASE, dsp->ctrl + DSP_RESET);
	dev_info(dsp->dev, "DSP started at %#x\n", entry);
	return 0;
}
