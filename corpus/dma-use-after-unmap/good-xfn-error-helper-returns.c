/* dma-use-after-unmap (cross-function, good): every failure branch unmaps through the same-file helper and returns; the success path unmaps exactly once. */
#include <linux/dma-mapping.h>
#include <linux/i2c.h>
#include <linux/io.h>

#define QI2C_MAX_XFER	256
#define QI2C_DMA_ADDR	0x30
#define QI2C_DMA_LEN	0x38
#define QI2C_DMA_GO	0x3c
#define QI2C_STATUS	0x40
#define QI2C_NACK	BIT(2)
#define QI2C_ARBLOST	BIT(3)

struct qi2c {
	struct device *dev;
	void __iomem *base;
	struct i2c_adapter adap;
};

static void qi2c_dma_done(struct qi2c *qi, dma_addr_t dma, unsigned int len, bool rd)
{
	dma_unmap_single(qi->dev, dma, len, rd ? DMA_FROM_DEVICE : DMA_TO_DEVICE);
}

int qi2c_wait(struct qi2c *qi);

static int qi2c_xfer_dma(struct qi2c *qi, struct i2c_msg *msg)
{
	bool rd = msg->flags & I2C_M_RD;
	dma_addr_t dma;
	u32 status;
	int ret;

	if (msg->len > QI2C_MAX_XFER)
		return -EOPNOTSUPP;
	dma = dma_map_single(qi->dev, msg->buf, msg->len, rd ? DMA_FROM_DEVICE : DMA_TO_DEVICE);
	if (dma_mapping_error(qi->dev, dma))
		return -ENOMEM;

	lo_hi_writeq(dma, qi->base + QI2C_DMA_ADDR);
	writel(msg->len, qi->base + QI2C_DMA_LEN);
	writel(1, qi->base + QI2C_DMA_GO);

	ret = qi2c_wait(qi);
	if (ret) {
		writel(0, qi->base + QI2C_DMA_GO);
		qi2c_dma_done(qi, dma, msg->len, rd);
		return ret;
	}
	status = readl(qi->base + QI2C_STATUS);
	if (status & QI2C_NACK) {
		qi2c_dma_done(qi, dma, msg->len, rd);
		return -ENXIO;
	}
	if (status & QI2C_ARBLOST) {
		qi2c_dma_done(qi, dma, msg->len, rd);
		return -EAGAIN;
	}
	qi2c_dma_done(qi, dma, msg->len, rd);
	return 0;
}

static int qi2c_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	struct qi2c *qi = i2c_get_adapdata(adap);
	int i, ret;

	for (i = 0; i < num; i++) {
		ret = qi2c_xfer_dma(qi, &msgs[i]);
		if (ret)
			return ret;
	}
	return num;
}
