package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.startsWith;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * June 2023 for finance. The report covers every client in the shared test database, so the checks look at this
 * test's own clients by key, and at totals by consistency with all rows. CHF and SEK are used by no other test.
 * <pre>
 * June 2023 in UTC = 30 days = 2,592,000 s; tiers below 99.9 → 10, below 99.0 → 25
 * chf-a  CHF 1000.00   2 h down (7,200 s)  → 99.722…% → 10% → CHF 100.00
 * chf-b  CHF 2500.50   8 h down (28,800 s) → 98.888…% → 25% → 625.125 → half-even CHF 625.12
 * sek-t  SEK 10000.00  Asia/Tokyo, no incident: window [2023-05-31T15:00Z, 2023-06-30T15:00Z), no credit
 * sek-u  SEK 333.33    1 h down, target 99.95, tier below 99.95 → 15 → 49.9995 → SEK 50.00
 * </pre>
 */
@QuarkusTest
class FleetSlaReportTest {

    private static final List<Map<String, Object>> TIERS = List.of(tier("99.9", "10"), tier("99.0", "25"));

    @Test
    void oneRowPerClientWithExactCreditsAndTotalsPerCurrencyInJsonAndTheSameNumbersInCsv() {
        String service = Fixtures.service("ledger");
        String chfA = Fixtures.client("chf-a", "UTC");
        String chfB = Fixtures.client("chf-b", "UTC");
        String sekT = Fixtures.client("sek-t", "Asia/Tokyo");
        String sekU = Fixtures.client("sek-u", "UTC");
        contract(chfA, terms("2023-01-01", List.of(service), "99.9", "1000.00", "CHF", TIERS));
        contract(chfB, terms("2023-01-01", List.of(service), "99.9", "2500.50", "CHF", TIERS));
        contract(sekT, terms("2023-01-01", List.of(service), "99.9", "10000.00", "SEK", TIERS));
        contract(sekU, terms("2023-01-01", List.of(service), "99.95", "333.33", "SEK", List.of(tier("99.95", "15"))));
        // each incident names its client, so it affects that client only although all four cover the service
        named(chfA, service, "2023-06-10T00:00:00Z", "2023-06-10T02:00:00Z");
        named(chfB, service, "2023-06-11T00:00:00Z", "2023-06-11T08:00:00Z");
        named(sekU, service, "2023-06-20T00:00:00Z", "2023-06-20T01:00:00Z");

        JsonPath json = api().queryParam("month", "2023-06").get("/api/reports/sla")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> rows = json.<Map<String, Object>>getList("clients").stream()
                .filter(row -> Set.of(chfA, chfB, sekT, sekU).contains((String) row.get("clientKey")))
                .collect(Collectors.toMap(row -> (String) row.get("clientKey"), row -> row));
        assertEquals(4, rows.size());
        assertRow(rows.get(chfA), "7200", "100.00", "CHF", true, "10");
        assertRow(rows.get(chfB), "28800", "625.12", "CHF", true, "25");
        assertRow(rows.get(sekT), "0", "0.00", "SEK", false, "0");
        assertRow(rows.get(sekU), "3600", "50.00", "SEK", true, "15");
        assertEquals("2023-05-31T15:00:00Z", rows.get(sekT).get("windowFrom"));
        assertEquals("2023-06-30T15:00:00Z", rows.get(sekT).get("windowTo"));
        assertEquals("99.722", rows.get(chfA).get("availabilityDisplay"));
        assertEquals("98.888", rows.get(chfB).get("availabilityDisplay"));
        assertEquals("Client " + chfA, rows.get(chfA).get("clientName"));

        // totals: one per currency, each the exact sum of that currency's rows and nothing else
        List<Map<String, Object>> allRows = json.getList("clients");
        Map<String, BigDecimal> summed = new HashMap<>();
        allRows.forEach(row -> summed.merge((String) row.get("currency"),
                new BigDecimal((String) row.get("creditAmount")), BigDecimal::add));
        List<Map<String, Object>> totals = json.getList("creditTotals");
        assertEquals(summed.size(), totals.size(), "one total per currency");
        for (Map<String, Object> total : totals) {
            assertEquals(0, summed.get((String) total.get("currency")).compareTo(new BigDecimal((String) total.get("creditAmount"))),
                    "total of " + total.get("currency"));
        }
        Map<String, Map<String, Object>> byCurrency = totals.stream()
                .collect(Collectors.toMap(total -> (String) total.get("currency"), total -> total));
        // in a fresh test database these two currencies are this test's alone
        assertTrue(new BigDecimal((String) byCurrency.get("CHF").get("creditAmount")).compareTo(new BigDecimal("725.12")) >= 0);
        assertTrue(new BigDecimal((String) byCurrency.get("SEK").get("creditAmount")).compareTo(new BigDecimal("50.00")) >= 0);

        // the CSV, asked for by Accept header and by ?format=csv, says the same
        String byHeader = given().accept("text/csv").queryParam("month", "2023-06").get("/api/reports/sla")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String byParameter = given().queryParam("month", "2023-06").queryParam("format", "csv").get("/api/reports/sla")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals(byHeader, byParameter);
        List<List<String>> csv = CsvParser.parse(byHeader);
        List<String> header = csv.get(0);
        assertEquals(List.of("clientKey", "clientName", "timeZone", "contractId", "windowFrom", "windowTo",
                "provisional", "targetPercent", "availabilityPercent", "availabilityDisplay", "downtimeSeconds",
                "measuredSeconds", "maintenanceSeconds", "breached", "creditPercent", "appliedCreditPercent", "creditAmount", "currency",
                "monthlyFee", "budgetAllowedSeconds", "budgetRemainingSeconds", "burnRate", "incidentCount"), header);
        assertEquals(allRows.size(), csv.size() - 1, "one CSV record per JSON row");
        int compared = 0;
        for (List<String> record : csv.subList(1, csv.size())) {
            Map<String, Object> row = rows.get(record.get(0));
            if (row == null) {
                continue;
            }
            for (int column = 0; column < header.size(); column++) {
                assertSameValue(header.get(column), row.get(header.get(column)), record.get(column));
            }
            compared++;
        }
        assertEquals(4, compared);
    }

    private static void named(String client, String service, String from, String to) {
        Map<String, Object> body = incident("outage for " + client, List.of(service), from, to);
        body.put("affectedClients", List.of(client));
        record(body);
    }

    private static void assertRow(Map<String, Object> row, String downtime, String credit, String currency,
            boolean breached, String creditPercent) {
        assertNotNull(row);
        assertEquals(0, new BigDecimal(row.get("downtimeSeconds").toString()).compareTo(new BigDecimal(downtime)));
        assertEquals(credit, row.get("creditAmount"));
        assertEquals(currency, row.get("currency"));
        assertEquals(breached, row.get("breached"));
        assertEquals(0, new BigDecimal(row.get("creditPercent").toString()).compareTo(new BigDecimal(creditPercent)));
        assertFalse((Boolean) row.get("provisional"));
    }

    /** A CSV field carries the JSON value: numbers equal as decimals, text as is, null as an empty field. */
    private static void assertSameValue(String column, Object json, String csv) {
        if (json == null) {
            assertEquals("", csv, column);
        } else if (json instanceof Number) {
            assertEquals(0, new BigDecimal(json.toString()).compareTo(new BigDecimal(csv)), column + ": " + csv);
        } else {
            assertEquals(json.toString(), csv, column);
        }
    }
}
