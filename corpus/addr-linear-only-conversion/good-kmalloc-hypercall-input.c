/* addr-linear-only-conversion (good): the hypercall input block is kzalloc'ed, so __pa() of it is a valid physical address. */
#include <linux/slab.h>
#include <asm/io.h>

#define VSB_HC_POST_MESSAGE	0x005c
#define VSB_MSG_MAX		240

struct vsb_post_msg_input {
	u32 connection_id;
	u32 reserved;
	u32 message_type;
	u32 payload_size;
	u8 payload[VSB_MSG_MAX];
} __packed;

u64 vsb_do_hypercall(u64 control, u64 input_pa, u64 output_pa);

static int vsb_post_message(u32 conn_id, u32 type, const void *data, size_t len)
{
	struct vsb_post_msg_input *in;
	u64 status;

	if (len > VSB_MSG_MAX)
		return -EMSGSIZE;

	in = kzalloc(sizeof(*in), GFP_KERNEL);
	if (!in)
		return -ENOMEM;
	in->connection_id = conn_id;
	in->message_type = type;
	in->payload_size = len;
	memcpy(in->payload, data, len);

	status = vsb_do_hypercall(VSB_HC_POST_MESSAGE, __pa(in), 0);
	kfree(in);
	if (status & 0xffff) {
		pr_warn_ratelimited("vsb: post message failed: %#llx\n", status);
		return -EIO;
	}
	return 0;
}
