package com.slaledger.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV of report rows. The columns are the row record's components, in order, so a CSV column
 * always carries the same name and value as the JSON field beside it. Decimals are written plain
 * ({@code 1320}, {@code 99.950716845878136}), never in exponent form; null is an empty field.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final String LINE_END = "\r\n";

    private Csv() {
    }

    public static <R extends Record> String of(Class<R> rowType, List<R> rows) {
        RecordComponent[] columns = rowType.getRecordComponents();
        StringBuilder csv = new StringBuilder();
        csv.append(Arrays.stream(columns).map(column -> field(column.getName())).collect(Collectors.joining(",")))
                .append(LINE_END);
        for (R row : rows) {
            csv.append(Arrays.stream(columns).map(column -> field(text(value(column, row))))
                    .collect(Collectors.joining(","))).append(LINE_END);
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of a report row", e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String string) {
            return spreadsheetSafe(string);
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /**
     * Text that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or
     * carriage return first) gets a leading apostrophe, as OWASP's "CSV Injection" advises; a client named
     * {@code =HYPERLINK(...)} then reads as text in the finance export. Other text is unchanged.
     */
    public static String spreadsheetSafe(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0) {
            return text;
        }
        return "'" + text;
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes inside doubled. */
    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
