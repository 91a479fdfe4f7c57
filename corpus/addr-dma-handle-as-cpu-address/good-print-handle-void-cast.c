/* A handle cast to (void *) only to be printed with %p (old drivers predate %pad): not a CPU access. */
#include <linux/dma-mapping.h>
#include <linux/pci.h>

struct ioc {
	struct pci_dev *pdev;
	void *req_frames;
	dma_addr_t req_frames_dma;
	int req_sz;
};

static int ioc_alloc_frames(struct ioc *ioc, int total)
{
	ioc->req_frames = dma_alloc_coherent(&ioc->pdev->dev, total, &ioc->req_frames_dma, GFP_KERNEL);
	if (!ioc->req_frames)
		return -ENOMEM;
	dev_dbg(&ioc->pdev->dev, "frames @ %p[%p], sz=%d\n", ioc->req_frames,
		(void *)(unsigned long)ioc->req_frames_dma, total);
	ioc->req_sz = total;
	return 0;
}
