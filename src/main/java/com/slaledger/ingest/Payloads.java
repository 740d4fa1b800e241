package com.slaledger.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.platform.IsoInstants;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * Reading a webhook payload field by field. A field of the wrong type, or text holding a NUL character
 * (which PostgreSQL cannot store), makes the payload malformed; a missing field is returned as null and left
 * to the adapter, which decides whether the delivery can still be mapped. Text is bounded by the caller.
 */
final class Payloads {

    /** Alertmanager writes this for "no end" on firing alerts. */
    static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Payloads() {
    }

    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedPayload(path + field, "must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new MalformedPayload(path + field, "must be a list");
        }
        return node;
    }

    /** The text of a string field, null when absent or blank; longer than {@code maxLength}: malformed. */
    static String text(JsonNode parent, String field, String path, int maxLength) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedPayload(path + field, "must be a string");
        }
        return checked(node.textValue(), path + field, maxLength);
    }

    /** Like {@link #text} but a longer text is cut to {@code maxLength} characters (titles, descriptions). */
    static String shortened(JsonNode parent, String field, String path, int maxLength) {
        String value = text(parent, field, path, Integer.MAX_VALUE);
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        return value.substring(0, maxLength - 1) + "…";
    }

    /** A value quoted back in a reason, cut so a reason never echoes unbounded input. */
    static String shortenedText(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength) + "…";
    }

    static String checked(String value, String path, int maxLength) {
        if (value.indexOf('\u0000') >= 0) {
            throw new MalformedPayload(path, "must not contain NUL characters");
        }
        if (value.length() > maxLength) {
            throw new MalformedPayload(path, "must be at most " + maxLength + " characters long");
        }
        return value.isBlank() ? null : value.strip();
    }

    /** An RFC 3339 timestamp with any fraction of a second (Go writes nanoseconds) and any offset. */
    static Instant instant(JsonNode parent, String field, String path) {
        String value = text(parent, field, path, 64);
        if (value == null) {
            return null;
        }
        Instant parsed = IsoInstants.parseOrNull(value);
        if (parsed == null) {
            throw new MalformedPayload(path + field, "must be an RFC 3339 timestamp such as 2024-01-16T09:00:00Z");
        }
        return parsed;
    }

    /** A whole number field; null when absent. */
    static Long number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedPayload(path + field, "must be a whole number");
        }
        return node.longValue();
    }

    /**
     * An epoch timestamp whose unit is told by its size, as Opsgenie mixes them (createdAt in
     * milliseconds, updatedAt in nanoseconds): below 10^11 seconds, below 10^14 milliseconds, below
     * 10^17 microseconds, else nanoseconds. This is unambiguous for every instant from 1973 to 5138.
     */
    static Instant epoch(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative epoch " + value);
        }
        if (value < 100_000_000_000L) {
            return Instant.ofEpochSecond(value);
        } else if (value < 100_000_000_000_000L) {
            return Instant.ofEpochMilli(value);
        } else if (value < 100_000_000_000_000_000L) {
            return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
        }
        return Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
    }

    /** A service or client key made from a name: {@code "Checkout API (EU)"} becomes {@code checkout-api-eu}. */
    static String slug(String name) {
        if (name == null) {
            return null;
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? null : slug;
    }
}
