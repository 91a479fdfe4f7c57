/* addr-iomem-as-kernel-pointer (good): a DSP loader uses memset_io(), memcpy_toio() and memcpy_fromio() on the SRAM window and plain memcpy()/kfree() only on kernel buffers. */
#include <linux/firmware.h>
#include <linux/slab.h>
#include <linux/io.h>

#define DSP_BOOT_VEC		0x1fff0
#define DSP_INFO_OFF		0x1ff00
#define DSP_RESET		0x04

struct dsp_info {
	__le32 version;
	__le32 caps;
};

struct dsp_ctl {
	struct device *dev;
	void __iomem *ctrl;
	phys_addr_t sram_phys;
	size_t sram_size;
	struct dsp_info info;
};

static int dsp_boot(struct dsp_ctl *dsp, const struct firmware *fw, u32 entry)
{
	void __iomem *sram;
	struct dsp_info *tmp;

	tmp = kzalloc(sizeof(*tmp), GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;

	sram = ioremap(dsp->sram_phys, dsp->sram_size);
	if (!sram) {
		kfree(tmp);
		return -ENOMEM;
	}

	memset_io(sram, 0, dsp->sram_size);
	memcpy_toio(sram, fw->data, min_t(size_t, fw->size, DSP_INFO_OFF));
	writel(entry, sram + DSP_BOOT_VEC);
	memcpy_fromio(tmp, sram + DSP_INFO_OFF, sizeof(*tmp));
	iounmap(sram);

	memcpy(&dsp->info, tmp, sizeof(*tmp));
	kfree(tmp);
	writel(0, dsp->ctrl + DSP_RESET);
	return 0;
}
