/* goto to labels defined later (an error ladder); return ends a block. */
static int probe(struct dev *d)
{
	int ret;

	ret = setup_a(d);
	if (ret)
		return ret;
	ret = setup_b(d);
	if (ret)
		goto err_a;
	ret = setup_c(d);
	if (ret)
		goto err_b;
	return 0;

err_b:
	undo_b(d);
err_a:
	undo_a(d);
	return ret;
}
