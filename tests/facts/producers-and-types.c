/* Seeds: allocators, conversions, declared types and kernel struct fields. */
struct pdev_priv {
	void __iomem *regs;
	dma_addr_t ring_dma;
	phys_addr_t win;
	u8 *ring;
};

static int seeds(struct platform_device *pdev, struct pdev_priv *p, struct vm_area_struct *vma,
		 char __user *ubuf)
{
	void *k = kmalloc(64, GFP_KERNEL);
	void *v = vmalloc(4096);
	struct page *pg = alloc_page(GFP_KERNEL);
	u8 stackbuf[32];
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	phys_addr_t pa = virt_to_phys(k);
	unsigned long pfn = pa >> PAGE_SHIFT;
	unsigned long io_pfn = res->start >> PAGE_SHIFT;
	unsigned long off = vma->vm_pgoff << PAGE_SHIFT;
	dma_addr_t h = dma_map_single(&pdev->dev, k, 64, DMA_TO_DEVICE);

	p->ring = dma_alloc_coherent(&pdev->dev, 4096, &p->ring_dma, GFP_KERNEL);
	p->regs = ioremap(res->start, 0x100);
	return use(k, v, pg, stackbuf, pfn, io_pfn, off, h, ubuf);
}
