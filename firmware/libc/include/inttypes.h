#ifndef _INTTYPES_H
#define _INTTYPES_H
#include <stdint.h>
#endif
