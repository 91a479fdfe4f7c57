/* addr-cpu-address-programmed-into-device: a dma_addr_t field is filled with virt_to_phys() (old HCD style). */
#include <linux/io.h>
#include <linux/slab.h>

struct ehci_qh_hw {
	__le32 next;
	__le32 info;
};

struct ehci_qh {
	struct ehci_qh_hw *hw;
	dma_addr_t qh_dma;
};

static struct ehci_qh *qh_make(void)
{
	struct ehci_qh *qh = kzalloc(sizeof(*qh), GFP_ATOMIC);

	if (!qh)
		return NULL;
	qh->hw = kzalloc(sizeof(*qh->hw), GFP_ATOMIC);
	if (!qh->hw) {
		kfree(qh);
		return NULL;
	}
	qh->qh_dma = virt_to_phys(qh->hw);		/* expect-warning addr-cpu-address-programmed-into-device */
	return qh;
}
