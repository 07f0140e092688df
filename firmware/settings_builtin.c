/* Built-in settings (see settings_builtin.h). */
#include <stdio.h>
#include <string.h>
#include "platform.h"
#include "settings_builtin.h"
#include "settings_smbios.h"
#include "version.h"

static struct smbios_identity id;
static bool read;

void settings_builtin_forget(void)
{
	read = false;
}

static const struct smbios_identity *identity(void)
{
	if (!read) {
		const void *table;
		size_t len;
		unsigned version;
		read = true;
		if (platform_smbios(&table, &len, &version))
			settings_smbios_parse(table, len, version, &id);
	}
	return &id;
}

static int text(const char *value, uint8_t *buf, size_t size, const struct setting_type **type)
{
	size_t n = strlen(value);
	if (!n || n > size)
		return -1;
	memcpy(buf, value, n);
	*type = &settings_type_string;
	return (int)n;
}

static const char *const names[] = {
	"platform", "buildarch", "version", "manufacturer", "product", "serial", "asset",
	"uuid", "memsize", "user-class", "unixtime",
};

/* v as a 4-byte big-endian value, the way settings store integers. */
static int uint32_value(uint32_t v, uint8_t *buf, size_t size, const struct setting_type **type,
			const struct setting_type *as)
{
	if (size < 4)
		return -1;
	buf[0] = (uint8_t)(v >> 24);
	buf[1] = (uint8_t)(v >> 16);
	buf[2] = (uint8_t)(v >> 8);
	buf[3] = (uint8_t)v;
	*type = as;
	return 4;
}

int settings_builtin_fetch(const char *name, uint8_t *buf, size_t size,
			   const struct setting_type **type)
{
	const struct smbios_identity *id;
	if (strcmp(name, "platform") == 0)
		return text(platform_name(), buf, size, type);
	if (strcmp(name, "buildarch") == 0)
		return text(platform_arch(), buf, size, type);
	if (strcmp(name, "version") == 0)
		return text(BOOTNET_VERSION, buf, size, type);
	/* What bootnet sends in DHCP option 77, as iPXE does. */
	if (strcmp(name, "user-class") == 0 || strcmp(name, "77") == 0)
		return text("iPXE", buf, size, type);
	/* A uint32 as in iPXE (it wraps in 2106); absent when the clock is unknown. */
	if (strcmp(name, "unixtime") == 0) {
		uint64_t now = platform_unix_time();
		return now ? uint32_value((uint32_t)now, buf, size, type, &settings_type_uint32) : -1;
	}
	id = identity();
	if (strcmp(name, "manufacturer") == 0)
		return text(id->manufacturer, buf, size, type);
	if (strcmp(name, "product") == 0)
		return text(id->product, buf, size, type);
	if (strcmp(name, "serial") == 0)
		return text(id->serial, buf, size, type);
	if (strcmp(name, "asset") == 0)
		return text(id->asset, buf, size, type);
	if (strcmp(name, "uuid") == 0 && id->has_uuid && size >= 16) {
		memcpy(buf, id->uuid, 16);
		*type = &settings_type_uuid;
		return 16;
	}
	if (strcmp(name, "memsize") == 0 && id->memsize_mb)
		return uint32_value(id->memsize_mb, buf, size, type, &settings_type_int32);
	return -1;
}

void settings_builtin_each(void (*visit)(const char *name, void *ctx), void *ctx)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		visit(names[i], ctx);
}
