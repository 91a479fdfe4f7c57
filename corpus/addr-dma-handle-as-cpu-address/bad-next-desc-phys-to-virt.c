/* addr-dma-handle-as-cpu-address: a descriptor chain is walked by converting the device's next pointer. */
#include <linux/dma-mapping.h>

struct udc_td {
	__le32 status;
	__le32 bufptr;
	dma_addr_t next;
};

static struct udc_td *udc_td_next(struct udc_td *td)
{
	return phys_to_virt(td->next);		/* expect-warning addr-dma-handle-as-cpu-address */
}
