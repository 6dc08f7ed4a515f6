/*
 * PSCI (Power State Coordination Interface) 0.2+ client: firmware calls
 * for starting and stopping cores and the machine, as Linux's
 * drivers/firmware/psci. Only the 32-bit calls Mica needs.
 */
#ifndef _ASM_PSCI_H
#define _ASM_PSCI_H

#include <linux/types.h>

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_HVC, PSCI_CONDUIT_SMC };

/* How to reach the firmware: from the DTB's /psci method, else the board's. */
void psci_set_conduit(enum psci_conduit conduit);
enum psci_conduit psci_get_conduit(void);
/* Parse a /psci "method" value ("hvc"/"smc"); PSCI_CONDUIT_NONE otherwise. */
enum psci_conduit psci_conduit_from_method(const char *method);

/* PSCI_VERSION: major << 16 | minor, or a negative errno. */
int psci_version(void);
/* Board boot_secondary: start @cpu (MPIDR affinity = cpu) at @entry. */
int psci_boot_secondary(unsigned int cpu, phys_addr_t entry);
/* Board power_off / restart. Return only if the firmware refused. */
void psci_system_off(void);
void psci_system_reset(void);

#endif
