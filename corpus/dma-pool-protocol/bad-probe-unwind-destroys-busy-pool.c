/* dma-pool-protocol: probe's error path destroys the pool while the command block just taken from it is still allocated. */
#include <linux/dmapool.h>
#include <linux/pci.h>

struct hb_cmd {
	__le32 opcode;
	__le32 flags;
	__le64 data;
};

struct hb_host {
	struct pci_dev *pdev;
	struct dma_pool *cmd_pool;
	struct hb_cmd *init_cmd;
	dma_addr_t init_cmd_dma;
};

int hb_send_init(struct hb_host *h, dma_addr_t cmd);

static int hb_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct hb_host *h;
	struct hb_cmd *cmd;
	dma_addr_t cmd_dma;
	int ret;

	h = devm_kzalloc(&pdev->dev, sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->pdev = pdev;

	h->cmd_pool = dma_pool_create("hb-cmd", &pdev->dev, sizeof(struct hb_cmd), 64, 0);
	if (!h->cmd_pool)
		return -ENOMEM;

	cmd = dma_pool_zalloc(h->cmd_pool, GFP_KERNEL, &cmd_dma);
	if (!cmd) {
		ret = -ENOMEM;
		goto err_destroy;
	}
	cmd->opcode = cpu_to_le32(1);
	ret = pci_enable_device(pdev);
	if (ret)
		goto err_destroy;

	h->init_cmd = cmd;
	h->init_cmd_dma = cmd_dma;
	pci_set_drvdata(pdev, h);
	return 0;

err_destroy:
	dma_pool_destroy(h->cmd_pool); /* expect-warning dma-pool-protocol */
	return ret; /* expect-warning dmac-free-mismatch-or-leak */
}

static struct pci_driver hb_driver = {
	.name = "hb",
	.probe = hb_probe,
};
