/* addr-iomem-as-kernel-pointer (good): a reserved-memory log carveout is mapped with devm_ioremap_wc() and deliberately turned into a normal pointer with a __force cast. */
#include <linux/of_reserved_mem.h>
#include <linux/platform_device.h>
#include <linux/io.h>

#define RLOG_MAGIC	0x524c4f47

struct rlog_hdr {
	__le32 magic;
	__le32 head;
	__le32 size;
};

struct rlog {
	struct device *dev;
	struct rlog_hdr *hdr;
	size_t size;
};

static int rlog_map(struct rlog *rl, struct reserved_mem *rmem)
{
	void __iomem *base;
	void *vaddr;

	base = devm_ioremap_wc(rl->dev, rmem->base, rmem->size);
	if (!base)
		return -ENOMEM;

	/* normal RAM stolen from the kernel: plain accesses are fine here */
	vaddr = (void __force *)base;
	memset(vaddr, 0, rmem->size);

	rl->hdr = vaddr;
	rl->hdr->magic = cpu_to_le32(RLOG_MAGIC);
	rl->hdr->size = cpu_to_le32(rmem->size - sizeof(*rl->hdr));
	rl->size = rmem->size;
	return 0;
}
