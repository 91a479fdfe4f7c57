/* dma-alloc-context-gfp (good): a mutex may be held across a sleeping allocation; a helper that asks in_interrupt() picks its own mask. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

#define MX_FW_BYTES		SZ_64K

struct mx_dev {
	struct device *dev;
	struct mutex fw_lock;
	spinlock_t irq_lock;
	void *fw;
	dma_addr_t fw_dma;
	void *evt;
	dma_addr_t evt_dma;
};

static int mx_load_fw(struct mx_dev *md)
{
	int ret = 0;

	mutex_lock(&md->fw_lock);
	if (!md->fw) {
		md->fw = dma_alloc_coherent(md->dev, MX_FW_BYTES, &md->fw_dma, GFP_KERNEL);
		if (!md->fw)
			ret = -ENOMEM;
	}
	mutex_unlock(&md->fw_lock);
	return ret;
}

static void mx_alloc_evt(struct mx_dev *md)
{
	if (in_interrupt())
		md->evt = dma_alloc_coherent(md->dev, PAGE_SIZE, &md->evt_dma, GFP_ATOMIC);
	else
		md->evt = dma_alloc_coherent(md->dev, PAGE_SIZE, &md->evt_dma, GFP_KERNEL);
}

static irqreturn_t mx_irq(int irq, void *data)
{
	struct mx_dev *md = data;

	spin_lock(&md->irq_lock);
	if (!md->evt)
		mx_alloc_evt(md);
	spin_unlock(&md->irq_lock);
	return IRQ_HANDLED;
}

static int mx_init(struct mx_dev *md, int irq)
{
	mutex_init(&md->fw_lock);
	spin_lock_init(&md->irq_lock);
	return request_irq(irq, mx_irq, 0, "mx", md);
}
