/* "##params" form posts: which URIs ask for one, how fields are encoded,
 * which entries become headers, and that a value cannot smuggle headers. */
#include <stdlib.h>
#include "../../firmware/settings_params.h"
#include "../../net/http_form.h"
#include "../../net/uri.h"
#include "test.h"

TEST(http_form_is_asked_by_the_params_fragment)
{
	struct uri u;
	const char *list;
	CHECK(uri_parse("http://s/boot.php##params", &u) == URI_OK);
	CHECK(http_form_wanted(&u, &list));
	CHECK_STR(list, "");
	uri_free(&u);
	CHECK(uri_parse("http://s/boot.php##params=mine", &u) == URI_OK);
	CHECK(http_form_wanted(&u, &list));
	CHECK_STR(list, "mine");
	uri_free(&u);
	CHECK(uri_parse("http://s/boot.php#paramsx", &u) == URI_OK);
	CHECK(!http_form_wanted(&u, &list));
	uri_free(&u);
	CHECK(uri_parse("http://s/boot.php", &u) == URI_OK);
	CHECK(!http_form_wanted(&u, &list));
	uri_free(&u);
}

TEST(http_form_encodes_fields_and_keeps_headers_apart)
{
	struct param_list *l = params_create("formtest");
	char *body, *headers;
	CHECK(l != NULL);
	params_add(l, "mac", "52:54:00:77:00:01", false);
	params_add(l, "name", "a b&c=d", false);
	params_add(l, "X-Machine", "mini 1", true);
	params_add(l, "X-Evil", "x\r\nHost: elsewhere", true);
	CHECK(http_form_build("formtest", &body, &headers));
	CHECK_STR(body, "mac=52%3A54%3A00%3A77%3A00%3A01&name=a%20b%26c%3Dd");
	CHECK_STR(headers, "X-Machine: mini 1\r\n");
	free(body);
	free(headers);
	CHECK(!http_form_build("no-such-list", &body, &headers));
	CHECK(body == NULL && headers == NULL);
	params_destroy(l);
}
