/* A byte of a firmware config table read through a (__force u8 *) cast: the developer says the mapping allows it. */
#include <linux/io.h>

struct pqi_ctrl {
	void __iomem *config_table;
	unsigned int features_off;
};

static bool pqi_feature_enabled(struct pqi_ctrl *ctrl, unsigned int bit)
{
	void __iomem *addr = ctrl->config_table + ctrl->features_off + bit / 8;

	return *((__force u8 *)addr) & (1 << (bit % 8));
}
