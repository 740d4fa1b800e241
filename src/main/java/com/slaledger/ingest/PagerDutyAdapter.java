package com.slaledger.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PagerDuty V3 webhooks (https://developer.pagerduty.com/docs/webhooks-overview): one event per
 * delivery, {@code event.event_type} one of incident.triggered, .acknowledged, .resolved, .reopened and
 * .priority_updated (other types are kept as ignored). {@code externalId} = the incident id
 * ({@code event.data.id}); the event's instant is {@code event.occurred_at}. The service is the
 * configured mapping of the PagerDuty service id or name, else the slug of its name; the priority
 * (P1...P5), or without one the urgency, gives the severity.
 */
final class PagerDutyAdapter {

    static final String SOURCE = "pagerduty";
    private static final Set<String> HANDLED = Set.of("incident.triggered", "incident.acknowledged",
            "incident.resolved", "incident.reopened", "incident.priority_updated");

    private final IngestConfig.PagerDuty config;

    PagerDutyAdapter(IngestConfig.PagerDuty config) {
        this.config = config;
    }

    Translation translate(JsonNode payload) {
        if (!payload.isObject()) {
            throw new MalformedPayload("body", "must be a JSON object");
        }
        JsonNode event = Payloads.object(payload, "event", "");
        if (event == null) {
            return new Translation(List.of(), List.of("event: missing"), List.of(), null);
        }
        String type = Payloads.text(event, "event_type", "event.", 100);
        if (type == null) {
            return new Translation(List.of(), List.of("event.event_type: missing"), List.of(), null);
        }
        if (!HANDLED.contains(type)) {
            return Translation.ignored("event type " + type + " does not change an incident's instants");
        }
        Instant occurredAt = Payloads.instant(event, "occurred_at", "event.");
        JsonNode data = Payloads.object(event, "data", "event.");
        if (data == null || occurredAt == null) {
            return new Translation(List.of(), List.of(data == null ? "event.data: missing"
                    : "event.occurred_at: missing"), List.of(), null);
        }
        String id = Payloads.text(data, "id", "event.data.", 200);
        String title = Payloads.shortened(data, "title", "event.data.", 300);
        JsonNode service = Payloads.object(data, "service", "event.data.");
        String serviceId = service == null ? null : Payloads.text(service, "id", "event.data.service.", 200);
        String serviceName = service == null ? null : Payloads.text(service, "summary", "event.data.service.", 200);
        JsonNode priority = Payloads.object(data, "priority", "event.data.");
        String priorityName = priority == null ? null : Payloads.text(priority, "summary", "event.data.priority.", 50);
        String urgency = Payloads.text(data, "urgency", "event.data.", 20);

        String serviceKey = serviceId != null && config.services().containsKey(serviceId)
                ? config.services().get(serviceId)
                : serviceName != null && config.services().containsKey(serviceName)
                        ? config.services().get(serviceName) : Payloads.slug(serviceName);
        if (id == null || serviceKey == null) {
            return new Translation(List.of(), List.of(id == null ? "event.data.id: missing"
                    : "event.data.service: names no service (map its id in sla-ledger.ingest.pagerduty.services)"),
                    List.of(), null);
        }
        Severity severity = priorityName != null && config.priorities().containsKey(priorityName)
                ? config.priorities().get(priorityName)
                : urgency != null && config.urgencies().containsKey(urgency.toLowerCase(Locale.ROOT))
                        ? config.urgencies().get(urgency.toLowerCase(Locale.ROOT)) : config.defaultSeverity();
        Instant detected = null;
        Instant acknowledged = null;
        Instant resolved = null;
        Instant reopened = null;
        switch (type) {
            case "incident.triggered" -> detected = occurredAt;
            case "incident.acknowledged" -> acknowledged = occurredAt;
            case "incident.resolved" -> resolved = occurredAt;
            case "incident.reopened" -> reopened = occurredAt;
            default -> {
                // priority_updated: only the severity
            }
        }
        IngestEvent mapped = new IngestEvent(SOURCE, id, title == null ? "PagerDuty incident " + id : title, severity,
                type.equals("incident.priority_updated"), List.of(serviceKey), List.of(), null, null, occurredAt,
                detected, acknowledged, null, resolved, reopened, List.of());
        return new Translation(List.of(mapped), List.of(), List.of(), null);
    }
}
