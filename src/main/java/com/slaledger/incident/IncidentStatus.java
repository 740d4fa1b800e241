package com.slaledger.incident;

/** Where an incident stands, derived from which instants are stamped. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED;

    /** The latest stage whose instant is stamped (detection alone leaves an incident open). */
    static IncidentStatus of(java.time.Instant acknowledgedAt, java.time.Instant mitigatedAt,
            java.time.Instant resolvedAt) {
        if (resolvedAt != null) {
            return RESOLVED;
        } else if (mitigatedAt != null) {
            return MITIGATED;
        } else if (acknowledgedAt != null) {
            return ACKNOWLEDGED;
        }
        return OPEN;
    }
}
