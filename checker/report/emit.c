/*
 * emit.c - format names and dispatch to the emitters.
 */
#include "emit.h"

#include <string.h>

static const char *const format_names[] = {
	[EMIT_TEXT] = "text",
	[EMIT_JSON] = "json",
	[EMIT_SARIF] = "sarif",
	[EMIT_HTML] = "html",
};

int emit_format_parse(const char *name, enum emit_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (!strcmp(name, format_names[i])) {
			*out = (enum emit_format)i;
			return 0;
		}
	}
	return -1;
}

const char *emit_format_name(enum emit_format f)
{
	return format_names[f];
}

int emit_result(FILE *out, enum emit_format f, const struct dmc_session *s,
		const struct dmc_result *r, const struct emit_opts *o)
{
	switch (f) {
	case EMIT_JSON:
		return emit_json(out, s, r, o);
	case EMIT_SARIF:
		return emit_sarif(out, s, r, o);
	case EMIT_HTML:
		return emit_html(out, s, r, o);
	case EMIT_TEXT:
		break;
	}
	return emit_text(out, s, r, o);
}
