/* time_t only: the libraries we compile are built without clock access. */
#ifndef _TIME_H
#define _TIME_H
typedef long long time_t;
#endif
