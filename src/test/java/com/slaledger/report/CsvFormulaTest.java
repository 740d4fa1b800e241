package com.slaledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text a spreadsheet would run as a formula is written as text (OWASP "CSV Injection"); numbers stay numbers. */
class CsvFormulaTest {

    record Line(String client, BigDecimal remainingSeconds, String availabilityPercent) {
    }

    @Test
    void cellsThatWouldRunAsFormulasGetAnApostropheAndNegativeDecimalsDoNot() {
        String csv = Csv.of(Line.class, List.of(
                new Line("=HYPERLINK(\"http://x\",\"a\")", new BigDecimal("-120.5"), "99.95"),
                new Line("@SUM(1)", BigDecimal.ZERO, "100"),
                new Line("+1", BigDecimal.ONE, "100"),
                new Line("-2", BigDecimal.ONE, "100"),
                new Line("Acme, Inc.", BigDecimal.ONE, "100")));
        assertEquals("client,remainingSeconds,availabilityPercent\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",-120.5,99.95\r\n"
                + "'@SUM(1),0,100\r\n"
                + "'+1,1,100\r\n"
                + "'-2,1,100\r\n"
                + "\"Acme, Inc.\",1,100\r\n", csv);
    }

    @Test
    void tabAndCarriageReturnFirstAreNeutralisedToo() {
        assertEquals("'\tcmd", Csv.spreadsheetSafe("\tcmd"));
        assertEquals("'\rcmd", Csv.spreadsheetSafe("\rcmd"));
        assertEquals("", Csv.spreadsheetSafe(""));
        assertEquals("Plain name", Csv.spreadsheetSafe("Plain name"));
    }
}
