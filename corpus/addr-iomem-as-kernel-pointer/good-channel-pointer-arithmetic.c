/* addr-iomem-as-kernel-pointer (good): per-channel __iomem pointers are computed by pointer arithmetic on the devm_ioremap_resource() cookie and used with ioread32()/iowrite32(). */
#include <linux/platform_device.h>
#include <linux/io.h>

#define PWM_NCHAN		4
#define PWM_CH_STRIDE		0x40
#define PWM_CH_CTRL		0x00
#define PWM_CH_PERIOD		0x04
#define PWM_CH_CTRL_EN		BIT(0)

struct pwm_bank {
	struct device *dev;
	void __iomem *chan[PWM_NCHAN];
};

void pwm_bank_init_channel(struct pwm_bank *pb, unsigned int i, void __iomem *ch);

static int pwm_bank_probe(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	struct pwm_bank *pb;
	void __iomem *base;
	unsigned int i;

	pb = devm_kzalloc(&pdev->dev, sizeof(*pb), GFP_KERNEL);
	if (!pb)
		return -ENOMEM;

	base = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(base))
		return PTR_ERR(base);

	for (i = 0; i < PWM_NCHAN; i++) {
		void __iomem *ch = base + i * PWM_CH_STRIDE;

		iowrite32(ioread32(ch + PWM_CH_CTRL) & ~PWM_CH_CTRL_EN, ch + PWM_CH_CTRL);
		iowrite32(0, ch + PWM_CH_PERIOD);
		pb->chan[i] = ch;
		pwm_bank_init_channel(pb, i, ch);
	}

	pb->dev = &pdev->dev;
	platform_set_drvdata(pdev, pb);
	return 0;
}
