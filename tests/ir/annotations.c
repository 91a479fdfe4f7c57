/* kernel annotations are masked: the function keeps its name and params. */
static int __init __cold f(void __iomem *p, char __user *u)
{
	return readl(p) + get(u);
}

static void __exit g(struct foo __rcu *q)
{
	put(q);
}
