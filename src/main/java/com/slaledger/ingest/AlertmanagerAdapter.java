package com.slaledger.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.incident.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prometheus Alertmanager's webhook payload (version 4), and Grafana unified alerting's superset of it
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config; Grafana's "webhook" contact
 * point). One incident per alert: {@code externalId} = fingerprint + "@" + startsAt, so a repeated
 * notification is the same incident and a re-fire after a resolve (a new startsAt) is a new one.
 * Whether an alert is resolved is read from its {@code status}, never from {@code endsAt}: a firing
 * alert carries a future or zero ({@code 0001-01-01T00:00:00Z}) endsAt.
 */
final class AlertmanagerAdapter {

    /** Alerts per delivery: Alertmanager's own groups are far smaller; the incident batch takes 10,000. */
    static final int MAX_ALERTS = 1000;

    private final String source;
    private final IngestConfig.Alerts config;

    AlertmanagerAdapter(String source, IngestConfig.Alerts config) {
        this.source = source;
        this.config = config;
    }

    Translation translate(JsonNode payload) {
        if (!payload.isObject()) {
            throw new MalformedPayload("body", "must be a JSON object");
        }
        JsonNode alerts = Payloads.array(payload, "alerts", "");
        if (alerts == null || alerts.isEmpty()) {
            return new Translation(List.of(), List.of("alerts: the payload lists no alert"), List.of(), null);
        }
        if (alerts.size() > MAX_ALERTS) {
            throw new MalformedPayload("alerts", "must list at most " + MAX_ALERTS + " alerts, got " + alerts.size());
        }
        JsonNode commonLabels = Payloads.object(payload, "commonLabels", "");
        JsonNode commonAnnotations = Payloads.object(payload, "commonAnnotations", "");
        List<IngestEvent> events = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int index = 0; index < alerts.size(); index++) {
            String path = "alerts[" + index + "].";
            JsonNode alert = alerts.get(index);
            if (!alert.isObject()) {
                throw new MalformedPayload("alerts[" + index + "]", "must be an object");
            }
            JsonNode labels = Payloads.object(alert, "labels", path);
            JsonNode annotations = Payloads.object(alert, "annotations", path);
            String status = Payloads.text(alert, "status", path, 32);
            String fingerprint = Payloads.text(alert, "fingerprint", path, 128);
            Instant startsAt = Payloads.instant(alert, "startsAt", path);
            Instant endsAt = Payloads.instant(alert, "endsAt", path);
            String service = label(labels, commonLabels, config.serviceLabel(), path);
            String client = label(labels, commonLabels, config.clientLabel(), path);
            String severityValue = label(labels, commonLabels, config.severityLabel(), path);
            String impactValue = label(labels, commonLabels, config.impactPercentLabel(), path);

            List<String> missing = new ArrayList<>();
            if (fingerprint == null) {
                missing.add(path + "fingerprint: missing");
            }
            if (startsAt == null || startsAt.equals(Payloads.ZERO_TIME)) {
                missing.add(path + "startsAt: missing");
            }
            boolean resolved;
            if ("resolved".equals(status)) {
                resolved = true;
                if (endsAt == null || endsAt.equals(Payloads.ZERO_TIME)) {
                    missing.add(path + "endsAt: a resolved alert needs the instant it ended");
                }
            } else if ("firing".equals(status)) {
                resolved = false;
            } else {
                missing.add(path + "status: must be firing or resolved, got " + (status == null ? "nothing"
                        : "'" + Payloads.shortenedText(status, 32) + "'"));
                resolved = false;
            }
            if (service == null && client == null) {
                missing.add(path + "labels: no '" + config.serviceLabel() + "' label names the affected service"
                        + " (nor a '" + config.clientLabel() + "' label a client)");
            }
            if (!missing.isEmpty()) {
                unmapped.addAll(missing);
                continue;
            }
            Severity severity = severityValue == null ? config.defaultSeverity()
                    : config.severities().getOrDefault(severityValue.toLowerCase(Locale.ROOT), config.defaultSeverity());
            BigDecimal impactPercent = null;
            if (impactValue != null) {
                try {
                    impactPercent = new BigDecimal(impactValue);
                    if (impactPercent.signum() <= 0 || impactPercent.compareTo(BigDecimal.valueOf(100)) > 0
                            || impactPercent.scale() > 4) {
                        warnings.add(path + "labels." + config.impactPercentLabel()
                                + ": must be a number in (0, 100] with at most 4 decimals; 100 is used");
                        impactPercent = null;
                    }
                } catch (NumberFormatException e) {
                    warnings.add(path + "labels." + config.impactPercentLabel() + ": not a number; 100 is used");
                }
            }
            String alertName = label(labels, commonLabels, "alertname", path);
            String summary = annotation(annotations, commonAnnotations, "summary", path, 300);
            String title = summary != null ? summary
                    : alertName != null ? alertName : "Alert " + fingerprint;
            String description = annotation(annotations, commonAnnotations, "description", path, 4000);
            events.add(new IngestEvent(source, fingerprint + "@" + startsAt, title, severity, false,
                    service == null ? List.of() : List.of(service), client == null ? List.of() : List.of(client),
                    impactPercent, description, startsAt, startsAt, null, resolved ? endsAt : null,
                    resolved ? endsAt : null, null, List.of()));
        }
        return new Translation(events, unmapped, warnings, null);
    }

    /** A label of the alert, else of the group's common labels; label values are bounded like keys. */
    private static String label(JsonNode labels, JsonNode common, String name, String path) {
        String value = labels == null ? null : Payloads.text(labels, name, path + "labels.", 200);
        if (value == null && common != null) {
            value = Payloads.text(common, name, "commonLabels.", 200);
        }
        return value;
    }

    private static String annotation(JsonNode annotations, JsonNode common, String name, String path, int max) {
        String value = annotations == null ? null : Payloads.shortened(annotations, name, path + "annotations.", max);
        if (value == null && common != null) {
            value = Payloads.shortened(common, name, "commonAnnotations.", max);
        }
        return value;
    }
}
