/* The device report: every PCI device seen and every firmware network
 * path, written for a person trying to learn why a network boot fails. */
#ifndef DEVREPORT_H
#define DEVREPORT_H

/* Prints the report; returns how many network devices or paths it found. */
int device_report_print(void);

#endif
