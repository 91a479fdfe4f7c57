/* dma-map-error-unchecked: the LDD3-era "NULL on failure" test; a zero handle is valid, and the early return leaks. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>

#define DAD_REG_ADDR	0x10
#define DAD_REG_COUNT	0x14
#define DAD_REG_CMD	0x18
#define DAD_CMD_READ	0x1

struct dad_dev {
	struct pci_dev *pdev;
	void __iomem *registers;
	void *dma_buf;
	size_t dma_size;
	dma_addr_t dma_addr;
	int dma_dir;
};

static int dad_transfer(struct dad_dev *dev, void *buffer, size_t count)
{
	dma_addr_t bus_addr;

	bus_addr = dma_map_single(&dev->pdev->dev, buffer, count, DMA_FROM_DEVICE); /* expect-warning dma-map-error-unchecked */
	if (!bus_addr)
		return -EIO; /* expect-warning dma-map-leak */

	dev->dma_buf = buffer;
	dev->dma_size = count;
	dev->dma_addr = bus_addr;

	writel(DAD_CMD_READ, dev->registers + DAD_REG_CMD);
	writel(lower_32_bits(bus_addr), dev->registers + DAD_REG_ADDR);
	writel(count, dev->registers + DAD_REG_COUNT);
	return 0;
}
