/**
 * Ingest: incidents from the tools teams already run (Prometheus Alertmanager, Grafana alerting,
 * PagerDuty, Opsgenie). One small adapter per source turns a webhook payload into the incident requests
 * the API takes; {@link com.slaledger.ingest.IngestWriter} merges them with what is stored and saves them
 * through the incident service's batch path, and every delivery is kept in the inbox
 * ({@link com.slaledger.ingest.IngestDelivery}) with what became of it, so none is ever lost.
 */
package com.slaledger.ingest;
