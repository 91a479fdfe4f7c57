/* path.c - interned access paths (equal paths are equal pointers). */
#include "ir.h"

#include <string.h>

/*
 * key: the identity (a parameter and a local of the same name in two
 * functions are different variables, so parameters' keys carry a mark);
 * text: what dumps and messages show.
 */
static const struct ir_path *intern(struct ir_unit *u, const char *key, size_t kn, const char *text,
				    size_t n, const struct ir_path *proto)
{
	const char *ikey = strtab_intern(u->strs, key, kn);
	/* the value slot of the interned key holds the path, if any */
	void **slot = strtab_slot(u->strs, ikey);
	if (*slot)
		return *slot;
	/* interning the text may grow the table: take the slot again afterwards */
	const char *itext = kn == n && !memcmp(key, text, n) ? ikey : strtab_intern(u->strs, text, n);
	slot = strtab_slot(u->strs, ikey);
	struct ir_path *p = arena_alloc(u->arena, sizeof(*p));
	*p = *proto;
	p->key = ikey;
	p->text = itext;
	*slot = p;
	return p;
}

const struct ir_path *ir_path_var(struct ir_unit *u, const char *name, int is_local, int is_param)
{
	/* locals and globals of the same name are different objects: prefix locals */
	char buf[256];
	size_t n = strlen(name);
	if (n > 200)
		n = 200;
	int len = snprintf(buf, sizeof(buf), "%s%.*s", is_local ? "" : "::", (int)n, name);
	char kbuf[260];
	int klen = snprintf(kbuf, sizeof(kbuf), "%s%s", is_param ? "\x01" : "", buf);
	struct ir_path proto = { .kind = PATH_VAR, .is_local = !!is_local, .is_param = !!is_param };
	proto.name = strtab_intern(u->strs, name, n);
	const struct ir_path *p = intern(u, kbuf, (size_t)klen, buf, (size_t)len, &proto);
	if (!p->root)
		((struct ir_path *)p)->root = p;
	return p;
}

const struct ir_path *ir_path_step(struct ir_unit *u, const struct ir_path *parent, enum path_kind k, const char *name)
{
	if (!parent)
		return NULL;
	if (parent->depth >= 12)
		return NULL;  /* absurdly long chains are not tracked */
	char buf[1024], kbuf[1024];
	int len, klen;
	switch (k) {
	case PATH_ARROW:
		len = snprintf(buf, sizeof(buf), "%s->%s", parent->text, name);
		klen = snprintf(kbuf, sizeof(kbuf), "%s->%s", parent->key, name);
		break;
	case PATH_DOT:
		len = snprintf(buf, sizeof(buf), "%s.%s", parent->text, name);
		klen = snprintf(kbuf, sizeof(kbuf), "%s.%s", parent->key, name);
		break;
	case PATH_INDEX:
		len = snprintf(buf, sizeof(buf), "%s[%s]", parent->text, name);
		klen = snprintf(kbuf, sizeof(kbuf), "%s[%s]", parent->key, name);
		break;
	case PATH_DEREF:
		len = snprintf(buf, sizeof(buf), "*(%s)", parent->text);
		klen = snprintf(kbuf, sizeof(kbuf), "*(%s)", parent->key);
		break;
	default: return NULL;
	}
	if (len < 0 || (size_t)len >= sizeof(buf) || klen < 0 || (size_t)klen >= sizeof(kbuf))
		return NULL;
	struct ir_path proto = {
		.kind = k, .parent = parent, .root = parent->root,
		.is_local = parent->is_local, .is_param = parent->is_param,
		.depth = (uint8_t)(parent->depth + 1),
	};
	proto.name = name ? strtab_intern(u->strs, name, strlen(name)) : NULL;
	return intern(u, kbuf, (size_t)klen, buf, (size_t)len, &proto);
}

int ir_path_has_prefix(const struct ir_path *p, const struct ir_path *q)
{
	for (; p; p = p->parent)
		if (p == q)
			return 1;
	return 0;
}

int ir_path_derefs(const struct ir_path *p)
{
	for (; p && p->kind != PATH_VAR; p = p->parent)
		if (p->kind == PATH_ARROW || p->kind == PATH_INDEX || p->kind == PATH_DEREF)
			return 1;
	return 0;
}
