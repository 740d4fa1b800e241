package com.slaledger.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The month's credits as finance loads them into a ledger or a spreadsheet: column headers in words, the
 * month and its days in each client's own zone, money at the currency's minor unit, yes/no for flags. The
 * machine CSV ({@link Csv}, {@code format=csv}) stays as it is for scripts.
 *
 * <p>Two files: the client lines, and the totals per currency (never one file mixing both, which a ledger
 * import would read as more lines). RFC 4180 quoting and CRLF line ends by Apache Commons CSV.
 *
 * <p>{@link Separator#SEMICOLON} is for spreadsheets in comma-decimal locales (de, fr, es...): fields
 * separated by {@code ;}, decimals written with a comma ({@code 99,950}, {@code 1200,00}), and a UTF-8 byte
 * order mark first, which is how Excel recognises UTF-8 in a CSV. {@link Separator#COMMA} writes plain
 * UTF-8 with no mark.
 */
public final class LedgerCsv {

    /** The field separator and, with it, the decimal mark. */
    public enum Separator {
        COMMA(',', '.', false), SEMICOLON(';', ',', true);

        private final char delimiter;
        private final char decimalMark;
        private final boolean byteOrderMark;

        Separator(char delimiter, char decimalMark, boolean byteOrderMark) {
            this.delimiter = delimiter;
            this.decimalMark = decimalMark;
            this.byteOrderMark = byteOrderMark;
        }
    }

    /** Which of the two files. */
    public enum Part {
        LINES, TOTALS
    }

    static final List<String> LINE_HEADERS = List.of("Client", "Client key", "Month", "Time zone", "First day",
            "Last day", "Availability %", "Target %", "SLA breached", "Credit tier %", "Credit % after cap", "Credit", "Currency",
            "Monthly fee", "Incidents", "Provisional");

    static final List<String> TOTAL_HEADERS = List.of("Month", "Currency", "Credit", "Clients", "Clients in breach",
            "Provisional");

    private LedgerCsv() {
    }

    /**
     * One line per client: the month as {@code YYYY-MM}, its first and last day in the client's zone (a
     * contract that starts mid-month starts the period there), availability floored to 3 decimals as shown
     * everywhere, money as the currency's minor unit.
     *
     * @return the file's bytes, UTF-8 (with a byte order mark for {@link Separator#SEMICOLON})
     */
    public static byte[] lines(FleetSlaReport report, Separator separator) {
        return write(separator, LINE_HEADERS, report.clients().stream().map(row -> {
            ZoneId zone = ZoneId.of(row.timeZone());
            return List.of(Csv.spreadsheetSafe(row.clientName()), row.clientKey(), report.month(), row.timeZone(),
                    row.windowFrom().atZone(zone).toLocalDate().toString(),
                    row.windowTo().atZone(zone).toLocalDate().minusDays(1).toString(),
                    decimal(row.availabilityDisplay(), separator), decimal(row.targetPercent(), separator),
                    yesNo(row.breached()), decimal(row.creditPercent(), separator),
                    decimal(row.appliedCreditPercent(), separator),
                    decimal(row.creditAmount(), separator), row.currency(), decimal(row.monthlyFee(), separator),
                    Integer.toString(row.incidentCount()), yesNo(row.provisional()));
        }).toList());
    }

    /** One line per currency: the credit owed, how many clients pay in it and how many of them breached. */
    public static byte[] totals(FleetSlaReport report, Separator separator) {
        return write(separator, TOTAL_HEADERS, report.creditTotals().stream()
                .map(total -> List.of(report.month(), total.currency(), decimal(total.creditAmount(), separator),
                        Integer.toString(total.clients()), Integer.toString(total.breached()),
                        yesNo(total.provisional())))
                .toList());
    }

    /** The file {@code part} of the report. */
    public static byte[] of(FleetSlaReport report, Part part, Separator separator) {
        return part == Part.TOTALS ? totals(report, separator) : lines(report, separator);
    }

    /** The download's file name: {@code sla-credits-2024-01.csv}, {@code sla-credit-totals-2024-01.csv}. */
    public static String fileName(FleetSlaReport report, Part part) {
        return (part == Part.TOTALS ? "sla-credit-totals-" : "sla-credits-") + report.month() + ".csv";
    }

    private static byte[] write(Separator separator, List<String> headers, List<List<String>> records) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator.delimiter).get();
        StringWriter out = new StringWriter();
        if (separator.byteOrderMark) {
            out.write('\uFEFF');
        }
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(headers);
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decimal(BigDecimal value, Separator separator) {
        return value == null ? "" : decimal(Decimals.plain(value).toPlainString(), separator);
    }

    /** A plain decimal ("1200.00") with the separator's decimal mark; no digit grouping, which imports misread. */
    private static String decimal(String plain, Separator separator) {
        return plain == null ? "" : plain.replace('.', separator.decimalMark);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
