package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The spec's per-incident response times in seconds (exact to the microsecond); each is null
 * when an instant it needs is missing.
 *
 * @param timeToDetectSeconds      TTD: startedAt → detectedAt
 * @param timeToAcknowledgeSeconds TTA: detectedAt → acknowledgedAt
 * @param timeToRestoreSeconds     TTR: startedAt → mitigatedAt, else resolvedAt
 * @param timeToResolveSeconds     TTResolve: startedAt → resolvedAt
 */
public record ResponseTimes(String incidentId, BigDecimal timeToDetectSeconds, BigDecimal timeToAcknowledgeSeconds,
                            BigDecimal timeToRestoreSeconds, BigDecimal timeToResolveSeconds) {

    public static ResponseTimes of(IncidentTimeline incident) {
        return new ResponseTimes(incident.incidentId(),
                secondsBetween(incident.startedAt(), incident.detectedAt()),
                secondsBetween(incident.detectedAt(), incident.acknowledgedAt()),
                secondsBetween(incident.startedAt(), incident.impactEnd()),
                secondsBetween(incident.startedAt(), incident.resolvedAt()));
    }

    private static BigDecimal secondsBetween(Instant from, Instant to) {
        return from == null || to == null ? null : Micros.toSeconds(Micros.of(to) - Micros.of(from));
    }
}
