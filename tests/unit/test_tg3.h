/* What the tg3 tests share: a machine with one tg3 chip (the model) and
 * the driver probed on it. */
#ifndef TEST_TG3_H
#define TEST_TG3_H

#include "../../drivers/bus/nic_driver.h"
#include "../../firmware/netdev.h"
#include "test.h"
#include "tg3_model.h"

struct tg3_rig {
	struct tg3_model *model;
	struct netdev dev;
	int rc;                 /* what probe returned */
	char why[160];          /* and why, when it failed */
	uint64_t probe_ms;      /* how long probe took on the host clock */
};

/* Sets the machine up from cfg and probes the driver on it. */
void tg3_rig_probe(struct tg3_rig *rig, const struct tg3_model_config *cfg);
/* Closes the device if open, frees the driver's state and the model. */
void tg3_rig_done(struct tg3_rig *rig);
/* open and close through the netdev operations, keeping is_open true. */
int tg3_rig_open(struct tg3_rig *rig);
void tg3_rig_close(struct tg3_rig *rig);
/* Moves the host clock on. */
void tg3_rig_wait_ms(uint64_t ms);

/* Stops a test whose device did not probe: its operations are unset. */
#define REQUIRE_PROBED(rig)                      \
	do {                                     \
		if (!CHECK((rig).rc == 0)) {     \
			tg3_rig_done(&(rig));    \
			return;                  \
		}                                \
	} while (0)

#endif
