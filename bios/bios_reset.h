/* Resetting the machine without ACPI (bios_reset.c). */
#ifndef BIOS_RESET_H
#define BIOS_RESET_H

void bios_reset_hard(void);

#endif
