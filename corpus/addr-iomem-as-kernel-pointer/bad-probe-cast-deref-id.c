/* addr-iomem-as-kernel-pointer: a QSPI probe reads the ID register and resets the block by casting the devm_platform_ioremap_resource() cookie to a plain pointer. */
#include <linux/platform_device.h>
#include <linux/spi/spi-mem.h>
#include <linux/io.h>

#define QSPI_ID			0x00
#define QSPI_ID_MASK		0xffff0000
#define QSPI_ID_V2		0x51530000
#define QSPI_CTRL		0x04
#define QSPI_CTRL_RESET		BIT(31)

struct qspi_lite {
	struct device *dev;
	void __iomem *base;
};

static int qspi_lite_probe(struct platform_device *pdev)
{
	struct qspi_lite *q;
	void __iomem *base;
	u32 id;

	q = devm_kzalloc(&pdev->dev, sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	q->dev = &pdev->dev;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);

	id = *(u32 *)(base + QSPI_ID);		/* expect-warning addr-iomem-as-kernel-pointer */
	if ((id & QSPI_ID_MASK) != QSPI_ID_V2) {
		dev_err(&pdev->dev, "unknown controller id %#x\n", id);
		return -ENODEV;
	}

	*(volatile u32 *)(base + QSPI_CTRL) = QSPI_CTRL_RESET; /* expect-warning addr-iomem-as-kernel-pointer */
	q->base = base;
	platform_set_drvdata(pdev, q);
	return 0;
}
