package com.slaledger.analytics;

import java.math.BigDecimal;

/**
 * The share of a window's downtime that one incident is answerable for. Over one
 * {@link Availability} the contributions add up exactly to its {@code downtimeSeconds}.
 */
public record DowntimeContribution(String incidentId, BigDecimal downtimeSeconds) {
}
