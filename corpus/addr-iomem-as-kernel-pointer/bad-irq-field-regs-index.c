/* addr-iomem-as-kernel-pointer: a GPIO interrupt handler reads and acknowledges its status register through priv->regs[] (an __iomem field of a struct defined in this file). */
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/irqdomain.h>
#include <linux/io.h>

/* word offsets */
#define GPIO_IRQ_EN		4
#define GPIO_IRQ_STATUS		5

struct bank_gpio {
	struct gpio_chip gc;
	u32 __iomem *regs;
	raw_spinlock_t lock;
	unsigned int ngpio;
};

static irqreturn_t bank_gpio_irq(int irq, void *dev_id)
{
	struct bank_gpio *bg = dev_id;
	unsigned long pending;
	u32 enabled;
	int bit;

	raw_spin_lock(&bg->lock);
	enabled = bg->regs[GPIO_IRQ_EN];		/* expect-warning addr-iomem-as-kernel-pointer */
	pending = bg->regs[GPIO_IRQ_STATUS] & enabled;	/* expect-warning addr-iomem-as-kernel-pointer */
	bg->regs[GPIO_IRQ_STATUS] = pending;		/* expect-warning addr-iomem-as-kernel-pointer */
	raw_spin_unlock(&bg->lock);

	if (!pending)
		return IRQ_NONE;

	for_each_set_bit(bit, &pending, bg->ngpio)
		generic_handle_domain_irq(bg->gc.irq.domain, bit);

	return IRQ_HANDLED;
}
