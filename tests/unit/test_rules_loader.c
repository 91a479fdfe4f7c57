/*
 * test_rules_loader.c - unit tests for checker/model/ (model_load through
 * dmc_session_new): malformed rules trees must fail with one exact
 * "file:line:col: error: ..." line, well-formed trees must load, the real
 * rules/ directory must load, and the CLI must exit 2 on bad rules.
 *
 * Every malformed tree also holds one valid rule with its doc, so that the
 * error under test is the only one the loader can report.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ftw.h>

#include <cmocka.h>

#include "dmacheck.h"

#ifndef DMC_TEST_RULES_DIR
#define DMC_TEST_RULES_DIR "rules"
#endif
#ifndef DMC_TEST_BIN
#define DMC_TEST_BIN "dmacheck"
#endif

/* ---------- temp trees ---------- */

struct tree {
	char dir[64];
};

static void put(const struct tree *t, const char *rel, const char *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", t->dir, rel);
	/* create parent directories */
	for (char *s = path + strlen(t->dir) + 1; (s = strchr(s, '/')); s++) {
		*s = 0;
		mkdir(path, 0755);
		*s = '/';
	}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void puts_file(const struct tree *t, const char *rel, const char *text)
{
	put(t, rel, text, strlen(text));
}

static void tree_new(struct tree *t)
{
	snprintf(t->dir, sizeof(t->dir), "%s", "/tmp/dmc-rules-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
}

/* a valid rule with its doc, so a tree is otherwise loadable */
static void tree_base(struct tree *t)
{
	tree_new(t);
	puts_file(t, "checks/base.rules", "rule base-rule catalogue=T-01 group=test severity=warning\n");
	puts_file(t, "docs/base-rule.md", "# base-rule\n\nA base rule for tests. More text.\n");
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(p);
}

static void tree_free(struct tree *t)
{
	nftw(t->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* ---------- loading ---------- */

/* Load rules_dir; returns the session (or NULL) and the err text (malloc'd). */
static struct dmc_session *load(const char *rules_dir, char **errtext)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	assert_non_null(err);
	struct dmc_options opt = { .rules_dir = rules_dir };
	struct dmc_session *s = dmc_session_new(&opt, err);
	assert_int_equal(fclose(err), 0);
	*errtext = buf;
	return s;
}

static int count_lines(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/*
 * Load t, expect failure with exactly one error line, equal to
 * "<dir>/<rel>:<where>: error: <msg>" (rel NULL: the directory itself).
 */
static void expect_error(const struct tree *t, const char *rel, const char *where, const char *msg)
{
	char *errtext = NULL;
	struct dmc_session *s = load(t->dir, &errtext);
	char want[1024];
	if (rel)
		snprintf(want, sizeof(want), "%s/%s:%s: error: %s\n", t->dir, rel, where, msg);
	else
		snprintf(want, sizeof(want), "%s:%s: error: %s\n", t->dir, where, msg);
	if (s) {
		dmc_session_free(s);
		fail_msg("loaded a malformed tree; wanted: %s", want);
	}
	if (!strstr(errtext, want))
		fail_msg("wanted error line:\n  %sgot:\n%s", want, errtext);
	if (count_lines(errtext, ": error: ") != 1)
		fail_msg("wanted exactly one error, got:\n%s", errtext);
	free(errtext);
}

/* one malformed line in checks/bad.rules (after the base tree) */
static void bad_line(const char *file_text, const char *where, const char *msg)
{
	struct tree t;
	tree_base(&t);
	puts_file(&t, "checks/bad.rules", file_text);
	expect_error(&t, "checks/bad.rules", where, msg);
	tree_free(&t);
}

static void test_unknown_directive(void **state)
{
	bad_line("# comment\nfn dma_map_single role=stream.map buf=$1\n  funk x y=1\n",
		 "3:3", "unknown directive 'funk'");
}

static void test_unknown_role(void **state)
{
	bad_line("fn my_map role=stream.mop buf=$1\n", "1:11", "unknown role 'stream.mop'");
}

static void test_bad_argument_reference(void **state)
{
	bad_line("fn my_map role=stream.map buf=$x\n", "1:27",
		 "bad argument reference '$x' (expected $0..$15)");
	bad_line("fn my_map role=stream.map size=$16\n", "1:27",
		 "bad argument reference '$16' (expected $0..$15)");
	bad_line("fn my_map role=stream.map buf=1\n", "1:27",
		 "bad argument reference '1' (expected $0..$15)");
}

static void test_unknown_slot_key(void **state)
{
	bad_line("fn my_map role=stream.map bufr=$1\n", "1:27", "unknown key 'bufr'");
}

static void test_unknown_kind_and_ret(void **state)
{
	bad_line("fn my_map role=stream.map kind=double\n", "1:27", "unknown kind 'double'");
	bad_line("fn my_map role=stream.map ret=bool\n", "1:27", "unknown ret 'bool' (handle|count|errno|ptr)");
	bad_line("fn my_sync role=stream.sync to=host\n", "1:29", "to= must be cpu or device");
}

static void test_fn_without_role(void **state)
{
	bad_line("fn my_map buf=$1\n", "1:1", "'fn' needs role=");
	bad_line("fn role=stream.map\n", "1:1", "usage: fn NAME role=ROLE [key=value...]");
}

static void test_unterminated_quote(void **state)
{
	bad_line("dir DMA_FOO class=invalid why=\"not a direction\n", "1:27", "unterminated quoted value");
}

static void test_quote_without_key(void **state)
{
	bad_line("dir DMA_FOO class=invalid \"why\"\n", "1:27", "quoted value without key=");
}

static void test_key_without_value(void **state)
{
	bad_line("fn my_map role=\n", "1:11", "empty value after '='");
	bad_line("fn my_map =stream.map\n", "1:11", "empty key before '='");
}

static void test_line_starting_with_key(void **state)
{
	bad_line("role=stream.map fn x\n", "1:1", "a line must start with a directive word");
}

static void test_dir_errors(void **state)
{
	bad_line("dir DMA_FOO class=sideways\n", "1:13", "unknown direction class 'sideways'");
	bad_line("dir DMA_FOO why=\"x\"\n", "1:1", "dir needs class=");
}

static void test_annot_iter_errors(void **state)
{
	bad_line("annot __foo space=user extra\n", "1:24", "unexpected 'extra'");
	bad_line("iter for_each_thing role=sg.itr sgl=$0\n", "1:21", "unknown role 'sg.itr'");
}

static void test_rule_without_catalogue_or_group(void **state)
{
	bad_line("rule r-two group=test severity=note\n", "1:1", "rule 'r-two' needs catalogue= and group=");
	bad_line("rule r-two catalogue=T-02 severity=note\n", "1:1", "rule 'r-two' needs catalogue= and group=");
}

static void test_rule_bad_id(void **state)
{
	bad_line("rule Bad_Id catalogue=T-02 group=test\n", "1:1",
		 "usage: rule ID catalogue=X group=G severity=S (ID in lower-case-kebab)");
}

static void test_rule_without_doc(void **state)
{
	struct tree t;
	tree_base(&t);
	puts_file(&t, "checks/bad.rules", "rule r-nodoc catalogue=T-02 group=test\n");
	char msg[256];
	snprintf(msg, sizeof(msg), "rule 'r-nodoc' has no doc with a summary at %s/docs/r-nodoc.md", t.dir);
	expect_error(&t, "checks/bad.rules", "1:6", msg);
	tree_free(&t);

	/* a doc with a title but no summary sentence counts as missing */
	tree_base(&t);
	puts_file(&t, "checks/bad.rules", "rule r-empty catalogue=T-02 group=test\n");
	puts_file(&t, "docs/r-empty.md", "# r-empty\n\n");
	snprintf(msg, sizeof(msg), "rule 'r-empty' has no doc with a summary at %s/docs/r-empty.md", t.dir);
	expect_error(&t, "checks/bad.rules", "1:6", msg);
	tree_free(&t);
}

static void test_duplicate_rule(void **state)
{
	/* files load in path order, so the second definition is in zdup.rules */
	struct tree t;
	tree_base(&t);
	puts_file(&t, "checks/zdup.rules", "\nrule base-rule catalogue=T-09 group=test\n");
	expect_error(&t, "checks/zdup.rules", "2:6", "rule 'base-rule' defined twice");
	tree_free(&t);
}

static void test_word_two_classes(void **state)
{
	/* a word has one class: a second file giving it another would change a rule silently */
	struct tree t;
	tree_base(&t);
	puts_file(&t, "models/a.rules", "word GFP_KERNEL class=gfp.sleeping\n");
	puts_file(&t, "models/b.rules", "word GFP_KERNEL class=gfp.sleeping\nword GFP_KERNEL class=gfp.may-sleep\n");
	expect_error(&t, "models/b.rules", "2:17", "word 'GFP_KERNEL' already has class 'gfp.sleeping'");
	tree_free(&t);
}

static void test_duplicate_entry(void **state)
{
	struct tree t;
	tree_base(&t);
	puts_file(&t, "kernel/e.rules", "entry pci_driver.probe kind=probe\nentry pci_driver.probe kind=remove\n");
	expect_error(&t, "kernel/e.rules", "2:7", "entry 'pci_driver.probe' defined twice");
	tree_free(&t);
}

static void test_unknown_severity(void **state)
{
	bad_line("rule base-two catalogue=T-02 group=test severity=fatal\n", "1:41",
		 "unknown severity 'fatal' (note|warning|error)");
}

static void test_unchecked_names_no_rule(void **state)
{
	bad_line("fn my_map role=stream.map buf=$1\n"
		 "fn my_map2 role=stream.map buf=$1 ret=handle unchecked=no-such-rule\n",
		 "2:1", "unchecked=no-such-rule names no rule");
}

static void test_binary_file(void **state)
{
	struct tree t;
	tree_base(&t);
	static const char bin[] = "fn my_map role=stream.map\0buf=$1\n";
	put(&t, "models/bin.rules", bin, sizeof(bin) - 1);
	expect_error(&t, "models/bin.rules", "0:0", "binary file (NUL byte)");
	tree_free(&t);
}

static void test_empty_dir(void **state)
{
	struct tree t;
	tree_new(&t);
	expect_error(&t, NULL, "0:0", "no rule definitions found (rules/checks/*.rules)");
	/* files that are not *.rules are ignored */
	puts_file(&t, "checks/notes.txt", "rule x catalogue=A group=b\n");
	expect_error(&t, NULL, "0:0", "no rule definitions found (rules/checks/*.rules)");
	tree_free(&t);
}

static void test_missing_dir(void **state)
{
	char *errtext = NULL;
	struct dmc_session *s = load("/nonexistent/dmacheck-rules", &errtext);
	assert_null(s);
	assert_non_null(strstr(errtext, "/nonexistent/dmacheck-rules:0:0: error: rules directory not found\n"));
	free(errtext);
}

static void test_errors_in_two_files(void **state)
{
	/* the loader keeps going and reports every bad line, in path order */
	struct tree t;
	tree_base(&t);
	puts_file(&t, "models/b.rules", "fn f role=nope\n");
	puts_file(&t, "models/a.rules", "\n\nbogus\n");
	char *errtext = NULL;
	struct dmc_session *s = load(t.dir, &errtext);
	assert_null(s);
	assert_int_equal(count_lines(errtext, ": error: "), 2);
	char *a = strstr(errtext, "models/a.rules:3:1: error: unknown directive 'bogus'");
	char *b = strstr(errtext, "models/b.rules:1:6: error: unknown role 'nope'");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b);
	free(errtext);
	tree_free(&t);
}

/* ---------- well-formed trees ---------- */

static void test_minimal_tree_loads(void **state)
{
	struct tree t;
	tree_base(&t);
	puts_file(&t, "checks/more.rules",
		  "# comments and blank lines are fine\n\n"
		  "rule my-leak catalogue=T-08 group=test severity=error   # trailing comment\n");
	puts_file(&t, "docs/my-leak.md", "# my-leak\n\nA mapping is never\nunmapped. Details follow.\n");
	puts_file(&t, "models/api.rules",
		  "fn my_map   role=stream.map kind=single dev=$0 buf=$1 size=$2 dir=$3 ret=handle unchecked=my-leak\n"
		  "fn my_unmap role=stream.unmap kind=single dev=$0 handle=$1 size=$2 dir=$3\n"
		  "fn my_copy  role=mem.write buf=$0\n"
		  "fn my_copy  role=mem.read buf=$1\r\n"
		  "dir MY_DIR  class=invalid why=\"not a direction, \\ really\"\n");
	puts_file(&t, "kernel/k.rules", "annot __mine\nannot __mine_args args\nannot __dev space=iomem\n"
		  "iter my_for_each_*\niter for_each_mine role=sg.iter sgl=$0 count=$2\n");
	char *errtext = NULL;
	struct dmc_session *s = load(t.dir, &errtext);
	if (!s)
		fail_msg("minimal tree did not load:\n%s", errtext);
	assert_string_equal(errtext, "");
	assert_int_equal(dmc_session_rule_count(s), 2);
	assert_string_equal(dmc_session_rules_dir(s), t.dir);
	const struct dmc_rule_info *r = dmc_session_find_rule(s, "my-leak");
	assert_non_null(r);
	assert_string_equal(r->catalogue, "T-08");
	assert_string_equal(r->group, "test");
	assert_int_equal(r->severity, DMC_SEV_ERROR);
	assert_string_equal(r->summary, "A mapping is never unmapped.");
	assert_true(r->enabled);
	r = dmc_session_find_rule(s, "base-rule");
	assert_non_null(r);
	assert_int_equal(r->severity, DMC_SEV_WARNING);
	assert_string_equal(r->summary, "A base rule for tests.");
	assert_null(dmc_session_find_rule(s, "no-such-rule"));
	dmc_session_free(s);
	free(errtext);
	tree_free(&t);
}

static void test_real_rules_load(void **state)
{
	char *errtext = NULL;
	struct dmc_session *s = load(DMC_TEST_RULES_DIR, &errtext);
	if (!s)
		fail_msg("rules/ did not load:\n%s", errtext);
	size_t n = dmc_session_rule_count(s);
	assert_true(n >= 9);
	for (size_t i = 0; i < n; i++) {
		const struct dmc_rule_info *r = dmc_session_rule(s, i);
		assert_non_null(r->id);
		assert_non_null(r->summary);
		if (!r->summary[0])
			fail_msg("rule %s has an empty summary", r->id);
		assert_non_null(r->catalogue);
		assert_non_null(r->group);
		assert_non_null(r->doc_path);
		assert_int_equal(access(r->doc_path, R_OK), 0);
		assert_ptr_equal(dmc_session_find_rule(s, r->id), r);
	}
	const struct dmc_rule_info *leak = dmc_session_find_rule(s, "dma-map-leak");
	assert_non_null(leak);
	assert_string_equal(leak->catalogue, "DMA-08");
	dmc_session_free(s);
	free(errtext);
}

/* ---------- the command line ---------- */

/* run a shell command, capture stdout+stderr; returns the exit status */
static int run_cmd(const char *cmd, char **outtext)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	char *buf = NULL;
	size_t len = 0;
	FILE *o = open_memstream(&buf, &len);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		fwrite(chunk, 1, n, o);
	fclose(o);
	int st = pclose(p);
	*outtext = buf;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_cli_bad_rules_dir(void **state)
{
	struct tree t;
	tree_base(&t);
	puts_file(&t, "checks/bad.rules", "rule ok-rule catalogue=T-02 group=test\nfrobnicate now\n");
	char cmd[1024], *out = NULL, want[512];
	snprintf(cmd, sizeof(cmd), "'%s' --rules-dir '%s' /dev/null 2>&1", DMC_TEST_BIN, t.dir);
	int rc = run_cmd(cmd, &out);
	if (rc != 2)
		fail_msg("exit %d, want 2; output:\n%s", rc, out);
	snprintf(want, sizeof(want), "%s/checks/bad.rules:2:1: error: unknown directive 'frobnicate'\n", t.dir);
	if (!strstr(out, want))
		fail_msg("wanted %s in:\n%s", want, out);
	free(out);

	/* a directory that does not exist */
	snprintf(cmd, sizeof(cmd), "'%s' --rules-dir '%s/nope' /dev/null 2>&1", DMC_TEST_BIN, t.dir);
	rc = run_cmd(cmd, &out);
	if (rc != 2)
		fail_msg("exit %d, want 2; output:\n%s", rc, out);
	assert_non_null(strstr(out, "rules directory not found"));
	free(out);

	/* and the good tree works: /dev/null is not a C file, nothing to check */
	tree_free(&t);
	tree_base(&t);
	snprintf(cmd, sizeof(cmd), "'%s' --rules-dir '%s' --list-rules 2>&1", DMC_TEST_BIN, t.dir);
	rc = run_cmd(cmd, &out);
	if (rc != 0)
		fail_msg("exit %d, want 0; output:\n%s", rc, out);
	assert_non_null(strstr(out, "base-rule"));
	free(out);
	tree_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_directive),
		cmocka_unit_test(test_unknown_role),
		cmocka_unit_test(test_bad_argument_reference),
		cmocka_unit_test(test_unknown_slot_key),
		cmocka_unit_test(test_unknown_kind_and_ret),
		cmocka_unit_test(test_fn_without_role),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_quote_without_key),
		cmocka_unit_test(test_key_without_value),
		cmocka_unit_test(test_line_starting_with_key),
		cmocka_unit_test(test_dir_errors),
		cmocka_unit_test(test_annot_iter_errors),
		cmocka_unit_test(test_rule_without_catalogue_or_group),
		cmocka_unit_test(test_rule_bad_id),
		cmocka_unit_test(test_rule_without_doc),
		cmocka_unit_test(test_duplicate_rule),
		cmocka_unit_test(test_unknown_severity),
		cmocka_unit_test(test_unchecked_names_no_rule),
		cmocka_unit_test(test_binary_file),
		cmocka_unit_test(test_empty_dir),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test(test_word_two_classes),
		cmocka_unit_test(test_duplicate_entry),
		cmocka_unit_test(test_errors_in_two_files),
		cmocka_unit_test(test_minimal_tree_loads),
		cmocka_unit_test(test_real_rules_load),
		cmocka_unit_test(test_cli_bad_rules_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
