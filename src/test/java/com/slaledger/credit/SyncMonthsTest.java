package com.slaledger.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncMonthsTest {

    @Test
    void theScheduledSyncCoversTheCurrentMonthAndTheGivenNumberBeforeIt() {
        // 2026-01-03 in UTC: the current month 2026-01 and the three before it, across the year's turn
        assertEquals(List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12),
                YearMonth.of(2026, 1)), CreditService.recentMonths(Instant.parse("2026-01-03T00:00:00Z"), 3));
    }
}
