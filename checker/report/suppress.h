/*
 * suppress.h - inline suppressions:
 *
 *	x = dma_map_single(...);   // dmacheck: ignore dma-map-error-unchecked -- checked by caller
 *	(block comment) dmacheck: ignore dma-map-leak,dma-sync-protocol -- reason
 *
 * A suppression comment suppresses the findings of the rules it names on
 * the comment's own line(s) and on the line after it. The comment must start
 * with "dmacheck:" (after blanks and, for block comments, leading '*'s);
 * "-- reason" is optional. Suppressions that match no finding, or that name
 * no known rule, are themselves reported as rule SUPPRESS_META_RULE.
 */
#ifndef DMC_SUPPRESS_H
#define DMC_SUPPRESS_H

#include <stddef.h>

#include "../dmacheck.h"

#define SUPPRESS_META_RULE "dmacheck-unused-suppression"

/**
 * Apply the suppression comments of text[0..len) (the original source of
 * path) to the findings out->findings[first..] (those of this unit):
 * suppressed findings are removed; unused suppressions and suppressions of
 * unknown rules are added as findings of SUPPRESS_META_RULE when that rule is
 * enabled in s. Suppressions naming a rule that is known but disabled are
 * not reported as unused. Returns the number of findings suppressed.
 */
size_t suppress_apply(const struct dmc_session *s, const char *path,
		      const char *text, size_t len,
		      struct dmc_result *out, size_t first);

#endif
