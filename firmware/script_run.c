/* Running scripts and command lines (see script.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "command.h"
#include "console.h"
#include "script.h"
#include "script_expand.h"
#include "script_parse.h"
#include "shell_keys.h"

/* One running script; scripts chained from scripts stack up. */
struct frame {
	const char *text;
	size_t len;
	size_t next_offset;   /* where the next line starts */
	unsigned next_line;   /* and its number */
	unsigned line;        /* the running line's number */
	const char *name;
	const char *uri;
	bool goto_taken;
	struct frame *outer;
};

static struct frame *frame;
static int depth;
static bool exit_requested;
static bool failure_reported; /* the failing line already said where */
static char last_command[32];

/* The running command's tokens, for command_args_as_written(). */
static const struct script_token *current_tokens;
static int current_count;
static char *as_written;

bool script_probe(const struct image *img)
{
	if (img->len < 6 || (memcmp(img->data, "#!ipxe", 6) != 0 && memcmp(img->data, "#!gpxe", 6) != 0))
		return false;
	return img->len == 6 || isspace(img->data[6]);
}

const char *script_current_uri(void)
{
	return frame ? frame->uri : NULL;
}

bool script_running(void)
{
	return frame != NULL;
}

const char *script_where(void)
{
	static char where[96];
	if (!frame)
		return "shell";
	snprintf(where, sizeof(where), "%s line %u", frame->name, frame->line);
	return where;
}

const char *command_args_as_written(int first)
{
	size_t used = 0, cap = 1;
	char *text;
	free(as_written);
	as_written = NULL;
	for (int i = first; i < current_count; i++)
		cap += strlen(current_tokens[i].raw) + 1;
	text = malloc(cap);
	if (!text)
		return "";
	text[0] = '\0';
	for (int i = first; i < current_count; i++) {
		const char *error;
		char *word = script_expand(current_tokens[i].raw, &error);
		size_t n;
		if (!word)
			continue; /* the command already ran with this word expanded */
		n = strlen(word);
		if (used + n + 2 > cap) {
			char *bigger = realloc(text, used + n + 2);
			if (!bigger) {
				free(word);
				break;
			}
			text = bigger;
			cap = used + n + 2;
		}
		if (used)
			text[used++] = ' ';
		memcpy(text + used, word, n + 1);
		used += n;
		free(word);
	}
	as_written = text;
	return text;
}

/* Runs the command made of tokens [first, end): 0 for no command. */
static int run_command(const struct script_tokens *t, int first, int end)
{
	int argc = end - first, rc;
	char **argv;
	const struct command *cmd;
	const struct script_token *saved_tokens = current_tokens;
	int saved_count = current_count;
	char *saved_written = as_written;

	if (argc == 0)
		return 0; /* iPXE: an empty command succeeds ("cmd ||") */
	argv = calloc((size_t)argc + 1, sizeof(*argv));
	if (!argv) {
		console_printf("%s: out of memory\n", script_where());
		failure_reported = true;
		return -1;
	}
	for (int i = 0; i < argc; i++) {
		const char *error;
		argv[i] = script_expand(t->token[first + i].text, &error);
		if (!argv[i]) {
			console_printf("%s: %s\n", script_where(), error);
			failure_reported = true;
			rc = -1;
			goto done;
		}
	}
	snprintf(last_command, sizeof(last_command), "%s", argv[0]);
	cmd = command_find(argv[0]);
	if (!cmd) {
		console_printf("%s: unknown command \"%s\" (`help` lists them)\n", script_where(),
			       argv[0]);
		failure_reported = true;
		rc = -1;
		goto done;
	}
	current_tokens = &t->token[first];
	current_count = argc;
	as_written = NULL;
	rc = cmd->run(argc, argv);
	failure_reported = false; /* the command said why, but not where */
	free(as_written);
	current_tokens = saved_tokens;
	current_count = saved_count;
	as_written = saved_written;
done:
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	return rc;
}

int script_exec_line(const char *line)
{
	struct script_tokens *t = malloc(sizeof(*t));
	const char *error;
	bool process = true;
	int rc = 0, first = 0;

	failure_reported = false;
	if (!t) {
		console_printf("%s: out of memory\n", script_where());
		failure_reported = true;
		return -1;
	}
	if (script_tokenize(line, t, &error) < 0) {
		console_printf("%s: %s\n", script_where(), error);
		failure_reported = true;
		free(t);
		return -1;
	}
	for (;;) {
		int end = first;
		enum script_token_kind op;
		while (end < t->count && t->token[end].kind == SCRIPT_WORD)
			end++;
		if (process)
			rc = run_command(t, first, end);
		/* exit and goto end the line. */
		if (exit_requested || (frame && frame->goto_taken) || end == t->count)
			break;
		op = t->token[end].kind;
		process = op == SCRIPT_THEN || (op == SCRIPT_AND ? rc == 0 : rc != 0);
		first = end + 1;
	}
	script_tokens_free(t);
	free(t);
	return rc;
}

/* Reads the line at *offset, backslash continuations joined and a
 * trailing CR dropped, into *out (heap). 1, 0 at the end, -1 when it is
 * too long or memory runs out. */
static int read_line(const char *text, size_t len, size_t *offset, unsigned *number, char **out)
{
	size_t used = 0;
	char *line = NULL;
	if (*offset >= len)
		return 0;
	for (;;) {
		const char *start = text + *offset;
		const char *nl = memchr(start, '\n', len - *offset);
		size_t n = nl ? (size_t)(nl - start) : len - *offset;
		char *bigger;
		*offset += n + (nl ? 1 : 0);
		(*number)++;
		if (n && start[n - 1] == '\r')
			n--;
		if (used + n >= SCRIPT_MAX_LINE || !(bigger = realloc(line, used + n + 1))) {
			free(line);
			return -1;
		}
		line = bigger;
		memcpy(line + used, start, n);
		used += n;
		line[used] = '\0';
		if (used && line[used - 1] == '\\' && *offset < len) {
			line[--used] = '\0';
			continue;
		}
		*out = line;
		return 1;
	}
}

/* Splits ":label rest" into the label and the command after it. */
static const char *label_of(char *line, char **command)
{
	char *p = line, *label;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != ':') {
		*command = p;
		return NULL;
	}
	label = ++p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	if (*p)
		*p++ = '\0';
	*command = p;
	return label;
}

int script_goto(const char *label)
{
	size_t offset = 0;
	unsigned number = 0;
	char *line;
	int r;
	if (!frame) {
		console_printf("goto: only scripts have labels (%s)\n", script_where());
		return -1;
	}
	for (;;) {
		size_t start = offset;
		unsigned start_number = number + 1;
		char *command;
		const char *found;
		r = read_line(frame->text, frame->len, &offset, &number, &line);
		if (r <= 0)
			break;
		found = label_of(line, &command);
		if (found && strcmp(found, label) == 0) {
			free(line);
			frame->next_offset = start;
			frame->next_line = start_number - 1;
			frame->goto_taken = true;
			return 0;
		}
		free(line);
	}
	console_printf("goto: %s: no label \":%s\" in this script\n", script_where(), label);
	return -1;
}

void script_request_exit(void)
{
	exit_requested = true;
}

bool script_take_exit(void)
{
	bool was = exit_requested;
	exit_requested = false;
	return was;
}

static int run_frame(struct frame *f)
{
	int rc = 0, r;
	char *line, *command;
	for (;;) {
		/* A continued line is known by its first line's number. */
		f->line = f->next_line + 1;
		r = read_line(f->text, f->len, &f->next_offset, &f->next_line, &line);
		if (r == 0)
			break;
		if (r < 0) {
			console_printf("%s: longer than %d characters (or memory ran out); the "
				       "script stops here\n", script_where(), SCRIPT_MAX_LINE);
			return -1;
		}
		label_of(line, &command);
		rc = script_exec_line(command);
		free(line);
		if (script_take_exit())
			break;
		if (f->goto_taken) {
			f->goto_taken = false;
			rc = 0;
			/* goto loops are the script's business, but Ctrl-C ends them. */
			if (shell_key_interrupted()) {
				console_printf("%s: interrupted (Ctrl-C)\n", script_where());
				return -1;
			}
			continue;
		}
		if (rc != 0) {
			if (!failure_reported)
				console_printf("%s: \"%s\" failed; the script stops here\n",
					       script_where(), last_command);
			break;
		}
	}
	return rc;
}

int script_run_text(const char *text, size_t len, const char *name, const char *uri)
{
	struct frame f = { 0 };
	char *copy, *name_copy, *uri_copy = NULL;
	int rc;

	if (depth >= SCRIPT_MAX_DEPTH) {
		console_printf("%s: scripts chained more than %d deep; not running it\n", name,
			       SCRIPT_MAX_DEPTH);
		return -1;
	}
	/* Copies: a command may replace or free the image while it runs. */
	copy = malloc(len + 1);
	name_copy = strdup(name);
	if (uri)
		uri_copy = strdup(uri);
	if (!copy || !name_copy || (uri && !uri_copy)) {
		console_printf("%s: out of memory\n", name);
		free(copy);
		free(name_copy);
		free(uri_copy);
		return -1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	f.text = copy;
	f.len = len;
	f.name = name_copy;
	f.uri = uri_copy;
	f.outer = frame;
	frame = &f;
	depth++;
	rc = run_frame(&f);
	depth--;
	frame = f.outer;
	free(copy);
	free(name_copy);
	free(uri_copy);
	return rc;
}

int script_run(const struct image *img)
{
	return script_run_text((const char *)img->data, img->len, img->name, img->uri);
}
