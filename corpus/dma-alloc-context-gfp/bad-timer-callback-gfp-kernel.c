/* dma-alloc-context-gfp: a statistics timer callback (softirq context) allocates its DMA snapshot buffer with GFP_KERNEL. */
#include <linux/dma-mapping.h>
#include <linux/timer.h>

#define ST_SNAP_BYTES		512
#define ST_REG_SNAP_ADDR	0x80
#define ST_REG_SNAP_GO		0x88

struct st_dev {
	struct device *dev;
	void __iomem *regs;
	struct timer_list stats_timer;
	void *snap;
	dma_addr_t snap_dma;
};

static void st_stats_timer(struct timer_list *t)
{
	struct st_dev *sd = from_timer(sd, t, stats_timer);

	if (!sd->snap) {
		sd->snap = dma_alloc_coherent(sd->dev, ST_SNAP_BYTES, &sd->snap_dma, GFP_KERNEL); /* expect-warning dma-alloc-context-gfp */
		if (!sd->snap)
			goto rearm;
	}
	lo_hi_writeq(sd->snap_dma, sd->regs + ST_REG_SNAP_ADDR);
	writel(1, sd->regs + ST_REG_SNAP_GO);
rearm:
	mod_timer(&sd->stats_timer, jiffies + HZ);
}

static void st_start_stats(struct st_dev *sd)
{
	timer_setup(&sd->stats_timer, st_stats_timer, 0);
	mod_timer(&sd->stats_timer, jiffies + HZ);
}
