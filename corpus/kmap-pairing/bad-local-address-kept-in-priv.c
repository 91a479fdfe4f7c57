/* kmap-pairing: an mmc host driver keeps a kmap_local_page() address in its host structure for the PIO interrupt handler, past the function that mapped it. */
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mmc/host.h>
#include <linux/scatterlist.h>

#define PIO_FIFO	0x40

struct pio_host {
	void __iomem *base;
	struct mmc_data *data;
	u8 *pio_buf;
	unsigned int pio_left;
};

static void pio_start_data(struct pio_host *host, struct mmc_data *data)
{
	struct scatterlist *sg = data->sg;

	host->data = data;
	host->pio_buf = kmap_local_page(sg_page(sg)) + sg->offset;	/* expect-warning kmap-pairing */
	host->pio_left = sg->length;
}

static irqreturn_t pio_irq(int irq, void *dev_id)
{
	struct pio_host *host = dev_id;

	while (host->pio_left >= 4) {
		*(u32 *)host->pio_buf = readl(host->base + PIO_FIFO);
		host->pio_buf += 4;
		host->pio_left -= 4;
	}
	return IRQ_HANDLED;
}
