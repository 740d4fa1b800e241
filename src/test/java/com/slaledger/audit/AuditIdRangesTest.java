package com.slaledger.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slaledger.audit.AuditTrail.IdRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The id ranges of a compact creation entry, and PostgreSQL's canonical text of an int8multirange read back. */
class AuditIdRangesTest {

    @Test
    void consecutiveIdsCollapseIntoInclusiveRangesWhateverTheirOrder() {
        assertEquals(List.of(new IdRange(1, 3), new IdRange(51, 52), new IdRange(99, 99)),
                AuditTrail.ranges(List.of(52L, 2L, 99L, 1L, 3L, 51L, 2L)));
        assertEquals(List.of(new IdRange(7, 7)), AuditTrail.ranges(List.of(7L)));
    }

    @Test
    void canonicalMultirangeTextReadsBackAsInclusiveRanges() {
        // PostgreSQL prints an int8multirange as half-open ranges: {[1,4),[51,53),[99,100)}
        assertEquals(List.of(new IdRange(1, 3), new IdRange(51, 52), new IdRange(99, 99)),
                AuditTrail.parseRanges("{[1,4),[51,53),[99,100)}"));
        assertEquals(List.of(), AuditTrail.parseRanges("{}"));
        assertNull(AuditTrail.parseRanges(null));
    }
}
