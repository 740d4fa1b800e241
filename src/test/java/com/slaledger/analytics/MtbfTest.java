package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MtbfTest {

    private static final TimeWindow DAY = TimeWindow.of(Instant.parse("2024-01-16T00:00:00Z"),
            Instant.parse("2024-01-17T00:00:00Z"));

    private static TimeWindow at(String from, String to) {
        return TimeWindow.of(Instant.parse("2024-01-16T" + from + "Z"), Instant.parse("2024-01-16T" + to + "Z"));
    }

    @Test
    void mtbfIsTheMeanGapBetweenTheEndOfOneOutageAndTheStartOfTheNext() {
        // gaps 09:10→10:00 = 3000 s and 10:05→11:50 = 6300 s: mean 4650 s
        Mtbf mtbf = Mtbf.of(DAY, List.of(at("11:50:00", "12:30:00"), at("09:00:00", "09:10:00"), at("10:00:00", "10:05:00")));
        assertEquals(3, mtbf.outageCount());
        assertEquals(new BigDecimal("4650"), mtbf.mtbfSeconds());
    }

    @Test
    void overlappingAndTouchingOutagesAreOneFailure() {
        // [09:00,09:30) and [09:20,09:40) and [09:40,09:45) merge into one; next at 10:45: one gap of 3600 s
        Mtbf mtbf = Mtbf.of(DAY, List.of(at("09:00:00", "09:30:00"), at("09:20:00", "09:40:00"),
                at("09:40:00", "09:45:00"), at("10:45:00", "11:00:00")));
        assertEquals(2, mtbf.outageCount());
        assertEquals(new BigDecimal("3600"), mtbf.mtbfSeconds());
    }

    @Test
    void fewerThanTwoOutagesLeaveMtbfUndefined() {
        assertNull(Mtbf.of(DAY, List.of(at("09:00:00", "09:10:00"))).mtbfSeconds());
        assertEquals(0, Mtbf.of(DAY, List.of()).outageCount());
        assertNull(Mtbf.of(DAY, List.of()).mtbfSeconds());
    }

    @Test
    void outagesOutsideTheWindowAreIgnored() {
        Mtbf mtbf = Mtbf.of(DAY, List.of(at("09:00:00", "09:10:00"),
                TimeWindow.of(Instant.parse("2024-01-18T00:00:00Z"), Instant.parse("2024-01-18T01:00:00Z"))));
        assertEquals(1, mtbf.outageCount());
        assertNull(mtbf.mtbfSeconds());
    }

    @Test
    void incidentsOfWeightZeroAndExcludedOnesAreNotFailures() {
        Instant asOf = Instant.parse("2024-02-01T00:00:00Z");
        List<IncidentImpact> incidents = List.of(
                IncidentImpact.full("a", Instant.parse("2024-01-16T09:00:00Z"), Instant.parse("2024-01-16T09:10:00Z")),
                new IncidentImpact("minor", Instant.parse("2024-01-16T10:00:00Z"), Instant.parse("2024-01-16T10:10:00Z"),
                        new BigDecimal("10"), false),
                new IncidentImpact("client-caused", Instant.parse("2024-01-16T11:00:00Z"),
                        Instant.parse("2024-01-16T11:10:00Z"), Percent.HUNDRED, true),
                IncidentImpact.full("b", Instant.parse("2024-01-16T12:10:00Z"), null));
        Mtbf mtbf = Mtbf.of(DAY, asOf, incidents, ImpactModel.threshold(new BigDecimal("50")));
        // failures a and b (ongoing): one gap 09:10 → 12:10 = 10800 s
        assertEquals(2, mtbf.outageCount());
        assertEquals(new BigDecimal("10800"), mtbf.mtbfSeconds());
        assertEquals(3, Mtbf.of(DAY, asOf, incidents, ImpactModel.PROPORTIONAL).outageCount());
    }
}
