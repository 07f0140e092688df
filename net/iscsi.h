/* iSCSI disks over lwIP TCP: net/iscsi_session.c's state machine on a
 * connection driven by net_poll(), behind the core's SAN disk shape
 * (firmware/san.h). A broken connection is opened again and the session
 * logged in again, and the command that was running is sent again. */
#ifndef NET_ISCSI_H
#define NET_ISCSI_H

#include <stddef.h>
#include "../firmware/san.h"
#include "iscsi_session.h"

/* Connects to the target uri names (iscsi:...), logs in with cfg (its
 * target and LUN are taken from uri), reads the capacity. The disk, or
 * NULL with a message in err. */
struct san_disk *iscsi_san_open(const char *uri, const struct iscsi_config *cfg, char *err,
				size_t err_size);

#endif
