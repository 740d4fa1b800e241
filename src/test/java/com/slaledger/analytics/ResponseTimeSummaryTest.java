package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

class ResponseTimeSummaryTest {

    private static final Instant T0 = Instant.parse("2024-01-16T09:00:00Z");

    /** Detected at T0, acknowledged {@code ackSeconds} later, restored an hour after start. */
    private static IncidentTimeline acknowledgedAfter(String id, long ackSeconds) {
        return new IncidentTimeline(id, T0, T0, T0.plusSeconds(ackSeconds), T0.plusSeconds(3600), T0.plusSeconds(7200));
    }

    private static List<IncidentTimeline> acknowledgedAfter(long... ackSeconds) {
        List<IncidentTimeline> incidents = new ArrayList<>();
        for (int i = 0; i < ackSeconds.length; i++) {
            incidents.add(acknowledgedAfter("i" + i, ackSeconds[i]));
        }
        return incidents;
    }

    private static void assertSeconds(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void oddCountMedianIsTheMiddleValueAndP90Interpolates() {
        // sorted 60,120,300,600,1800; median rank (5−1)·0.5 = 2 → 300;
        // p90 rank 4·0.9 = 3.6 → 600 + 0.6·(1800 − 600) = 1320; mean 2880/5 = 576.
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE,
                acknowledgedAfter(600, 60, 1800, 120, 300));
        assertEquals(5, mtta.count());
        assertSeconds("576", mtta.meanSeconds());
        assertSeconds("300", mtta.medianSeconds());
        assertSeconds("1320", mtta.p90Seconds());
        assertSeconds("1800", mtta.maxSeconds());
        assertEquals(0, mtta.missing());
        assertEquals(0, mtta.open());
    }

    @Test
    void evenCountMedianAndP90InterpolateBetweenClosestRanks() {
        // 10,20,30,40: median rank 1.5 → 25; p90 rank 2.7 → 30 + 0.7·10 = 37.
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE,
                acknowledgedAfter(40, 10, 30, 20));
        assertSeconds("25", mtta.medianSeconds());
        assertSeconds("37", mtta.p90Seconds());
    }

    @Test
    void percentilesAgreeWithCommonsMathR7() {
        List<BigDecimal> values = List.of(new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("7.25"),
                new BigDecimal("11"), new BigDecimal("30"), new BigDecimal("31"), new BigDecimal("100"));
        double[] doubles = values.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
        // commons-math takes percents in (0, 100]
        for (String fraction : List.of("0.1", "0.25", "0.5", "0.9", "1")) {
            double expected = r7.evaluate(doubles, Double.parseDouble(fraction) * 100);
            assertEquals(expected, Percentiles.percentileInc(values, new BigDecimal(fraction)).doubleValue(), 1e-9, fraction);
        }
    }

    @Test
    void singleValueIsItsOwnMedianAndP90() {
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, acknowledgedAfter(42));
        assertSeconds("42", mtta.medianSeconds());
        assertSeconds("42", mtta.p90Seconds());
    }

    @Test
    void meanRoundsHalfEvenToTheMicrosecond() {
        // (1 + 1 + 2) / 3 = 1.3333333… → 1.333333
        assertEquals(new BigDecimal("1.333333"),
                ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, acknowledgedAfter(1, 1, 2)).meanSeconds());
    }

    @Test
    void noIncidentsGiveCountZeroAndNullFigures() {
        ResponseTimeSummary empty = ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESTORE, List.of());
        assertEquals(0, empty.count());
        assertNull(empty.meanSeconds());
        assertNull(empty.medianSeconds());
        assertNull(empty.p90Seconds());
        assertNull(empty.maxSeconds());
    }

    @Test
    void incidentsLackingATimestampAreCountedAsMissing() {
        IncidentTimeline neverDetected = new IncidentTimeline("x", T0, null, T0.plusSeconds(60), T0.plusSeconds(120), null);
        List<IncidentTimeline> incidents = List.of(neverDetected, acknowledgedAfter("y", 30));
        ResponseTimeSummary mttd = ResponseTimeSummary.of(ResponseMetric.TIME_TO_DETECT, incidents);
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, incidents);
        assertEquals(1, mttd.count());
        assertEquals(1, mttd.missing());
        assertEquals(1, mtta.count());
        assertEquals(1, mtta.missing());
        assertSeconds("30", mtta.meanSeconds());
    }

    @Test
    void ongoingIncidentsAreOpenForMttrAndMitigatedButUnresolvedOnesAreOpenForMttResolve() {
        IncidentTimeline ongoing = new IncidentTimeline("o", T0, T0, null, null, null);
        IncidentTimeline mitigatedOnly = new IncidentTimeline("m", T0, T0, null, T0.plusSeconds(900), null);
        List<IncidentTimeline> incidents = List.of(ongoing, mitigatedOnly, acknowledgedAfter("done", 10));

        ResponseTimeSummary mttr = ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESTORE, incidents);
        assertEquals(2, mttr.count());
        assertEquals(1, mttr.open());
        assertEquals(0, mttr.missing());
        assertSeconds("2250", mttr.meanSeconds()); // (900 + 3600) / 2

        ResponseTimeSummary mttResolve = ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESOLVE, incidents);
        assertEquals(1, mttResolve.count());
        assertEquals(2, mttResolve.open());
        assertSeconds("7200", mttResolve.meanSeconds());
    }

    @Test
    void restoreTimeFallsBackToResolvedAtWithoutMitigatedAt() {
        IncidentTimeline resolvedOnly = new IncidentTimeline("r", T0, null, null, null, T0.plusSeconds(1500));
        assertSeconds("1500", ResponseTimes.of(resolvedOnly).timeToRestoreSeconds());
    }

    @Test
    void responseTimesKeepMicroseconds() {
        IncidentTimeline incident = new IncidentTimeline("u", Instant.parse("2024-01-16T09:00:00.000001Z"),
                null, null, Instant.parse("2024-01-16T09:00:01.0000009Z"), null);
        assertEquals(new BigDecimal("0.999999"), ResponseTimes.of(incident).timeToRestoreSeconds());
    }

    @Test
    void onlyIncidentsStartedInTheWindowAreAggregated() {
        TimeWindow window = TimeWindow.of(T0, T0.plusSeconds(86400));
        IncidentTimeline before = new IncidentTimeline("b", T0.minusSeconds(1), T0, T0.plusSeconds(5000), null, null);
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE,
                List.of(before, acknowledgedAfter("in", 60)), window);
        assertEquals(1, mtta.count());
        assertSeconds("60", mtta.maxSeconds());
    }

    @Test
    void outOfOrderInstantsAreRejectedNamingTheFields() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new IncidentTimeline("bad", T0, T0.plusSeconds(60), T0.plusSeconds(30), null, null));
        assertTrue(error.getMessage().contains("acknowledgedAt"), error.getMessage());
        assertTrue(error.getMessage().contains("detectedAt"), error.getMessage());
        assertEquals(List.of(), IncidentTimeline.orderViolations(T0, null, T0.plusSeconds(1), null, T0.plusSeconds(2)));
        assertEquals(1, IncidentTimeline.orderViolations(T0, null, null, T0.plusSeconds(10), T0.plusSeconds(5)).size());
    }
}
