/* dma-dir-none-or-invalid (good): the switch that picks the direction has a default that bails out. */
#include <linux/dma-mapping.h>

enum vsx_op { VSX_OP_READ, VSX_OP_WRITE, VSX_OP_FLUSH };

#define VSX_ADDR	0x00
#define VSX_LEN		0x08
#define VSX_OPC		0x0c

struct vsx_req {
	enum vsx_op op;
	void *buf;
	u32 len;
};

struct vsx_dev {
	struct device *dev;
	void __iomem *mmio;
	struct completion done;
};

static int vsx_do_req(struct vsx_dev *vd, struct vsx_req *req)
{
	enum dma_data_direction dir;
	dma_addr_t dma;
	int ret = 0;

	switch (req->op) {
	case VSX_OP_READ:
		dir = DMA_FROM_DEVICE;
		break;
	case VSX_OP_WRITE:
		dir = DMA_TO_DEVICE;
		break;
	default:
		return -EOPNOTSUPP;
	}

	dma = dma_map_single(vd->dev, req->buf, req->len, dir);
	if (dma_mapping_error(vd->dev, dma))
		return -ENOMEM;

	reinit_completion(&vd->done);
	lo_hi_writeq(dma, vd->mmio + VSX_ADDR);
	writel(req->len, vd->mmio + VSX_LEN);
	writel(req->op, vd->mmio + VSX_OPC);
	if (!wait_for_completion_timeout(&vd->done, HZ))
		ret = -ETIMEDOUT;

	dma_unmap_single(vd->dev, dma, req->len, dir);
	return ret;
}
