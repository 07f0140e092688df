/* iPXE scripts: "#!ipxe", then one command line a line (a trailing
 * backslash joins the next), "#" comments, ":label" lines, goto, the
 * operators "&&", "||" and ";", ${settings}, exit [n]. A command that
 * fails ends the script, unless "||" handles it. */
#ifndef SCRIPT_H
#define SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include "image.h"

#define SCRIPT_MAX_DEPTH 8        /* scripts chained from scripts */
#define SCRIPT_MAX_LINE 65536     /* characters in one line, continuations joined */

/* The image starts with "#!ipxe" (or gPXE's "#!gpxe"). */
bool script_probe(const struct image *img);
/* Runs a script image: 0, the status `exit` gave, or the failing
 * command's status. */
int script_run(const struct image *img);
/* Runs text (len bytes) as a script called name; uri (may be NULL) is
 * where relative URIs resolve from. For embedded scripts and tests. */
int script_run_text(const char *text, size_t len, const char *name, const char *uri);
/* The URI of the running script (relative URIs resolve against it), or
 * NULL outside scripts. */
const char *script_current_uri(void);

/* Runs one command line (the shell's, or a script's): its status. */
int script_exec_line(const char *line);
/* Whether a script (not the shell alone) is running. */
bool script_running(void);
/* Where a message should say it happened: "boot.ipxe line 12", or "shell". */
const char *script_where(void);

/* For `goto`: continues the running script at :label. 0, or -1 after
 * printing why (no such label, not in a script). */
int script_goto(const char *label);
/* For `exit`: the running script (or the shell) ends after this command. */
void script_request_exit(void);
/* Whether exit was requested; clears the request (whoever ends takes it). */
bool script_take_exit(void);

#endif
