package com.slaledger.incident;

import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.analytics.ResponseTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

public record IncidentResponse(
        long id,
        String source,
        String externalId,
        String title,
        Severity severity,
        IncidentStatus status,
        boolean ongoing,
        List<String> affectedServices,
        List<String> affectedClients,
        BigDecimal impactPercent,
        boolean excluded,
        String exclusionReason,
        String summary,
        String rootCause,
        List<String> preventiveActions,
        List<TimelineEntryResponse> timeline,
        Instant startedAt,
        Instant detectedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        BigDecimal timeToDetectSeconds,
        BigDecimal timeToAcknowledgeSeconds,
        BigDecimal timeToRestoreSeconds,
        BigDecimal timeToResolveSeconds,
        Instant createdAt,
        Instant updatedAt) {

    public record TimelineEntryResponse(Instant at, String text) {
    }

    static IncidentResponse of(Incident incident) {
        ResponseTimes times = ResponseTimes.of(new IncidentTimeline(String.valueOf(incident.id), incident.startedAt,
                incident.detectedAt, incident.acknowledgedAt, incident.mitigatedAt, incident.resolvedAt));
        return new IncidentResponse(incident.id, incident.source, incident.externalId, incident.title,
                incident.severity, incident.status(), incident.impactEndedAt() == null,
                incident.services.stream().map(s -> s.key).sorted().toList(),
                incident.clients.stream().map(c -> c.key).sorted().toList(),
                incident.impactPercent.stripTrailingZeros(), incident.excluded, incident.exclusionReason,
                incident.summary, incident.rootCause, List.copyOf(incident.preventiveActions),
                incident.timeline.stream().sorted(Comparator.comparingInt(e -> e.position))
                        .map(e -> new TimelineEntryResponse(e.occurredAt, e.text)).toList(),
                incident.startedAt, incident.detectedAt, incident.acknowledgedAt, incident.mitigatedAt,
                incident.resolvedAt, times.timeToDetectSeconds(), times.timeToAcknowledgeSeconds(),
                times.timeToRestoreSeconds(), times.timeToResolveSeconds(), incident.createdAt, incident.updatedAt);
    }

    /** The request that would store this incident as it is: the base of partial updates and retry checks. */
    IncidentRequest asRequest() {
        return new IncidentRequest(source, externalId, title, severity, affectedServices, affectedClients,
                impactPercent, excluded, exclusionReason, summary, rootCause, preventiveActions,
                timeline.stream().map(e -> new IncidentRequest.TimelineEntryRequest(e.at(), e.text())).toList(),
                startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt).normalized();
    }
}
