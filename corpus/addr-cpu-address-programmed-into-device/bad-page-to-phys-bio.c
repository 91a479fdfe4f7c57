/* addr-cpu-address-programmed-into-device: an old block driver points the controller at a bio page by its physical address. */
#include <linux/blk-mq.h>
#include <linux/io.h>

struct gd_host {
	void __iomem *regs;
};

static void gd_start_rq(struct gd_host *h, struct request *req)
{
	unsigned long addr = page_to_phys(bio_page(req->bio)) + bio_offset(req->bio);

	__raw_writel(addr, h->regs + 0x04);	/* expect-warning addr-cpu-address-programmed-into-device */
	__raw_writel(blk_rq_bytes(req), h->regs + 0x08);
}
