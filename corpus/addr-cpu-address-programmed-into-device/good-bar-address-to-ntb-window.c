/* Programming a peer BAR's physical address into a translation window is the point of an NTB driver. */
#include <linux/io.h>
#include <linux/pci.h>

struct ntb_hw {
	struct pci_dev *pdev;
	void __iomem *mmio;
};

static void ntb_set_window(struct ntb_hw *nh, int bar)
{
	phys_addr_t bar_addr = pci_resource_start(nh->pdev, bar);

	iowrite64(bar_addr, nh->mmio + 0x510 + bar * 8);
}
