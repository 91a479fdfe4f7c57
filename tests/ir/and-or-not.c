/* && || ! in conditions become control flow: one branch block per operand. */
static void both(struct dev *d, int a, int b)
{
	if (a && b)
		go(d);
	if (!a || b)
		stop(d);
}
