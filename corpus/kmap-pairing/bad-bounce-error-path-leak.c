/* kmap-pairing: a block driver's bounce-buffer read path returns -EIO from inside the kmap_local_page() section without kunmap_local(). */
#include <linux/blk-mq.h>
#include <linux/highmem.h>
#include <linux/io.h>

#define CARD_STATUS	0x04
#define CARD_DATA	0x10
#define STATUS_ERR	BIT(3)

struct card_dev {
	void __iomem *regs;
	u8 *bounce;
	struct request_queue *q;
};

static int card_read_segment(struct card_dev *card, struct bio_vec *bv)
{
	void *dst;
	u32 status;

	memcpy_fromio(card->bounce, card->regs + CARD_DATA, bv->bv_len);
	dst = kmap_local_page(bv->bv_page);
	status = readl(card->regs + CARD_STATUS);
	if (status & STATUS_ERR) {
		dev_err(disk_to_dev(card->q->disk), "read error, status %#x\n", status);
		return -EIO;	/* expect-warning kmap-pairing */
	}
	memcpy(dst + bv->bv_offset, card->bounce, bv->bv_len);
	kunmap_local(dst);
	return 0;
}

static blk_status_t card_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct card_dev *card = hctx->queue->queuedata;
	struct request *rq = bd->rq;
	struct req_iterator iter;
	struct bio_vec bv;

	blk_mq_start_request(rq);
	rq_for_each_segment(bv, rq, iter) {
		if (card_read_segment(card, &bv)) {
			blk_mq_end_request(rq, BLK_STS_IOERR);
			return BLK_STS_OK;
		}
	}
	blk_mq_end_request(rq, BLK_STS_OK);
	return BLK_STS_OK;
}
