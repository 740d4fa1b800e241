package com.slaledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesByDowntimeTest {

    private static IncidentFacts incident(long id, String percent, boolean excluded, String start, String end,
            String... services) {
        return new IncidentFacts(id, "i" + id, Severity.SEV2, new BigDecimal(percent), excluded,
                Instant.parse(start), null, null, Instant.parse(end), null, List.of(services), List.of());
    }

    @Test
    void overlapsCountOnceAtTheHeaviestWeightAndExcludedIncidentsNotAtAll() {
        TimeWindow day = TimeWindow.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"));
        List<IncidentFacts> incidents = List.of(
                // api: 100 % 10:00-10:30, then 50 % until 11:00 → 1,800 s + 0.5 × 1,800 s = 2,700 s
                incident(1, "100", false, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z", "api"),
                incident(2, "50", false, "2024-05-01T10:20:00Z", "2024-05-01T11:00:00Z", "api"),
                // db: 40 % for 10 minutes → 240 s; the excluded hour counts nothing
                incident(3, "40", false, "2024-05-01T12:00:00Z", "2024-05-01T12:10:00Z", "db"),
                incident(4, "100", true, "2024-05-01T13:00:00Z", "2024-05-01T14:00:00Z", "db", "cache"));
        List<ReliabilityReport.ServiceDowntime> ranked = ReliabilityReportService.servicesByDowntime(incidents, day,
                Instant.parse("2024-06-01T00:00:00Z"));
        assertEquals(List.of("api", "db"), ranked.stream().map(ReliabilityReport.ServiceDowntime::service).toList());
        assertEquals(0, new BigDecimal("2700").compareTo(ranked.get(0).downtimeSeconds()));
        assertEquals(2, ranked.get(0).outageCount());
        assertEquals(0, new BigDecimal("240").compareTo(ranked.get(1).downtimeSeconds()));
    }
}
