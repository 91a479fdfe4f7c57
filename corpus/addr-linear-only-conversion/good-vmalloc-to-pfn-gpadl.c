/* addr-linear-only-conversion (good): the PFN list of a vzalloc'ed receive buffer is built with vmalloc_to_pfn(). */
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct vnet_chan {
	struct device *dev;
	void *recv_buf;
	u64 *pfns;
	unsigned int npages;
};

int vnet_establish_gpadl(struct vnet_chan *ch, const u64 *pfns, unsigned int n);

static int vnet_setup_recv_buf(struct vnet_chan *ch, size_t size)
{
	unsigned int i, npages = DIV_ROUND_UP(size, PAGE_SIZE);
	void *buf;
	u64 *pfns;
	int ret;

	buf = vzalloc(size);
	if (!buf)
		return -ENOMEM;
	pfns = kcalloc(npages, sizeof(*pfns), GFP_KERNEL);
	if (!pfns) {
		vfree(buf);
		return -ENOMEM;
	}

	for (i = 0; i < npages; i++)
		pfns[i] = vmalloc_to_pfn(buf + i * PAGE_SIZE);

	ret = vnet_establish_gpadl(ch, pfns, npages);
	if (ret) {
		kfree(pfns);
		vfree(buf);
		return ret;
	}
	ch->recv_buf = buf;
	ch->pfns = pfns;
	ch->npages = npages;
	return 0;
}
