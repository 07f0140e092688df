/* Runs one iPXE script through bootnet's real interpreter on the host test
 * platform and prints what the console showed.
 *
 *   runner [--raw] FILE.ipxe
 *
 * The machine is fixed so the output never changes: SMBIOS strings, the
 * clock, and net0 (52:54:00:12:34:56) with a DHCP answer already stored,
 * as if autoboot had run `dhcp`. Keys for prompt/menu/choose/read/login
 * come from "#keys:" comment lines in the script itself (see README.md).
 *
 * Downloads read tests/scripts/files/: "http://boot.test/a/b.ipxe" (and
 * any other URI) is the file files/a/b.ipxe. The top script's own URI is
 * http://boot.test/NAME, so `chain other.ipxe` finds files/other.ipxe.
 * A file starting with "HOSTEXEC" is a program: running it prints
 * "[host] ran NAME with "ARGS"". The network commands (dhcp, ifstat...)
 * are stand-ins that print what iPXE would and touch only settings.
 *
 * Output: the console text, with the ANSI sequences menus draw with played
 * on a small screen: each time the screen is cleared, what it showed is
 * printed and then "[clear]"; reverse video shows as [text]. --raw prints
 * the bytes as written instead. The last line is "[status N]", the
 * script's exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../firmware/command.h"
#include "../../firmware/console.h"
#include "../../firmware/image.h"
#include "../../firmware/image_fetch.h"
#include "../../firmware/script.h"
#include "../../firmware/settings.h"
#include "../../firmware/settings_dhcp.h"
#include "../../net/download.h"
#include "../../net/http_form.h"
#include "../unit/platform_host.h"

/* ------------------------------------------------------------ files */

static char files_dir[4096];

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long size;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		data = malloc((size_t)size + 1);
		if (data && fread(data, 1, (size_t)size, f) != (size_t)size) {
			free(data);
			data = NULL;
		}
		if (data) {
			data[size] = '\0';
			*len = (size_t)size;
		}
	}
	fclose(f);
	return data;
}

/* A URI ending in ##params posts a form (net/http.c): shows what would go. */
static void form_post(const char *uri)
{
	struct uri u;
	const char *list;
	char *body = NULL, *headers = NULL;
	if (uri_parse(uri, &u) != 0)
		return;
	if (http_form_wanted(&u, &list)) {
		if (http_form_build(list, &body, &headers)) {
			console_printf("[host] POST %s\n", body);
			/* Header lines end in CR LF: shown one a line. */
			for (char *h = headers; *h; h++)
				if (*h == '\r')
					*h = ' ';
			console_printf("%s", headers);
		}
		else
			console_printf("[host] POST: no form list \"%s\"\n", list);
	}
	free(body);
	free(headers);
	uri_free(&u);
}

/* --timeout reaches downloads through this; files here never take long,
 * so the runner shows the limit instead of applying it. */
void download_set_timeout(unsigned long ms)
{
	if (ms)
		console_printf("[download within %lu ms]\n", ms);
}

/* The download every image command ends in: a file under files/. Says
 * "URI... ok" as iPXE does. */
struct image *download(const char *uri, char *err, size_t err_size)
{
	const char *path = strstr(uri, "://");
	char file[8192];
	struct image *img;
	size_t len;
	char *data;

	form_post(uri);
	path = path ? strchr(path + 3, '/') : uri;
	if (!path)
		path = "/";
	while (*path == '/')
		path++;
	snprintf(file, sizeof(file), "%s/%.*s", files_dir, (int)strcspn(path, "#?"), path);
	data = strstr(path, "..") ? NULL : read_file(file, &len);
	if (!data) {
		snprintf(err, err_size, "%s: not found (404)", uri);
		return NULL;
	}
	img = image_new(uri);
	if (!img || image_write(img, 0, data, len) != 0) {
		free(data);
		image_free(img);
		snprintf(err, err_size, "%s: out of memory", uri);
		return NULL;
	}
	free(data);
	console_printf("%s... ok\n", uri);
	return img;
}

/* A stand-in: the real sha256_text needs mbed TLS, which the host build
 * does not have. The digest is a fake that shows the length. */
void sha256_text(const uint8_t *data, size_t len, char hex[65])
{
	unsigned sum = 0;
	for (size_t i = 0; i < len; i++)
		sum = sum * 31 + data[i];
	snprintf(hex, 65, "host-sha256-%zu-bytes-%08x", len, sum);
}

/* ------------------------------------------------------------ commands */

extern const struct command cmd_console_commands[], cmd_image_commands[],
	cmd_settings_commands[], cmd_flow_commands[], cmd_menu_commands[],
	cmd_params_commands[], cmd_power_commands[], cmd_misc_commands[];

const char *host_exec_log(void);
void host_exec_reset(int result);

/* The image commands run for real; what the host "ran" is shown after. */
static int image_command(int argc, char **argv)
{
	const char *log;
	int rc = -1;
	for (const struct command *c = cmd_image_commands; c->name; c++)
		if (strcmp(c->name, argv[0]) == 0)
			rc = c->run(argc, argv);
	log = host_exec_log();
	while (*log) {
		const char *open = strchr(log, '['), *end = strchr(log, '\n');
		if (!open || !end)
			break;
		console_printf("[host] ran %.*s with \"%.*s\"\n", (int)(open - log), log,
			       (int)(end - open - 2), open + 1);
		log = end + 1;
	}
	host_exec_reset(0);
	return rc;
}

static const uint8_t net0_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

/* Puts option tag into r. */
static void option(struct dhcp_reply *r, unsigned tag, const void *data, size_t len)
{
	r->opt_present[tag] = true;
	r->opt_offset[tag] = (uint16_t)r->opt_used;
	r->opt_len[tag] = (uint16_t)len;
	memcpy(r->opt_data + r->opt_used, data, len);
	r->opt_used += len;
}

/* The DHCP answer net0 always gets. */
static void store_dhcp(void)
{
	static const uint8_t mask[4] = { 255, 255, 255, 0 }, router[4] = { 10, 0, 2, 1 },
			     dns[8] = { 10, 0, 2, 3, 10, 0, 2, 4 }, lease[4] = { 0, 0, 0x0e, 0x10 },
			     ip[4] = { 10, 0, 2, 15 }, server[4] = { 10, 0, 2, 2 };
	struct dhcp_reply *r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->type = DHCPACK;
	memcpy(&r->yiaddr, ip, 4);
	memcpy(&r->siaddr, server, 4);
	option(r, 1, mask, 4);
	option(r, 3, router, 4);
	option(r, 6, dns, 8);
	option(r, 12, "lab-host", 8);
	option(r, 15, "boot.test", 9);
	option(r, 17, "iscsi:10.0.2.2::::iqn.2024-01.test:disk", 39);
	option(r, 51, lease, 4);
	option(r, 66, "10.0.2.2", 8);
	option(r, 67, "boot.ipxe", 9);
	settings_store_dhcp("net0", net0_mac, r, NULL);
	free(r);
}

/* dhcp/ifconf: iPXE's lines; net0 gets its answer again. */
static int cmd_dhcp(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[argc - 1], "net0") != 0) {
		console_printf("%s: no network device \"%s\"\n", argv[0], argv[argc - 1]);
		return 1;
	}
	console_puts("Configuring (net0 52:54:00:12:34:56)...... ok\n");
	store_dhcp();
	return 0;
}

static int cmd_ifopen(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int cmd_ifstat(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_puts("net0: 52:54:00:12:34:56 using host on 0000:00:03.0 (open)\n"
		     "  [Link:up, TX:0 TXE:0 RX:0 RXE:0]\n");
	return 0;
}

static const struct command runner_commands[] = {
	{ "dhcp", cmd_dhcp },     { "ifconf", cmd_dhcp },   { "ifopen", cmd_ifopen },
	{ "ifclose", cmd_ifopen }, { "ifstat", cmd_ifstat }, { NULL, NULL },
};

/* The image commands, through image_command (built from their table). */
static struct command image_wrapped[32];

/* The firmware's order (firmware/commands.c), with md5sum/sha1sum left out:
 * they need mbed TLS. */
static const struct command *const tables[] = {
	cmd_console_commands, image_wrapped,     runner_commands,    cmd_settings_commands,
	cmd_flow_commands,    cmd_menu_commands, cmd_params_commands, cmd_power_commands,
	cmd_misc_commands,
};

const struct command *command_find(const char *name)
{
	return command_find_in(tables, sizeof(tables) / sizeof(tables[0]), name);
}

void command_each(void (*visit)(const struct command *cmd, void *ctx), void *ctx)
{
	command_each_in(tables, sizeof(tables) / sizeof(tables[0]), visit, ctx);
}

/* ------------------------------------------------------------ the machine */

/* SMBIOS 2.8: type 1 (manufacturer, product, version, serial, UUID),
 * type 3 (asset tag), type 19 (4 GiB of memory), end. */
static const uint8_t smbios[] = {
	1, 0x1b, 0x01, 0x00, 1, 2, 3, 4,
	0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
	6, 0, 0,
	'B', 'o', 'o', 't', 'n', 'e', 't', ' ', 'L', 'a', 'b', 's', 0,
	'T', 'e', 's', 't', ' ', 'B', 'o', 'x', 0, '2', '.', '0', 0, 'S', 'N', '-', '0', '0', '4', '2', 0, 0,
	3, 0x09, 0x02, 0x00, 1, 3, 0, 0, 2,
	'B', 'o', 'o', 't', 'n', 'e', 't', 0, 'A', 'S', 'S', 'E', 'T', '-', '7', 0, 0,
	19, 0x0f, 0x03, 0x00, 0, 0, 0, 0, 0xff, 0xff, 0x3f, 0x00, 0, 0, 1, 0, 0,
	127, 4, 0x04, 0x00, 0, 0,
};

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "#keys: TEXT" lines: TEXT is typed, with \r \n \t \e (Escape, ESC byte),
 * \\, \xHH and \u{HHH} (any key code, such as \u{117}: the EFI Escape). */
static void queue_keys(const char *text)
{
	const char *line = text;
	while ((line = strstr(line, "#keys:")) != NULL) {
		const char *p = line + 6;
		if (line != text && line[-1] != '\n') {
			line = p;
			continue;
		}
		if (*p == ' ')
			p++;
		for (; *p && *p != '\n'; p++) {
			int key = (unsigned char)*p;
			if (*p == '\r')
				break;
			if (*p == '\\' && p[1]) {
				p++;
				switch (*p) {
				case 'r': key = '\r'; break;
				case 'n': key = '\n'; break;
				case 't': key = '\t'; break;
				case 'e': key = 0x1b; break;
				case 'x':
					if (hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
						key = hex_digit(p[1]) * 16 + hex_digit(p[2]);
						p += 2;
					}
					break;
				case 'u':
					if (p[1] == '{') {
						key = 0;
						for (p += 2; hex_digit(*p) >= 0; p++)
							key = key * 16 + hex_digit(*p);
					}
					break;
				default: key = (unsigned char)*p;
				}
			}
			host_keys_push(key);
		}
		line = p;
	}
}

/* ------------------------------------------------------------ the screen */

#define COLS 160

struct row {
	char ch[COLS];
	char rev[COLS];
	int used;
};

static struct row *rows;
static int nrows, cur_row, cur_col;
static bool reverse;

static struct row *row_at(int r)
{
	while (r >= nrows) {
		rows = realloc(rows, sizeof(*rows) * (size_t)(nrows + 1));
		if (!rows)
			abort();
		memset(&rows[nrows], 0, sizeof(*rows));
		nrows++;
	}
	return &rows[r];
}

static void put_cell(char c)
{
	struct row *r = row_at(cur_row);
	if (cur_col >= COLS)
		return;
	r->ch[cur_col] = c;
	r->rev[cur_col] = reverse;
	if (cur_col + 1 > r->used)
		r->used = cur_col + 1;
	cur_col++;
}

/* Prints the screen: trailing blanks and empty rows dropped, reverse
 * video in brackets. */
static void flush_screen(void)
{
	int last = nrows - 1;
	while (last >= 0) {
		int n = rows[last].used;
		while (n > 0 && rows[last].ch[n - 1] == ' ' && !rows[last].rev[n - 1])
			n--;
		if (n)
			break;
		last--;
	}
	for (int i = 0; i <= last; i++) {
		struct row *r = &rows[i];
		int n = r->used;
		bool in_rev = false;
		while (n > 0 && r->ch[n - 1] == ' ' && !r->rev[n - 1])
			n--;
		for (int c = 0; c < n; c++) {
			if (r->rev[c] && !in_rev)
				putchar('[');
			if (!r->rev[c] && in_rev)
				putchar(']');
			in_rev = r->rev[c];
			/* Inside reverse video, trailing blanks are padding. */
			if (in_rev && r->ch[c] == ' ') {
				int k = c;
				while (k < n && r->rev[k] && r->ch[k] == ' ')
					k++;
				if (k == n || !r->rev[k]) {
					c = k - 1;
					continue;
				}
			}
			putchar(r->ch[c] ? r->ch[c] : ' ');
		}
		if (in_rev)
			putchar(']');
		putchar('\n');
	}
	free(rows);
	rows = NULL;
	nrows = cur_row = cur_col = 0;
}

/* ESC [ params letter */
static const char *escape(const char *p)
{
	int n[4] = { 0, 0, 0, 0 }, count = 0;
	p += 2;
	if (*p == '?')
		p++;
	for (;;) {
		while (*p >= '0' && *p <= '9') {
			if (count < 4)
				n[count] = n[count] * 10 + (*p - '0');
			p++;
		}
		count++;
		if (*p != ';')
			break;
		p++;
	}
	switch (*p) {
	case 'J':
		flush_screen();
		printf("[clear]\n");
		break;
	case 'H':
		cur_row = n[0] ? n[0] - 1 : 0;
		cur_col = n[1] ? n[1] - 1 : 0;
		row_at(cur_row);
		break;
	case 'K': {
		struct row *r = row_at(cur_row);
		if (cur_col < r->used)
			r->used = cur_col;
		break;
	}
	case 'm':
		reverse = n[0] == 7;
		break;
	}
	return *p ? p + 1 : p;
}

static void render(const char *text)
{
	for (const char *p = text; *p;) {
		if (p[0] == 0x1b && p[1] == '[') {
			p = escape(p);
			continue;
		}
		if (*p == '\n') {
			cur_row++;
			cur_col = 0;
			row_at(cur_row);
		} else if (*p == '\r') {
			cur_col = 0;
		} else if (*p == '\b') {
			if (cur_col)
				cur_col--;
		} else {
			put_cell(*p);
		}
		p++;
	}
	/* Text ending with a newline leaves an empty row behind: not a line. */
	flush_screen();
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
	bool raw = argc == 3 && strcmp(argv[1], "--raw") == 0;
	const char *path = argv[argc - 1], *name = strrchr(path, '/');
	char uri[4096];
	size_t len;
	char *text;
	int rc;

	if (argc != 2 && !raw) {
		fprintf(stderr, "usage: %s [--raw] FILE.ipxe\n", argv[0]);
		return 2;
	}
	text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "%s: cannot read\n", path);
		return 2;
	}
	name = name ? name + 1 : path;
	snprintf(files_dir, sizeof(files_dir), "%.*s%sfiles", (int)(name - path), path,
		 name == path ? "./" : "");
	snprintf(uri, sizeof(uri), "http://boot.test/%s", name);

	host_time_set_ms(1000);
	host_unix_time_set(1700000000); /* 2023-11-14 22:13:20 UTC */
	host_smbios_set(smbios, sizeof(smbios), 0x0208);
	store_dhcp();
	queue_keys(text);
	{
		int n = 0;
		for (const struct command *c = cmd_image_commands; c->name && n < 31; c++, n++)
			image_wrapped[n] = (struct command){ c->name, image_command };
	}

	rc = image_run_replacement(script_run_text(text, len, name, uri));
	if (raw)
		fputs(host_console_text(), stdout);
	else
		render(host_console_text());
	printf("[status %d]\n", rc);
	image_free_all();
	settings_reset();
	host_console_reset();
	free(text);
	return 0;
}
