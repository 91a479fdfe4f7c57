/* dmac-free-mismatch-or-leak: the error ladder jumps to a label below the free of the status block, which leaks. */
#include <linux/dma-mapping.h>
#include <linux/firmware.h>

#define ST_BLK_BYTES		256
#define FW_ALIGN		SZ_4K

struct fl_dev {
	struct device *dev;
	void *status;
	dma_addr_t status_dma;
	void *img;
	dma_addr_t img_dma;
	size_t img_len;
};

int fl_boot(struct fl_dev *fd, dma_addr_t img, dma_addr_t status);

static int fl_load(struct fl_dev *fd, const struct firmware *fw)
{
	void *status, *img;
	dma_addr_t status_dma, img_dma;
	size_t len = ALIGN(fw->size, FW_ALIGN);
	int ret;

	status = dma_alloc_coherent(fd->dev, ST_BLK_BYTES, &status_dma, GFP_KERNEL);
	if (!status)
		return -ENOMEM;

	img = dma_alloc_coherent(fd->dev, len, &img_dma, GFP_KERNEL);
	if (!img) {
		ret = -ENOMEM;
		goto err_out;
	}
	memcpy(img, fw->data, fw->size);

	ret = fl_boot(fd, img_dma, status_dma);
	if (ret)
		goto err_free_img;

	fd->status = status;
	fd->status_dma = status_dma;
	fd->img = img;
	fd->img_dma = img_dma;
	fd->img_len = len;
	return 0;

err_free_img:
	dma_free_coherent(fd->dev, len, img, img_dma);
	dma_free_coherent(fd->dev, ST_BLK_BYTES, status, status_dma);
err_out:
	return ret; /* expect-warning dmac-free-mismatch-or-leak */
}
