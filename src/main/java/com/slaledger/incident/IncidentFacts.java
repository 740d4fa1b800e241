package com.slaledger.incident;

import com.slaledger.analytics.IncidentImpact;
import com.slaledger.analytics.IncidentTimeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An incident as reports read it: its instants, impact and the keys of what it names, without the
 * entity's lazy collections, timeline text or postmortem prose.
 *
 * @param serviceKeys affected services, ordered by key
 * @param clientKeys  explicitly affected clients, ordered by key; empty when the incident names none and
 *                    so affects every client whose contract covers one of its services
 */
public record IncidentFacts(long id, String title, Severity severity, BigDecimal impactPercent, boolean excluded,
        Instant startedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
        List<String> serviceKeys, List<String> clientKeys) {

    public IncidentFacts {
        serviceKeys = List.copyOf(serviceKeys);
        clientKeys = List.copyOf(clientKeys);
    }

    /** Customer impact ended at mitigation, else at resolution; null while ongoing. */
    public Instant impactEndedAt() {
        return mitigatedAt != null ? mitigatedAt : resolvedAt;
    }

    public boolean ongoing() {
        return impactEndedAt() == null;
    }

    public String incidentId() {
        return Long.toString(id);
    }

    public IncidentImpact impact() {
        return new IncidentImpact(incidentId(), startedAt, impactEndedAt(), impactPercent, excluded);
    }

    public IncidentTimeline timeline() {
        return new IncidentTimeline(incidentId(), startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt);
    }
}
