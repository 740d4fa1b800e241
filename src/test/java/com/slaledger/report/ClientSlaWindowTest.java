package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/clients/{key}/sla?from=&to=}: a window of whole days in the client's zone, from the
 * exact month figures. Every figure below is worked out by hand in the comments.
 */
@QuarkusTest
class ClientSlaWindowTest {

    /**
     * UTC client, target 99.9, one tier below 99.9 → 10 % of EUR 1,000.00.
     * <pre>
     * January 2024  2,678,400 s   outage 10 Jan 10:00–11:00 at 100 %: D = 3,600 s → 99.865591397849462 %, breached, EUR 100.00
     * February 2024 2,505,600 s   outage  5 Feb 10:00–10:30 at 100 %: D = 1,800 s → 99.928160919540229 %, met
     * March 2024    2,678,400 s   nothing: 100 %, met
     * Q1: measured 7,862,400 s, D = 5,400 s → 100 · (1 − 5,400 / 7,862,400) = 99.931318681318681… %
     * </pre>
     */
    private String quarterWithOneBreach() {
        String service = Fixtures.service("window");
        String client = Fixtures.client("window", "UTC");
        contract(client, terms("2024-01-01", List.of(service), "99.9", "1000.00", "EUR", List.of(tier("99.9", "10"))));
        record(incident("January outage", List.of(service), "2024-01-10T10:00:00Z", "2024-01-10T11:00:00Z"));
        record(incident("February outage", List.of(service), "2024-02-05T10:00:00Z", "2024-02-05T10:30:00Z"));
        return client;
    }

    @Test
    void aQuarterAddsTheMonthsDowntimeAndMeasuredTimeAndCountsWholeMonths() {
        String client = quarterWithOneBreach();
        api().queryParam("from", "2024-01-01").queryParam("to", "2024-04-01").queryParam("asOf", "2024-06-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("from", equalTo("2024-01-01"))
                .body("to", equalTo("2024-04-01"))
                .body("window.from", equalTo("2024-01-01T00:00:00Z"))
                .body("window.to", equalTo("2024-04-01T00:00:00Z"))
                .body("provisional", equalTo(false))
                .body("measurable", equalTo(true))
                .body("targetPercent", number("99.9"))
                .body("measuredSeconds", number(7862400))
                .body("downtimeSeconds", number(5400))
                .body("maintenanceSeconds", number(0))
                .body("availabilityPercent", equalTo("99.931318681318681"))
                .body("availabilityDisplay", equalTo("99.931"))
                .body("uncoveredDays", equalTo(0))
                .body("wholeMonths", equalTo(3))
                .body("breachFreeMonths", equalTo(2))
                .body("breachedMonths", equalTo(1))
                .body("provisionalMonths", equalTo(0))
                .body("creditTotals", hasSize(1))
                .body("creditTotals[0].currency", equalTo("EUR"))
                .body("creditTotals[0].creditAmount", equalTo("100.00"))
                .body("creditTotals[0].months", equalTo(3))
                .body("creditTotals[0].provisional", equalTo(false))
                .body("months.month", contains("2024-01", "2024-02", "2024-03"))
                .body("months.availabilityPercent",
                        contains("99.865591397849462", "99.928160919540229", "100"))
                .body("months.breached", contains(true, false, false))
                .body("months.creditAmount", contains("100.00", "0.00", "0.00"))
                .body("months.wholeMonth", contains(true, true, true))
                .body("months.incidentCount", contains(1, 1, 0));
    }

    /**
     * [15 Jan, 10 Feb): January's part (17 days, 1,468,800 s) misses the 10 January outage; February's part
     * (9 days, 777,600 s) holds the 1,800 s one. Availability = 100 · (1 − 1,800 / 2,246,400) =
     * 99.919871794871794… %. Both months are cut by the window: no breach or credit is decided for them.
     */
    @Test
    void aCustomWindowMeasuresTheCutMonthsButDecidesNoCreditForThem() {
        String client = quarterWithOneBreach();
        api().queryParam("from", "2024-01-15").queryParam("to", "2024-02-10").queryParam("asOf", "2024-06-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("measuredSeconds", number(2246400))
                .body("downtimeSeconds", number(1800))
                .body("availabilityPercent", equalTo("99.919871794871794"))
                .body("wholeMonths", equalTo(0))
                .body("breachFreeMonths", equalTo(0))
                .body("creditTotals", hasSize(0))
                .body("months.from", contains("2024-01-15T00:00:00Z", "2024-02-01T00:00:00Z"))
                .body("months.to", contains("2024-02-01T00:00:00Z", "2024-02-10T00:00:00Z"))
                .body("months.wholeMonth", contains(false, false))
                .body("months.breached", contains(nullValue(), nullValue()))
                .body("months.creditAmount", contains(nullValue(), nullValue()));
    }

    /**
     * asOf 15 February 00:00 UTC: January complete (3,600 s, breached); February measured to the 15th
     * (14 days, 1,209,600 s; its 1,800 s outage gives 99.851190476190476 %, below 99.9 so far); March not
     * started (nothing measured). Window: 100 · (1 − 5,400 / 3,888,000) = 99.861111111111111 %, provisional;
     * credit EUR 100.00 (January) + EUR 100.00 (February so far) + 0, marked provisional.
     */
    @Test
    void aWindowReachingPastAsOfIsProvisionalAndItsOpenMonthsAreNeitherMetNorBreached() {
        String client = quarterWithOneBreach();
        api().queryParam("from", "2024-01-01").queryParam("to", "2024-04-01").queryParam("asOf", "2024-02-15T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("provisional", equalTo(true))
                .body("measuredSeconds", number(3888000))
                .body("downtimeSeconds", number(5400))
                .body("availabilityPercent", equalTo("99.861111111111111"))
                .body("breachFreeMonths", equalTo(0))
                .body("breachedMonths", equalTo(1))
                .body("provisionalMonths", equalTo(2))
                .body("creditTotals[0].creditAmount", equalTo("200.00"))
                .body("creditTotals[0].provisional", equalTo(true))
                .body("months.provisional", contains(false, true, true))
                .body("months.measurable", contains(true, true, false))
                .body("months.availabilityPercent", contains("99.865591397849462", "99.851190476190476", "100"));
    }

    /**
     * Europe/Berlin, contract from 15 February 2024; window Q1 2024 in Berlin. January (31 days) and
     * 1–14 February (14 days) have no contract: 45 uncovered days. 15–29 February: 15 days, 1,296,000 s.
     * March in Berlin loses an hour to DST on the 31st: 2,674,800 s. Measured 3,970,800 s, no outage.
     */
    @Test
    void aWindowIsClippedToTheContractAndFollowsTheClientsZone() {
        String service = Fixtures.service("berlin");
        String client = Fixtures.client("berlin", "Europe/Berlin");
        contract(client, terms("2024-02-15", List.of(service), "99.5", "500.00", "GBP", List.of()));
        api().queryParam("from", "2024-01-01").queryParam("to", "2024-04-01").queryParam("asOf", "2024-06-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("window.from", equalTo("2023-12-31T23:00:00Z"))
                .body("window.to", equalTo("2024-03-31T22:00:00Z"))
                .body("uncoveredDays", equalTo(45))
                .body("measuredSeconds", number(3970800))
                .body("availabilityPercent", equalTo("100"))
                .body("months.month", contains("2024-02", "2024-03"))
                .body("months.from", contains("2024-02-14T23:00:00Z", "2024-02-29T23:00:00Z"))
                .body("wholeMonths", equalTo(2))
                .body("breachFreeMonths", equalTo(2))
                .body("creditTotals[0].currency", equalTo("GBP"))
                .body("creditTotals[0].creditAmount", equalTo("0.00"));
        api().queryParam("from", "2023-01-01").queryParam("to", "2024-01-01")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(404);
    }

    @Test
    void badWindowsAreRefusedNamingTheField() {
        String client = quarterWithOneBreach();
        String path = "/api/reports/clients/" + client + "/sla";
        api().queryParam("from", "2024-01-01").get(path).then().statusCode(400)
                .body("violations.field", contains("to"));
        api().queryParam("from", "2024-02-01").queryParam("to", "2024-02-01").get(path).then().statusCode(400)
                .body("violations.field", contains("to"));
        api().queryParam("from", "2024-02-30").queryParam("to", "2024-03-01").get(path).then().statusCode(400)
                .body("violations.field", contains("from"));
        api().queryParam("from", "2014-01-01").queryParam("to", "2024-01-02").get(path).then().statusCode(400)
                .body("violations[0].message", equalTo("must be at most 10 years after from"));
        api().queryParam("from", "2024-01-01").queryParam("to", "2024-02-01").queryParam("month", "2024-01")
                .get(path).then().statusCode(400).body("violations.field", contains("month"));
        // exactly ten years is allowed; the contract starts in 2024, so only 2024's months are measured
        api().queryParam("from", "2014-01-01").queryParam("to", "2024-01-01").get(path).then().statusCode(404);
        api().queryParam("from", "2015-01-01").queryParam("to", "2025-01-01").queryParam("asOf", "2025-06-01T00:00:00Z")
                .get(path).then().statusCode(200).body("months", hasSize(12)).body("uncoveredDays", equalTo(3287));
    }

    @Test
    void unknownQueryParametersAreRefusedInsteadOfIgnored() {
        String client = quarterWithOneBreach();
        api().queryParam("form", "2024-01-01").queryParam("to", "2024-02-01")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(400)
                .body("violations.field", contains("form"))
                .body("violations[0].message", equalTo(
                        "not a parameter of this endpoint; it takes asOf, from, month, to"));
        api().queryParam("mnth", "2024-01").get("/api/reports/sla").then().statusCode(400)
                .body("violations.field", contains("mnth"));
        api().queryParam("groupby", "service").get("/api/reports/reliability").then().statusCode(400)
                .body("violations.field", hasItem("groupby"));
        // the month report still answers its own parameters
        api().queryParam("month", "2024-01").queryParam("asOf", "2024-06-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("availabilityPercent", equalTo("99.865591397849462"));
    }
}
