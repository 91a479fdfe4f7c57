/* Casting the CPU address of coherent memory to a descriptor pointer is fine. */
#include <linux/dma-mapping.h>

struct cmd_desc {
	__le32 op;
	__le32 arg;
};

struct hba {
	struct device *dev;
	void *cmd_area;
	dma_addr_t cmd_dma;
};

static struct cmd_desc *hba_cmd(struct hba *h, unsigned int i)
{
	return (struct cmd_desc *)h->cmd_area + i;
}
