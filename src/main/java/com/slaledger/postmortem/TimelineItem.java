package com.slaledger.postmortem;

import java.time.Instant;

/** One timeline entry of the document: when, what (without the time), and its 1-based line. */
public record TimelineItem(Instant at, String text, int line) {
}
