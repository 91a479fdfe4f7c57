/* dma-dir-none-or-invalid (good): the LDD3 "dad" pattern, direction kept in the device structure between map and unmap. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>

#define DAD_REG_ADDR	0x10
#define DAD_REG_COUNT	0x14
#define DAD_REG_CMD	0x18
#define DAD_CMD_READ	0x1
#define DAD_CMD_WRITE	0x2

struct dad_dev {
	struct pci_dev *pdev;
	void __iomem *registers;
	size_t dma_size;
	enum dma_data_direction dma_dir;
	dma_addr_t dma_addr;
};

static int dad_transfer(struct dad_dev *dev, int write, void *buffer, size_t count)
{
	dma_addr_t bus_addr;

	dev->dma_dir = write ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	dev->dma_size = count;
	bus_addr = dma_map_single(&dev->pdev->dev, buffer, count, dev->dma_dir);
	if (dma_mapping_error(&dev->pdev->dev, bus_addr))
		return -ENOMEM;
	dev->dma_addr = bus_addr;

	writel(write ? DAD_CMD_WRITE : DAD_CMD_READ, dev->registers + DAD_REG_CMD);
	writel(lower_32_bits(bus_addr), dev->registers + DAD_REG_ADDR);
	writel(count, dev->registers + DAD_REG_COUNT);
	return 0;
}

static irqreturn_t dad_interrupt(int irq, void *dev_id)
{
	struct dad_dev *dev = dev_id;

	if (!(readl(dev->registers + DAD_REG_CMD) & BIT(31)))
		return IRQ_NONE;
	dma_unmap_single(&dev->pdev->dev, dev->dma_addr, dev->dma_size, dev->dma_dir);
	return IRQ_HANDLED;
}
