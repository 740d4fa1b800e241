package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A business-hours SLA month through the API: docs/service-hours.md, worked example. */
@QuarkusTest
class ServiceHoursReportTest {

    /** Monday to Friday 08:00-18:00 with German public holidays. */
    static String germanOfficeHours() {
        String key = TestData.uniqueKey("office");
        List<Map<String, String>> ranges = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> Map.of("day", day, "from", "08:00", "to", "18:00")).toList();
        api().body(Map.of("key", key, "name", "Germany office hours", "weeklyHours", ranges,
                "holidayCountry", "DE")).post("/api/service-calendars").then().statusCode(201);
        return key;
    }

    /**
     * October 2024 in Europe/Berlin: [2024-09-30T22:00Z, 2024-10-31T23:00Z) = 745 h = 2,682,000 s (the clocks go
     * back on Sunday 27 October). Service hours: 23 weekdays less German Unity Day (Thursday 3 October) = 22 days
     * x 10 h = 792,000 s; outside them 2,682,000 - 792,000 = 1,890,000 s.
     * Incident A, Friday 25 Oct 17:30 CEST (15:30Z) to Monday 28 Oct 08:30 CET (07:30Z), across the DST change:
     * in hours Fri 17:30-18:00 and Mon 08:00-08:30, 1,800 + 1,800 = 3,600 s.
     * Incident B, 3 Oct 10:00-11:00 CEST, the holiday: 0 s.
     * availability = 1 - 3,600 / 792,000 = 1 - 1/220 = 99.5454545...%; budget at 99.9: 0.001 x 792,000 = 792 s,
     * remaining 792 - 3,600 = -2,808 s.
     */
    @Test
    void aServiceHoursMonthAcrossTheDstChangeAndAHolidayCountsOnlyInHoursDowntime() {
        String calendar = germanOfficeHours();
        String service = Fixtures.service("office");
        String client = Fixtures.client("office", "Europe/Berlin");
        Map<String, Object> terms = terms("2024-10-01", List.of(service), "99.9", "1000.00", "EUR", List.of());
        terms.put("serviceCalendar", calendar);
        contract(client, terms);
        Map<String, Object> weekend = incident("Weekend outage", List.of(service), "2024-10-25T15:30:00Z",
                "2024-10-28T07:30:00Z");
        weekend.put("detectedAt", "2024-10-25T15:30:00Z");
        weekend.put("acknowledgedAt", "2024-10-28T07:15:00Z");
        record(weekend);
        Map<String, Object> holiday = incident("Holiday outage", List.of(service), "2024-10-03T08:00:00Z",
                "2024-10-03T09:00:00Z");
        holiday.put("detectedAt", "2024-10-03T08:00:00Z");
        holiday.put("acknowledgedAt", "2024-10-03T08:10:00Z");
        record(holiday);

        api().queryParam("month", "2024-10").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("serviceCalendar", equalTo(calendar))
                .body("measuredSeconds", number(792000))
                .body("outsideServiceHoursSeconds", number(1890000))
                .body("maintenanceSeconds", number(0))
                .body("downtimeSeconds", number(3600))
                .body("availabilityPercent", equalTo("99.545454545454545"))
                .body("availabilityDisplay", equalTo("99.545"))
                .body("breached", equalTo(true))
                .body("budget.allowedSeconds", number(792))
                .body("budget.remainingSeconds", number(-2808))
                .body("incidents.downtimeSeconds", org.hamcrest.Matchers.contains(number(0), number(3600)))
                // TTA: weekend Fri 15:30Z to Mon 07:15Z = 63.75 h = 229,500 s on the wall clock; in hours
                // Fri 17:30-18:00 + Mon 08:00-08:15 = 2,700 s. Holiday: 600 s, in hours 0 s.
                // MTTA (229,500 + 600) / 2 = 115,050 s; business (2,700 + 0) / 2 = 1,350 s.
                .body("responseTimes.mtta.count", equalTo(2))
                .body("responseTimes.mtta.meanSeconds", number(115050))
                .body("responseTimes.businessMtta.meanSeconds", number(1350))
                .body("responseTimes.businessMtta.maxSeconds", number(2700))
                // TTR: 230,400 s and 3,600 s, mean 117,000 s; in hours 3,600 s and 0 s, mean 1,800 s
                .body("responseTimes.mttr.meanSeconds", number(117000))
                .body("responseTimes.businessMttr.meanSeconds", number(1800))
                .body("responseTimes.businessMttr.maxSeconds", number(3600));

        // the fleet report measures the same month the same way
        api().queryParam("month", "2024-10").get("/api/reports/sla").then().statusCode(200)
                .body("clients.find { it.clientKey == '" + client + "' }.measuredSeconds", number(792000))
                .body("clients.find { it.clientKey == '" + client + "' }.downtimeSeconds", number(3600));
    }

    /**
     * The minimum outage judges a stretch by its whole wall-clock length, then only its in-hours part counts:
     * Tuesday 15 Oct 2024 17:50-18:20 CEST (15:50Z-16:20Z) lasts 1,800 s, at least the 1,200 s minimum, so it is
     * kept; 17:50-18:00 is in hours: D = 600 s. Without the calendar the same contract counts 1,800 s.
     */
    @Test
    void theMinimumOutageJudgesTheWholeStretchAndOnlyItsInHoursPartCounts() {
        String calendar = germanOfficeHours();
        String service = Fixtures.service("office-min");
        String client = Fixtures.client("office-min", "Europe/Berlin");
        String plain = Fixtures.client("plain-min", "Europe/Berlin");
        Map<String, Object> terms = terms("2024-10-01", List.of(service), "99.9", "1000.00", "EUR", List.of());
        terms.put("minimumOutageSeconds", 1200);
        contract(plain, terms);
        terms.put("serviceCalendar", calendar);
        contract(client, terms);
        record(incident("Evening blip", List.of(service), "2024-10-15T15:50:00Z", "2024-10-15T16:20:00Z"));

        api().queryParam("month", "2024-10").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", number(600));
        api().queryParam("month", "2024-10").get("/api/reports/clients/" + plain + "/sla").then().statusCode(200)
                .body("serviceCalendar", nullValue())
                .body("responseTimes.businessMttr", nullValue())
                .body("responseTimes.mttr.meanSeconds", number(1800))
                .body("outsideServiceHoursSeconds", number(0))
                .body("downtimeSeconds", number(1800));
    }
}
