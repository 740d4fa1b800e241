package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one incident did to one client's traffic, as availability needs it.
 *
 * @param incidentId    identifies the incident in contributions; also the last tie-break
 * @param startedAt     customer impact began
 * @param impactEnd     customer impact ended ({@code mitigatedAt}, else {@code resolvedAt});
 *                      null while the incident is ongoing: its impact then runs to {@code asOf}
 * @param impactPercent share of the client's traffic affected, {@code 0 < x ≤ 100}
 * @param excluded      not held against the SLA (e.g. caused by the client); contributes nothing
 */
public record IncidentImpact(String incidentId, Instant startedAt, Instant impactEnd,
                             BigDecimal impactPercent, boolean excluded) {

    public IncidentImpact {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(impactPercent, "impactPercent");
        startedAt = Micros.truncate(startedAt);
        impactEnd = impactEnd == null ? null : Micros.truncate(impactEnd);
        if (impactEnd != null && impactEnd.isBefore(startedAt)) {
            throw new IllegalArgumentException("incident " + incidentId
                    + ": impact end " + impactEnd + " is before startedAt " + startedAt);
        }
        if (impactPercent.signum() <= 0 || impactPercent.compareTo(Percent.HUNDRED) > 0) {
            throw new IllegalArgumentException("incident " + incidentId
                    + ": impactPercent must be above 0 and at most 100, was " + impactPercent);
        }
    }

    /** A counted incident hitting all traffic. */
    public static IncidentImpact full(String incidentId, Instant startedAt, Instant impactEnd) {
        return new IncidentImpact(incidentId, startedAt, impactEnd, Percent.HUNDRED, false);
    }

    public boolean ongoing() {
        return impactEnd == null;
    }

    /** The impact as an interval, an ongoing one running to {@code asOf}; empty if it starts after. */
    public Interval impactInterval(Instant asOf) {
        long start = Micros.of(startedAt);
        long end = impactEnd == null ? Math.max(start, Micros.of(asOf)) : Micros.of(impactEnd);
        return new Interval(start, end);
    }
}
