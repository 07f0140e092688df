/* Stored settings: names, scopes and the search order (see settings.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "settings.h"
#include "settings_builtin.h"

#define MAX_ENTRIES 1024 /* a runaway script stops here, not at the memory's end */
#define SCOPE_LEN 32
#define NAME_LEN 64

/* Names iPXE knows, with their DHCP option (0: none) and type. */
struct known_setting {
	const char *name;
	unsigned tag;
	const struct setting_type *type;
};

static const struct known_setting known[] = {
	{ "ip", 0, &settings_type_ipv4 },
	{ "netmask", 1, &settings_type_ipv4 },
	{ "gateway", 3, &settings_type_ipv4 },
	{ "dns", 6, &settings_type_ipv4 },
	{ "log-server", 7, &settings_type_ipv4 },
	{ "hostname", 12, &settings_type_string },
	{ "domain", 15, &settings_type_string },
	{ "root-path", 17, &settings_type_string },
	{ "ntp", 42, &settings_type_ipv4 },
	{ "dhcp-server", 54, &settings_type_ipv4 },
	{ "vendor-class", 60, &settings_type_string },
	{ "filename", 67, &settings_type_string },
	{ "user-class", 77, &settings_type_string },
	{ "initiator-iqn", 203, &settings_type_string },
	{ "next-server", 0, &settings_type_ipv4 },
	{ "mac", 0, &settings_type_hex },
	{ "busid", 0, &settings_type_hex },
	{ "uuid", 0, &settings_type_uuid },
	{ "memsize", 0, &settings_type_int32 },
	{ "unixtime", 0, &settings_type_uint32 },
};

struct entry {
	struct entry *next;
	char scope[SCOPE_LEN];
	char key[NAME_LEN]; /* the DHCP option number in decimal, or the name */
	const struct setting_type *type; /* as given to `set`, or NULL */
	size_t len;
	uint8_t data[];
};

/* A parsed "[scope/]name[:type]". */
struct spec {
	bool has_scope;
	char scope[SCOPE_LEN];
	char key[NAME_LEN];
	const char *display; /* the name to show */
	const struct known_setting *known;
	const struct setting_type *type; /* given after ':', or NULL */
};

static struct entry *entries;
static int entry_count;
static char current_netdev[SCOPE_LEN] = "net0";

const char *settings_strerror(int err)
{
	switch (err) {
	case SETTINGS_ERR_NAME: return "not a setting name";
	case SETTINGS_ERR_TYPE: return "unknown setting type";
	case SETTINGS_ERR_VALUE: return "not a value of the setting's type";
	case SETTINGS_ERR_NOMEM: return "out of memory";
	case SETTINGS_ERR_NOT_FOUND: return "no such setting";
	case SETTINGS_ERR_TOO_BIG: return "too large, or too many settings";
	default: return "error";
	}
}

void settings_set_current_netdev(const char *name)
{
	snprintf(current_netdev, sizeof(current_netdev), "%s", name);
}

static const struct known_setting *known_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].name, name) == 0)
			return &known[i];
	return NULL;
}

static const struct known_setting *known_by_tag(unsigned tag)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].tag == tag)
			return &known[i];
	return NULL;
}

static bool valid_chars(const char *s, const char *extra)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr(extra, *s))
			return false;
	return true;
}

static int parse_spec(const char *text, struct spec *s)
{
	char buf[SCOPE_LEN + NAME_LEN + 16];
	char *name = buf, *colon, *slash;

	memset(s, 0, sizeof(*s));
	if (strlen(text) >= sizeof(buf))
		return SETTINGS_ERR_NAME;
	strcpy(buf, text);
	colon = strrchr(buf, ':');
	if (colon) {
		*colon = '\0';
		s->type = settings_type_find(colon + 1);
		if (!s->type)
			return SETTINGS_ERR_TYPE;
	}
	slash = strrchr(buf, '/');
	if (slash) {
		*slash = '\0';
		name = slash + 1;
		if (strcmp(buf, "netX") == 0)
			strcpy(s->scope, current_netdev);
		else if (strlen(buf) < SCOPE_LEN && valid_chars(buf, ".-_"))
			strcpy(s->scope, buf);
		else
			return SETTINGS_ERR_NAME;
		s->has_scope = true;
	}
	if (!*name || strlen(name) >= NAME_LEN || !valid_chars(name, ".-_"))
		return SETTINGS_ERR_NAME;
	if (isdigit((unsigned char)name[0])) {
		char *end;
		unsigned long tag = strtoul(name, &end, 10);
		if (*end || tag == 0 || tag > 254)
			return SETTINGS_ERR_NAME;
		s->known = known_by_tag((unsigned)tag);
		snprintf(s->key, sizeof(s->key), "%lu", tag);
	} else {
		s->known = known_by_name(name);
		if (s->known && s->known->tag)
			snprintf(s->key, sizeof(s->key), "%u", s->known->tag);
		else
			strcpy(s->key, name);
	}
	s->display = s->known ? s->known->name : s->key;
	return 0;
}

/* scope is where or inside it ("net0.dhcp" is inside "net0"). */
static bool scope_within(const char *scope, const char *where)
{
	size_t n = strlen(where);
	return strncmp(scope, where, n) == 0 && (scope[n] == '\0' || scope[n] == '.');
}

static struct entry *find_in(const char *key, const char *where, bool exact)
{
	for (struct entry *e = entries; e; e = e->next)
		if (strcmp(e->key, key) == 0 &&
		    (exact ? strcmp(e->scope, where) == 0 : scope_within(e->scope, where)))
			return e;
	return NULL;
}

/* Search order without a scope: user variables, proxyDHCP, then devices. */
static struct entry *find(const struct spec *s)
{
	struct entry *e;
	/* A scope's own value first, then its children's (iPXE: "net0/ip"
	 * set by hand wins over net0.dhcp's). */
	if (s->has_scope) {
		e = find_in(s->key, s->scope, true);
		return e ? e : find_in(s->key, s->scope, false);
	}
	e = find_in(s->key, "", true);
	if (!e)
		e = find_in(s->key, "proxydhcp", false);
	for (struct entry *x = entries; !e && x; x = x->next)
		if (strcmp(x->key, s->key) == 0)
			e = x;
	return e;
}

static void unlink_entry(struct entry *victim)
{
	for (struct entry **pp = &entries; *pp; pp = &(*pp)->next) {
		if (*pp == victim) {
			*pp = victim->next;
			free(victim);
			entry_count--;
			return;
		}
	}
}

/* Replaces (or with len 0 deletes) key in exactly scope. */
static int store(const char *scope, const char *key, const struct setting_type *type,
		 const void *data, size_t len)
{
	struct entry *old = find_in(key, scope, true), *e, **tail;
	if (len > SETTINGS_MAX_VALUE)
		return SETTINGS_ERR_TOO_BIG;
	if (len == 0) {
		if (old)
			unlink_entry(old);
		return 0;
	}
	if (!old && entry_count >= MAX_ENTRIES)
		return SETTINGS_ERR_TOO_BIG;
	e = malloc(sizeof(*e) + len);
	if (!e)
		return SETTINGS_ERR_NOMEM;
	snprintf(e->scope, sizeof(e->scope), "%s", scope);
	snprintf(e->key, sizeof(e->key), "%s", key);
	e->type = type;
	e->len = len;
	memcpy(e->data, data, len);
	if (old) {
		/* Keep its place in the search order. */
		e->next = old->next;
		for (tail = &entries; *tail != old; tail = &(*tail)->next)
			;
		*tail = e;
		free(old);
		return 0;
	}
	e->next = NULL;
	for (tail = &entries; *tail; tail = &(*tail)->next)
		;
	*tail = e;
	entry_count++;
	return 0;
}

static bool valid_scope(const char *scope)
{
	return strlen(scope) < SCOPE_LEN && valid_chars(scope, ".-_");
}

int settings_store(const char *scope, unsigned tag, const void *data, size_t len)
{
	char key[12];
	if (!valid_scope(scope) || tag == 0 || tag > 254)
		return SETTINGS_ERR_NAME;
	snprintf(key, sizeof(key), "%u", tag);
	return store(scope, key, NULL, data, len);
}

int settings_store_named(const char *scope, const char *name, const void *data, size_t len)
{
	struct spec s;
	int rc;
	if (!valid_scope(scope))
		return SETTINGS_ERR_NAME;
	if ((rc = parse_spec(name, &s)) < 0)
		return rc;
	return store(scope, s.key, s.type, data, len);
}

void settings_clear_scope(const char *scope)
{
	struct entry **pp = &entries;
	while (*pp) {
		struct entry *e = *pp;
		if (scope_within(e->scope, scope)) {
			*pp = e->next;
			free(e);
			entry_count--;
		} else {
			pp = &e->next;
		}
	}
}

void settings_reset(void)
{
	while (entries)
		unlink_entry(entries);
	strcpy(current_netdev, "net0");
	settings_builtin_forget();
}

/* The value spec names: stored, else built in. Returns its length, with
 * the data in *data (into buf for built-ins) and where it came from. */
static int lookup(const struct spec *s, uint8_t *buf, size_t size, const uint8_t **data,
		  const struct setting_type **type, const char **origin)
{
	struct entry *e = find(s);
	const struct setting_type *builtin_type = NULL;
	int len;
	if (e) {
		*data = e->data;
		*origin = e->scope;
		len = (int)e->len;
		builtin_type = e->type;
	} else {
		if (s->has_scope)
			return SETTINGS_ERR_NOT_FOUND;
		len = settings_builtin_fetch(s->key, buf, size, &builtin_type);
		if (len < 0)
			return SETTINGS_ERR_NOT_FOUND;
		*data = buf;
		*origin = "";
	}
	/* A type asked for wins, then the name's own, then the stored one. */
	*type = s->type ? s->type
		: s->known ? s->known->type
		: builtin_type ? builtin_type
		: &settings_type_string;
	return len;
}

/* A setting's value for reading it out: parses spec and looks it up, with a
 * scratch buffer (*scratch, heap; the caller frees it) for values that are
 * built rather than stored. The value's length or a negative error. */
static int find_value(const char *spec, struct spec *s, uint8_t **scratch, const uint8_t **data,
		      const struct setting_type **type, const char **origin)
{
	int rc = parse_spec(spec, s);
	*scratch = malloc(SETTINGS_MAX_VALUE);
	if (!*scratch)
		return SETTINGS_ERR_NOMEM;
	if (rc == 0)
		rc = lookup(s, *scratch, SETTINGS_MAX_VALUE, data, type, origin);
	return rc;
}

int settings_format(const char *spec, char *buf, size_t size)
{
	struct spec s;
	const struct setting_type *type;
	const uint8_t *data;
	const char *origin;
	uint8_t *scratch;
	int rc = find_value(spec, &s, &scratch, &data, &type, &origin);
	if (rc >= 0) {
		rc = type->format(data, (size_t)rc, buf, size);
		if (rc < 0)
			rc = SETTINGS_ERR_VALUE;
	}
	free(scratch);
	return rc;
}

int settings_fetch_raw(const char *spec, uint8_t *buf, size_t size)
{
	struct spec s;
	const struct setting_type *type;
	const uint8_t *data;
	const char *origin;
	int rc = parse_spec(spec, &s);
	if (rc == 0)
		rc = lookup(&s, buf, size, &data, &type, &origin);
	if (rc > 0 && data != buf) {
		if ((size_t)rc > size)
			return SETTINGS_ERR_TOO_BIG;
		memcpy(buf, data, (size_t)rc);
	}
	return rc;
}

static int describe(const struct spec *s, const char *origin, const struct setting_type *type,
		    const uint8_t *data, size_t len, char *buf, size_t size)
{
	int head = snprintf(buf, size, "%s%s%s:%s = ", origin, *origin ? "/" : "", s->display,
			    type->name);
	size_t used = (size_t)head;
	int value = type->format(data, len, used < size ? buf + used : NULL,
				 used < size ? size - used : 0);
	if (value < 0)
		value = snprintf(used < size ? buf + used : NULL, used < size ? size - used : 0,
				 "(not a valid %s)", type->name);
	return head + value;
}

int settings_describe(const char *spec, char *buf, size_t size)
{
	struct spec s;
	const struct setting_type *type;
	const uint8_t *data;
	const char *origin;
	uint8_t *scratch;
	int rc = find_value(spec, &s, &scratch, &data, &type, &origin);
	if (rc >= 0)
		rc = describe(&s, origin, type, data, (size_t)rc, buf, size);
	free(scratch);
	return rc;
}

int settings_set(const char *spec, const char *text)
{
	struct spec s;
	const struct setting_type *type;
	uint8_t *value;
	int rc = parse_spec(spec, &s), len;
	if (rc < 0)
		return rc;
	if (!*text)
		return store(s.scope, s.key, NULL, NULL, 0);
	type = s.type ? s.type : s.known ? s.known->type : &settings_type_string;
	value = malloc(SETTINGS_MAX_VALUE);
	if (!value)
		return SETTINGS_ERR_NOMEM;
	len = type->parse(text, value, SETTINGS_MAX_VALUE);
	if (len < 0)
		rc = strlen(text) > SETTINGS_MAX_VALUE ? SETTINGS_ERR_TOO_BIG : SETTINGS_ERR_VALUE;
	else if (len == 0)
		rc = store(s.scope, s.key, NULL, NULL, 0);
	else
		rc = store(s.scope, s.key, s.type, value, (size_t)len);
	free(value);
	return rc;
}

int settings_set_raw(const char *spec, const void *data, size_t len)
{
	struct spec s;
	int rc = parse_spec(spec, &s);
	if (rc < 0)
		return rc;
	return store(s.scope, s.key, s.type, data, len);
}

int settings_delete(const char *spec)
{
	struct spec s;
	struct entry *e;
	int rc = parse_spec(spec, &s);
	if (rc < 0)
		return rc;
	e = find(&s);
	if (e)
		unlink_entry(e);
	return 0;
}

void settings_each(void (*visit)(const char *description, void *ctx), void *ctx)
{
	char text[256];
	for (struct entry *e = entries; e; e = e->next) {
		struct spec s;
		const struct setting_type *type;
		if (parse_spec(e->key, &s) < 0)
			continue;
		type = s.known ? s.known->type : e->type ? e->type : &settings_type_string;
		describe(&s, e->scope, type, e->data, e->len, text, sizeof(text));
		visit(text, ctx);
	}
}
