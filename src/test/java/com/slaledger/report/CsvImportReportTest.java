package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 10,000-row CSV goes in and the client's month moves exactly as computed by hand. */
@QuarkusTest
class CsvImportReportTest {

    @Test
    void tenThousandImportedIncidentsMoveTheClientsMonth() {
        String service = Fixtures.service("csv-month");
        String client = Fixtures.client("csv-month", "UTC");
        contract(client, terms("2024-01-01", List.of(service), "99.9", "1000.00", "EUR",
                List.of(tier("99.9", "10"), tier("99.0", "30"), tier("95.0", "100"))));
        api().queryParam("month", "2024-03").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", number(0)).body("availabilityPercent", equalTo("100"))
                .body("breached", equalTo(false)).body("creditAmount", equalTo("0.00"));

        // Incident i starts at 2024-03-01T00:00Z + 240 s * i and ends 12 s later: none overlap, the last starts
        // 2,399,760 s into the month (of 2,678,400 s, 31 days). Even rows at 100 %, odd rows at 50 %
        // (proportional model): downtime = 5,000 * 12 + 5,000 * 6 = 90,000 s.
        // Availability = (2,678,400 - 90,000) / 2,678,400 = 96.63978494623655913...%: below 99.0, not below 95.0,
        // so the 30 % tier: 300.00 EUR of the 1,000.00 fee.
        String source = TestData.uniqueKey("csv-month");
        StringBuilder csv = new StringBuilder("source,externalId,title,severity,affectedServices,impactPercent,"
                + "startedAt,mitigatedAt,resolvedAt\n");
        Instant monthStart = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            Instant start = monthStart.plusSeconds(240L * i);
            Instant end = start.plusSeconds(12);
            csv.append(source).append(",r").append(i).append(",Blip ").append(i).append(",SEV3,").append(service)
                    .append(',').append(i % 2 == 0 ? "100" : "50").append(',').append(start).append(',')
                    .append(end).append(',').append(end).append('\n');
        }
        given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 600_000))).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/incidents/import").then().statusCode(200)
                .body("rows", equalTo(10_000)).body("created", equalTo(10_000));

        api().queryParam("month", "2024-03").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("measuredSeconds", number(2678400))
                .body("downtimeSeconds", number(90000))
                .body("availabilityPercent", startsWith("96.6397849462365"))
                .body("breached", equalTo(true))
                .body("creditPercent", number(30))
                .body("creditAmount", equalTo("300.00"));
        // the month before and after are untouched
        api().queryParam("month", "2024-04").get("/api/reports/clients/" + client + "/sla").then()
                .body("downtimeSeconds", number(0));
    }
}
