/*
 * test_emitters.c - unit tests for checker/report/: finding building,
 * sorting, fingerprints, and the text, JSON and SARIF emitters.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "dmacheck.h"
#include "report/emit.h"
#include "report/finding.h"

#ifndef DMC_TEST_RULES_DIR
#define DMC_TEST_RULES_DIR "rules"
#endif

typedef int (*emit_fn)(FILE *, const struct dmc_session *,
		       const struct dmc_result *, const struct emit_opts *);

/* Run an emitter into a malloc'd string. */
static char *emit_to_string(emit_fn fn, const struct dmc_session *s,
			    const struct dmc_result *r, const struct emit_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(fn(f, s, r, o), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static json_t *emit_to_json(emit_fn fn, const struct dmc_session *s,
			    const struct dmc_result *r)
{
	char *text = emit_to_string(fn, s, r, NULL);
	json_error_t err;
	json_t *doc = json_loads(text, 0, &err);

	if (!doc)
		fail_msg("invalid JSON at %d:%d: %s\n%s", err.line, err.column, err.text, text);
	free(text);
	return doc;
}

/* A small result: two findings (one with notes), an input error, a parse note. */
static void sample(struct dmc_result *r)
{
	struct dmc_finding *f;

	dmc_result_init(r);
	f = finding_add(r, "dma-map-error-unchecked", DMC_SEV_WARNING, "drivers/net/foo.c",
			42, 6, 42, 20, "foo_xmit", "h = dma_map_single(dev, buf, len, DMA_TO_DEVICE);",
			"result of '%s' is not checked with dma_mapping_error()", "dma_map_single");
	finding_add_note(f, 40, 2, "'%s' allocated here", "buf");
	finding_add_note(f, 43, 2, "handle used here");
	finding_add(r, "dma-map-leak", DMC_SEV_ERROR, "drivers/net/bar.c", 7, 3, 7, 9,
		    NULL, "return -EIO;", "mapping of 'h' leaks on this path");
	diag_add(r, DMC_DIAG_ERROR, "drivers/net/blob.c", 0, 0, "binary file");
	diag_add(r, DMC_DIAG_PARSE_NOTE, "drivers/net/foo.c", 10, 1, "skipped an unparsable declaration");
	dmc_result_sort(r);
}

static void test_severity_names(void **state)
{
	assert_string_equal(dmc_severity_name(DMC_SEV_NOTE), "note");
	assert_string_equal(dmc_severity_name(DMC_SEV_WARNING), "warning");
	assert_string_equal(dmc_severity_name(DMC_SEV_ERROR), "error");
}

static void test_text_exact(void **state)
{
	struct dmc_result r;
	struct emit_opts notes = { .parse_notes = 1 };
	char *out;

	sample(&r);
	out = emit_to_string(emit_text, NULL, &r, NULL);
	assert_string_equal(out,
		"drivers/net/bar.c:7:3: error: mapping of 'h' leaks on this path [dma-map-leak]\n"
		"drivers/net/blob.c: error: binary file\n"
		"drivers/net/foo.c:42:6: warning: result of 'dma_map_single' is not checked with dma_mapping_error() [dma-map-error-unchecked]\n"
		"drivers/net/foo.c:40:2: note: 'buf' allocated here\n"
		"drivers/net/foo.c:43:2: note: handle used here\n");
	free(out);

	out = emit_to_string(emit_text, NULL, &r, &notes);
	assert_non_null(strstr(out,
		"drivers/net/blob.c: error: binary file\n"
		"drivers/net/foo.c:10:1: note: skipped an unparsable declaration\n"
		"drivers/net/foo.c:42:6: warning: "));
	free(out);
	dmc_result_release(&r);
}

static void test_json_fields(void **state)
{
	struct dmc_result r;
	json_t *doc, *f, *n, *d;

	sample(&r);
	doc = emit_to_json(emit_json, NULL, &r);
	assert_int_equal(json_integer_value(json_object_get(doc, "version")), 1);
	assert_string_equal(json_string_value(json_object_get(doc, "tool")), "dmacheck");
	assert_int_equal(json_array_size(json_object_get(doc, "findings")), 2);

	f = json_array_get(json_object_get(doc, "findings"), 1);
	assert_string_equal(json_string_value(json_object_get(f, "file")), "drivers/net/foo.c");
	assert_int_equal(json_integer_value(json_object_get(f, "line")), 42);
	assert_int_equal(json_integer_value(json_object_get(f, "column")), 6);
	assert_int_equal(json_integer_value(json_object_get(f, "end_line")), 42);
	assert_int_equal(json_integer_value(json_object_get(f, "end_column")), 20);
	assert_string_equal(json_string_value(json_object_get(f, "rule")), "dma-map-error-unchecked");
	assert_string_equal(json_string_value(json_object_get(f, "severity")), "warning");
	assert_string_equal(json_string_value(json_object_get(f, "message")),
			    "result of 'dma_map_single' is not checked with dma_mapping_error()");
	assert_string_equal(json_string_value(json_object_get(f, "function")), "foo_xmit");
	assert_string_equal(json_string_value(json_object_get(f, "fingerprint")), r.findings[1].fingerprint);
	assert_int_equal(strlen(r.findings[1].fingerprint), 16);
	assert_int_equal(json_array_size(json_object_get(f, "notes")), 2);
	n = json_array_get(json_object_get(f, "notes"), 0);
	assert_int_equal(json_integer_value(json_object_get(n, "line")), 40);
	assert_int_equal(json_integer_value(json_object_get(n, "column")), 2);
	assert_string_equal(json_string_value(json_object_get(n, "message")), "'buf' allocated here");

	f = json_array_get(json_object_get(doc, "findings"), 0);
	assert_true(json_is_null(json_object_get(f, "function")));
	assert_string_equal(json_string_value(json_object_get(f, "severity")), "error");

	assert_int_equal(json_array_size(json_object_get(doc, "diagnostics")), 2);
	d = json_array_get(json_object_get(doc, "diagnostics"), 0);
	assert_string_equal(json_string_value(json_object_get(d, "kind")), "error");
	assert_string_equal(json_string_value(json_object_get(d, "file")), "drivers/net/blob.c");
	d = json_array_get(json_object_get(doc, "diagnostics"), 1);
	assert_string_equal(json_string_value(json_object_get(d, "kind")), "parse-note");
	assert_int_equal(json_integer_value(json_object_get(d, "line")), 10);
	json_decref(doc);
	dmc_result_release(&r);
}

static void test_json_invalid_utf8(void **state)
{
	struct dmc_result r;
	json_t *doc;
	const char *msg;

	dmc_result_init(&r);
	finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a\xff.c", 1, 1, 1, 2, "f\xe9",
		    "x", "bad \xc3 byte");
	dmc_result_sort(&r);
	doc = emit_to_json(emit_json, NULL, &r);
	msg = json_string_value(json_object_get(json_array_get(json_object_get(doc, "findings"), 0),
						"message"));
	assert_string_equal(msg, "bad \xef\xbf\xbd byte");
	json_decref(doc);
	json_decref(emit_to_json(emit_sarif, NULL, &r));
	dmc_result_release(&r);
}

static void check_sarif_shape(json_t *doc, const struct dmc_result *r)
{
	json_t *run, *driver, *rules, *results, *res, *pl, *fp;
	size_t i;

	assert_string_equal(json_string_value(json_object_get(doc, "$schema")),
			    "https://json.schemastore.org/sarif-2.1.0.json");
	assert_string_equal(json_string_value(json_object_get(doc, "version")), "2.1.0");
	assert_int_equal(json_array_size(json_object_get(doc, "runs")), 1);
	run = json_array_get(json_object_get(doc, "runs"), 0);
	driver = json_object_get(json_object_get(run, "tool"), "driver");
	assert_string_equal(json_string_value(json_object_get(driver, "name")), "dmacheck");
	assert_string_equal(json_string_value(json_object_get(driver, "version")), DMACHECK_VERSION);
	assert_non_null(json_string_value(json_object_get(driver, "informationUri")));
	rules = json_object_get(driver, "rules");
	assert_true(json_is_array(rules));
	assert_true(json_is_true(json_object_get(json_array_get(json_object_get(run, "invocations"), 0),
						 "executionSuccessful")));
	results = json_object_get(run, "results");
	assert_int_equal(json_array_size(results), r->nfindings);
	for (i = 0; i < r->nfindings; i++) {
		json_t *rule;
		size_t idx;

		res = json_array_get(results, i);
		assert_string_equal(json_string_value(json_object_get(res, "ruleId")), r->findings[i].rule);
		idx = (size_t)json_integer_value(json_object_get(res, "ruleIndex"));
		rule = json_array_get(rules, idx);
		assert_non_null(rule);
		assert_string_equal(json_string_value(json_object_get(rule, "id")), r->findings[i].rule);
		assert_string_equal(json_string_value(json_object_get(json_object_get(res, "message"), "text")),
				    r->findings[i].message);
		pl = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
		assert_string_equal(json_string_value(json_object_get(json_object_get(pl, "artifactLocation"), "uri")),
				    r->findings[i].file);
		assert_string_equal(json_string_value(json_object_get(json_object_get(pl, "artifactLocation"), "uriBaseId")),
				    "%SRCROOT%");
		assert_int_equal(json_integer_value(json_object_get(json_object_get(pl, "region"), "startLine")),
				 r->findings[i].line);
		assert_int_equal(json_integer_value(json_object_get(json_object_get(pl, "region"), "startColumn")),
				 r->findings[i].col);
		fp = json_object_get(res, "partialFingerprints");
		assert_string_equal(json_string_value(json_object_get(fp, "dmacheckFingerprint/v1")),
				    r->findings[i].fingerprint);
		assert_int_equal(json_array_size(json_object_get(res, "relatedLocations")),
				 r->findings[i].nnotes);
	}
}

static void test_sarif_without_session(void **state)
{
	struct dmc_result r;
	json_t *doc, *rules;

	sample(&r);
	doc = emit_to_json(emit_sarif, NULL, &r);
	check_sarif_shape(doc, &r);
	rules = json_object_get(json_object_get(json_object_get(
		json_array_get(json_object_get(doc, "runs"), 0), "tool"), "driver"), "rules");
	assert_int_equal(json_array_size(rules), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(rules, 0), "name")),
			    "DmaMapLeak");
	json_decref(doc);
	dmc_result_release(&r);
}

static void test_sarif_with_session(void **state)
{
	struct dmc_options opt = { .rules_dir = DMC_TEST_RULES_DIR };
	struct dmc_session *s = dmc_session_new(&opt, stderr);
	struct dmc_result r;
	json_t *doc, *rules, *rule;
	size_t i;

	if (!s)
		skip(); /* only until the rules loader lands */
	dmc_result_init(&r);
	for (i = 0; i < dmc_session_rule_count(s); i++) {
		const struct dmc_rule_info *ri = dmc_session_rule(s, i);

		finding_add(&r, ri->id, ri->severity, "drivers/x.c", (int)i + 1, 1,
			    (int)i + 1, 5, "f", "x", "finding for %s", ri->id);
	}
	dmc_result_sort(&r);
	doc = emit_to_json(emit_sarif, s, &r);
	check_sarif_shape(doc, &r);
	rules = json_object_get(json_object_get(json_object_get(
		json_array_get(json_object_get(doc, "runs"), 0), "tool"), "driver"), "rules");
	assert_int_equal(json_array_size(rules), dmc_session_rule_count(s));
	for (i = 0; i < dmc_session_rule_count(s); i++) {
		const struct dmc_rule_info *ri = dmc_session_rule(s, i);

		rule = json_array_get(rules, i);
		assert_string_equal(json_string_value(json_object_get(rule, "id")), ri->id);
		assert_non_null(json_string_value(json_object_get(rule, "name")));
		if (ri->summary)
			assert_string_equal(json_string_value(json_object_get(
				json_object_get(rule, "shortDescription"), "text")), ri->summary);
		assert_non_null(json_string_value(json_object_get(
			json_object_get(rule, "defaultConfiguration"), "level")));
	}
	json_decref(doc);
	dmc_result_release(&r);
	dmc_session_free(s);
}

/* The fingerprint of the only finding "rule at line" of a one-finding result. */
static void one_fp(int line, const char *text, char out[17])
{
	struct dmc_result r;

	dmc_result_init(&r);
	finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "d.c", line, 5, line, 9, "probe",
		    text, "leak");
	dmc_result_sort(&r);
	memcpy(out, r.findings[0].fingerprint, 17);
	dmc_result_release(&r);
}

static void test_fingerprint_line_shift(void **state)
{
	char a[17], b[17], c[17], d[17];

	one_fp(20, "h = dma_map_single(dev, p, n, DMA_TO_DEVICE);", a);
	one_fp(30, "h = dma_map_single(dev, p, n, DMA_TO_DEVICE);", b);
	one_fp(30, "  h  =\tdma_map_single(dev, p, n, DMA_TO_DEVICE);  ", c);
	one_fp(30, "h = dma_map_single(dev, q, n, DMA_TO_DEVICE);", d);
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_string_not_equal(a, d);
	assert_int_equal(strspn(a, "0123456789abcdef"), 16);
}

static void test_fingerprint_occurrence(void **state)
{
	struct dmc_result r, moved;
	const char *text = "dma_unmap_single(dev, h, n, DMA_TO_DEVICE);";

	dmc_result_init(&r);
	finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "d.c", 10, 2, 10, 8, "rx", text, "m");
	finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "d.c", 20, 2, 20, 8, "rx", text, "m");
	dmc_result_sort(&r);
	assert_string_not_equal(r.findings[0].fingerprint, r.findings[1].fingerprint);

	/* both move 10 lines down: both fingerprints stay */
	dmc_result_init(&moved);
	finding_add(&moved, "dma-map-leak", DMC_SEV_WARNING, "d.c", 30, 2, 30, 8, "rx", text, "m");
	finding_add(&moved, "dma-map-leak", DMC_SEV_WARNING, "d.c", 20, 2, 20, 8, "rx", text, "m");
	dmc_result_sort(&moved);
	assert_string_equal(r.findings[0].fingerprint, moved.findings[0].fingerprint);
	assert_string_equal(r.findings[1].fingerprint, moved.findings[1].fingerprint);
	dmc_result_release(&moved);

	/* a finding in another file does not disturb the occurrence count */
	finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a.c", 1, 2, 1, 8, "rx", text, "m");
	dmc_result_sort(&r);
	assert_string_equal(r.findings[0].file, "a.c");
	assert_string_equal(r.findings[0].fingerprint, r.findings[1].fingerprint);
	dmc_result_release(&r);
}

/* Add the same five findings (one twice) in the order given by perm. */
static char *build_in_order(const int *perm)
{
	struct dmc_result r;
	char *out;
	int i;

	dmc_result_init(&r);
	for (i = 0; i < 6; i++) {
		switch (perm[i]) {
		case 0:
			finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "b.c", 5, 1, 5, 2, "f", "x", "one");
			break;
		case 1:
			finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a.c", 9, 1, 9, 2, "f", "x", "two");
			break;
		case 2:
			finding_add(&r, "dma-map-error-unchecked", DMC_SEV_WARNING, "a.c", 9, 1, 9, 2, "f", "x", "three");
			break;
		case 3:
			finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a.c", 9, 1, 9, 2, "f", "x", "alpha");
			break;
		case 4: /* exact duplicate of 1 */
			finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a.c", 9, 1, 9, 2, "f", "x", "two");
			break;
		case 5:
			finding_add_note(finding_add(&r, "dma-map-leak", DMC_SEV_WARNING, "a.c", 2, 7,
						     2, 9, "g", "y", "four"), 1, 1, "here");
			break;
		}
	}
	diag_add(&r, DMC_DIAG_PARSE_NOTE, "b.c", 1, 1, "n%d", perm[0] % 2);
	diag_add(&r, DMC_DIAG_PARSE_NOTE, "b.c", 1, 1, "n%d", (perm[0] + 1) % 2);
	dmc_result_sort(&r);
	assert_int_equal(r.nfindings, 5);
	out = emit_to_string(emit_json, NULL, &r, NULL);
	dmc_result_release(&r);
	return out;
}

static void test_sort_determinism(void **state)
{
	static const int perms[][6] = {
		{ 0, 1, 2, 3, 4, 5 }, { 5, 4, 3, 2, 1, 0 }, { 2, 4, 0, 5, 1, 3 }, { 4, 1, 5, 3, 0, 2 },
	};
	char *first = build_in_order(perms[0]);
	json_t *doc;
	size_t i;

	for (i = 1; i < sizeof(perms) / sizeof(perms[0]); i++) {
		char *other = build_in_order(perms[i]);

		assert_string_equal(first, other);
		free(other);
	}
	doc = json_loads(first, 0, NULL);
	assert_non_null(doc);
	/* file, line, col, rule, message */
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "findings"), 0), "message")), "four");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "findings"), 1), "message")), "three");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "findings"), 2), "message")), "alpha");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "findings"), 3), "message")), "two");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "findings"), 4), "file")), "b.c");
	json_decref(doc);
	free(first);
}

static void test_merge(void **state)
{
	struct dmc_result a, b;

	dmc_result_init(&a);
	dmc_result_init(&b);
	finding_add(&a, "dma-map-leak", DMC_SEV_WARNING, "z.c", 1, 1, 1, 2, NULL, NULL, "a");
	finding_add(&b, "dma-map-leak", DMC_SEV_WARNING, "y.c", 1, 1, 1, 2, NULL, NULL, "b");
	diag_add(&b, DMC_DIAG_ERROR, "w.c", 0, 0, "cannot read");
	a.bytes = 10;
	b.bytes = 5;
	b.error_nodes = 3;
	dmc_result_merge(&a, &b);
	assert_int_equal(b.nfindings, 0);
	assert_int_equal(b.ndiags, 0);
	assert_null(b.findings);
	assert_int_equal(a.nfindings, 2);
	assert_int_equal(a.ndiags, 1);
	assert_int_equal(a.bytes, 15);
	assert_int_equal(a.error_nodes, 3);
	dmc_result_sort(&a);
	assert_string_equal(a.findings[0].file, "y.c");
	dmc_result_release(&a);
	dmc_result_release(&b);
	assert_int_equal(a.nfindings, 0);
}

static void test_empty_result(void **state)
{
	struct dmc_result r;
	char *out;
	json_t *doc;

	dmc_result_init(&r);
	dmc_result_sort(&r);
	out = emit_to_string(emit_text, NULL, &r, NULL);
	assert_string_equal(out, "");
	free(out);
	doc = emit_to_json(emit_json, NULL, &r);
	assert_int_equal(json_array_size(json_object_get(doc, "findings")), 0);
	json_decref(doc);
	doc = emit_to_json(emit_sarif, NULL, &r);
	assert_int_equal(json_array_size(json_object_get(json_array_get(
		json_object_get(doc, "runs"), 0), "results")), 0);
	json_decref(doc);
}

static void test_format_names(void **state)
{
	enum emit_format f;

	assert_int_equal(emit_format_parse("sarif", &f), 0);
	assert_int_equal(f, EMIT_SARIF);
	assert_string_equal(emit_format_name(f), "sarif");
	assert_int_equal(emit_format_parse("xml", &f), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_severity_names),
		cmocka_unit_test(test_text_exact),
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_json_invalid_utf8),
		cmocka_unit_test(test_sarif_without_session),
		cmocka_unit_test(test_sarif_with_session),
		cmocka_unit_test(test_fingerprint_line_shift),
		cmocka_unit_test(test_fingerprint_occurrence),
		cmocka_unit_test(test_sort_determinism),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_empty_result),
		cmocka_unit_test(test_format_names),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
