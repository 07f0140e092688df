/* ${name} expansion in script words, as iPXE does it: a setting's value
 * in its type's text form ("${net0/ip}", "${66:string}"), nested names
 * ("${${which}}") expanded inside out, a missing setting as "". A "${"
 * without its "}" stays as written. Values are inserted as they are:
 * a value holding "${x}" is not expanded again. */
#ifndef SCRIPT_EXPAND_H
#define SCRIPT_EXPAND_H

#define SCRIPT_EXPAND_MAX_DEPTH 16      /* ${ inside ${ */
#define SCRIPT_EXPAND_MAX_LEN 65536     /* characters after expansion */

/* Returns the expanded text (heap; free it), or NULL with a reason in *error. */
char *script_expand(const char *text, const char **error);

#endif
