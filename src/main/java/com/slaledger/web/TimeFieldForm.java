package com.slaledger.web;

/**
 * A form with {@code datetime-local} fields, as the shared {@code tags/timeField.html} reads it: each field's
 * value as typed, in the zone the form chose.
 */
public interface TimeFieldForm {

    /** The typed value of the instant field {@code name}, never null; an unknown name is a programming error. */
    String field(String name);

    /** Inputs whose value has seconds need {@code step="1"}, or the browser refuses to submit them. */
    default boolean hasSeconds(String localInput) {
        return localInput != null && localInput.matches(".*T\\d{2}:\\d{2}:\\d{2}.*");
    }
}
