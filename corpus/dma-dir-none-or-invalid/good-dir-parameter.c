/* dma-dir-none-or-invalid (good): the direction arrives as a parameter; the checker does not guess the caller's value. */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>

struct cqe_host {
	struct device *dev;
	void __iomem *mmio;
};

int cqe_prep_dma(struct cqe_host *host, struct scatterlist *sgl, int nents,
		 enum dma_data_direction dir);

static int cqe_map_data(struct cqe_host *host, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir)
{
	int n, ret;

	n = dma_map_sg(host->dev, sgl, nents, dir);
	if (!n)
		return -ENOMEM;

	ret = cqe_prep_dma(host, sgl, n, dir);
	if (ret)
		dma_unmap_sg(host->dev, sgl, nents, dir);
	return ret;
}
