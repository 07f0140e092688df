/* Other commands: cpuid, login, and the ones waiting for other parts of
 * bootnet (ping), which says so. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "command.h"
#include "console.h"
#include "options.h"
#include "settings.h"
#include "shell.h"

/* The CPU's answer to cpuid leaf: eax, ecx, edx (zeros off x86). */
static void cpuid(uint32_t leaf, uint32_t *eax, uint32_t *ecx, uint32_t *edx)
{
#if defined(__x86_64__) || defined(__i386__)
	uint32_t a = leaf, b, c = 0, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	(void)b;
	*eax = a;
	*ecx = c;
	*edx = d;
#else
	(void)leaf;
	*eax = *ecx = *edx = 0;
#endif
}

/* cpuid [--ext] [--ecx] <bit>: succeeds when the CPU has that feature
 * bit (leaf 1, or 0x80000001 with --ext; edx, or ecx with --ecx). */
static int cmd_cpuid(int argc, char **argv)
{
	static const struct option_spec specs[] = { { "ext", 'e', false }, { "ecx", 'c', false } };
	const char *values[2];
	uint32_t highest, eax, ecx, edx, leaf;
	unsigned long bit;
	char *end;
	int first = options_parse(argc, argv, specs, 2, values);
	if (first < 0)
		return 1;
	if (first != argc - 1) {
		console_puts("cpuid: usage: cpuid [--ext] [--ecx] <bit>\n");
		return 1;
	}
	bit = strtoul(argv[first], &end, 0);
	if (!*argv[first] || *end || bit > 31) {
		console_printf("cpuid: \"%s\" is not a bit number (0 to 31)\n", argv[first]);
		return 1;
	}
	leaf = values[0] ? 0x80000001u : 1u;
	/* Asking beyond the highest leaf gives garbage: check it first. */
	cpuid(leaf & 0x80000000u, &highest, &ecx, &edx);
	if (highest < leaf)
		return 1;
	cpuid(leaf, &eax, &ecx, &edx);
	return (((values[1] ? ecx : edx) >> bit) & 1) ? 0 : 1;
}

/* login: asks for a user name and password, into ${username} and ${password}. */
static int cmd_login(int argc, char **argv)
{
	char *user, *password;
	int rc = 1;
	(void)argv;
	if (argc != 1) {
		console_puts("login: usage: login\n");
		return 1;
	}
	user = shell_readline("Username: ", "", false);
	if (!user) {
		console_puts("login: cancelled\n");
		return 1;
	}
	password = shell_readline("Password: ", "", true);
	if (!password) {
		console_puts("login: cancelled\n");
	} else if (settings_set("username", user) < 0 || settings_set("password", password) < 0) {
		console_puts("login: cannot store the user name and password\n");
	} else {
		rc = 0;
	}
	free(user);
	if (password) {
		memset(password, 0, strlen(password));
		free(password);
	}
	return rc;
}

static int not_built_in(int argc, char **argv)
{
	(void)argc;
	console_printf("%s: not built in yet: it needs ICMP echo in bootnet's network "
		       "stack\n", argv[0]);
	return 1;
}

const struct command cmd_misc_commands[] = {
	{ "cpuid", cmd_cpuid },
	{ "login", cmd_login },
	{ "ping", not_built_in },
	{ NULL, NULL },
};
