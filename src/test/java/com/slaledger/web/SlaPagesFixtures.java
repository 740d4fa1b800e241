package com.slaledger.web;

import static io.restassured.RestAssured.given;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SPEC worked example, set up through the API for the SLA page tests. */
final class SlaPagesFixtures {

    record WorkedExample(String client, String service, long incidentId) {
    }

    private SlaPagesFixtures() {
    }

    /** Target 99.99, AWS tiers, EUR 12000.00, 22 minutes at 100 % on 2024-01-16 from 09:00Z. */
    static WorkedExample workedExample(String zone) {
        String service = Fixtures.service("servers");
        String client = Fixtures.client("pages", zone);
        Map<String, Object> terms = new HashMap<>();
        terms.put("effectiveFrom", "2023-01-01");
        terms.put("coveredServices", List.of(service));
        terms.put("targetPercent", new BigDecimal("99.99"));
        terms.put("creditTiers", List.of(tier("99.99", "10"), tier("99.0", "30"), tier("95.0", "100")));
        terms.put("monthlyFee", Map.of("amount", "12000.00", "currency", "EUR"));
        given().contentType(ContentType.JSON).body(terms).post("/api/clients/" + client + "/contracts")
                .then().statusCode(201);
        Map<String, Object> incident = new HashMap<>();
        incident.put("source", "pages-test");
        incident.put("externalId", TestData.uniqueKey("inc"));
        incident.put("title", "Server outage " + client);
        incident.put("severity", "SEV2");
        incident.put("affectedServices", List.of(service));
        incident.put("startedAt", "2024-01-16T09:00:00Z");
        incident.put("detectedAt", "2024-01-16T09:00:00Z");
        incident.put("acknowledgedAt", "2024-01-16T09:10:00Z");
        incident.put("mitigatedAt", "2024-01-16T09:22:00Z");
        incident.put("resolvedAt", "2024-01-16T09:22:00Z");
        long id = given().contentType(ContentType.JSON).body(incident).post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return new WorkedExample(client, service, id);
    }

    private static Map<String, Object> tier(String below, String credit) {
        return Map.of("belowPercent", new BigDecimal(below), "creditPercent", new BigDecimal(credit));
    }

    /** The table row with this id, from {@code <tr id="...">} to its {@code </tr>}. */
    static String row(String html, String id) {
        int start = html.indexOf("<tr id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no row " + id + " in:\n" + html);
        }
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
