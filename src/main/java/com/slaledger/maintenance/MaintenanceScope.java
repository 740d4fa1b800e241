package com.slaledger.maintenance;

/** Whom a maintenance window concerns. */
public enum MaintenanceScope {
    ALL_CLIENTS,
    /** The listed clients. */
    CLIENTS,
    /** Every client whose contract covers one of the listed services. */
    SERVICES
}
