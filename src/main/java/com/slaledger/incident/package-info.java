/**
 * Incidents: what failed, for whom, how badly and when (started, detected, acknowledged,
 * mitigated, resolved). Ingested one at a time, idempotently by {@code (source, externalId)}, or in
 * all-or-nothing batches; the lifecycle actions stamp the instants as responders act.
 */
package com.slaledger.incident;
