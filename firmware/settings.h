/* Settings: the named values scripts read as ${name}, in scopes as iPXE
 * has them.
 *
 * Names, as scripts write them: "[scope/]name[:type]".
 *   scope  "" (user variables, set with `set`), "net0" (a network device,
 *          searched with its children), "net0.dhcp" (that device's DHCP
 *          answer), "proxydhcp", or "netX" (the current device, see
 *          settings_set_current_netdev).
 *   name   a DHCP option number ("67") or a name ("filename", "ip", "mac",
 *          a user variable). Known names map to their option number, so
 *          ${filename} and ${67} are the same setting.
 *   type   string, uristring, ipv4, int8/16/32, uint8/16/32, hex, hexhyp,
 *          hexraw, uuid, base64, busdevfn: how the value is printed (and
 *          parsed by `set`); without one, the setting's own type.
 * Without a scope, user variables are searched first, then proxyDHCP,
 * then every device in the order they were stored; then the built-ins
 * (platform, buildarch, version, memsize, manufacturer, product, serial,
 * uuid, asset, user-class).
 *
 * How the network code stores a DHCP result (see settings_dhcp.h for the
 * one-call version):
 *   settings_clear_scope("net0.dhcp");
 *   settings_store("net0.dhcp", 67, "boot.ipxe", 9);         raw option bytes
 *   settings_store_named("net0.dhcp", "ip", &ip_be, 4);       yiaddr
 *   settings_store_named("net0.dhcp", "next-server", &siaddr_be, 4);
 *   settings_store_named("net0", "mac", mac, 6);
 */
#ifndef SETTINGS_H
#define SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SETTINGS_MAX_VALUE 4096 /* raw bytes in one setting */

struct setting_type {
	const char *name;
	/* Writes data's text form into buf (cut to size, NUL-terminated when
	 * size > 0); returns the full length, or -1 when data is not of this
	 * type (an ipv4 of 3 bytes). */
	int (*format)(const uint8_t *data, size_t len, char *buf, size_t size);
	/* Parses text into buf; returns the byte count, or -1 when text is not
	 * of this type or needs more than size bytes. */
	int (*parse)(const char *text, uint8_t *buf, size_t size);
};

extern const struct setting_type settings_type_string, settings_type_uristring,
	settings_type_ipv4, settings_type_int8, settings_type_int16, settings_type_int32,
	settings_type_uint8, settings_type_uint16, settings_type_uint32, settings_type_hex,
	settings_type_hexhyp, settings_type_hexraw, settings_type_uuid, settings_type_base64,
	settings_type_busdevfn;

/* The type called name, or NULL. */
const struct setting_type *settings_type_find(const char *name);

/* Errors (negative). */
enum {
	SETTINGS_ERR_NAME = -1,     /* the name cannot be parsed */
	SETTINGS_ERR_TYPE = -2,     /* unknown type after ':' */
	SETTINGS_ERR_VALUE = -3,    /* the text is not a value of the type */
	SETTINGS_ERR_NOMEM = -4,
	SETTINGS_ERR_NOT_FOUND = -5,
	SETTINGS_ERR_TOO_BIG = -6,
};
const char *settings_strerror(int err);

/* --- For the network code --- */

/* Stores DHCP option tag (1..254) as received, replacing an older value in
 * the same scope. 0 or a negative error. */
int settings_store(const char *scope, unsigned tag, const void *data, size_t len);
/* Stores a value by name ("ip", "next-server", "mac", ...); the type is
 * the known name's (ip: ipv4, mac: hex), else string. len 0 deletes. */
int settings_store_named(const char *scope, const char *name, const void *data, size_t len);
/* Forgets scope and its children ("net0" also forgets "net0.dhcp"). */
void settings_clear_scope(const char *scope);
/* The device "netX" means (iPXE: the last one opened); "net0" at first. */
void settings_set_current_netdev(const char *name);

/* --- For commands and ${} --- */

/* The value of the setting spec names, as text, like snprintf: returns
 * the full length (buf may be NULL when size is 0), or a negative error
 * (SETTINGS_ERR_NOT_FOUND when it has no value). */
int settings_format(const char *spec, char *buf, size_t size);
/* The raw bytes (at most size); returns their count or a negative error. */
int settings_fetch_raw(const char *spec, uint8_t *buf, size_t size);
/* "net0.dhcp/ip:ipv4 = 10.0.0.5", for `show`; length or a negative error. */
int settings_describe(const char *spec, char *buf, size_t size);
/* `set`: parses text by the name's type and stores it (in the user
 * variables when no scope is given); empty text deletes. */
int settings_set(const char *spec, const char *text);
/* Stores raw bytes with an explicit type (prompt --set, menus). */
int settings_set_raw(const char *spec, const void *data, size_t len);
/* `clear`: deletes the setting where it is stored. */
int settings_delete(const char *spec);
/* Calls visit for every stored setting with its description. */
void settings_each(void (*visit)(const char *description, void *ctx), void *ctx);

/* Forgets everything (tests). */
void settings_reset(void);

#endif
