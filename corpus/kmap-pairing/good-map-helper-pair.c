/* kmap-pairing (good): an SD host driver maps the current sg entry in one helper and unmaps it in another (sdhci-style), and a page-table helper keeps the kmap_atomic() address in a field that its unlock helper releases. */
#include <linux/highmem.h>
#include <linux/io.h>
#include <linux/mmc/host.h>
#include <linux/scatterlist.h>
#include <linux/spinlock.h>

#define SDH_BUF		0x20

struct sdh_host {
	void __iomem *ioaddr;
	spinlock_t lock;
};

struct sdh_pt {
	struct page *p;
	u32 *v;
	spinlock_t *lock;
};

static char *sdh_kmap_atomic(struct scatterlist *sg)
{
	return kmap_atomic(sg_page(sg)) + sg->offset;
}

static void sdh_kunmap_atomic(void *buffer)
{
	kunmap_atomic(buffer);
}

static void sdh_read_block_pio(struct sdh_host *host, struct scatterlist *sg, unsigned int blksz)
{
	char *buf = sdh_kmap_atomic(sg);
	unsigned int i;

	for (i = 0; i < blksz; i += 4)
		*(u32 *)(buf + i) = readl(host->ioaddr + SDH_BUF);
	sdh_kunmap_atomic(buf);
}

static struct sdh_pt *sdh_pt_map_lock(struct sdh_pt *pt)
{
	spin_lock(pt->lock);
	pt->v = kmap_atomic(pt->p);
	return pt;
}

static void sdh_pt_unmap_unlock(struct sdh_pt *pt)
{
	kunmap_atomic(pt->v);
	spin_unlock(pt->lock);
}

static void sdh_pt_set(struct sdh_pt *pt, unsigned int idx, u32 val)
{
	sdh_pt_map_lock(pt);
	pt->v[idx] = val;
	sdh_pt_unmap_unlock(pt);
}
