/* dma-map-error-unchecked (good): a thin mapping wrapper returns the handle unchecked; its caller checks it. */
#include <linux/dma-mapping.h>

struct ufx_hba {
	struct device *dev;
	void __iomem *mmio_base;
};

struct ufx_ucd {
	u8 cmd_upiu[512];
	u8 rsp_upiu[512];
};

static inline dma_addr_t ufx_map_ucd(struct ufx_hba *hba, struct ufx_ucd *ucd)
{
	return dma_map_single(hba->dev, ucd, sizeof(*ucd), DMA_BIDIRECTIONAL);
}

static dma_addr_t ufx_map_rsp(struct ufx_hba *hba, struct ufx_ucd *ucd)
{
	dma_addr_t dma = dma_map_single(hba->dev, ucd->rsp_upiu, sizeof(ucd->rsp_upiu),
					DMA_FROM_DEVICE);
	return dma;	/* the caller runs dma_mapping_error() */
}
