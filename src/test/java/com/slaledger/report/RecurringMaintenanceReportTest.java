package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weekly maintenance rule through the API, seen by the client month across the spring DST change. */
@QuarkusTest
class RecurringMaintenanceReportTest {

    /** "Every Sunday 02:00-04:00 Europe/Berlin" from Sunday 2030-03-24 (02:00 CET = 01:00Z), for one client. */
    private static Map<String, Object> sundays(String client) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Sunday patching " + TestData.uniqueKey("mw"));
        body.put("startsAt", "2030-03-24T02:00:00+01:00");
        body.put("endsAt", "2030-03-24T04:00:00+01:00");
        body.put("scope", "CLIENTS");
        body.put("clients", List.of(client));
        body.put("recurrence", "FREQ=WEEKLY;BYDAY=SU");
        body.put("timeZone", "Europe/Berlin");
        return body;
    }

    /**
     * March 2030 in Europe/Berlin: [2030-02-28T23:00Z, 2030-03-31T22:00Z) = 31 d - 1 h = 2,674,800 s (the clocks
     * jump from 02:00 CET to 03:00 CEST on Sunday 31 March).
     * Incident 2030-03-31 00:30Z-02:30Z, 100%: 7,200 s.
     * Without maintenance: availability = 1 - 7,200 / 2,674,800 = 99.730820995962314...%.
     * The weekly rule gives 24 Mar [01:00Z, 03:00Z) and 31 Mar, where 02:00 does not exist and is read with the
     * offset before the gap (+01:00): [01:00Z, 03:00Z); M = 2 x 7,200 = 14,400 s.
     * D = incident outside M = 00:30Z-01:00Z = 1,800 s; |W\M| = 2,674,800 - 14,400 = 2,660,400 s;
     * availability = 1 - 1,800 / 2,660,400 = 1 - 1/1,478 = 99.93234100135317997...% (15 decimals, cut, not rounded).
     * Budget at 99.9: 0.001 x 2,660,400 = 2,660.4 s; remaining 2,660.4 - 1,800 = 860.4 s.
     */
    @Test
    void aWeeklyRuleMovesTheMonthsAvailabilityByItsOccurrences() {
        String service = Fixtures.service("weekly");
        String client = Fixtures.client("weekly", "Europe/Berlin");
        contract(client, terms("2030-03-01", List.of(service), "99.9", "1000.00", "EUR", List.of()));
        record(incident("Sunday night outage", List.of(service), "2030-03-31T00:30:00Z", "2030-03-31T02:30:00Z"));

        api().queryParam("month", "2030-03").queryParam("asOf", "2030-05-01T00:00:00Z").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("measuredSeconds", number(2674800))
                .body("downtimeSeconds", number(7200))
                .body("availabilityPercent", equalTo("99.730820995962314"));

        long id = api().body(sundays(client)).post("/api/maintenance-windows").then().statusCode(201)
                .body("startsAt", equalTo("2030-03-24T01:00:00Z"))
                .body("endsAt", equalTo("2030-03-24T03:00:00Z"))
                .body("recurrence", equalTo("FREQ=WEEKLY;BYDAY=SU"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("exceptions", hasSize(0))
                .body("recurrenceWarning", nullValue())
                .extract().jsonPath().getLong("id");

        api().queryParam("month", "2030-03").queryParam("asOf", "2030-05-01T00:00:00Z").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("maintenanceSeconds", number(14400))
                .body("measuredSeconds", number(2660400))
                .body("downtimeSeconds", number(1800))
                .body("availabilityPercent", equalTo("99.932341001353179"))
                .body("notes", hasSize(0))
                .body("budget.allowedSeconds", number("2660.4"))
                .body("budget.remainingSeconds", number("860.4"))
                .body("maintenanceWindows.id", contains((int) id, (int) id))
                .body("maintenanceWindows.startsAt", contains("2030-03-24T01:00:00Z", "2030-03-31T01:00:00Z"))
                .body("maintenanceWindows.endsAt", contains("2030-03-24T03:00:00Z", "2030-03-31T03:00:00Z"));

        // an exception for 31 March leaves 24 March only: M = 7,200 s, D = 7,200 s (the whole incident)
        Map<String, Object> without31st = sundays(client);
        without31st.put("exceptions", List.of("2030-03-31"));
        api().body(without31st).put("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("exceptions", contains("2030-03-31"));
        api().queryParam("month", "2030-03").queryParam("asOf", "2030-05-01T00:00:00Z").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("maintenanceSeconds", number(7200))
                .body("downtimeSeconds", number(7200))
                .body("maintenanceWindows.startsAt", contains("2030-03-24T01:00:00Z"));
    }

    /** Months later the rule still concerns the client: a list filtered to a far week finds the window. */
    @Test
    void theListFindsARecurringWindowLongAfterItsFirstOccurrence() {
        String client = Fixtures.client("weekly-list", "Europe/Berlin");
        long id = api().body(sundays(client)).post("/api/maintenance-windows").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        api().queryParam("from", "2031-06-01T00:00:00Z").queryParam("to", "2031-06-08T00:00:00Z")
                .queryParam("client", client)
                .get("/api/maintenance-windows").then().statusCode(200)
                .body("id", hasItem((int) id));
    }

    @Test
    void badRulesZonesAndExceptionsAreProblemsNamingTheField() {
        String client = Fixtures.client("weekly-bad", "UTC");
        Map<String, Object> badRule = sundays(client);
        badRule.put("recurrence", "FREQ=WEEKLY;BYDAY=XX");
        refused(badRule, "recurrence");

        Map<String, Object> hourly = sundays(client);
        hourly.put("recurrence", "FREQ=HOURLY");
        refused(hourly, "recurrence");

        Map<String, Object> huge = sundays(client);
        huge.put("recurrence", "FREQ=WEEKLY;" + "BYDAY=SU;".repeat(10_000));
        refused(huge, "recurrence");

        Map<String, Object> noZone = sundays(client);
        noZone.remove("timeZone");
        refused(noZone, "timeZone");

        Map<String, Object> badZone = sundays(client);
        badZone.put("timeZone", "Mars/Olympus");
        refused(badZone, "timeZone");

        Map<String, Object> manyExceptions = sundays(client);
        List<String> dates = new ArrayList<>();
        LocalDate day = LocalDate.of(2030, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            dates.add(day.plusDays(i).toString());
        }
        manyExceptions.put("exceptions", dates);
        refused(manyExceptions, "exceptions");

        Map<String, Object> exceptionsWithoutRule = sundays(client);
        exceptionsWithoutRule.remove("recurrence");
        exceptionsWithoutRule.remove("timeZone");
        exceptionsWithoutRule.put("exceptions", Collections.singletonList("2030-03-31"));
        refused(exceptionsWithoutRule, "exceptions");

        // nothing was written
        api().queryParam("client", client).get("/api/maintenance-windows").then().statusCode(200)
                .body("findAll { it.clients.contains('" + client + "') }", hasSize(0));
    }

    private static void refused(Map<String, Object> body, String field) {
        api().body(body).post("/api/maintenance-windows").then().statusCode(400)
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }
}
