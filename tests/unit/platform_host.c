/* firmware/platform.h implemented on Linux for host unit tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/image.h"
#include "platform_host.h"

static char *console;
static size_t console_len;

const char *platform_name(void) { return "host"; }
const char *platform_arch(void) { return "x86_64"; }

void platform_console_write(const char *text, size_t len)
{
	console = realloc(console, console_len + len + 1);
	memcpy(console + console_len, text, len);
	console_len += len;
	console[console_len] = '\0';
}

const char *host_console_text(void)
{
	return console ? console : "";
}

void host_console_reset(void)
{
	free(console);
	console = NULL;
	console_len = 0;
}

/* Keys tests type: a queue read by platform_console_read_key. */
static int keys[256];
static int keys_head, keys_tail;

void host_keys_push(int key)
{
	if (keys_tail < (int)(sizeof(keys) / sizeof(keys[0])))
		keys[keys_tail++] = key;
}

void host_keys_type(const char *text)
{
	for (; *text; text++)
		host_keys_push((unsigned char)*text);
}

void host_keys_reset(void)
{
	keys_head = keys_tail = 0;
}

/* A test that waits for a key it never typed would hang: after a million
 * empty reads in a row, the user "presses" Ctrl-C. */
#define HOST_KEY_PATIENCE 1000000

int platform_console_read_key(void)
{
	static long empty_reads;
	if (keys_head == keys_tail) {
		if (++empty_reads < HOST_KEY_PATIENCE)
			return -1;
		empty_reads = 0;
		return 3;
	}
	empty_reads = 0;
	return keys[keys_head++];
}

void *platform_alloc(size_t size) { return malloc(size); }
void platform_free(void *ptr) { free(ptr); }

static uint64_t now_ms;
uint64_t platform_now_ms(void) { return now_ms; }
void host_time_set_ms(uint64_t ms) { now_ms = ms; }
/* Short delays add up, so a driver polling every 10 us sees time pass. */
static uint64_t delay_us_left;
void platform_delay_us(uint32_t us)
{
	delay_us_left += us;
	now_ms += delay_us_left / 1000;
	delay_us_left %= 1000;
}

/* The host's kernel is the random hardware here; the cycle counter is a
 * counter. */
size_t platform_entropy(void *buf, size_t len, const char **source)
{
	FILE *f = fopen("/dev/urandom", "rb");
	size_t n = f ? fread(buf, 1, len, f) : 0;
	if (f)
		fclose(f);
	*source = n ? "/dev/urandom" : "none";
	return n;
}

uint64_t platform_cycles(void)
{
	static uint64_t cycles;
	return cycles += 7;
}

static uint64_t unix_time;
uint64_t platform_unix_time(void) { return unix_time; }
void host_unix_time_set(uint64_t seconds) { unix_time = seconds; }

static struct host_pci_function pci[64];
static int pci_count;

void host_pci_set(const struct host_pci_function *functions, int count)
{
	memcpy(pci, functions, sizeof(*functions) * (size_t)count);
	pci_count = count;
}

struct host_pci_function host_pci_device(uint8_t bus, uint8_t dev, uint8_t fn, uint16_t vendor,
					 uint16_t device, uint8_t class_code, uint8_t subclass,
					 uint8_t revision)
{
	struct host_pci_function f = { { 0, bus, dev, fn }, { 0 }, { 0 } };
	f.config[0] = vendor & 0xff;
	f.config[1] = vendor >> 8;
	f.config[2] = device & 0xff;
	f.config[3] = device >> 8;
	f.config[8] = revision;
	f.config[10] = subclass;
	f.config[11] = class_code;
	return f;
}

void platform_pci_enumerate(pci_visit_fn *visit, void *ctx)
{
	for (int i = 0; i < pci_count; i++)
		visit(&pci[i].loc, ctx);
}

struct host_pci_function *host_pci_find(const struct pci_location *loc)
{
	for (int i = 0; i < pci_count; i++) {
		const struct pci_location *l = &pci[i].loc;
		if (l->segment == loc->segment && l->bus == loc->bus && l->dev == loc->dev &&
		    l->fn == loc->fn)
			return &pci[i];
	}
	return NULL;
}

bool platform_pci_config_read(const struct pci_location *loc, unsigned offset, unsigned width,
			      uint32_t *value)
{
	struct host_pci_function *f = host_pci_find(loc);
	if (!f || offset + width > sizeof(f->config))
		return false;
	*value = 0;
	memcpy(value, f->config + offset, width);
	return true;
}

bool platform_pci_config_write(const struct pci_location *loc, unsigned offset, unsigned width,
			       uint32_t value)
{
	struct host_pci_function *f = host_pci_find(loc);
	if (!f || offset + width > sizeof(f->config))
		return false;
	if (width == 4 && offset >= 0x10 && offset < 0x28 && value == 0xffffffff) {
		/* BAR sizing: the address bits read back as zeros, the type bits stay. */
		uint32_t size = f->bar_size[(offset - 0x10) / 4];
		uint32_t type = 0;
		memcpy(&type, f->config + offset, 4);
		value = size ? (~(size - 1) & ~0xfu) | (type & 0xf) : 0;
		if (size && (type & 1))
			value = (~(size - 1) & ~0x3u) | 1;
	}
	memcpy(f->config + offset, &value, width);
	return true;
}

static struct netpath_info netpaths[64];
static int netpath_count;

void host_netpaths_set(const struct netpath_info *paths, int count)
{
	if (count)
		memcpy(netpaths, paths, sizeof(*paths) * (size_t)count);
	netpath_count = count;
}

int platform_netpaths(struct netpath_info *paths, int max)
{
	for (int i = 0; i < netpath_count && i < max; i++)
		paths[i] = netpaths[i];
	return netpath_count;
}

static const void *smbios_table;
static size_t smbios_len;
static unsigned smbios_version;

void host_smbios_set(const void *table, size_t len, unsigned version)
{
	smbios_table = table;
	smbios_len = len;
	smbios_version = version;
}

bool platform_smbios(const void **table, size_t *len, unsigned *version)
{
	if (!smbios_table)
		return false;
	*table = smbios_table;
	*len = smbios_len;
	*version = smbios_version;
	return true;
}

/* Host tests are never started from a disk. */
char *platform_boot_volume_script(size_t *len, char *where, size_t where_size)
{
	(void)len, (void)where, (void)where_size;
	return NULL;
}

void platform_reboot(void) {}
void platform_poweroff(void) {}

void platform_halt(void)
{
	fprintf(stderr, "platform_halt called\n%s\n", host_console_text());
	abort();
}

/* Executable images: an image is a program here when it starts with
 * "HOSTEXEC". Running one appends "name[cmdline]" to a log a test reads
 * (declared in the tests that use it) and returns what the test set. */
static char exec_log[4096];
static int exec_result;

const char *host_exec_log(void);
void host_exec_reset(int result);
const char *host_exec_log(void) { return exec_log; }
void host_exec_reset(int result) { exec_log[0] = '\0'; exec_result = result; }

bool platform_image_probe(const struct image *img)
{
	return img->len >= 8 && memcmp(img->data, "HOSTEXEC", 8) == 0;
}

/* As on EFI, so the expected outputs read as a user of the EFI build sees. */
const char *platform_image_kinds(void)
{
	return "an EFI program or a Linux kernel";
}

int platform_image_exec(struct image *img)
{
	size_t used = strlen(exec_log);
	snprintf(exec_log + used, sizeof(exec_log) - used, "%s[%s]\n", img->name,
		 img->cmdline ? img->cmdline : "");
	return exec_result;
}

/* SAN disks: the host keeps count of what is attached and cannot boot. */
#include "../../firmware/san.h"
static int san_attached;
int host_san_attached_count(void);
int host_san_attached_count(void) { return san_attached; }

int platform_san_attach(struct san_disk *disk, bool describe)
{
	(void)disk, (void)describe;
	san_attached++;
	return 0;
}

int platform_san_boot(struct san_disk *disk, const char *filename)
{
	(void)filename;
	snprintf(disk->error, sizeof(disk->error), "the host platform cannot boot");
	return -1;
}

void platform_san_detach(struct san_disk *disk)
{
	(void)disk;
	san_attached--;
}
