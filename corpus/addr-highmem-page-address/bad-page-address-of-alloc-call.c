/* addr-highmem-page-address: a trace buffer takes page_address() of alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO) directly; neither a highmem page nor a failed allocation gives a usable address. */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

#define TRC_HDR_MAGIC		0x54524331

struct trc_hdr {
	u32 magic;
	u32 head;
	u32 tail;
	u32 size;
};

struct trc_buf {
	spinlock_t lock;
	struct trc_hdr *hdr;
	u8 *data;
};

static int trc_buf_init(struct trc_buf *tb)
{
	void *vaddr;

	vaddr = page_address(alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO)); /* expect-warning addr-highmem-page-address */
	if (!vaddr)
		return -ENOMEM;

	spin_lock_init(&tb->lock);
	tb->hdr = vaddr;
	tb->hdr->magic = TRC_HDR_MAGIC;
	tb->hdr->size = PAGE_SIZE - sizeof(*tb->hdr);
	tb->data = vaddr + sizeof(*tb->hdr);
	return 0;
}
