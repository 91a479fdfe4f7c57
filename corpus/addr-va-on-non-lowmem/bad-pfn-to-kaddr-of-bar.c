/* addr-va-on-non-lowmem: pfn_to_kaddr() of a pfn computed from a BAR. */
#include <linux/mm.h>
#include <linux/pci.h>

static void *fbx_first_page(struct pci_dev *pdev)
{
	unsigned long pfn = pci_resource_start(pdev, 0) >> PAGE_SHIFT;

	return pfn_to_kaddr(pfn);	/* expect-warning addr-va-on-non-lowmem */
}
