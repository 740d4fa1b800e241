package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.maintenance;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientSlaReportTest {

    private static final List<Map<String, Object>> AWS_TIERS =
            List.of(tier("99.99", "10"), tier("99.0", "30"), tier("95.0", "100"));

    /** SPEC "Worked example": the seed outage, 22 minutes at 100% on 16 January 2024, seen by two contracts. */
    @Test
    void theSpecWorkedExampleThroughTheApi() {
        String service = Fixtures.service("servers");
        String strict = Fixtures.client("strict", "UTC");
        String lenient = Fixtures.client("lenient", "UTC");
        long strictContract = contract(strict, terms("2024-01-01", List.of(service), "99.99", "12000.00", "EUR", AWS_TIERS));
        contract(lenient, terms("2024-01-01", List.of(service), "99.9", "12000.00", "EUR", List.of()));
        Map<String, Object> outage = incident("Server outage on all server infrastructure", List.of(service),
                "2024-01-16T10:00:00+01:00", "2024-01-16T10:22:00+01:00");
        outage.put("detectedAt", "2024-01-16T10:00:00+01:00");
        outage.put("acknowledgedAt", "2024-01-16T10:10:00+01:00");
        long id = record(outage);

        api().queryParam("month", "2024-01").get("/api/reports/clients/" + strict + "/sla").then().statusCode(200)
                .body("client.key", equalTo(strict))
                .body("client.timeZone", equalTo("UTC"))
                .body("month", equalTo("2024-01"))
                .body("window.from", equalTo("2024-01-01T00:00:00Z"))
                .body("window.to", equalTo("2024-02-01T00:00:00Z"))
                .body("provisional", equalTo(false))
                .body("targetPercent", number("99.99"))
                .body("downtimeSeconds", number(1320))
                .body("measuredSeconds", number(2678400))
                .body("maintenanceSeconds", number(0))
                .body("availabilityDisplay", equalTo("99.950"))
                .body("availabilityPercent", startsWith("99.9507168458"))
                .body("availabilityPercent", equalTo("99.950716845878136"))
                .body("breached", equalTo(true))
                .body("creditPercent", number(10))
                .body("appliedCreditPercent", number(10))
                .body("creditAmount", equalTo("1200.00"))
                .body("currency", equalTo("EUR"))
                // (1 − 99.99/100) · 2,678,400 s = 267.84 s allowed; 267.84 − 1320 left
                .body("budget.allowedSeconds", number("267.84"))
                .body("budget.remainingSeconds", number("-1052.16"))
                .body("budget.burnRate", nullValue())
                .body("contract.id", equalTo((int) strictContract))
                .body("contract.impactModel", equalTo("PROPORTIONAL"))
                .body("contract.creditTiers.belowPercent", contains(number("99.99"), number("99.0"), number("95.0")))
                .body("contract.monthlyFee.amount", equalTo("12000.00"))
                .body("contract.creditCapPercent", number(100))
                .body("incidents", hasSize(1))
                .body("incidents[0].id", equalTo((int) id))
                .body("incidents[0].severity", equalTo("SEV2"))
                .body("incidents[0].startedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("incidents[0].impactEndedAt", equalTo("2024-01-16T09:22:00Z"))
                .body("incidents[0].impactPercent", number(100))
                .body("incidents[0].weight", number(1))
                .body("incidents[0].excluded", equalTo(false))
                .body("incidents[0].downtimeSeconds", number(1320));

        api().queryParam("month", "2024-01").get("/api/reports/clients/" + lenient + "/sla").then().statusCode(200)
                .body("availabilityDisplay", equalTo("99.950"))
                .body("breached", equalTo(false))
                .body("creditPercent", number(0))
                .body("creditAmount", equalTo("0.00"))
                .body("budget.allowedSeconds", number("2678.4"))
                .body("budget.remainingSeconds", number("1358.4"));
    }

    /**
     * SPEC "SLA breach and credit": creditPercent is the tier earned, the cap applies in the amount.
     * The worked example's 22 minutes (99.950717 %) under a tier "below 99.99 → 50 %" with a
     * 20 % cap on EUR 12,000.00: the tier earned is 50, the percent applied 20, the amount 20 % · 12,000.00 =
     * EUR 2,400.00 (not 6,000.00).
     */
    @Test
    void creditPercentIsTheTierEarnedAndTheCapShowsInTheAppliedPercentAndTheAmount() {
        String service = Fixtures.service("capped");
        String client = Fixtures.client("capped", "UTC");
        Map<String, Object> body = terms("2024-01-01", List.of(service), "99.99", "12000.00", "EUR",
                List.of(tier("99.99", "50")));
        body.put("creditCapPercent", 20);
        contract(client, body);
        record(incident("capped outage", List.of(service), "2024-01-16T09:00:00Z", "2024-01-16T09:22:00Z"));

        api().queryParam("month", "2024-01").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("availabilityDisplay", equalTo("99.950"))
                .body("breached", equalTo(true))
                .body("creditPercent", number(50))
                .body("appliedCreditPercent", number(20))
                .body("creditAmount", equalTo("2400.00"))
                .body("contract.creditCapPercent", number(20));
        api().queryParam("month", "2024-01").get("/api/reports/sla").then().statusCode(200)
                .body("clients.find { it.clientKey == '" + client + "' }.creditPercent", number(50))
                .body("clients.find { it.clientKey == '" + client + "' }.appliedCreditPercent", number(20))
                .body("clients.find { it.clientKey == '" + client + "' }.creditAmount", equalTo("2400.00"));
    }

    /**
     * March 2024 (UTC, 2,678,400 s), PROPORTIONAL, target 99.95, one tier below 99.95 → 10% of EUR 1,000.00.
     * <pre>
     * A  10:00–11:00 at 50%      weight 0.5
     * B  10:30–10:45 at 100%     weight 1
     * M  10:40–11:10 announced maintenance for this client (1,800 s)
     * U  10:00–10:10 maintenance NOT announced: ignored
     * X  20 March 08:00–09:00 at 100%, excluded: listed, contributes nothing
     * outage stretch [10:00, 11:00) minus M = [10:00, 10:40)
     * heaviest: A on [10:00, 10:30) → 0.5 · 1800 = 900 s; B on [10:30, 10:40) → 1 · 600 = 600 s
     * D = 1500 s; |W∖M| = 2,678,400 − 1,800 = 2,676,600 s
     * availability = 100 · (1 − 1500 / 2,676,600) = 99.943958753642681… → "99.943", breach, credit 100.00
     * budget allowed = 0.0005 · 2,676,600 = 1338.3 s; remaining = 1338.3 − 1500 = −161.7 s
     * </pre>
     */
    @Test
    void overlappingIncidentsCountTheHeaviestOnceAndAnnouncedMaintenanceIsLeftOut() {
        String service = Fixtures.service("checkout");
        String other = Fixtures.service("search");
        String client = Fixtures.client("overlap", "UTC");
        String neighbour = Fixtures.client("neighbour", "UTC");
        contract(client, terms("2024-03-01", List.of(service), "99.95", "1000.00", "EUR", List.of(tier("99.95", "10"))));
        Map<String, Object> half = incident("A: half the traffic", List.of(service),
                "2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z");
        half.put("impactPercent", 50);
        long a = record(half);
        long b = record(incident("B: everything", List.of(service), "2024-03-05T10:30:00Z", "2024-03-05T10:45:00Z"));
        Map<String, Object> excluded = incident("X: client's own doing", List.of(service),
                "2024-03-20T08:00:00Z", "2024-03-20T09:00:00Z");
        excluded.put("excluded", true);
        excluded.put("exclusionReason", "caused by the client");
        long x = record(excluded);
        record(incident("not a covered service", List.of(other), "2024-03-06T10:00:00Z", "2024-03-06T11:00:00Z"));
        Map<String, Object> forNeighbour = incident("names another client", List.of(service),
                "2024-03-07T10:00:00Z", "2024-03-07T11:00:00Z");
        forNeighbour.put("affectedClients", List.of(neighbour));
        record(forNeighbour);
        maintenance("2024-03-05T10:40:00Z", "2024-03-05T11:10:00Z", "CLIENTS", List.of(client), null, true);
        maintenance("2024-03-05T10:00:00Z", "2024-03-05T10:10:00Z", "CLIENTS", List.of(client), null, false);

        api().queryParam("month", "2024-03").queryParam("asOf", "2024-06-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("asOf", equalTo("2024-06-01T00:00:00Z"))
                .body("downtimeSeconds", number(1500))
                .body("maintenanceSeconds", number(1800))
                .body("measuredSeconds", number(2676600))
                .body("availabilityPercent", equalTo("99.943958753642681"))
                .body("availabilityDisplay", equalTo("99.943"))
                .body("breached", equalTo(true))
                .body("creditPercent", number(10))
                .body("creditAmount", equalTo("100.00"))
                .body("budget.allowedSeconds", number("1338.3"))
                .body("budget.remainingSeconds", number("-161.7"))
                .body("incidents.id", contains((int) a, (int) b, (int) x))
                .body("incidents.weight", contains(number("0.5"), number(1), number(1)))
                .body("incidents.excluded", contains(false, false, true))
                .body("incidents.downtimeSeconds", contains(number(900), number(600), number(0)));
    }

    /**
     * Europe/Berlin. March 2024 there is [2024-02-29T23:00Z, 2024-03-31T22:00Z): 31 days less the hour lost to
     * DST on 31 March = 2,674,800 s. April is [2024-03-31T22:00Z, 2024-04-30T22:00Z) = 2,592,000 s. An outage
     * 21:30Z–22:30Z on 31 March (23:30–00:30 local) gives 1,800 s to each month.
     */
    @Test
    void monthsFollowTheClientsZoneAndAnIncidentAcrossTheEdgeIsSplit() {
        String service = Fixtures.service("edge");
        String client = Fixtures.client("berlin", "Europe/Berlin");
        contract(client, terms("2024-01-01", List.of(service), "99.9", "5000.00", "EUR", List.of()));
        long id = record(incident("across midnight", List.of(service), "2024-03-31T21:30:00Z", "2024-03-31T22:30:00Z"));

        api().queryParam("month", "2024-03").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("client.timeZone", equalTo("Europe/Berlin"))
                .body("window.from", equalTo("2024-02-29T23:00:00Z"))
                .body("window.to", equalTo("2024-03-31T22:00:00Z"))
                .body("measuredSeconds", number(2674800))
                .body("downtimeSeconds", number(1800))
                .body("incidents.id", contains((int) id))
                .body("incidents[0].downtimeSeconds", number(1800));
        api().queryParam("month", "2024-04").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("window.from", equalTo("2024-03-31T22:00:00Z"))
                .body("window.to", equalTo("2024-04-30T22:00:00Z"))
                .body("measuredSeconds", number(2592000))
                .body("downtimeSeconds", number(1800))
                .body("incidents.id", contains((int) id));
    }

    /**
     * An ongoing incident at 50% since 2024-05-10T10:00Z, asOf 12:00Z. May in Berlin starts 2024-04-30T22:00Z,
     * so 9 days 14 hours = 828,000 s are measured; D = 0.5 · 7,200 = 3,600 s;
     * availability = 100 · (1 − 3600/828000) = 99.565217391304347… (breach of 99.9, provisional).
     * Budget over the whole month (31 days, 2,678,400 s): allowed 2,678.4 s, remaining −921.6 s;
     * burn rate = (3600/2678.4) / (828000/2678400) = 4.347826086956521… → 4.347826086957 (12 places).
     */
    @Test
    void anOngoingIncidentRunsToAsOfAndTheMonthIsProvisional() {
        String service = Fixtures.service("ongoing");
        String client = Fixtures.client("berlin-live", "Europe/Berlin");
        contract(client, terms("2024-01-01", List.of(service), "99.9", "5000.00", "EUR", List.of(tier("99.9", "10"))));
        Map<String, Object> ongoing = incident("still burning", List.of(service), "2024-05-10T10:00:00Z", null);
        ongoing.put("impactPercent", 50);
        long id = record(ongoing);

        api().queryParam("month", "2024-05").queryParam("asOf", "2024-05-10T12:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("provisional", equalTo(true))
                .body("window.from", equalTo("2024-04-30T22:00:00Z"))
                .body("window.to", equalTo("2024-05-31T22:00:00Z"))
                .body("measuredSeconds", number(828000))
                .body("downtimeSeconds", number(3600))
                .body("availabilityPercent", equalTo("99.565217391304347"))
                .body("breached", equalTo(true))
                .body("creditAmount", equalTo("500.00"))
                .body("budget.allowedSeconds", number("2678.4"))
                .body("budget.remainingSeconds", number("-921.6"))
                .body("budget.burnRate", number("4.347826086957"))
                .body("incidents.id", contains((int) id))
                .body("incidents[0].impactEndedAt", nullValue())
                .body("incidents[0].ongoing", equalTo(true));
    }

    /** A first version starting mid-month clips the window; a month before any version is a 404 that says so. */
    @Test
    void theWindowIsClippedToTheContractAndAMonthWithoutOneIsNotFound() {
        String service = Fixtures.service("late");
        String client = Fixtures.client("late-start", "UTC");
        contract(client, terms("2024-01-15", List.of(service), "99.9", "100.00", "EUR", List.of()));

        api().queryParam("month", "2024-01").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("window.from", equalTo("2024-01-15T00:00:00Z"))
                .body("measuredSeconds", number(17 * 86400));
        api().queryParam("month", "2023-12").get("/api/reports/clients/" + client + "/sla").then().statusCode(404)
                .body("status", equalTo(404))
                .body("detail", equalTo("Client '" + client + "' has no contract in force in 2023-12"));
    }
}
