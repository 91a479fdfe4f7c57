/* addr-linear-only-conversion: the physical address of a module-static boot table is computed with virt_to_phys(). */
#include <linux/io.h>
#include <linux/firmware.h>

#define MCU_REG_BOOT_TBL_LO	0x100
#define MCU_REG_BOOT_TBL_HI	0x104
#define MCU_REG_BOOT_TBL_N	0x108
#define MCU_REG_RESET		0x10c
#define MCU_BOOT_ENTRIES	64

struct mcu_boot_entry {
	__le32 load_addr;
	__le32 size;
	__le32 crc;
	__le32 flags;
};

/* module .bss: vmalloc'ed module space, not the linear map */
static struct mcu_boot_entry mcu_boot_tbl[MCU_BOOT_ENTRIES];

struct mcu {
	struct device *dev;
	void __iomem *regs;
};

static int mcu_boot(struct mcu *m, const struct firmware *fw, unsigned int nent)
{
	phys_addr_t tbl_pa;

	if (nent > MCU_BOOT_ENTRIES || fw->size < nent * sizeof(mcu_boot_tbl[0]))
		return -EINVAL;
	memcpy(mcu_boot_tbl, fw->data, nent * sizeof(mcu_boot_tbl[0]));

	tbl_pa = virt_to_phys(mcu_boot_tbl); /* expect-warning addr-linear-only-conversion */
	writel(lower_32_bits(tbl_pa), m->regs + MCU_REG_BOOT_TBL_LO); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(upper_32_bits(tbl_pa), m->regs + MCU_REG_BOOT_TBL_HI); /* expect-warning addr-cpu-address-programmed-into-device */
	writel(nent, m->regs + MCU_REG_BOOT_TBL_N);
	writel(0, m->regs + MCU_REG_RESET);
	return 0;
}
