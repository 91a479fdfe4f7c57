/* An out-parameter annotated T *__iomem *p (meaning "pointer to an __iomem pointer"): storing through it writes normal memory. */
#include <linux/io.h>

struct ts_regs {
	u32 control;
	u32 event;
};

static struct {
	struct ts_regs __iomem *regs;
	int index;
} ptp_clock_state;

int ptp_find(struct ts_regs *__iomem *regs, int *phc_index)
{
	*regs = ptp_clock_state.regs;
	*phc_index = ptp_clock_state.index;
	return 0;
}
