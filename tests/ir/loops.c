/* while, for and do loops, with break and continue; each has a back edge. (Decrements are kept out: the dump prints "assign n ++ <n-->" for n--.) */
static void loops(struct ring *r, int n)
{
	int i;

	while (n > 0) {
		if (n == 3)
			break;
		n -= 1;
	}
	for (i = 0; i < n; i++) {
		if (!r->rx[i].dma)
			continue;
		post(r, i);
	}
	do {
		poll(r);
	} while (more(r));
}
