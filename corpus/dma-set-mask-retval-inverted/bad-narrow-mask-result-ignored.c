/* dma-set-mask-retval-inverted: a legacy sound chip behind a 24-bit bus master ignores the result of dma_set_mask_and_coherent(DMA_BIT_MASK(24)), which fails on platforms without a 16 MiB DMA zone, and goes on to do DMA anyway. */
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <sound/core.h>
#include <sound/pcm.h>

struct sb24 {
	struct snd_card *card;
	struct pci_dev *pci;
	unsigned long port;
	void *ring;
	dma_addr_t ring_dma;
};

static int sb24_probe(struct pci_dev *pci, const struct pci_device_id *pid)
{
	struct snd_card *card;
	struct sb24 *chip;
	int err;

	err = snd_devm_card_new(&pci->dev, -1, NULL, THIS_MODULE, sizeof(*chip), &card);
	if (err < 0)
		return err;
	chip = card->private_data;
	chip->card = card;
	chip->pci = pci;

	err = pcim_enable_device(pci);
	if (err < 0)
		return err;

	dma_set_mask_and_coherent(&pci->dev, DMA_BIT_MASK(24));	/* expect-warning dma-set-mask-retval-inverted */

	err = pci_request_regions(pci, "sb24");
	if (err < 0)
		return err;
	chip->port = pci_resource_start(pci, 0);

	chip->ring = dmam_alloc_coherent(&pci->dev, 64 * 1024, &chip->ring_dma, GFP_KERNEL);
	if (!chip->ring)
		return -ENOMEM;

	pci_set_drvdata(pci, card);
	return snd_card_register(card);
}

static struct pci_driver sb24_driver = {
	.name = "sb24",
	.probe = sb24_probe,
};
