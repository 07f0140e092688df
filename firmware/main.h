/* The platform's entry code calls this once its console, memory and
 * clock are ready. Returns when bootnet gives the machine back. */
#ifndef MAIN_H
#define MAIN_H

int bootnet_main(void);

#endif
