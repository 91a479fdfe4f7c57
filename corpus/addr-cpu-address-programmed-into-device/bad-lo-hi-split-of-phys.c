/* addr-cpu-address-programmed-into-device: splitting into halves does not make a physical address a DMA address. */
#include <linux/io.h>
#include <linux/slab.h>

struct mbox {
	void __iomem *regs;
	u8 *cmd;
};

static void mbox_post(struct mbox *mb)
{
	phys_addr_t pa = virt_to_phys(mb->cmd);

	writel(lower_32_bits(pa), mb->regs + 0x00);	/* expect-warning addr-cpu-address-programmed-into-device */
	writel(upper_32_bits(pa), mb->regs + 0x04);	/* expect-warning addr-cpu-address-programmed-into-device */
}
