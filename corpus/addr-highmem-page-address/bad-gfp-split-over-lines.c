/* addr-highmem-page-address: a firmware image is staged in pages from a GFP mask spread over two lines that includes __GFP_HIGHMEM, then copied through page_address(). */
#include <linux/firmware.h>
#include <linux/gfp.h>
#include <linux/mm.h>

struct mcu_loader {
	struct device *dev;
	struct page *stage;
	unsigned int stage_order;
};

int mcu_load_from_pages(struct mcu_loader *ml, struct page *pg, size_t len);

static int mcu_stage_fw(struct mcu_loader *ml, const struct firmware *fw)
{
	unsigned int order = get_order(fw->size);
	struct page *pg;
	int ret;

	pg = alloc_pages(GFP_KERNEL | __GFP_NOWARN | __GFP_RETRY_MAYFAIL |
			 __GFP_HIGHMEM, order);
	if (!pg)
		return -ENOMEM;

	memcpy(page_address(pg), fw->data, fw->size);	/* expect-warning addr-highmem-page-address */

	ret = mcu_load_from_pages(ml, pg, fw->size);
	if (ret) {
		dev_err(ml->dev, "MCU rejected the image: %d\n", ret);
		__free_pages(pg, order);
		return ret;
	}

	ml->stage = pg;
	ml->stage_order = order;
	return 0;
}
