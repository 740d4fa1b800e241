package com.slaledger.postmortem;

/**
 * Something in the document the parser did not take at face value: a choice it made between
 * contradicting statements, or an assumption where the document is silent. {@code line} is the
 * 1-based line the warning is about, or null when it is about the whole document.
 */
public record Warning(Code code, String message, Integer line) {

    /** The kinds of warning; {@code docs/postmortem-import.md} explains each. */
    public enum Code {
        /** More than one date is written for the incident; says which was used and why. */
        DATE_CONFLICT,
        /** A date such as 03/04/2024 can be read either way and nothing in the document decides. */
        AMBIGUOUS_DAY_MONTH,
        /** A date was written without its year; the year of the incident's date was used. */
        YEAR_ASSUMED,
        /** The document names no time zone; the default zone (UTC unless given) was used. */
        NO_ZONE,
        /** The document states more than one time zone for its times. */
        ZONE_CONFLICT,
        /** A zone abbreviation with more than one meaning (IST, CST, BST, AST, GST). */
        AMBIGUOUS_ZONE,
        /** A timeline time is earlier than the one before it. */
        TIMELINE_OUT_OF_ORDER,
        /** A timeline time much earlier than the one before it was read as the next day. */
        DAY_ADVANCED,
        /** The derived instants break the order started ≤ detected ≤ acknowledged, started ≤ mitigated ≤ resolved. */
        INSTANTS_OUT_OF_ORDER,
        /** No line says when the impact began; the start was taken from another line. */
        NO_START,
        /** No line says when the impact ended: the incident would count as ongoing. */
        NO_END,
        /** Prose or a stated duration gives an end of the impact other than the timeline's. */
        END_DISAGREES,
        /** The impact starts again after it was restored. */
        RECURRENCE,
        /** A second timeline with its own outage start: a second incident, left out. */
        SECOND_INCIDENT,
        /** Different impact percentages are stated. */
        IMPACT_CONFLICT,
        /** A service named in the document is not in the catalog. */
        UNKNOWN_SERVICE,
        /** A client named in the document is not in the catalog. */
        UNKNOWN_CLIENT,
        /** Neither a known service nor a known client is named; one must be chosen before saving. */
        NO_SERVICE,
        /** No severity is stated; one must be chosen before saving. */
        NO_SEVERITY,
        /** No title could be told apart; one was made from the date. */
        NO_TITLE,
        /** Text was cut to the length an incident can hold. */
        TRUNCATED
    }
}
