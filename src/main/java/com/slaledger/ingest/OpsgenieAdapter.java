package com.slaledger.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opsgenie's outgoing webhook integration (https://support.atlassian.com/opsgenie/docs/integrate-opsgenie-with-webhook/):
 * actions Create, Acknowledge, Close and AddNote (others are kept as ignored). {@code externalId} = the
 * alert id. {@code alert.createdAt} is epoch milliseconds and is the start; {@code alert.updatedAt} is
 * epoch nanoseconds and is the instant of an acknowledgement, a close or a note. Tags name the service
 * and client ({@code service:checkout}, {@code client:acme}); the priority (P1...P5) gives the severity.
 */
final class OpsgenieAdapter {

    static final String SOURCE = "opsgenie";
    private static final Set<String> HANDLED = Set.of("Create", "Acknowledge", "Close", "AddNote");

    private final IngestConfig.Opsgenie config;

    OpsgenieAdapter(IngestConfig.Opsgenie config) {
        this.config = config;
    }

    Translation translate(JsonNode payload) {
        if (!payload.isObject()) {
            throw new MalformedPayload("body", "must be a JSON object");
        }
        String action = Payloads.text(payload, "action", "", 100);
        if (action == null) {
            return new Translation(List.of(), List.of("action: missing"), List.of(), null);
        }
        if (!HANDLED.contains(action)) {
            return Translation.ignored("action " + action + " does not change an incident");
        }
        JsonNode alert = Payloads.object(payload, "alert", "");
        if (alert == null) {
            return new Translation(List.of(), List.of("alert: missing"), List.of(), null);
        }
        String id = Payloads.text(alert, "alertId", "alert.", 200);
        String message = Payloads.shortened(alert, "message", "alert.", 300);
        Instant createdAt = epoch(alert, "createdAt");
        Instant updatedAt = epoch(alert, "updatedAt");
        String username = Payloads.text(alert, "username", "alert.", 200);
        String note = Payloads.shortened(alert, "note", "alert.", 2000);
        List<String> services = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        JsonNode tags = Payloads.array(alert, "tags", "alert.");
        if (tags != null) {
            for (int i = 0; i < tags.size() && i < 200; i++) {
                if (!tags.get(i).isTextual()) {
                    throw new MalformedPayload("alert.tags[" + i + "]", "must be a string");
                }
                String tag = Payloads.checked(tags.get(i).textValue(), "alert.tags[" + i + "]", 300);
                if (tag == null) {
                    continue;
                }
                if (tag.startsWith(config.serviceTagPrefix())) {
                    services.add(tag.substring(config.serviceTagPrefix().length()).strip());
                } else if (tag.startsWith(config.clientTagPrefix())) {
                    clients.add(tag.substring(config.clientTagPrefix().length()).strip());
                }
            }
        }
        Severity severity = severity(alert);
        List<String> unmapped = new ArrayList<>();
        if (id == null) {
            unmapped.add("alert.alertId: missing");
        }
        if (createdAt == null) {
            unmapped.add("alert.createdAt: missing");
        }
        if (!action.equals("Create") && updatedAt == null) {
            unmapped.add("alert.updatedAt: missing (the instant of the " + action + ")");
        }
        if (services.isEmpty() && clients.isEmpty()) {
            unmapped.add("alert.tags: no tag '" + config.serviceTagPrefix() + "<service key>' names the affected"
                    + " service (nor a '" + config.clientTagPrefix() + "<client key>' tag a client)");
        }
        if (!unmapped.isEmpty()) {
            return new Translation(List.of(), unmapped, List.of(), null);
        }
        List<TimelineEntryRequest> timeline = List.of();
        if (action.equals("AddNote")) {
            String text = (username == null ? "Note: " : "Note by " + username + ": ")
                    + (note == null ? "(empty)" : note);
            timeline = List.of(new TimelineEntryRequest(updatedAt, text));
        }
        IngestEvent event = new IngestEvent(SOURCE, id, message == null ? "Opsgenie alert " + id : message, severity,
                false, services, clients, null, null, createdAt, createdAt,
                action.equals("Acknowledge") ? updatedAt : null, null, action.equals("Close") ? updatedAt : null,
                null, timeline);
        return new Translation(List.of(event), List.of(), List.of(), null);
    }

    /** Opsgenie writes priority as "P3"; some payloads carry the bare number 3. */
    private Severity severity(JsonNode alert) {
        JsonNode priority = alert.get("priority");
        String name = null;
        if (priority != null && priority.isTextual()) {
            name = Payloads.checked(priority.textValue(), "alert.priority", 10);
        } else if (priority != null && priority.isIntegralNumber()) {
            name = "P" + priority.asInt();
        } else if (priority != null && !priority.isNull()) {
            throw new MalformedPayload("alert.priority", "must be a priority such as P3");
        }
        return name == null ? config.defaultSeverity() : config.priorities().getOrDefault(name, config.defaultSeverity());
    }

    private static Instant epoch(JsonNode alert, String field) {
        Long value = Payloads.number(alert, field, "alert.");
        if (value == null) {
            return null;
        }
        if (value <= 0) {
            throw new MalformedPayload("alert." + field, "must be a positive epoch timestamp");
        }
        return Payloads.epoch(value);
    }
}
