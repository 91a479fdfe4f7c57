/*
 * man.c - `dmacheck --man`: roff for dmacheck(1). OPTIONS comes from the
 * option table; the other sections are fixed text here. CMake runs the
 * built binary to produce dmacheck.1 (nothing generated is committed).
 * Deterministic: no date in .TH.
 */
#include "man.h"

#include <string.h>

#include "dmacheck.h"
#include "options.h"

/* Roff-escape s: backslash, '-' (so that options stay ASCII hyphens), and a
 * leading '.' or '\'' that would start a request. */
static void roff(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

static const char head[] =
	".TH DMACHECK 1 \"\" \"dmacheck " DMACHECK_VERSION "\" \"User Commands\"\n"
	".nh\n"
	".SH NAME\n"
	"dmacheck \\- find DMA API misuse in Linux driver sources\n"
	".SH SYNOPSIS\n"
	".B dmacheck\n"
	"[\\fIoptions\\fR] \\fIPATH\\fR...\n"
	".br\n"
	".B dmacheck\n"
	"\\fB\\-p\\fR \\fIBUILD_DIR\\fR [\\fIoptions\\fR] [\\fIPATH\\fR...]\n"
	".br\n"
	".B make\n"
	"\\-C \\fIKERNEL_TREE\\fR M=\\fIDIR\\fR C=2 CHECK=\"dmacheck \\-\\-kbuild\"\n"
	".SH DESCRIPTION\n"
	".B dmacheck\n"
	"parses Linux driver C sources with tree\\-sitter (no kernel build or\n"
	"preprocessor needed), follows every streaming DMA mapping along each path\n"
	"of each function, and reports where the CPU and the device disagree about\n"
	"who owns a buffer: access while mapped, unchecked mapping errors, leaks,\n"
	"use after unmap, wrong directions, sizes or sync calls.\n"
	".PP\n"
	"A \\fIPATH\\fR is a .c file or a directory, searched recursively for .c\n"
	"files. With \\fB\\-p\\fR, the files are the .c entries of\n"
	"\\fIBUILD_DIR\\fR/compile_commands.json (as written by the kernel's\n"
	"\\fBmake compile_commands.json\\fR), restricted to the \\fIPATH\\fRs if any\n"
	"are given.\n"
	".PP\n"
	"Findings are written to standard output as\n"
	"\\fIfile\\fB:\\fIline\\fB:\\fIcol\\fB: warning: \\fImessage\\fR [\\fIrule\\-id\\fR],\n"
	"followed by \\fBnote:\\fR lines, or as JSON, SARIF 2.1.0 or a static HTML page\n"
	"(\\fB\\-\\-format\\fR). Output is sorted and identical for any \\fB\\-j\\fR.\n"
	"A summary by rule is printed on standard error (unless \\fB\\-q\\fR), and\n"
	"a progress line while checking when standard error is a terminal.\n"
	"Use \\fB\\-\\-list\\-rules\\fR and \\fB\\-\\-explain\\fR \\fIRULE\\fR for the rules.\n"
	".SH OPTIONS\n";

static const char tail[] =
	".SH EXIT STATUS\n"
	".TP\n.B 0\nno findings\n"
	".TP\n.B 1\nfindings were reported\n"
	".TP\n.B 2\nusage error, unreadable or malformed input, or an internal error\n"
	".PP\n"
	"With \\fB\\-\\-kbuild\\fR the status is 0 unless dmacheck itself fails, so\n"
	"that it never breaks a kernel build.\n"
	".SH FILES\n"
	".TP\n"
	".I ../share/dmacheck/rules\n"
	"relative to the directory of the dmacheck executable (for example\n"
	".IR /usr/local/share/dmacheck/rules ):\n"
	"the rules data (API models in \\fImodels/*.rules\\fR, kernel annotations,\n"
	"the rule table in \\fIchecks/*.rules\\fR and one document per rule in\n"
	"\\fIdocs/\\fRrule\\-id\\fI.md\\fR, which \\fB\\-\\-explain\\fR prints).\n"
	"\\fB\\-\\-rules\\-dir\\fR overrides it.\n"
	".TP\n"
	".I compile_commands.json\n"
	"read from the directory given to \\fB\\-p\\fR.\n"
	".SH SEE ALSO\n"
	".BR sparse (1),\n"
	".BR smatch (1),\n"
	".BR spatch (1),\n"
	"the kernel's \\fIDocumentation/core\\-api/dma\\-api.rst\\fR and\n"
	"\\fIDocumentation/core\\-api/dma\\-api\\-howto.rst\\fR,\n"
	"and \\fI/usr/local/share/doc/dmacheck/README.md\\fR (or the doc directory of\n"
	"the installation prefix).\n";

int cli_man(FILE *out)
{
	size_t i, n;
	const struct cli_option *t = cli_option_table(&n);

	fputs(head, out);
	for (i = 0; i < n; i++) {
		fputs(".TP\n", out);
		if (t[i].short_name) {
			fprintf(out, "\\fB\\-%c\\fR", t[i].short_name);
			if (t[i].arg) {
				fputs(" \\fI", out);
				roff(out, t[i].arg);
				fputs("\\fR", out);
			}
			fputs(", ", out);
		}
		fputs("\\fB\\-\\-", out);
		roff(out, t[i].long_name);
		fputs("\\fR", out);
		if (t[i].arg) {
			fputs("=\\fI", out);
			roff(out, t[i].arg);
			fputs("\\fR", out);
		}
		fputc('\n', out);
		/* the help line, as a sentence */
		if (t[i].help[0] >= 'a' && t[i].help[0] <= 'z') {
			fputc(t[i].help[0] - 'a' + 'A', out);
			roff(out, t[i].help + 1);
		} else {
			roff(out, t[i].help);
		}
		fputs(".\n", out);
	}
	fputs(tail, out);
	return ferror(out) ? -1 : 0;
}
