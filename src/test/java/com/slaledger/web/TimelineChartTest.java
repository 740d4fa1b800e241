package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentResponse.TimelineEntryResponse;
import com.slaledger.incident.IncidentStatus;
import com.slaledger.incident.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineChartTest {

    private static IncidentResponse incident(String started, String detected, String acknowledged, String mitigated,
            String resolved, List<TimelineEntryResponse> timeline) {
        return new IncidentResponse(1, "test", "x", "t", Severity.SEV2, IncidentStatus.OPEN, mitigated == null
                && resolved == null, List.of("api"), List.of(), BigDecimal.valueOf(100), false, null, null, null,
                List.of(), timeline, at(started), at(detected), at(acknowledged), at(mitigated), at(resolved), null,
                null, null, null, Instant.EPOCH, Instant.EPOCH);
    }

    private static Instant at(String value) {
        return value == null ? null : Instant.parse(value);
    }

    @Test
    void markersSitInTimeOrderOnTheAxisAndCloseLabelsMoveToAnotherRow() {
        TimelineChart chart = TimelineChart.of(incident("2024-01-16T09:00:00Z", "2024-01-16T09:00:00Z",
                "2024-01-16T09:10:00Z", "2024-01-16T09:22:00Z", "2024-01-16T10:30:00Z",
                List.of(new TimelineEntryResponse(Instant.parse("2024-01-16T09:05:00Z"), "paged"))),
                ZoneId.of("Europe/Berlin"), Instant.parse("2030-01-01T00:00:00Z"));
        List<TimelineChart.Marker> markers = chart.markers();
        assertEquals(List.of("started", "detected", "acknowledged", "mitigated", "resolved"),
                markers.stream().map(TimelineChart.Marker::kind).toList());
        assertEquals(List.of("10:00", "10:00", "10:10", "10:22", "11:30"),
                markers.stream().map(TimelineChart.Marker::time).toList());
        for (int i = 1; i < markers.size(); i++) {
            assertTrue(markers.get(i).x() >= markers.get(i - 1).x(), "in time order");
        }
        // started and detected at the same moment: their labels must not share a row
        assertFalse(markers.get(0).labelY() == markers.get(1).labelY());
        assertTrue(markers.stream().allMatch(m -> m.x() >= chart.plotLeft() && m.x() <= chart.plotRight()));
        assertTrue(markers.stream().allMatch(m -> m.labelY() > 0 && m.labelY() < chart.axisY()));
        assertFalse(chart.impact().ongoing());
        assertEquals(markers.get(0).x(), chart.impact().x(), 0.1);
        assertEquals(markers.get(3).x(), chart.impact().x() + chart.impact().width(), 0.2);
        assertEquals(1, chart.entries().size());
        assertTrue(chart.entries().get(0).y() > chart.axisY() && chart.entries().get(0).y() < chart.tickLabelY());
        assertEquals("Times in Europe/Berlin (UTC+01:00), 2024-01-16", chart.caption());
    }

    @Test
    void ticksFallOnRoundLocalTimes() {
        TimelineChart chart = TimelineChart.of(incident("2024-01-16T09:00:00Z", null, null, "2024-01-16T10:00:00Z",
                null, List.of()), ZoneId.of("Asia/Kolkata"), Instant.now());
        List<String> labels = chart.ticks().stream().map(TimelineChart.Tick::label).toList();
        assertTrue(labels.contains("14:30") && labels.contains("15:30"), labels.toString());
        assertTrue(labels.size() <= 8);
    }

    @Test
    void anOngoingIncidentsImpactRunsToNow() {
        TimelineChart chart = TimelineChart.of(incident("2024-01-16T09:00:00Z", null, null, null, null, List.of()),
                ZoneId.of("UTC"), Instant.parse("2024-01-18T09:00:00Z"));
        assertTrue(chart.impact().ongoing());
        assertTrue(chart.impact().x() + chart.impact().width() > chart.plotRight() - 40);
        assertEquals("Times in UTC, 2024-01-16 to 2024-01-18", chart.caption());
        assertEquals("01-16 09:00", chart.markers().get(0).time());
    }

    @Test
    void anIncidentSpanningCenturiesHasAFewTicksWithYears() {
        // 1900 to 9999 is accepted by the API; one tick per month would be ~97,000 ticks and a page of many MB
        TimelineChart chart = TimelineChart.of(incident("1900-01-01T00:00:00Z", null, null, null,
                "9999-12-31T00:00:00Z", List.of()), ZoneId.of("UTC"), Instant.parse("2024-01-18T09:00:00Z"));
        List<String> labels = chart.ticks().stream().map(TimelineChart.Tick::label).toList();
        assertTrue(labels.size() >= 2 && labels.size() <= 9, labels.toString());
        assertTrue(labels.get(0).matches("\\d{4}-\\d{2}-\\d{2}"), labels.toString());
    }
}
