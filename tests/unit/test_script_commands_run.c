/* The commands' argument handling, through real script lines. */
#include <string.h>
#include "../../firmware/settings.h"
#include "../../firmware/settings_params.h"
#include "platform_host.h"
#include "test.h"
#include "test_script.h"

TEST(cmd_set_show_clear_isset_iseq)
{
	CHECK(test_run_script("#!ipxe\nset greeting hello world\nshow greeting\n"
			      "isset ${greeting} && echo set\nclear greeting\n"
			      "isset ${greeting} || echo cleared\n"
			      "iseq ${platform} host && echo on host\n"
			      "iseq a b || echo differ\n") == 0);
	CHECK_STR(host_console_text(), "greeting:string = hello world\nset\ncleared\n"
				       "on host\ndiffer\n");
	CHECK(test_run_script("#!ipxe\nset\n") != 0);
	CHECK_CONTAINS(host_console_text(), "set: usage");
	CHECK(test_run_script("#!ipxe\nset x:ipv4 banana\n") != 0);
	CHECK_CONTAINS(host_console_text(), "set: cannot set \"x:ipv4\": not a value");
	CHECK(test_run_script("#!ipxe\niseq onlyone\n") != 0);
	CHECK_CONTAINS(host_console_text(), "iseq: usage");
	CHECK(test_run_script("#!ipxe\nshow nothing\n") != 0);
	CHECK_CONTAINS(host_console_text(), "show: \"nothing\": no such setting");
}

TEST(cmd_inc)
{
	CHECK(test_run_script("#!ipxe\ninc i\ninc i 5\necho ${i}\nset j:int32 7\ninc j\necho ${j}\n") == 0);
	CHECK_STR(host_console_text(), "6\n8\n");
	/* The type stays (iPXE's "x:int32 = 6"); a new setting is an int32. */
	CHECK(test_run_script("#!ipxe\nset x:int32 5\ninc x\nshow x\ninc n\nshow n\n"
			      "set u:uint8 0x41\ninc u\nshow u\n") == 0);
	CHECK_STR(host_console_text(), "x:int32 = 6\nn:int32 = 1\nu:uint8 = 0x42\n");
	CHECK(test_run_script("#!ipxe\nset s abc\ninc s\n") != 0);
	CHECK_CONTAINS(host_console_text(), "not a number");
}

TEST(cmd_echo_n)
{
	CHECK(test_run_script("#!ipxe\necho -n a\necho b\n") == 0);
	CHECK_STR(host_console_text(), "ab\n");
}

TEST(cmd_prompt_keys_and_timeout)
{
	host_time_set_ms(0);
	CHECK(test_run_script("#!ipxe\nprompt --timeout 100 Wait || echo timed out\n") == 0);
	CHECK_CONTAINS(host_console_text(), "Wait\ntimed out\n");
	host_console_reset();
	host_keys_reset();
	host_keys_push(2);
	CHECK(script_run_text_for_test("#!ipxe\nprompt --key 0x02 --timeout 100 && echo ctrl-b\n") == 0);
	CHECK_CONTAINS(host_console_text(), "ctrl-b");
	host_console_reset();
	host_keys_push('q');
	CHECK(script_run_text_for_test("#!ipxe\nprompt --key y Sure? || echo no\n") == 0);
	CHECK_CONTAINS(host_console_text(), "Sure?\nno\n");
	host_console_reset();
	host_keys_push('A');
	CHECK(script_run_text_for_test("#!ipxe\nprompt --set k\necho ${k}\n") == 0);
	CHECK_CONTAINS(host_console_text(), "Press any key to continue...\n0x41\n");
	CHECK(test_run_script("#!ipxe\nprompt --timeout soon\n") != 0);
	CHECK_CONTAINS(host_console_text(), "not a number of milliseconds");
}

TEST(cmd_sleep)
{
	host_time_set_ms(0);
	CHECK(test_run_script("#!ipxe\nsleep 2\necho woke\n") == 0);
	CHECK(platform_now_ms() >= 2000);
	CHECK(test_run_script("#!ipxe\nsleep x\n") != 0);
	host_console_reset();
	host_keys_push(3);
	CHECK(script_run_text_for_test("#!ipxe\nsleep 100\n") != 0);
	CHECK_CONTAINS(host_console_text(), "sleep: interrupted");
}

TEST(cmd_help_lists_commands)
{
	CHECK(test_run_script("#!ipxe\nhelp\n") == 0);
	CHECK_CONTAINS(host_console_text(), "Available commands:");
	CHECK_CONTAINS(host_console_text(), "choose");
	CHECK_CONTAINS(host_console_text(), "isset");
}

TEST(cmd_params_for_http_post)
{
	const struct param_list *list;
	const struct param *p;
	CHECK(test_run_script("#!ipxe\nparams\nparam mac ${platform}\nparam --header X-A b c\n"
			      "params --name other\nparam --params other k v\n") == 0);
	list = params_find(NULL);
	CHECK(list != NULL);
	p = list ? list->first : NULL;
	CHECK(p && strcmp(p->name, "mac") == 0 && strcmp(p->value, "host") == 0 && !p->header);
	p = p ? p->next : NULL;
	CHECK(p && strcmp(p->name, "X-A") == 0 && strcmp(p->value, "b c") == 0 && p->header);
	CHECK(p && p->next == NULL);
	CHECK(params_find("other") && params_find("other")->first);
	CHECK(test_run_script("#!ipxe\nparams --delete\nparam x y\n") != 0);
	CHECK_CONTAINS(host_console_text(), "no parameter list");
	params_destroy(params_find("other"));
}

TEST(cmd_read_and_login)
{
	host_console_reset();
	host_keys_reset();
	settings_reset();
	host_keys_type("\x7f\x7fnew\r");
	CHECK(script_run_text_for_test("#!ipxe\nset v old\nread v\necho ${v}\n") == 0);
	CHECK_CONTAINS(host_console_text(), "onew\n");
	host_keys_type("alice\rs3cret\r");
	CHECK(script_run_text_for_test("#!ipxe\nlogin\necho ${username}:${password}\n") == 0);
	CHECK_CONTAINS(host_console_text(), "alice:s3cret\n");
	host_keys_type("\x03");
	CHECK(script_run_text_for_test("#!ipxe\nlogin\n") != 0);
}

TEST(cmd_not_built_in_yet_say_so)
{
	CHECK(test_run_script("#!ipxe\nping 10.0.0.1 || echo ok\n") == 0);
	CHECK_CONTAINS(host_console_text(), "ping: not built in yet");
}

TEST(cmd_cpuid_arguments)
{
	CHECK(test_run_script("#!ipxe\ncpuid --ext 29 && echo 64-bit ||\n") == 0);
	CHECK_CONTAINS(host_console_text(), "64-bit"); /* the host runs x86_64 */
	CHECK(test_run_script("#!ipxe\ncpuid 40\n") != 0);
	CHECK_CONTAINS(host_console_text(), "not a bit number");
	CHECK(test_run_script("#!ipxe\ncpuid --bogus 1\n") != 0);
	CHECK_CONTAINS(host_console_text(), "unknown option");
}

TEST(cmd_shell_from_a_script_returns_on_exit)
{
	host_console_reset();
	host_keys_reset();
	host_keys_type("echo inside\rexit\r");
	CHECK(script_run_text_for_test("#!ipxe\nshell\necho back\n") == 0);
	CHECK_CONTAINS(host_console_text(), "inside\n");
	CHECK_CONTAINS(host_console_text(), "back\n");
}
