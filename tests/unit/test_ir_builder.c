/*
 * test_ir_builder.c - unit tests for checker/front/lower.c (CST -> IR),
 * through the stable text dump (dmc_dump_ir). Each test lowers a small
 * snippet, parses the dump back into blocks and edges, and asserts on the
 * shape of the CFG and on the events. Every dump must pass ir_verify (no
 * "VERIFY FAILED" line).
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dmacheck.h"

#ifndef DMC_TEST_RULES_DIR
#define DMC_TEST_RULES_DIR "rules"
#endif

static struct dmc_session *S;

/* ---------- the dump, parsed back ---------- */

#define MAXB 128
#define MAXE 32

struct blk {
	int present;
	char *ev[MAXE];      /* event lines without the "line:col " prefix */
	int nev;
	char term[16];       /* goto, branch, switch, exit, end */
	char *term_line;
	int succ[MAXB];
	int nsucc;
};

struct dump {
	char *text;          /* the whole dump */
	char *header;        /* the "func ..." line of the first function */
	char *params[16];
	int nparams;
	struct blk b[MAXB];
	int nb;
};

static void dump_free(struct dump *d)
{
	for (int i = 0; i < d->nb; i++) {
		for (int e = 0; e < d->b[i].nev; e++)
			free(d->b[i].ev[e]);
		free(d->b[i].term_line);
	}
	free(d->header);
	for (int i = 0; i < d->nparams; i++)
		free(d->params[i]);
	free(d->text);
	memset(d, 0, sizeof(*d));
}

static void parse_succ(struct blk *b, const char *s)
{
	while ((s = strstr(s, "bb"))) {
		s += 2;
		b->succ[b->nsucc++] = atoi(s);
	}
}

/* Lower src, parse the dump of its first function into d. */
static void lower(const char *src, struct dump *d)
{
	memset(d, 0, sizeof(*d));
	size_t len = 0;
	FILE *f = open_memstream(&d->text, &len);
	assert_non_null(f);
	assert_int_equal(dmc_dump_ir(S, "snippet.c", src, strlen(src), f), 0);
	assert_int_equal(fclose(f), 0);
	if (strstr(d->text, "VERIFY FAILED"))
		fail_msg("IR verification failed:\n%s", d->text);

	int cur = -1, funcs = 0;
	char *save = NULL, *copy = strdup(d->text);
	for (char *ln = strtok_r(copy, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
		if (strncmp(ln, "func ", 5) == 0) {
			if (funcs++)
				break;  /* first function only */
			d->header = strdup(ln);
		} else if (strncmp(ln, "  param ", 8) == 0) {
			d->params[d->nparams++] = strdup(ln + 8);
		} else if (strncmp(ln, "  bb", 4) == 0) {
			cur = atoi(ln + 4);
			assert_true(cur >= 0 && cur < MAXB);
			d->b[cur].present = 1;
			if (cur >= d->nb)
				d->nb = cur + 1;
		} else if (strncmp(ln, "    ", 4) == 0 && cur >= 0) {
			struct blk *b = &d->b[cur];
			const char *t = ln + 4;
			if (!strncmp(t, "goto ", 5) || !strncmp(t, "branch ", 7) || !strncmp(t, "switch", 6) ||
			    !strcmp(t, "exit") || !strcmp(t, "end")) {
				sscanf(t, "%15s", b->term);
				b->term_line = strdup(t);
				if (!strcmp(b->term, "branch")) {
					/* operands may contain "bb" text; the targets follow " ? " */
					const char *q = strrchr(t, '?');
					parse_succ(b, q);
				} else if (strcmp(b->term, "exit") && strcmp(b->term, "end")) {
					parse_succ(b, t + strlen(b->term));
				}
			} else {
				const char *sp = strchr(t, ' ');
				assert_true(b->nev < MAXE);
				b->ev[b->nev++] = strdup(sp ? sp + 1 : t);
			}
		}
	}
	free(copy);
	assert_non_null(d->header);
	for (int i = 0; i < d->nb; i++) {
		assert_true(d->b[i].present);
		if (!d->b[i].term[0])
			fail_msg("bb%d has no terminator:\n%s", i, d->text);
	}
}

/* the block holding an event that contains needle, or fail */
static int block_with(const struct dump *d, const char *needle)
{
	for (int i = 0; i < d->nb; i++)
		for (int e = 0; e < d->b[i].nev; e++)
			if (strstr(d->b[i].ev[e], needle))
				return i;
	fail_msg("no event containing '%s' in:\n%s", needle, d->text);
	return -1;
}

static int has_event(const struct dump *d, const char *needle)
{
	for (int i = 0; i < d->nb; i++)
		for (int e = 0; e < d->b[i].nev; e++)
			if (strstr(d->b[i].ev[e], needle))
				return 1;
	return 0;
}

static int count_term(const struct dump *d, const char *term)
{
	int n = 0;
	for (int i = 0; i < d->nb; i++)
		n += strcmp(d->b[i].term, term) == 0;
	return n;
}

/* is `to` reachable from `from` by one or more edges? */
static int reach_rec(const struct dump *d, int from, int to, char *seen)
{
	for (int s = 0; s < d->b[from].nsucc; s++) {
		int n = d->b[from].succ[s];
		if (n == to)
			return 1;
		if (!seen[n]) {
			seen[n] = 1;
			if (reach_rec(d, n, to, seen))
				return 1;
		}
	}
	return 0;
}

static int reaches(const struct dump *d, int from, int to)
{
	char seen[MAXB] = { 0 };
	return reach_rec(d, from, to, seen);
}

/* control can get from block a to block b (or they are the same block) */
static int flows(const struct dump *d, int a, int b)
{
	return a == b || reaches(d, a, b);
}

/* the block lies on a cycle (a loop with a back edge) */
static int on_cycle(const struct dump *d, int b)
{
	return reaches(d, b, b);
}

static int is_succ(const struct dump *d, int from, int to)
{
	for (int s = 0; s < d->b[from].nsucc; s++)
		if (d->b[from].succ[s] == to)
			return 1;
	return 0;
}

/* ---------- tests ---------- */

static void test_if_else(void **state)
{
	struct dump d;
	lower("int f(int a)\n{\n\tif (a)\n\t\tfoo();\n\telse\n\t\tbar();\n\treturn 0;\n}\n", &d);
	assert_non_null(strstr(d.header, "func f lines 1-8"));
	assert_string_equal(d.b[0].term, "branch");
	assert_non_null(strstr(d.b[0].term_line, "branch nonzero a ?"));
	assert_int_equal(d.b[0].nsucc, 2);
	int t = block_with(&d, "foo()"), e = block_with(&d, "bar()"), r = block_with(&d, "return 0");
	assert_int_equal(d.b[0].succ[0], t);
	assert_int_equal(d.b[0].succ[1], e);
	assert_true(reaches(&d, t, r));
	assert_true(reaches(&d, e, r));
	assert_false(reaches(&d, t, e));
	assert_string_equal(d.b[r].term, "exit");
	dump_free(&d);
}

static void test_and_condition(void **state)
{
	struct dump d;
	lower("void f(int a, int b)\n{\n\tif (a && b)\n\t\tfoo();\n\tbar();\n}\n", &d);
	assert_non_null(strstr(d.header, " void"));
	assert_int_equal(count_term(&d, "branch"), 2);
	int t = block_with(&d, "foo()"), j = block_with(&d, "bar()");
	/* entry tests a; its true edge goes to the test of b; both false edges skip foo() */
	assert_non_null(strstr(d.b[0].term_line, "nonzero a ?"));
	int bt = d.b[0].succ[0];
	assert_string_equal(d.b[bt].term, "branch");
	assert_non_null(strstr(d.b[bt].term_line, "nonzero b ?"));
	assert_int_equal(d.b[bt].succ[0], t);
	assert_false(reaches(&d, d.b[0].succ[1], t));
	assert_false(reaches(&d, d.b[bt].succ[1], t));
	assert_true(reaches(&d, d.b[0].succ[1], j));
	assert_true(has_event(&d, "return(implicit)"));
	dump_free(&d);
}

static void test_or_and_not_condition(void **state)
{
	struct dump d;
	lower("void f(int a, int b)\n{\n\tif (!a || b)\n\t\tfoo();\n}\n", &d);
	assert_int_equal(count_term(&d, "branch"), 2);
	int t = block_with(&d, "foo()");
	/* !a: the false edge of "a" goes to foo(), the true edge tests b */
	assert_non_null(strstr(d.b[0].term_line, "nonzero a ?"));
	assert_int_equal(d.b[0].succ[1], t);
	int bt = d.b[0].succ[0];
	assert_non_null(strstr(d.b[bt].term_line, "nonzero b ?"));
	assert_int_equal(d.b[bt].succ[0], t);
	dump_free(&d);
}

static void test_while_loop(void **state)
{
	struct dump d;
	lower("void f(int n)\n{\n\twhile (n > 0) {\n\t\tstep(n);\n\t\tn--;\n\t}\n\tdone();\n}\n", &d);
	int body = block_with(&d, "step(n)"), after = block_with(&d, "done()");
	assert_true(on_cycle(&d, body));
	assert_false(on_cycle(&d, after));
	assert_true(reaches(&d, body, after));
	dump_free(&d);
}

static void test_for_loop(void **state)
{
	struct dump d;
	lower("void f(struct ring *r)\n{\n\tint i;\n\tfor (i = 0; i < 8; i++)\n\t\tuse(r->rx[i].dma);\n\tdone();\n}\n", &d);
	int init = block_with(&d, "assign i = 0"), body = block_with(&d, "use(r->rx[i].dma)");
	int step = block_with(&d, "assign i ++");
	assert_true(on_cycle(&d, body));
	assert_true(on_cycle(&d, step));
	assert_false(on_cycle(&d, init));
	assert_true(reaches(&d, body, step));
	assert_true(has_event(&d, "read r->rx[i].dma"));
	/* the for condition is a branch whose false edge leads to done() */
	assert_true(reaches(&d, init, block_with(&d, "done()")));
	dump_free(&d);
}

static void test_do_loop(void **state)
{
	struct dump d;
	lower("void f(int n)\n{\n\tdo {\n\t\tstep(n);\n\t} while (--n);\n\tdone();\n}\n", &d);
	int body = block_with(&d, "step(n)");
	assert_true(on_cycle(&d, body));
	/* the body runs before the first test: entry reaches it without a branch */
	int b = 0, guard = 0;
	while (b != body && guard++ < 10) {
		assert_string_equal(d.b[b].term, "goto");
		b = d.b[b].succ[0];
	}
	assert_int_equal(b, body);
	assert_false(on_cycle(&d, block_with(&d, "done()")));
	dump_free(&d);
}

static void test_break_continue(void **state)
{
	struct dump d;
	lower("void f(int n)\n{\n\twhile (n) {\n\t\tif (n == 3)\n\t\t\tbreak;\n\t\tif (n == 5) {\n\t\t\tskip();\n\t\t\tcontinue;\n\t\t}\n\t\twork();\n\t}\n\tdone();\n}\n", &d);
	int sk = block_with(&d, "skip()"), wk = block_with(&d, "work()"), dn = block_with(&d, "done()");
	assert_true(on_cycle(&d, sk));
	assert_true(on_cycle(&d, wk));
	assert_false(reaches(&d, sk, wk) && !reaches(&d, sk, sk)); /* continue goes back to the test */
	assert_true(reaches(&d, sk, dn));
	dump_free(&d);
}

static void test_switch(void **state)
{
	struct dump d;
	lower("int f(int c)\n{\n\tswitch (c) {\n\tcase 1:\n\t\tone();\n\t\t/* fall through */\n\tcase 2:\n\t\ttwo();\n\t\tbreak;\n\tdefault:\n\t\tother();\n\t}\n\treturn c;\n}\n", &d);
	assert_int_equal(count_term(&d, "switch"), 1);
	int sw = -1;
	for (int i = 0; i < d.nb; i++)
		if (!strcmp(d.b[i].term, "switch"))
			sw = i;
	int one = block_with(&d, "one()"), two = block_with(&d, "two()"), oth = block_with(&d, "other()");
	int ret = block_with(&d, "return c");
	assert_int_equal(d.b[sw].nsucc, 3);
	assert_true(is_succ(&d, sw, one));
	assert_true(is_succ(&d, sw, two));
	assert_true(is_succ(&d, sw, oth));
	/* fall-through: case 1 continues into case 2 */
	assert_string_equal(d.b[one].term, "goto");
	assert_int_equal(d.b[one].succ[0], two);
	assert_false(reaches(&d, two, oth));
	assert_true(reaches(&d, two, ret));
	assert_true(reaches(&d, oth, ret));
	dump_free(&d);
}

static void test_switch_without_default(void **state)
{
	struct dump d;
	lower("int f(int c)\n{\n\tswitch (c) {\n\tcase 1:\n\t\tone();\n\t\tbreak;\n\t}\n\treturn c;\n}\n", &d);
	int sw = -1;
	for (int i = 0; i < d.nb; i++)
		if (!strcmp(d.b[i].term, "switch"))
			sw = i;
	assert_true(sw >= 0);
	/* no default: one edge to the case, one past the switch */
	assert_int_equal(d.b[sw].nsucc, 2);
	int one = block_with(&d, "one()"), ret = block_with(&d, "return c");
	assert_true(is_succ(&d, sw, one));
	int other = d.b[sw].succ[0] == one ? d.b[sw].succ[1] : d.b[sw].succ[0];
	assert_true(flows(&d, other, ret));
	assert_false(reaches(&d, other, one));
	dump_free(&d);
}

static void test_goto_forward_label(void **state)
{
	struct dump d;
	lower("int f(int a)\n{\n\tint ret = 0;\n\tif (a)\n\t\tgoto err;\n\twork();\n\treturn 0;\nerr:\n\tcleanup();\n\treturn ret;\n}\n", &d);
	int wk = block_with(&d, "work()"), cl = block_with(&d, "cleanup()");
	int r0 = block_with(&d, "return 0"), rr = block_with(&d, "return ret");
	assert_true(reaches(&d, 0, cl));
	assert_false(reaches(&d, wk, cl));   /* return 0 ends the block */
	assert_string_equal(d.b[r0].term, "exit");
	assert_int_equal(d.b[r0].nsucc, 0);
	assert_true(flows(&d, cl, rr));
	/* the true edge of the if leads to the label without passing work() */
	assert_true(reaches(&d, d.b[0].succ[0], cl));
	assert_false(reaches(&d, d.b[0].succ[0], wk));
	dump_free(&d);
}

static void test_return_ends_block(void **state)
{
	struct dump d;
	lower("int f(int a)\n{\n\tif (a)\n\t\treturn -1;\n\tfoo();\n\treturn a;\n}\n", &d);
	int r = block_with(&d, "return -1");
	assert_string_equal(d.b[r].term, "exit");
	/* the return event is the last event of its block */
	assert_non_null(strstr(d.b[r].ev[d.b[r].nev - 1], "return -1"));
	assert_false(reaches(&d, r, block_with(&d, "foo()")));
	assert_int_equal(count_term(&d, "exit"), 2);
	dump_free(&d);
}

static void test_list_for_each_entry(void **state)
{
	struct dump d;
	lower("struct item { struct list_head node; };\n"
	      "void f(struct list_head *head)\n{\n\tstruct item *pos;\n"
	      "\tlist_for_each_entry(pos, head, node) {\n\t\tfoo(pos);\n\t}\n\tdone();\n}\n", &d);
	int it = block_with(&d, "iter#0 list_for_each_entry(");
	int body = block_with(&d, "foo(pos)");
	assert_true(on_cycle(&d, it));
	assert_true(on_cycle(&d, body));
	assert_string_equal(d.b[it].term, "branch");
	assert_true(is_succ(&d, it, body));
	assert_true(reaches(&d, it, block_with(&d, "done()")));
	assert_false(on_cycle(&d, block_with(&d, "done()")));
	dump_free(&d);
}

static void test_for_each_sg_iter(void **state)
{
	struct dump d;
	lower("void f(struct scatterlist *sgl, int n)\n{\n\tstruct scatterlist *sg;\n\tint i;\n"
	      "\tfor_each_sg(sgl, sg, n, i)\n\t\tput(sg_dma_address(sg));\n}\n", &d);
	int it = block_with(&d, "iter#0 for_each_sg(sgl, sg, n, i) [modelled]");
	assert_true(on_cycle(&d, it));
	assert_true(on_cycle(&d, block_with(&d, "sg_dma_address(sg)")));
	dump_free(&d);
}

static void test_kernel_annotations(void **state)
{
	struct dump d;
	lower("static int __init f(void __iomem *p)\n{\n\treturn readl(p);\n}\n", &d);
	assert_non_null(strstr(d.header, "func f lines 1-4"));
	assert_int_equal(d.nparams, 1);
	assert_string_equal(d.params[0], "p : void __iomem *");  /* the declared type keeps the annotation */
	assert_true(has_event(&d, "readl(p)"));
	assert_null(strstr(d.text, "partial"));
	assert_null(strstr(d.text, "diag "));
	dump_free(&d);

	lower("static void __exit __cold g(struct foo __rcu *q, char __user *u)\n{\n\tbar(q, u);\n}\n", &d);
	assert_non_null(strstr(d.header, "func g "));
	assert_int_equal(d.nparams, 2);
	assert_string_equal(d.params[0], "q : struct foo __rcu *");
	assert_string_equal(d.params[1], "u : char __user *");
	assert_null(strstr(d.text, "partial"));
	dump_free(&d);
}

static void test_error_region_partial(void **state)
{
	struct dump d;
	lower("int f(struct dev *dev, void *buf)\n{\n\tbefore(dev);\n\t@@@;\n\tafter(buf);\n\treturn 0;\n}\n", &d);
	assert_non_null(strstr(d.header, "func f "));
	assert_non_null(strstr(d.header, " partial"));
	assert_true(has_event(&d, "before(dev)"));
	assert_true(has_event(&d, "after(buf)"));
	assert_true(has_event(&d, "return 0"));
	assert_non_null(strstr(d.text, "diag 4:"));
	assert_true(flows(&d, block_with(&d, "before(dev)"), block_with(&d, "return 0")));
	dump_free(&d);
}

static void test_unknown_macro_statement(void **state)
{
	struct dump d;
	/* a statement-like macro the grammar does not know: the rest still lowers */
	lower("int f(int x)\n{\n\tint y;\n\tFOO_BAR(x) y;\n\tafter(x);\n\treturn 0;\n}\n", &d);
	assert_non_null(strstr(d.header, "func f "));
	assert_true(has_event(&d, "after(x)"));
	assert_true(has_event(&d, "return 0"));
	dump_free(&d);
}

static void test_ifdef_branch(void **state)
{
	struct dump d;
	lower("void f(int a)\n{\n\tpre();\n#ifdef CONFIG_X\n\tx_on();\n#else\n\tx_off();\n#endif\n\tpost();\n}\n", &d);
	int on = block_with(&d, "x_on()"), off = block_with(&d, "x_off()"), post = block_with(&d, "post()");
	int br = -1;
	for (int i = 0; i < d.nb; i++)
		if (!strcmp(d.b[i].term, "branch") && is_succ(&d, i, on) && is_succ(&d, i, off))
			br = i;
	assert_true(br >= 0);
	assert_non_null(strstr(d.b[br].term_line, "branch opaque"));
	assert_false(reaches(&d, on, off));
	assert_true(reaches(&d, on, post));
	assert_true(reaches(&d, off, post));
	dump_free(&d);
}

static void test_access_paths(void **state)
{
	struct dump d;
	lower("void f(struct priv *p, struct sk_buff *skb, int i)\n{\n"
	      "\tp->rx[i].dma = 0;\n\tuse(skb->data);\n\tsend(&p->cmd);\n\tx((*p).len);\n}\n", &d);
	assert_true(has_event(&d, "assign p->rx[i].dma = 0"));
	assert_true(has_event(&d, "write p->rx[i].dma"));
	assert_true(has_event(&d, "read skb->data"));
	assert_true(has_event(&d, "use(skb->data)"));
	assert_true(has_event(&d, "send(&p->cmd)"));
	dump_free(&d);
}

static void test_dma_unmap_addr_is_call(void **state)
{
	struct dump d;
	lower("void f(struct device *dev, struct rx_buf *rb, int len)\n{\n"
	      "\tdma_unmap_single(dev, dma_unmap_addr(rb, addr), len, DMA_FROM_DEVICE);\n}\n", &d);
	/* non-local names (fields named as macro arguments, enum constants) print as ::name */
	int a = block_with(&d, "call#0 dma_unmap_addr(rb, ::addr) [modelled]");
	int u = block_with(&d, "call#1 dma_unmap_single(dev, call#0, len, ::DMA_FROM_DEVICE!const) [modelled] [unused]");
	assert_int_equal(a, u);
	assert_true(strstr(d.text, "dma_unmap_addr") < strstr(d.text, "dma_unmap_single"));
	dump_free(&d);
}

static void test_dma_map_events(void **state)
{
	struct dump d;
	lower("int f(struct device *dev, void *buf, size_t len)\n{\n\tdma_addr_t h;\n"
	      "\th = dma_map_single(dev, buf, len, DMA_TO_DEVICE);\n"
	      "\tif (dma_mapping_error(dev, h))\n\t\treturn -ENOMEM;\n"
	      "\tdma_unmap_single(dev, h, len, DMA_TO_DEVICE);\n\treturn 0;\n}\n", &d);
	assert_true(has_event(&d, "call#0 dma_map_single(dev, buf, len, ::DMA_TO_DEVICE!const) [modelled]"));
	assert_true(has_event(&d, "assign h = call#0"));
	assert_true(has_event(&d, "call#1 dma_mapping_error(dev, h) [modelled]"));
	int r = block_with(&d, "return <-ENOMEM>");
	assert_string_equal(d.b[r].term, "exit");
	dump_free(&d);
}

static void test_several_functions(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *src = "static int a(void) { return 1; }\nstruct s { int x; };\nstatic void b(int *p) { *p = 2; }\n";
	assert_int_equal(dmc_dump_ir(S, "two.c", src, strlen(src), f), 0);
	fclose(f);
	assert_null(strstr(buf, "VERIFY FAILED"));
	char *fa = strstr(buf, "func a lines 1-1\n"), *fb = strstr(buf, "func b lines 3-3 void\n");
	assert_non_null(fa);
	assert_non_null(fb);
	assert_true(fa < fb);
	assert_non_null(strstr(buf, "write *(p)"));
	free(buf);
}

static int setup(void **state)
{
	struct dmc_options opt = { .rules_dir = DMC_TEST_RULES_DIR };
	S = dmc_session_new(&opt, stderr);
	return S ? 0 : -1;
}

static int teardown(void **state)
{
	dmc_session_free(S);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_if_else),
		cmocka_unit_test(test_and_condition),
		cmocka_unit_test(test_or_and_not_condition),
		cmocka_unit_test(test_while_loop),
		cmocka_unit_test(test_for_loop),
		cmocka_unit_test(test_do_loop),
		cmocka_unit_test(test_break_continue),
		cmocka_unit_test(test_switch),
		cmocka_unit_test(test_switch_without_default),
		cmocka_unit_test(test_goto_forward_label),
		cmocka_unit_test(test_return_ends_block),
		cmocka_unit_test(test_list_for_each_entry),
		cmocka_unit_test(test_for_each_sg_iter),
		cmocka_unit_test(test_kernel_annotations),
		cmocka_unit_test(test_error_region_partial),
		cmocka_unit_test(test_unknown_macro_statement),
		cmocka_unit_test(test_ifdef_branch),
		cmocka_unit_test(test_access_paths),
		cmocka_unit_test(test_dma_unmap_addr_is_call),
		cmocka_unit_test(test_dma_map_events),
		cmocka_unit_test(test_several_functions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
