/* declared types of parameters, locals and struct fields, annotations kept */
struct foo_rx {
	void *buf;
	dma_addr_t dma;
	DEFINE_DMA_UNMAP_ADDR(addr);
	u8 hdr[64];
	struct page **pages;
	union { u32 a; u64 b; } u;
};
typedef struct bar { void __iomem *regs; struct foo_rx rx[16]; } bar_t;
static int f(struct foo_rx *rx, void __iomem *regs, const char __user *ubuf, int n)
{
	dma_addr_t h, *hp;
	u8 stack[32];
	struct page *pg = NULL;
	return 0;
}
