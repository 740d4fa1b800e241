package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendTest {

    private static List<MonthlyValue> series(String... values) {
        List<MonthlyValue> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new MonthlyValue(YearMonth.of(2024, 1).plusMonths(i),
                    values[i] == null ? null : new BigDecimal(values[i])));
        }
        return points;
    }

    @Test
    void risingAvailabilityIsImproving() {
        Trend trend = Trend.of(TrendMetric.AVAILABILITY_PERCENT,
                series("99.00", "99.21", "99.39", "99.62", "99.80", "99.99"));
        assertEquals(TrendVerdict.IMPROVING, trend.verdict());
        assertTrue(trend.slopePerMonth() > 0.19 && trend.slopePerMonth() < 0.21, trend::toString);
        assertTrue(trend.pValue() < 0.001, trend::toString);
    }

    @Test
    void risingMttrIsWorsening() {
        Trend trend = Trend.of(TrendMetric.MTTR_SECONDS, series("600", "700", "810", "900", "1010", "1100"));
        assertEquals(TrendVerdict.WORSENING, trend.verdict());
    }

    @Test
    void fallingIncidentCountIsImproving() {
        Trend trend = Trend.of(TrendMetric.INCIDENT_COUNT, series("12", "11", "9", "8", "6", "5", "3"));
        assertEquals(TrendVerdict.IMPROVING, trend.verdict());
    }

    @Test
    void noisyFlatSeriesShowsNoSignificantChange() {
        Trend trend = Trend.of(TrendMetric.DOWNTIME_SECONDS, series("500", "700", "450", "720", "480", "690", "510"));
        assertEquals(TrendVerdict.NO_SIGNIFICANT_CHANGE, trend.verdict());
        assertTrue(trend.pValue() > 0.05, trend::toString);
    }

    @Test
    void perfectlyLinearSeriesHasItsExactSlope() {
        Trend trend = Trend.of(TrendMetric.MTTA_SECONDS, series("600", "500", "400", "300"));
        assertEquals(-100.0, trend.slopePerMonth(), 1e-9);
        assertEquals(TrendVerdict.IMPROVING, trend.verdict());
    }

    @Test
    void constantSeriesHasNoPValueAndNoChange() {
        Trend trend = Trend.of(TrendMetric.AVAILABILITY_PERCENT, series("100", "100", "100", "100"));
        assertEquals(0.0, trend.slopePerMonth(), 0.0);
        assertNull(trend.pValue());
        assertEquals(TrendVerdict.NO_SIGNIFICANT_CHANGE, trend.verdict());
    }

    @Test
    void fewerThanThreePointsShowNoSignificantChangeWithoutAPValue() {
        Trend trend = Trend.of(TrendMetric.MTTR_SECONDS, series("600", "6000"));
        assertNull(trend.pValue());
        assertEquals(5400.0, trend.slopePerMonth(), 1e-9);
        assertEquals(TrendVerdict.NO_SIGNIFICANT_CHANGE, trend.verdict());
    }

    @Test
    void valuesAllInOneMonthHaveNoSlope() {
        YearMonth january = YearMonth.of(2024, 1);
        Trend trend = Trend.of(TrendMetric.INCIDENT_COUNT, List.of(new MonthlyValue(january, BigDecimal.ONE),
                new MonthlyValue(january, BigDecimal.TEN), new MonthlyValue(january, BigDecimal.ZERO)));
        assertNull(trend.slopePerMonth());
        assertEquals(TrendVerdict.NO_SIGNIFICANT_CHANGE, trend.verdict());
    }

    @Test
    void monthsWithoutAValueAreSkippedButKeepTheirPlaceOnTheTimeAxis() {
        // values at months 0, 2, 3: 100, 300, 400 lie on a line of slope 100 per month
        Trend trend = Trend.of(TrendMetric.MTTA_SECONDS, series("100", null, "300", "400"));
        assertEquals(100.0, trend.slopePerMonth(), 1e-9);
        assertEquals(4, trend.points().size());
        assertEquals(TrendVerdict.WORSENING, trend.verdict());
    }
}
