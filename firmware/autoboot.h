/* Autoboot: bring up each network device and get boot instructions. */
#ifndef AUTOBOOT_H
#define AUTOBOOT_H

/* Returns 0 when a device got its instructions, -1 when none did. */
int autoboot(void);

#endif
