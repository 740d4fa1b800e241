package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slaledger.analytics.TrendMetric;
import com.slaledger.analytics.TrendVerdict;
import com.slaledger.report.TrendReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static TrendReport.Series series(TrendMetric metric, Double slope, Double pValue, TrendVerdict verdict,
            String... values) {
        List<TrendReport.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TrendReport.Point(String.format("2024-%02d", i + 1),
                    values[i] == null ? null : new BigDecimal(values[i])));
        }
        return new TrendReport.Series(metric, slope, pValue, verdict, points);
    }

    @Test
    void theVerdictInWordsSaysWhichWayByHowMuchAndHowSure() {
        assertEquals("getting better: about 4 min faster a month; 95 % confident", TrendChart.verdictText(
                series(TrendMetric.MTTR_SECONDS, -240.0, 0.03, TrendVerdict.IMPROVING, "600", "360")));
        assertEquals("getting worse: about 1.5 more incidents a month; 99 % confident", TrendChart.verdictText(
                series(TrendMetric.INCIDENT_COUNT, 1.5, 0.004, TrendVerdict.WORSENING, "1", "3")));
        assertEquals("no clear trend", TrendChart.verdictText(
                series(TrendMetric.MTTA_SECONDS, -30.0, 0.128, TrendVerdict.NO_SIGNIFICANT_CHANGE, "60", "30")));
        assertEquals("no change", TrendChart.verdictText(
                series(TrendMetric.INCIDENT_COUNT, 0.0, null, TrendVerdict.NO_SIGNIFICANT_CHANGE, "0", "0", "0")));
        assertEquals("too few months to tell a trend", TrendChart.verdictText(
                series(TrendMetric.MTTA_SECONDS, null, null, TrendVerdict.NO_SIGNIFICANT_CHANGE, "60")));
    }

    @Test
    void pointsSitOnAScaleFromZeroWithTheirValuesAndAMissingMonthBreaksTheLine() {
        // 4 months over x 70..340 (step 90); values 0..4 over y 140 (zero) .. 12 (4): 128 units, 32 a step
        TrendChart chart = TrendChart.of(series(TrendMetric.INCIDENT_COUNT, -1.0, 0.2,
                TrendVerdict.NO_SIGNIFICANT_CHANGE, "4", "2", null, "1"), "Incidents", BigDecimal::toPlainString,
                series(TrendMetric.INCIDENT_COUNT, null, null, TrendVerdict.NO_SIGNIFICANT_CHANGE, "3"));
        assertEquals(List.of("70.0,12.0 160.0,76.0", "340.0,108.0"), chart.segments());
        assertEquals(3, chart.points().size());
        assertEquals(new TrendChart.Point("2024-01", 70.0, 12.0, "4", "start"), chart.points().get(0));
        assertEquals(new TrendChart.Point("2024-04", 340.0, 108.0, "1", "end"), chart.points().get(2));
        // ticks at 0, 2 and 4 from the bottom up; a month label every third month ending with the last
        assertEquals(List.of("0", "2", "4"), chart.ticks().stream().map(TrendChart.Tick::label).toList());
        assertEquals(List.of("Jan 24", "Apr 24"), chart.months().stream().map(TrendChart.MonthLabel::label).toList());
        assertEquals("p = 0.200 (the chance of a slope this steep if nothing changed)", chart.pValueText());
        assertEquals("2024-01 so far: 3", chart.soFar());
    }

    @Test
    void durationScalesEndOnARoundFigureAndTheirTicksAreShort() {
        // nothing but zeros: 0 to 2 minutes; 15.5 days: 0 to 16 days in steps of 8
        assertEquals(120.0, TrendChart.niceMaximum(TrendMetric.MTTA_SECONDS, 0));
        assertEquals(16 * 86400.0, TrendChart.niceMaximum(TrendMetric.DOWNTIME_SECONDS, 15.5 * 86400));
        assertEquals(2.0, TrendChart.niceMaximum(TrendMetric.INCIDENT_COUNT, 1));
        assertEquals(List.of("0 s", "1 min", "2 min"), TrendChart.of(series(TrendMetric.MTTA_SECONDS, null, null,
                TrendVerdict.NO_SIGNIFICANT_CHANGE, "0", "0"), "MTTA", Formats::duration, null)
                .ticks().stream().map(TrendChart.Tick::label).toList());
        assertEquals("8 d", TrendChart.compactDuration(8 * 86400));
        assertEquals("3.5 h", TrendChart.compactDuration(3.5 * 3600));
    }

    @Test
    void withoutAMonthUnderWayThereIsNoSoFar() {
        TrendChart chart = TrendChart.of(series(TrendMetric.AVAILABILITY_PERCENT, null, null,
                TrendVerdict.NO_SIGNIFICANT_CHANGE, "99.5", "100"), "Availability", BigDecimal::toPlainString, null);
        assertNull(chart.soFar());
        assertEquals("p-value: not enough months to tell", chart.pValueText());
        // availability: the scale ends at 100 and starts a tenth of the span below the lowest month
        assertEquals("100.000 %", chart.ticks().get(2).label());
        assertEquals("99.450 %", chart.ticks().get(0).label());
    }
}
