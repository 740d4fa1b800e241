package com.slaledger.incident;

/** Where an incident stands, derived from which instants are stamped. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED
}
