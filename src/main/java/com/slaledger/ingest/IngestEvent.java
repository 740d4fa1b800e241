package com.slaledger.ingest;

import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one alert or event of a delivery says about one incident, in the API's terms: the incident's key
 * {@code (source, externalId)}, its description, and the lifecycle instants this event knows of (null: the
 * event says nothing about it). {@code startedAt} is never null: an event that does not know the start
 * (an acknowledgement arriving before its trigger) gives its own instant, and the earliest start wins
 * when events are merged ({@link IncidentMerge}).
 *
 * @param severityChanged the event sets the severity (PagerDuty's priority_updated); otherwise the stored
 *                        incident keeps its own
 * @param reopenedAt      the source reopened the incident at this instant (PagerDuty's incident.reopened)
 * @param timeline        entries to add to the incident's timeline (Opsgenie's notes)
 */
public record IngestEvent(String source, String externalId, String title, Severity severity, boolean severityChanged,
        List<String> services, List<String> clients, BigDecimal impactPercent, String summary,
        Instant startedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
        Instant reopenedAt, List<TimelineEntryRequest> timeline) {
}
