package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.analytics.TrendMetric;
import com.slaledger.analytics.TrendVerdict;
import com.slaledger.report.TrendReport;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    private static TrendReport.Series series(Double pValue, TrendVerdict verdict, String... values) {
        List<TrendReport.Point> points = Arrays.stream(values).map(v -> new TrendReport.Point("2024-0" + 1,
                v == null ? null : new BigDecimal(v))).toList();
        return new TrendReport.Series(TrendMetric.INCIDENT_COUNT, -1.0, pValue, verdict, points);
    }

    @Test
    void pointsSpanTheBoxLowestAtTheBottomAndAMissingMonthBreaksTheLine() {
        // 4 points over x 4..236 (step 77.33); values 1..3 over y 44 (lowest) .. 4 (highest)
        Sparkline line = Sparkline.of(series(0.01, TrendVerdict.IMPROVING, "3", "1", null, "2"), "Incidents",
                BigDecimal::toPlainString);
        assertEquals(List.of("4.0,4.0 81.3,44.0", "236.0,24.0"), line.segments());
        assertEquals("2", line.lastValue());
        assertEquals("improving", line.verdict());
        assertEquals("0.010", line.pValue());
    }

    @Test
    void aFlatSeriesSitsOnTheBottomAndHasNoPValue() {
        Sparkline line = Sparkline.of(series(null, TrendVerdict.NO_SIGNIFICANT_CHANGE, "5", "5"), "Incidents",
                BigDecimal::toPlainString);
        assertEquals(List.of("4.0,44.0 236.0,44.0"), line.segments());
        assertEquals("no significant change", line.verdict());
        assertEquals("n/a", line.pValue());
    }
}
