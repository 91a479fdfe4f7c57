/*
 * session.h - struct dmc_session: options, the model loaded from rules/, and
 * the grammar tables. Read-only while files are checked (shared by threads).
 */
#ifndef DMC_SESSION_H
#define DMC_SESSION_H

#include "../dmacheck.h"
#include "../model/model.h"
#include "../front/cst.h"

struct dmc_session {
	struct model model;
	struct cst_lang cst;
	int parse_only;
	char *rules_dir;
	unsigned char *rule_enabled;   /* per model rule */
};

/** Is rule id enabled in this session? Unknown ids are not. */
int session_rule_enabled(const struct dmc_session *s, const char *id, const struct dmc_rule_info **info);

#endif
