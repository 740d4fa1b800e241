package com.slaledger.credit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a credit stands: {@code owed → claimed → approved | rejected}, {@code approved → issued}, and
 * {@code owed → expired} when the claim deadline passes unclaimed. Written in lower case in JSON, CSV and the
 * database.
 */
public enum CreditState {
    /** Due once the client claims it before the deadline. */
    OWED,
    /** Claimed by the client (or due without a claim: automatic contracts start here). */
    CLAIMED,
    /** Finance agrees it is due; waits for its credit note. */
    APPROVED,
    /** Finance refused the claim, with a reason. */
    REJECTED,
    /** A credit note was issued: final; later changes to the month flag it for review instead. */
    ISSUED,
    /** Not claimed before the deadline. */
    EXPIRED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code text} (either case), or empty. */
    public static Optional<CreditState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(state -> state.value().equalsIgnoreCase(text.strip())).findFirst();
    }
}
