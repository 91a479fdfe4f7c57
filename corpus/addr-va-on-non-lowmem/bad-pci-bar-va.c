/* addr-va-on-non-lowmem: __va() of a PCI BAR address kept in a local. */
#include <linux/pci.h>

struct scratch_dev {
	struct pci_dev *pdev;
	u32 *mailbox;
};

static int scratch_map_mailbox(struct scratch_dev *sd)
{
	resource_size_t base;

	base = pci_resource_start(sd->pdev, 2);
	if (!base)
		return -ENODEV;
	sd->mailbox = __va(base + 0x100);	/* expect-warning addr-va-on-non-lowmem */
	return 0;
}
