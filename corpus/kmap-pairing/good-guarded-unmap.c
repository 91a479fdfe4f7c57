/* kmap-pairing (good): a SCSI passthrough handler maps the first sg entry and unmaps it at the common exit under `if (use_sg)`, and a block frontend maps under a struct flag and unmaps under the same flag while filling other fields of the struct. */
#include <linux/highmem.h>
#include <linux/scatterlist.h>
#include <scsi/scsi_cmnd.h>

#define MSG_FAIL	0x0f

struct msg_field {
	u32 code;
	u32 len;
	u8 data[1024];
};

struct grant_setup {
	bool need_copy;
	unsigned int bvec_off;
	void *bvec_data;
	unsigned int id;
};

static int hba_message_xfer(struct scsi_cmnd *cmd, u32 code)
{
	struct scatterlist *sg;
	struct msg_field *msg;
	int use_sg, ret = 0;
	u8 *buffer;

	use_sg = scsi_sg_count(cmd);
	sg = scsi_sglist(cmd);
	buffer = kmap_atomic(sg_page(sg)) + sg->offset;
	if (use_sg > 1) {
		ret = MSG_FAIL;
		goto message_out;
	}
	if (sg->length > sizeof(*msg)) {
		ret = MSG_FAIL;
		goto message_out;
	}
	msg = (struct msg_field *)buffer;
	msg->code = code;
	msg->len = 0;
message_out:
	if (use_sg) {
		struct scatterlist *sg = scsi_sglist(cmd);

		kunmap_atomic(buffer - sg->offset);
	}
	return ret;
}

static void blkfront_copy_segs(struct grant_setup *out, struct scatterlist *sgl, int nsg, bool copy)
{
	struct grant_setup setup;
	struct scatterlist *sg;
	int i;

	setup.need_copy = copy;
	setup.id = 0;
	for_each_sg(sgl, sg, nsg, i) {
		if (setup.need_copy) {
			setup.bvec_off = sg->offset;
			setup.bvec_data = kmap_atomic(sg_page(sg));
		}
		setup.id++;
		if (setup.need_copy)
			kunmap_atomic(setup.bvec_data);
	}
	out->id = setup.id;
}
