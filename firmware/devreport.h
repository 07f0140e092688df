/* The device report: every PCI device seen and every firmware network
 * path, written for a person trying to learn why a network boot fails. */
#ifndef DEVREPORT_H
#define DEVREPORT_H

struct netprobe_nic;

/* Takes the snapshot the report prints (PCI devices, the firmware's
 * network paths) before probing changes the firmware's state: opening SNP
 * exclusively stops the firmware's PXE client, a native driver removes
 * SNP. Optional: the report takes one itself when none was taken. */
void device_report_collect(void);

/* What netprobe tried per NIC (firmware/netprobe.h), printed under each
 * device; netprobe_run hands it over. */
void device_report_set_probe(const struct netprobe_nic *nics, int count);

/* Prints the report, with what netprobe tried on each NIC when it ran;
 * returns how many network devices or paths it found. */
int device_report_print(void);

#endif
