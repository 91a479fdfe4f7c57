/* switch: fall-through from case 1 into case 2, a default, and a switch without default. */
static int sw(int c, int d)
{
	switch (c) {
	case 1:
		one();
		/* fall through */
	case 2:
		two();
		break;
	default:
		other();
	}
	switch (d) {
	case 7:
		seven();
		break;
	}
	return c;
}
