/* an ERROR region: the rest of the function still lowers (marked partial). */
static int rec(struct dev *dev, void *buf)
{
	before(dev);
	@@@;
	after(buf);
	return 0;
}
