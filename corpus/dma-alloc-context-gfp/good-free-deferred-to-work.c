/* dma-alloc-context-gfp (good): the completion interrupt only queues finished buffers under the lock; a work item frees them with dma_free_coherent() in process context. */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

#define DW_BUF_BYTES		SZ_16K

struct dw_buf {
	struct list_head node;
	void *cpu;
	dma_addr_t dma;
};

struct dw_dev {
	struct device *dev;
	spinlock_t lock;
	struct list_head done;
	struct work_struct free_work;
	struct dw_buf *active;
};

static irqreturn_t dw_irq(int irq, void *data)
{
	struct dw_dev *dd = data;

	spin_lock(&dd->lock);
	if (dd->active) {
		list_add_tail(&dd->active->node, &dd->done);
		dd->active = NULL;
	}
	spin_unlock(&dd->lock);
	schedule_work(&dd->free_work);
	return IRQ_HANDLED;
}

static void dw_free_work(struct work_struct *work)
{
	struct dw_dev *dd = container_of(work, struct dw_dev, free_work);
	struct dw_buf *b, *tmp;
	unsigned long flags;
	LIST_HEAD(list);

	spin_lock_irqsave(&dd->lock, flags);
	list_splice_init(&dd->done, &list);
	spin_unlock_irqrestore(&dd->lock, flags);

	list_for_each_entry_safe(b, tmp, &list, node) {
		list_del(&b->node);
		dma_free_coherent(dd->dev, DW_BUF_BYTES, b->cpu, b->dma);
		kfree(b);
	}
}

static int dw_init(struct dw_dev *dd, int irq)
{
	INIT_LIST_HEAD(&dd->done);
	spin_lock_init(&dd->lock);
	INIT_WORK(&dd->free_work, dw_free_work);
	return request_irq(irq, dw_irq, 0, "dw", dd);
}
