/* The interactive shell: a prompt with line editing (left/right, Home/End,
 * Ctrl-A/E, Backspace/Delete, Ctrl-K/U, history with up/down) that runs
 * each line as a script line. */
#ifndef SHELL_H
#define SHELL_H

#include <stdbool.h>

/* Runs the shell until `exit`. */
void shell_run(void);
/* Start-up: prints "Press Ctrl-B for the bootnet command line..." and
 * waits up to ms for it; true when Ctrl-B was pressed (then call
 * shell_run). Other keys are ignored. */
bool shell_requested_within(unsigned ms);
/* Reads one edited line after prompt, starting from initial; secret shows
 * '*' for each character. The line (heap), or NULL when Ctrl-C or Escape
 * cancelled it. */
char *shell_readline(const char *prompt, const char *initial, bool secret);

#endif
