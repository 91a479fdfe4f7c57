/* dmac-free-mismatch-or-leak (good): only pointers into the block are kept (&dheader->cb_header, and dheader->cmd, an array), and the handle went straight into the header (vmwgfx shape). */
#include <linux/dmapool.h>

#define CB_INLINE_SIZE		512

struct cb_hw_header {
	__le32 status;
	__le32 flags;
	__le64 pa;
};

struct cb_dheader {
	struct cb_hw_header cb_header;
	u8 cmd[CB_INLINE_SIZE];
};

struct cb_header {
	struct cb_hw_header *cb_header;
	u8 *cmd;
	dma_addr_t handle;
	bool inline_space;
};

struct cb_man {
	struct dma_pool *dheaders;
};

static int cb_space_inline(struct cb_man *man, struct cb_header *header, int size)
{
	struct cb_dheader *dheader;
	struct cb_hw_header *cb_hdr;

	if (size > CB_INLINE_SIZE)
		return -ENOMEM;
	dheader = dma_pool_zalloc(man->dheaders, GFP_KERNEL, &header->handle);
	if (!dheader)
		return -ENOMEM;

	header->inline_space = true;
	cb_hdr = &dheader->cb_header;
	header->cb_header = cb_hdr;
	header->cmd = dheader->cmd;
	cb_hdr->status = 0;
	cb_hdr->pa = cpu_to_le64(header->handle + offsetof(struct cb_dheader, cmd));
	return 0;
}
