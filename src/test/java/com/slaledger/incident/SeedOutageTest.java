package com.slaledger.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outage the product was born from (the 0x19 postmortem): 16 January 2024, 10:00 to 10:22 at
 * GMT+1, pagers at 10:00, acknowledged at 10:10, 100% impact. It must come back exactly as recorded,
 * with SPEC's response times: TTD 0 min, TTA 10 min, TTR 22 min.
 */
@QuarkusTest
class SeedOutageTest {

    @Test
    void theSeedOutageRoundTripsWithTheSpecResponseTimes() {
        String service = Fixtures.service("servers");
        String externalId = TestData.uniqueKey("0x19");
        Map<String, Object> body = Map.ofEntries(
                Map.entry("source", "postmortem"),
                Map.entry("externalId", externalId),
                Map.entry("title", "Server outage on all server infrastructure"),
                Map.entry("severity", "SEV1"),
                Map.entry("affectedServices", List.of(service)),
                Map.entry("impactPercent", 100),
                Map.entry("startedAt", "2024-01-16T10:00:00+01:00"),
                Map.entry("detectedAt", "2024-01-16T10:00:00+01:00"),
                Map.entry("acknowledgedAt", "2024-01-16T10:10:00+01:00"),
                Map.entry("mitigatedAt", "2024-01-16T10:22:00+01:00"),
                Map.entry("resolvedAt", "2024-01-16T10:22:00+01:00"),
                Map.entry("rootCause", "Upgrades needing unsupported third-party authentication shipped untested"),
                Map.entry("preventiveActions", List.of("Ship every change to a test environment first",
                        "Alert on-call engineers earlier on server performance thresholds")),
                Map.entry("timeline", List.of(
                        Map.of("at", "2024-01-16T09:45:00+01:00", "text", "Upgrades implementation begins"),
                        Map.of("at", "2024-01-16T10:00:00+01:00", "text", "Server outage begins"),
                        Map.of("at", "2024-01-16T10:10:00+01:00", "text", "On-call team acknowledgement"),
                        Map.of("at", "2024-01-16T10:22:00+01:00", "text", "100% of traffic back online"))));
        int id = given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");

        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("startedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("detectedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("acknowledgedAt", equalTo("2024-01-16T09:10:00Z"))
                .body("mitigatedAt", equalTo("2024-01-16T09:22:00Z"))
                .body("impactPercent", equalTo(100))
                .body("timeToDetectSeconds", equalTo(0))
                .body("timeToAcknowledgeSeconds", equalTo(600))
                .body("timeToRestoreSeconds", equalTo(1320))
                .body("timeToResolveSeconds", equalTo(1320))
                .body("timeline.at", contains("2024-01-16T08:45:00Z", "2024-01-16T09:00:00Z",
                        "2024-01-16T09:10:00Z", "2024-01-16T09:22:00Z"));

        // the same postmortem imported twice is still one incident
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(200).body("id", equalTo(id));
    }
}
