/* Knobs of the stand-ins in test_cmd_image_fakes.c and platform_host.c. */
#ifndef TEST_CMD_IMAGE_H
#define TEST_CMD_IMAGE_H

#include <stdbool.h>

struct fake_file {
	const char *uri;
	const char *content;
};
/* What download() finds (the table must outlive its use). */
void fake_files_set(const struct fake_file *table, int count);
/* The words command_args_as_written() sees. */
void fake_command_words(char *const *argv, int argc);
/* The next-server setting the settings stand-in answers (NULL: none). */
extern const char *fake_next_server;
/* Whether the command runs inside a script (for chain --replace), and the
 * names of the scripts the script_run stand-in saw, "a;b;". */
extern bool fake_script_running;
extern char fake_scripts_run[256];
/* Whether a command asked the running script to end; clears it. */
bool fake_take_exit_request(void);

/* platform_host.c: "name[cmdline]\n" for every image run; what runs return. */
const char *host_exec_log(void);
void host_exec_reset(int result);

#endif
