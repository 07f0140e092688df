/* Shared by the script tests. */
#ifndef TEST_SCRIPT_H
#define TEST_SCRIPT_H

/* What the `written` test command last saw from command_args_as_written(1). */
extern char test_written[4096];

/* Runs text as a script "t.ipxe" on a clean console, keys and settings;
 * returns its status. The console holds its output. */
int test_run_script(const char *text);

/* Runs text as "t.ipxe" as it is: console, keys and settings untouched. */
int script_run_text_for_test(const char *text);

#endif
