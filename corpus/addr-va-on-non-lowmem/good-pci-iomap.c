/* A BAR is mapped with pci_iomap(); its start is only printed. */
#include <linux/pci.h>

struct scratch_dev {
	struct pci_dev *pdev;
	void __iomem *bar2;
};

static int scratch_map(struct scratch_dev *sd)
{
	resource_size_t base = pci_resource_start(sd->pdev, 2);

	sd->bar2 = pci_iomap(sd->pdev, 2, 0);
	if (!sd->bar2)
		return -ENOMEM;
	dev_info(&sd->pdev->dev, "BAR2 at %pa\n", &base);
	return 0;
}
