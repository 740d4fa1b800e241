package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bounds every request is held to at the edge, before any value reaches a computation or the
 * database (docs/security.md, "Input limits"). A value outside them is the caller's mistake and gets a
 * 400 naming the field; nothing is clamped or rounded silently.
 *
 * <p>Why these numbers: PostgreSQL's {@code timestamptz} reaches from 4713 BC to 294276 AD and Java's
 * {@code Instant} further, so the service picks a window that every calendar computation (a month in
 * any time zone, a year of reports) stays inside: years 1900 to 9999. Decimal columns are
 * {@code numeric(9, 6)} for percentages and {@code numeric(19, 4)} for money; a JSON number is read only
 * if it has at most {@link #MAX_DECIMAL_DIGITS} significant digits and a scale within
 * {@code ±}{@link #MAX_DECIMAL_SCALE}, so {@code 1e-150000000} is refused before anything prints or
 * divides it.
 */
public final class InputLimits {

    /** The earliest instant accepted anywhere: 1900-01-01T00:00:00Z. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest instant accepted anywhere: 9999-12-31T23:59:59.999999Z (PostgreSQL keeps microseconds). */
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(1900, 1);
    public static final YearMonth LATEST_MONTH = YearMonth.of(9999, 12);

    /** Significant digits of any JSON number read as a decimal (money needs 19, percentages 9). */
    public static final int MAX_DECIMAL_DIGITS = 30;
    /** Digits after the point (or, negative, trailing zeros before it) of any JSON decimal. */
    public static final int MAX_DECIMAL_SCALE = 20;

    /** Characters of the longest JSON string token: longer ones are refused while parsing. */
    public static final int MAX_JSON_STRING_CHARS = 100_000;
    /** Characters of the longest JSON number token. */
    public static final int MAX_JSON_NUMBER_CHARS = 100;
    /** Depth of nested objects and arrays in a request body. */
    public static final int MAX_JSON_NESTING = 64;

    /**
     * Characters of the longest address (path and query, as in the request line) the service answers; longer
     * ones are refused with 414 ({@link RequestUriGuard}). A filtered page's address stays far below it.
     */
    public static final int MAX_ADDRESS_CHARS = 4_096;

    /** Longest value quoted back to a caller in a problem message; longer ones are cut with "…". */
    public static final int MAX_ECHOED_CHARS = 40;

    /** The message of a percentage with more digits than its {@code numeric(9, 6)} column keeps. */
    public static final String PERCENT_DIGITS =
            "must have at most 3 digits before and 6 after the decimal point; it is stored exactly, not rounded";

    /** Longest free text of an incident (summary, root cause). */
    public static final int MAX_LONG_TEXT = 20_000;
    /** Longest short free text (exclusion reason, a preventive action, a timeline line, a description). */
    public static final int MAX_SHORT_TEXT = 4_000;
    /** Most entries in one list of a request (affected services, timeline, preventive actions, ...). */
    public static final int MAX_LIST_ITEMS = 1_000;

    /** Most rows a report may group into (months, weeks or days of a reliability or trend report). */
    public static final int MAX_REPORT_GROUPS = 1_200;
    /** Highest page number of a paged list: 1,000,000 pages of 500 rows is far past any real table. */
    public static final int MAX_PAGE_NUMBER = 1_000_000;

    private InputLimits() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    public static boolean inRange(YearMonth month) {
        return !month.isBefore(EARLIEST_MONTH) && !month.isAfter(LATEST_MONTH);
    }

    /** Whether a decimal is small enough in digits and scale to be checked, compared and printed cheaply. */
    public static boolean tractable(BigDecimal value) {
        return value.precision() <= MAX_DECIMAL_DIGITS && Math.abs(value.scale()) <= MAX_DECIMAL_SCALE;
    }

    /** An ISO-8601 instant inside the bounds, or empty for anything else (unparsable, too long, out of range). */
    public static Optional<Instant> instant(String text) {
        return parse(text, Instant::parse).filter(InputLimits::inRange);
    }

    /** A date {@code YYYY-MM-DD} inside the bounds, or empty. */
    public static Optional<LocalDate> date(String text) {
        return parse(text, LocalDate::parse).filter(InputLimits::inRange);
    }

    /** A month {@code YYYY-MM} inside the bounds, or empty. */
    public static Optional<YearMonth> month(String text) {
        return parse(text, YearMonth::parse).filter(InputLimits::inRange);
    }

    private static <T> Optional<T> parse(String text, Function<String, T> parser) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The words a problem uses for an instant out of range. */
    public static String instantRange() {
        return "an ISO-8601 instant such as 2024-01-16T09:00:00Z, from year 1900 to 9999";
    }

    /** The words a problem uses for a date out of range. */
    public static String dateRange() {
        return "a date such as 2024-01-31, from year 1900 to 9999";
    }

    /** The words a problem uses for a month out of range. */
    public static String monthRange() {
        return "a month such as 2024-01, from 1900-01 to 9999-12";
    }

    /** The words a problem uses for a decimal out of bounds. */
    public static String decimalBounds() {
        return "a decimal number of at most " + MAX_DECIMAL_DIGITS + " digits and " + MAX_DECIMAL_SCALE
                + " decimal places";
    }

    /**
     * A caller's value as a problem may quote it: at most {@link #MAX_ECHOED_CHARS} characters, control
     * characters, bidirectional controls and halves of surrogate pairs replaced by {@code ?} (a cut never splits
     * a pair), longer values cut with an ellipsis, so no message grows with the input or reorders around it.
     */
    public static String echo(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof BigDecimal decimal && !tractable(decimal) ? "(a number out of bounds)"
                : String.valueOf(value);
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), MAX_ECHOED_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < limit
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                boolean hidden = Character.isISOControl(c) || Character.isSurrogate(c) || TextSanity.isBidiControl(c);
                out.append(hidden ? '?' : c);
            }
        }
        if (text.length() > MAX_ECHOED_CHARS) {
            out.append('…');
        }
        return out.toString();
    }

    /**
     * A query parameter that must be a whole number within {@code [min, max]}: {@code defaultValue} when blank;
     * otherwise a violation naming the parameter and the range ({@code "must be a whole number from 0 to 500"})
     * is added to {@code bad} and {@code defaultValue} answered, so a caller can collect every bad parameter
     * before refusing. The one reading of whole-number parameters: every resource and page calls it.
     */
    public static int wholeNumber(String name, String value, int defaultValue, int min, int max,
            List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return wholeNumber(name, value, min, max, bad, defaultValue);
    }

    /**
     * A whole number within {@code [min, max]} that must be given (a parameter whose default the resource
     * declares, so an empty value was typed on purpose): anything else, blank included, adds the violation of
     * {@link #wholeNumber(String, String, int, int, int, List)} to {@code bad} and answers {@code min}.
     */
    public static int wholeNumber(String name, String value, int min, int max, List<FieldViolation> bad) {
        return wholeNumber(name, value, min, max, bad, min);
    }

    private static int wholeNumber(String name, String value, int min, int max, List<FieldViolation> bad,
            int otherwise) {
        if (value != null && value.length() <= MAX_JSON_NUMBER_CHARS) {
            try {
                int parsed = Integer.parseInt(value.strip());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed range
            }
        }
        bad.add(new FieldViolation(name, "must be a whole number from " + min + " to " + max));
        return otherwise;
    }
}
