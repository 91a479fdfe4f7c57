/* iterator macros lower as loops with an iter event; the body is still lowered. */
struct item {
	struct list_head node;
	void *buf;
};

static void walk(struct list_head *head, struct scatterlist *sgl, int nents)
{
	struct item *pos;
	struct scatterlist *sg;
	int i;

	list_for_each_entry(pos, head, node) {
		foo(pos);
	}
	for_each_sg(sgl, sg, nents, i)
		bar(sg_dma_address(sg));
}
