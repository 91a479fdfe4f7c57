/* dma-dir-none-or-invalid (cross-function): an audio capture driver wraps dma_sync_single_for_cpu/_for_device in helpers taking the direction; the period-elapsed path passes DMA_DEV_TO_MEM, the dmaengine constant. */
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <sound/pcm.h>

struct capx_stream {
	struct device *dev;
	struct dma_chan *chan;
	void *area;
	dma_addr_t area_dma;
	size_t period_bytes;
	unsigned int periods;
	unsigned int pos;
	struct snd_pcm_substream *substream;
};

static void capx_sync_for_cpu(struct capx_stream *cs, dma_addr_t addr, size_t len,
			      enum dma_data_direction dir)
{
	dma_sync_single_for_cpu(cs->dev, addr, len, dir);
}

static void capx_sync_for_device(struct capx_stream *cs, dma_addr_t addr, size_t len,
				 enum dma_data_direction dir)
{
	dma_sync_single_for_device(cs->dev, addr, len, dir);
}

static void capx_period_done(void *arg)
{
	struct capx_stream *cs = arg;
	dma_addr_t period = cs->area_dma + cs->pos * cs->period_bytes;

	capx_sync_for_cpu(cs, period, cs->period_bytes, DMA_DEV_TO_MEM); /* expect-warning dma-dir-none-or-invalid */
	snd_pcm_period_elapsed(cs->substream);
	capx_sync_for_device(cs, period, cs->period_bytes, DMA_DEV_TO_MEM); /* expect-warning dma-dir-none-or-invalid */
	cs->pos = (cs->pos + 1) % cs->periods;
}

int capx_start(struct capx_stream *cs)
{
	struct dma_async_tx_descriptor *desc;

	desc = dmaengine_prep_dma_cyclic(cs->chan, cs->area_dma,
					 cs->period_bytes * cs->periods, cs->period_bytes,
					 DMA_DEV_TO_MEM, DMA_PREP_INTERRUPT);
	if (!desc)
		return -ENOMEM;
	desc->callback = capx_period_done;
	desc->callback_param = cs;
	dmaengine_submit(desc);
	dma_async_issue_pending(cs->chan);
	return 0;
}
