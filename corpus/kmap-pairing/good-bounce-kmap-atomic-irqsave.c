/* kmap-pairing (good): a block driver's completion handler copies a bounce buffer into bio pages under kmap_atomic() with interrupts off; only memcpy and flush_dcache_page() inside. */
#include <linux/bio.h>
#include <linux/blk-mq.h>
#include <linux/highmem.h>
#include <linux/spinlock.h>

struct bb_dev {
	spinlock_t lock;
	u8 *bounce;
	unsigned int bounce_len;
};

static void bb_copy_to_bio(struct bb_dev *bb, struct request *rq)
{
	struct req_iterator iter;
	struct bio_vec bv;
	unsigned long flags;
	unsigned int off = 0;

	spin_lock_irqsave(&bb->lock, flags);
	rq_for_each_segment(bv, rq, iter) {
		char *dst;

		if (off + bv.bv_len > bb->bounce_len)
			break;
		dst = kmap_atomic(bv.bv_page);
		memcpy(dst + bv.bv_offset, bb->bounce + off, bv.bv_len);
		flush_dcache_page(bv.bv_page);
		kunmap_atomic(dst);
		off += bv.bv_len;
	}
	spin_unlock_irqrestore(&bb->lock, flags);
}

static void bb_fill_from_bio(struct bb_dev *bb, struct bio *bio)
{
	struct bio_vec bv;
	struct bvec_iter iter;
	unsigned int off = 0;
	u8 *tmp;

	bio_for_each_segment(bv, bio, iter) {
		char *src = kmap_atomic(bv.bv_page);

		memcpy(bb->bounce + off, src + bv.bv_offset, bv.bv_len);
		kunmap_atomic(src - 0);
		off += bv.bv_len;
	}
	tmp = kmalloc(off, GFP_ATOMIC);
	kfree(tmp);
}
