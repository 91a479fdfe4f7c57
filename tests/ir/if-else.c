/* if/else: a branch with two successors that join before the return. */
static int pick(int a)
{
	int r;

	if (a > 0)
		r = inc(a);
	else
		r = dec(a);
	return r;
}
