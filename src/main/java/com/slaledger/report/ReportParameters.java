package com.slaledger.report;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads report query parameters, collecting every bad one before refusing the request, so the caller
 * hears about all of them in one 400 problem that names each.
 */
final class ReportParameters {

    private static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    private final List<FieldViolation> bad = new ArrayList<>();

    /** {@code YYYY-MM}; null when absent. */
    YearMonth month(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        Optional<YearMonth> month = InputLimits.month(value);
        if (month.isEmpty()) {
            bad.add(new FieldViolation(name, "must be " + InputLimits.monthRange()));
        }
        return month.orElse(null);
    }

    /** An ISO-8601 instant; null when absent. */
    Instant instant(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        Optional<Instant> instant = InputLimits.instant(value);
        if (instant.isEmpty()) {
            bad.add(new FieldViolation(name, "must be " + InputLimits.instantRange()));
        }
        return instant.orElse(null);
    }

    /** An ISO-8601 date, {@code YYYY-MM-DD}; null when absent. */
    LocalDate date(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        Optional<LocalDate> date = InputLimits.date(value);
        if (date.isEmpty()) {
            bad.add(new FieldViolation(name, "must be " + InputLimits.dateRange()));
        }
        return date.orElse(null);
    }

    /** Whole days {@code [from, to)}: both or neither, from before to, at most {@code maxYears} long. */
    record DateWindow(LocalDate from, LocalDate to) {
    }

    /** The window named by {@code from} and {@code to}; empty when neither is given or either is bad. */
    Optional<DateWindow> dateWindow(String from, String to, int maxYears) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (isBlank(from) && isBlank(to)) {
            return Optional.empty();
        }
        if (isBlank(from) || isBlank(to)) {
            bad.add(new FieldViolation(isBlank(from) ? "from" : "to", "is required with "
                    + (isBlank(from) ? "to" : "from") + ": a window is [from, to), dates in the client's zone"));
            return Optional.empty();
        }
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (!start.isBefore(end)) {
            bad.add(new FieldViolation("to", "must be after from (" + start + ")"));
            return Optional.empty();
        }
        if (end.isAfter(start.plusYears(maxYears))) {
            bad.add(new FieldViolation("to", "must be at most " + maxYears + " years after from"));
            return Optional.empty();
        }
        return Optional.of(new DateWindow(start, end));
    }

    /** See {@link InputLimits#wholeNumber(String, String, int, int, int, List)}. */
    int wholeNumber(String name, String value, int defaultValue, int min, int max) {
        return InputLimits.wholeNumber(name, value, defaultValue, min, max, bad);
    }

    <E extends Enum<E>> E choice(String name, String value, Class<E> type, E defaultValue) {
        if (isBlank(value)) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add(new FieldViolation(name, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList())));
            return defaultValue;
        }
    }

    /**
     * Whether to answer in CSV: {@code format=csv} or {@code format=json} wins; without it, the first
     * media type the caller accepts that a report can produce decides, JSON when nothing is said.
     */
    boolean csv(String format, HttpHeaders headers) {
        if (!isBlank(format)) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            if (wanted.equals("csv") || wanted.equals("json")) {
                return wanted.equals("csv");
            }
            bad.add(new FieldViolation("format", "must be json or csv"));
            return false;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    void add(String name, String message) {
        bad.add(new FieldViolation(name, message));
    }

    void throwIfAny() {
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
