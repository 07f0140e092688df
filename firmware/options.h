/* Options of script commands, as iPXE takes them: "--name VALUE",
 * "--name=VALUE", "-n VALUE", "-nVALUE", flags without a value; options
 * come before the other arguments and "--" ends them. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>

struct option_spec {
	const char *long_name; /* "timeout" */
	char short_name;       /* 't', or 0 for none */
	bool takes_value;
};

/* Parses the options of argv (argv[0] is the command). values[i] becomes
 * the value of specs[i] ("" for a flag given), or stays NULL when absent.
 * Returns the index of the first non-option argument, or -1 after
 * printing what was wrong (naming the command). */
int options_parse(int argc, char **argv, const struct option_spec *specs, int nspecs,
		  const char **values);

/* argv[first..] joined by single spaces (heap; "" when none), as `set`
 * and `item` take their text; NULL when out of memory. */
char *options_join(int argc, char **argv, int first);

#endif
