package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The COPY text format as PostgreSQL's documentation ("COPY", "Text Format") defines it. */
class CopyRowsTest {

    @Test
    void valuesAreSeparatedByTabsAndRowsByNewlinesWithNullAsBackslashN() {
        CopyRows rows = new CopyRows().add(7).add("a").addNull().endRow()
                .add(-8).add((String) null).add(true).endRow()
                .add(new BigDecimal("1E+2")).add(new BigDecimal("37.500000")).add(false).endRow();
        assertEquals("7\ta\t\\N\n-8\t\\N\tt\n100\t37.500000\tf\n", rows.text());
        assertEquals(3, rows.rows());
    }

    @Test
    void backslashesNewlinesCarriageReturnsAndTabsInTextAreEscapedAndNothingElse() {
        String text = "tab\there, line\nbreak, cr\r, back\\slash, \\N, \\., \"quoted\" 'x', é ✓ 😀 \u202e, \u0008";
        assertEquals("tab\\there, line\\nbreak, cr\\r, back\\\\slash, \\\\N, \\\\., \"quoted\" 'x', é ✓ 😀 \u202e,"
                + " \u0008\n", new CopyRows().add(text).endRow().text());
    }

    @Test
    void instantsAreIsoUtcWithSixFractionDigitsCutNotRounded() {
        CopyRows rows = new CopyRows().add(Instant.parse("2024-05-02T08:00:00.123456789Z"))
                .add(Instant.parse("2024-05-02T08:00:00Z")).add(Instant.parse("0001-01-01T00:00:00.000001Z"))
                .add(Instant.parse("1969-12-31T23:59:59.5Z")).add(Instant.parse("9999-12-31T23:59:59.999999Z"))
                .add((Instant) null).endRow();
        assertEquals("2024-05-02T08:00:00.123456Z\t2024-05-02T08:00:00.000000Z\t0001-01-01T00:00:00.000001Z\t"
                + "1969-12-31T23:59:59.500000Z\t9999-12-31T23:59:59.999999Z\t\\N\n", rows.text());
        assertThrows(IllegalArgumentException.class, () -> new CopyRows().add(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void aClosedRangeQuotesItsBoundsAndLeavesAMissingUpperBoundOpen() {
        CopyRows rows = new CopyRows().addClosedRange(Instant.parse("2024-05-02T08:00:00.123456789Z"),
                Instant.parse("2024-05-02T09:00:00Z")).addClosedRange(Instant.parse("1969-12-31T23:59:59.5Z"), null)
                .endRow();
        assertEquals("[\"2024-05-02T08:00:00.123456Z\",\"2024-05-02T09:00:00.000000Z\"]\t"
                + "[\"1969-12-31T23:59:59.500000Z\",)\n", rows.text());
    }

    @Test
    void aTextWithNulIsRefusedWithPostgresqlsOwnStateBeforeAnythingIsSent() {
        CopyRows rows = new CopyRows().add("bad\u0000title").endRow();
        // no connection is touched: the refusal comes first
        SQLException refused = assertThrows(SQLException.class, () -> rows.copyInto(null, "incident (title)"));
        assertEquals("22021", refused.getSQLState());
    }

    @Test
    void aRowLeftOpenIsABug() {
        CopyRows rows = new CopyRows().add(1);
        assertThrows(IllegalStateException.class, () -> rows.copyInto(null, "incident (id)"));
    }
}
