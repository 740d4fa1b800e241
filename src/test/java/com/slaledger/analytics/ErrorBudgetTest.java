package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

    private static final TimeWindow JANUARY = TimeWindow.month(YearMonth.of(2024, 1), ZoneOffset.UTC);
    private static final BigDecimal TARGET = new BigDecimal("99.9");

    private static Availability januaryWithOutage(Instant asOf, List<TimeWindow> maintenance, String outageEnd) {
        return Availability.measure(JANUARY, asOf, maintenance,
                List.of(IncidentImpact.full("a", Instant.parse("2024-01-02T00:00:00Z"), Instant.parse(outageEnd))),
                ImpactModel.PROPORTIONAL, 0);
    }

    @Test
    void burnRateOfAProvisionalMonthComparesBudgetUsedWithMonthElapsed() {
        // 10 of 31 days elapsed; D = 1339.2 s is half of the 2678.4 s allowed: 0.5 / (10/31) = 1.55.
        Availability soFar = januaryWithOutage(Instant.parse("2024-01-11T00:00:00Z"), List.of(),
                "2024-01-02T00:22:19.2Z");
        ErrorBudget budget = ErrorBudget.of(TARGET, JANUARY, List.of(), soFar);
        assertEquals(new BigDecimal("2678.4"), budget.allowedSeconds());
        assertEquals(new BigDecimal("1339.2"), budget.remainingSeconds());
        assertEquals(new BigDecimal("1.55"), budget.burnRate());
    }

    @Test
    void remainingBudgetGoesNegativeOnceDowntimeExceedsIt() {
        // 2678.4 − 3000 = −321.6
        ErrorBudget budget = ErrorBudget.of(TARGET, JANUARY, List.of(),
                januaryWithOutage(Instant.parse("2024-03-01T00:00:00Z"), List.of(), "2024-01-02T00:50:00Z"));
        assertEquals(new BigDecimal("-321.6"), budget.remainingSeconds());
        assertNull(budget.burnRate());
    }

    @Test
    void announcedMaintenanceShrinksTheBudget() {
        // 0.001 · (2678400 − 3600) = 2674.8
        List<TimeWindow> maintenance = List.of(TimeWindow.of(Instant.parse("2024-01-20T00:00:00Z"),
                Instant.parse("2024-01-20T01:00:00Z")));
        ErrorBudget budget = ErrorBudget.of(TARGET, JANUARY, maintenance,
                januaryWithOutage(Instant.parse("2024-03-01T00:00:00Z"), maintenance, "2024-01-02T00:10:00Z"));
        assertEquals(new BigDecimal("2674.8"), budget.allowedSeconds());
        assertEquals(new BigDecimal("2074.8"), budget.remainingSeconds());
    }

    @Test
    void hundredPercentTargetAllowsNothingAndHasNoBurnRate() {
        ErrorBudget budget = ErrorBudget.of(Percent.HUNDRED, JANUARY, List.of(),
                januaryWithOutage(Instant.parse("2024-01-11T00:00:00Z"), List.of(), "2024-01-02T00:00:01Z"));
        assertEquals(0, budget.allowedSeconds().signum());
        assertEquals(new BigDecimal("-1"), budget.remainingSeconds());
        assertNull(budget.burnRate());
    }
}
