package com.slaledger.postmortem;

import java.time.Instant;

/**
 * One of the incident's instants with where it came from: the 1-based {@code line} of the document,
 * that line's text (cut to 300 characters) and the {@code reason} it was read as this instant
 * (for example "outage began" or "started + stated duration of 45 min").
 */
public record DerivedInstant(Instant at, int line, String lineText, String reason) {
}
