package com.slaledger.incident;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.InstantInRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * An incident as a caller records it. {@code (source, externalId)} identifies it across retries;
 * omitted lists and flags take their defaults. {@code impactPercent} has at most 6 decimals, the scale
 * the database keeps, so what is stored is exactly what was sent.
 */
public record IncidentRequest(
        @NotBlank @Size(max = 64) String source,
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 300) String title,
        @NotNull Severity severity,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> affectedServices,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> affectedClients,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS) BigDecimal impactPercent,
        Boolean excluded,
        @Size(max = InputLimits.MAX_SHORT_TEXT) String exclusionReason,
        @Size(max = InputLimits.MAX_LONG_TEXT) String summary,
        @Size(max = InputLimits.MAX_LONG_TEXT) String rootCause,
        @Size(max = InputLimits.MAX_LIST_ITEMS)
        List<@NotBlank @Size(max = InputLimits.MAX_SHORT_TEXT) String> preventiveActions,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotNull @Valid TimelineEntryRequest> timeline,
        @NotNull @InstantInRange Instant startedAt,
        @InstantInRange Instant detectedAt,
        @InstantInRange Instant acknowledgedAt,
        @InstantInRange Instant mitigatedAt,
        @InstantInRange Instant resolvedAt) {

    public static final BigDecimal FULL_IMPACT = new BigDecimal("100");

    public record TimelineEntryRequest(@NotNull @InstantInRange Instant at, @NotBlank @Size(max = InputLimits.MAX_SHORT_TEXT) String text) {
    }

    /**
     * The one normal form in which requests are stored, echoed back and compared to recognise a retry:
     * defaults filled in (impact 100 %, not excluded, empty lists), decimals by value ({@code 100},
     * {@code 100.0} and {@code 1E+2} are one value), service and client keys as sorted sets (their order
     * means nothing), instants cut to the microseconds PostgreSQL keeps. Timeline entries and preventive
     * actions keep the order given: there it means something.
     */
    public IncidentRequest normalized() {
        return new IncidentRequest(strip(source), strip(externalId), strip(title), severity,
                keySet(affectedServices), keySet(affectedClients),
                (impactPercent == null ? FULL_IMPACT : impactPercent).stripTrailingZeros(),
                excluded != null && excluded, blankToNull(exclusionReason), blankToNull(summary),
                blankToNull(rootCause), preventiveActions == null ? List.of() : List.copyOf(preventiveActions),
                timeline == null ? List.of()
                        : timeline.stream().map(e -> e == null ? null
                                : new TimelineEntryRequest(micros(e.at()), e.text())).toList(),
                micros(startedAt), micros(detectedAt), micros(acknowledgedAt), micros(mitigatedAt),
                micros(resolvedAt));
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Keys stripped, without duplicates, sorted; a null key (refused by validation) sorts first. */
    private static List<String> keySet(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? null : v.strip()).distinct()
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
