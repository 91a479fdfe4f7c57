/* #ifdef/#else inside a function is a branch with an unknown condition. */
static void cfg(struct dev *d)
{
	pre(d);
#ifdef CONFIG_FOO
	foo_on(d);
#else
	foo_off(d);
#endif
	post(d);
}
