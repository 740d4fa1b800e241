package com.slaledger.postmortem;

/** A known service or client (by catalog key) named in the document, at its first 1-based line. */
public record Mention(String key, int line) {
}
