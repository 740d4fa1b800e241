package com.slaledger.credit;

import com.slaledger.report.Csv;
import java.util.List;

/**
 * The billing system's CSV of approved credits: one row per credit, money in the currency's minor unit, text made
 * spreadsheet-safe by {@link Csv} (a client named {@code =HYPERLINK(...)} reads as text). The billing system
 * fills {@code creditNoteNumber} and {@code issuedOn}; finance posts them back to {@code POST /api/credits/issue}.
 */
public final class CreditCsv {

    private CreditCsv() {
    }

    /** One approved credit; {@code creditNoteNumber} and {@code issuedOn} are empty for the billing system. */
    public record Row(long creditId, String clientKey, String clientName, String month, String currency,
            String amount, String creditPercent, String claimReference, String claimedAt, String creditNoteNumber,
            String issuedOn) {

        static Row of(Credit credit) {
            CreditResponse response = CreditResponse.of(credit);
            return new Row(response.id(), response.clientKey(), response.clientName(), response.month(),
                    response.currency(), response.amount(), response.creditPercent().toPlainString(),
                    response.claimReference(), String.valueOf(response.claimedAt()), null, null);
        }
    }

    /** The CSV text (RFC 4180, CRLF line ends, a header row). */
    public static String of(List<Row> rows) {
        return Csv.of(Row.class, rows);
    }
}
