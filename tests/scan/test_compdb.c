/*
 * test_compdb.c - compile_commands.json reading: shell splitting of
 * "command", -I/-D/-include extraction (both forms), path resolution and
 * compdb_flags_for(). The end-to-end behaviour of -p is in test_scan.sh.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compdb.h"

static void test_split(void **state)
{
	size_t n;
	char **w = compdb_split_command(
		"gcc  -DA='\"x y\"' -D\"B=\\\"q\\\"\" a\\ b.c -I inc ''", &n);

	(void)state;
	assert_non_null(w);
	assert_int_equal(n, 7);
	assert_string_equal(w[0], "gcc");
	assert_string_equal(w[1], "-DA=\"x y\"");
	assert_string_equal(w[2], "-DB=\"q\"");
	assert_string_equal(w[3], "a b.c");
	assert_string_equal(w[4], "-I");
	assert_string_equal(w[5], "inc");
	assert_string_equal(w[6], "");
	assert_null(w[7]);
	compdb_free_words(w);
	assert_null(compdb_split_command("gcc 'unterminated", &n));
}

static void test_flags(void **state)
{
	const char *argv[] = { "gcc", "-nostdinc", "-I./include", "-I", "/abs/inc",
			       "-Iarch/../arch/x86", "-D__KERNEL__", "-D", "X=1",
			       "-include", "./include/linux/kconfig.h", "-isystem", "/usr/inc",
			       "-c", "-o", "a.o", "a.c", "-I" /* dangling: ignored */ };
	struct compdb_flags f = { 0 };

	(void)state;
	assert_int_equal(compdb_parse_flags(&f, argv, sizeof(argv) / sizeof(*argv), "/k"), 0);
	assert_int_equal(f.nincludes, 3);
	assert_string_equal(f.includes[0], "/k/include");
	assert_string_equal(f.includes[1], "/abs/inc");
	assert_string_equal(f.includes[2], "/k/arch/x86");
	assert_int_equal(f.ndefines, 2);
	assert_string_equal(f.defines[0], "__KERNEL__");
	assert_string_equal(f.defines[1], "X=1");
	assert_int_equal(f.nforced, 1);
	assert_string_equal(f.forced[0], "/k/include/linux/kconfig.h");
	for (size_t i = 0; i < f.nincludes; i++)
		free(f.includes[i]);
	for (size_t i = 0; i < f.ndefines; i++)
		free(f.defines[i]);
	free(f.forced[0]);
	free(f.includes);
	free(f.defines);
	free(f.forced);
}

static void test_load(void **state)
{
	char dir[] = "/tmp/dmacheck-compdb.XXXXXX", path[256], cwd[4096];
	struct compdb db;
	const struct compdb_flags *f;
	struct file_list fl = { 0 };
	FILE *out;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
	out = fopen(path, "w");
	assert_non_null(out);
	fprintf(out,
		"[{\"directory\": \"%s/obj\", \"file\": \"../src/b.c\",\n"
		"  \"command\": \"cc -I../include -D'M=\\\"b\\\"' -c ../src/b.c\"},\n"
		" {\"directory\": \"%s\", \"file\": \"%s/src/a.c\",\n"
		"  \"arguments\": [\"cc\", \"-include\", \"k.h\", \"-DA\", \"-c\", \"src/a.c\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"src/a.c\", \"arguments\": [\"cc\", \"-DSECOND\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"src/x.S\", \"arguments\": [\"cc\"]}]\n",
		dir, dir, dir, dir, dir);
	fclose(out);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir("/"), 0);
	assert_int_equal(compdb_load(&db, dir, stderr), 0);
	assert_int_equal(db.n, 2); /* .S skipped, duplicate a.c dropped */
	snprintf(path, sizeof(path), "%s/src/a.c", dir);
	assert_string_equal(db.entries[0].abs, path);
	assert_string_equal(db.entries[0].path, path); /* cwd "/": kept absolute */

	f = compdb_flags_for(&db, path);
	assert_non_null(f);
	assert_int_equal(f->ndefines, 1);
	assert_string_equal(f->defines[0], "A"); /* the first entry wins */
	assert_int_equal(f->nforced, 1);
	snprintf(path, sizeof(path), "%s/k.h", dir);
	assert_string_equal(f->forced[0], path);

	snprintf(path, sizeof(path), "%s/obj/../src/./b.c", dir);
	f = compdb_flags_for(&db, path);
	assert_non_null(f);
	assert_int_equal(f->nincludes, 1);
	snprintf(path, sizeof(path), "%s/include", dir);
	assert_string_equal(f->includes[0], path);
	assert_string_equal(f->defines[0], "M=\"b\"");
	assert_null(compdb_flags_for(&db, "/nowhere/b.c"));

	assert_int_equal(compdb_select(&db, dir, NULL, 0, NULL, &fl, stderr), 0);
	assert_int_equal(fl.n, 2);
	file_list_release(&fl);
	compdb_release(&db);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
	assert_int_equal(chdir(cwd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
