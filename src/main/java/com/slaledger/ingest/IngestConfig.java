package com.slaledger.ingest;

import com.slaledger.incident.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;

/**
 * Settings of the webhook ingest ({@code sla-ledger.ingest.*}); docs/ingest.md shows them in use.
 * Secrets are not here: they are {@code sla-ledger.webhooks.<source>.secret}, read by WebhookSecrets.
 */
@ConfigMapping(prefix = "sla-ledger.ingest")
public interface IngestConfig {

    /** The largest body a webhook may send, in bytes; a larger one is refused with 413 and not kept. */
    @WithName("max-body-bytes")
    @WithDefault("1048576")
    int maxBodyBytes();

    /** How long deliveries are kept, in days, before the pruning job deletes them. */
    @WithName("retention-days")
    @WithDefault("90")
    int retentionDays();

    /** When the pruning job runs (a Quartz-style cron expression: s m h day-of-month month day-of-week). */
    @WithName("prune-cron")
    @WithDefault("0 17 3 * * ?")
    String pruneCron();

    /** Alertmanager (webhook payload version 4) and Grafana unified alerting, which share its shape. */
    Alerts alerts();

    PagerDuty pagerduty();

    Opsgenie opsgenie();

    interface Alerts {

        /** The alert label naming the affected service (a service key of SLA Ledger). */
        @WithName("service-label")
        @WithDefault("service")
        String serviceLabel();

        /** The alert label naming the affected client (a client key), if any. */
        @WithName("client-label")
        @WithDefault("client")
        String clientLabel();

        @WithName("severity-label")
        @WithDefault("severity")
        String severityLabel();

        /** The alert label holding the share of users affected, a number in (0, 100]; 100 without it. */
        @WithName("impact-percent-label")
        @WithDefault("impact_percent")
        String impactPercentLabel();

        /** Severity label value (lower case) to severity; a value not listed is {@link #defaultSeverity()}. Defaults in application.properties. */
        Map<String, Severity> severities();

        @WithName("default-severity")
        @WithDefault("SEV4")
        Severity defaultSeverity();
    }

    interface PagerDuty {

        /** PagerDuty service id or name to service key; a service not listed maps to the slug of its name. */
        Map<String, String> services();

        /** PagerDuty priority name (P1...P5) to severity. */
        Map<String, Severity> priorities();

        /** Urgency (high, low) to severity, used when the incident has no priority. */
        Map<String, Severity> urgencies();

        @WithName("default-severity")
        @WithDefault("SEV3")
        Severity defaultSeverity();
    }

    interface Opsgenie {

        /** An alert tag starting with this names the service: {@code service:checkout}. */
        @WithName("service-tag-prefix")
        @WithDefault("service:")
        String serviceTagPrefix();

        /** An alert tag starting with this names the client: {@code client:acme}. */
        @WithName("client-tag-prefix")
        @WithDefault("client:")
        String clientTagPrefix();

        /** Opsgenie priority (P1...P5) to severity. */
        Map<String, Severity> priorities();

        @WithName("default-severity")
        @WithDefault("SEV3")
        Severity defaultSeverity();
    }
}
