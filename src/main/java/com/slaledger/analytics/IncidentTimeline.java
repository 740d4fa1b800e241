package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The five instants of an incident's life, as the response-time metrics need them. Only
 * {@code startedAt} is required. The order rules of the spec are checked on construction.
 */
public record IncidentTimeline(String incidentId, Instant startedAt, Instant detectedAt,
                               Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {

    public IncidentTimeline {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(startedAt, "startedAt");
        startedAt = truncate(startedAt);
        detectedAt = truncate(detectedAt);
        acknowledgedAt = truncate(acknowledgedAt);
        mitigatedAt = truncate(mitigatedAt);
        resolvedAt = truncate(resolvedAt);
        List<OrderViolation> violations = orderViolations(startedAt, detectedAt, acknowledgedAt, mitigatedAt,
                resolvedAt);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("incident " + incidentId + ": " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    /**
     * The spec's order rules, one message per broken rule, naming the fields: started ≤
     * detected ≤ acknowledged; started ≤ mitigated ≤ resolved; started ≤ resolved. A missing
     * instant is skipped over, so started ≤ acknowledged is checked when detected is missing.
     */
    public static List<OrderViolation> orderViolations(Instant startedAt, Instant detectedAt, Instant acknowledgedAt,
                                               Instant mitigatedAt, Instant resolvedAt) {
        List<OrderViolation> violations = new ArrayList<>();
        requireOrder(violations, "startedAt", startedAt, "detectedAt", detectedAt);
        requireOrder(violations, "detectedAt", detectedAt, "acknowledgedAt", acknowledgedAt);
        if (detectedAt == null) {
            requireOrder(violations, "startedAt", startedAt, "acknowledgedAt", acknowledgedAt);
        }
        requireOrder(violations, "startedAt", startedAt, "mitigatedAt", mitigatedAt);
        requireOrder(violations, "mitigatedAt", mitigatedAt, "resolvedAt", resolvedAt);
        if (mitigatedAt == null) {
            requireOrder(violations, "startedAt", startedAt, "resolvedAt", resolvedAt);
        }
        return violations;
    }

    /** Customer impact ended at {@code mitigatedAt}, else {@code resolvedAt}; null while ongoing. */
    public Instant impactEnd() {
        return mitigatedAt != null ? mitigatedAt : resolvedAt;
    }

    public boolean ongoing() {
        return impactEnd() == null;
    }

    public IncidentImpact impact(BigDecimal impactPercent, boolean excluded) {
        return new IncidentImpact(incidentId, startedAt, impactEnd(), impactPercent, excluded);
    }

    private static void requireOrder(List<OrderViolation> violations, String earlierName, Instant earlier,
                                     String laterName, Instant later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            violations.add(new OrderViolation(laterName,
                    "must not be before " + earlierName + " (" + earlier + "), got " + later));
        }
    }

    /** A broken order rule, named by the later of the two instants: the one a caller usually got wrong. */
    public record OrderViolation(String field, String message) {
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : Micros.truncate(instant);
    }
}
