package com.slaledger.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for one table, written by PostgreSQL's {@code COPY ... FROM STDIN} in its text format (PostgreSQL
 * documentation, "COPY", section "Text Format"): columns separated by a tab, rows ended by a newline,
 * {@code \N} for null, and a backslash before every backslash, newline, carriage return and tab inside a value.
 * COPY is PostgreSQL's fastest way in for many rows: no statement to parse or plan per row or per batch.
 *
 * <p>Values are written in the forms PostgreSQL reads back exactly: instants as ISO-8601 in UTC with six
 * fraction digits ({@code 2024-05-02T08:00:00.123456Z}; nanoseconds beyond the microsecond are cut, as
 * PostgreSQL keeps microseconds), numbers in plain notation, booleans as {@code t}/{@code f}.
 *
 * <p>Text cannot hold NUL in PostgreSQL: a value with one is kept out of the copy, which then fails with
 * SQLSTATE 22021 before anything is sent, as an insert of that text would (the service answers it with a 400).
 * Built by one thread, copied once.
 */
public final class CopyRows {

    private static final String NUL_STATE = "22021";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean firstColumn = true;
    private boolean holdsNul;
    private int rows;

    /** Adds a whole number. */
    public CopyRows add(long number) {
        separate().append(number);
        return this;
    }

    /** Adds a decimal number in plain notation (no exponent); null as null. */
    public CopyRows add(BigDecimal number) {
        if (number == null) {
            return addNull();
        }
        separate().append(number.toPlainString());
        return this;
    }

    /** Adds a boolean. */
    public CopyRows add(boolean value) {
        separate().append(value ? 't' : 'f');
        return this;
    }

    /** Adds a text, escaped; null as null. */
    public CopyRows add(String value) {
        if (value == null) {
            return addNull();
        }
        StringBuilder out = separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u0000' -> holdsNul = true;
                default -> out.append(c);
            }
        }
        return this;
    }

    /** Adds an instant (a {@code timestamptz}), cut to microseconds; null as null. Years 1 to 9999. */
    public CopyRows add(Instant instant) {
        if (instant == null) {
            return addNull();
        }
        appendInstant(separate(), instant);
        return this;
    }

    /**
     * Adds a closed {@code tstzrange}, {@code [lower, upper]}, in PostgreSQL's range text form (documentation,
     * "Range Types", section "Range Input/Output"); a null {@code upper} is unbounded ({@code [lower,)}). The
     * bounds are cut to microseconds like every instant here; {@code lower} must not be after {@code upper}.
     */
    public CopyRows addClosedRange(Instant lower, Instant upper) {
        StringBuilder out = separate().append("[\"");
        appendInstant(out, lower);
        out.append("\",");
        if (upper != null) {
            appendInstant(out.append('"'), upper);
            out.append("\"]");
        } else {
            out.append(')');
        }
        return this;
    }

    /** Adds a null. */
    public CopyRows addNull() {
        separate().append("\\N");
        return this;
    }

    /** Ends the current row: the values added since the last call are one row. */
    public CopyRows endRow() {
        text.append('\n');
        firstColumn = true;
        rows++;
        return this;
    }

    /** The rows ended so far. */
    public int rows() {
        return rows;
    }

    /** The rows as they will be sent: for tests. */
    String text() {
        return text.toString();
    }

    /**
     * Copies the rows into {@code target}, a table and its column list in the order of the values (say
     * {@code incident_client (incident_id, client_id)}; a name of the schema, never user input), on the
     * caller's connection and so in its transaction; does nothing without rows.
     *
     * @return the number of rows PostgreSQL inserted
     * @throws SQLException SQLSTATE 22021 when a text held NUL (nothing sent), or PostgreSQL's refusal of a row
     *                      (a constraint, a trigger); the copy is cancelled, the transaction must roll back
     */
    public long copyInto(Connection connection, String target) throws SQLException {
        if (!firstColumn) {
            throw new IllegalStateException("a row was not ended");
        }
        if (holdsNul) {
            throw new SQLException("Text must not contain NUL characters", NUL_STATE);
        }
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + target + " from stdin (format text)");
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private StringBuilder separate() {
        if (firstColumn) {
            firstColumn = false;
        } else {
            text.append('\t');
        }
        return text;
    }

    /** {@code 2024-05-02T08:00:00.123456Z}: what {@code Instant.toString()} writes, with a fixed six-digit fraction. */
    private static void appendInstant(StringBuilder out, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year outside 1-9999: " + instant);
        }
        digits(out, year, 4).append('-');
        digits(out, utc.getMonthValue(), 2).append('-');
        digits(out, utc.getDayOfMonth(), 2).append('T');
        digits(out, utc.getHour(), 2).append(':');
        digits(out, utc.getMinute(), 2).append(':');
        digits(out, utc.getSecond(), 2).append('.');
        digits(out, utc.getNano() / 1_000, 6).append('Z');
    }

    /** {@code value} in {@code width} decimal digits, zeros in front. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int place = width - 1; place >= 0; place--) {
            out.append((char) ('0' + value / POWERS_OF_TEN[place] % 10));
        }
        return out;
    }
}
