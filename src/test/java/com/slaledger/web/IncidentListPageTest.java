package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The incident list page: closed only, search, order, and the stale flag (default: open for more than 7 days). */
@QuarkusTest
class IncidentListPageTest {

    private static long record(String service, String title, Instant started, Instant resolved, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "list-page-test");
        body.put("externalId", TestData.uniqueKey("inc"));
        body.put("title", title);
        body.put("severity", "SEV3");
        body.put("affectedServices", List.of(service));
        body.put("startedAt", started.toString());
        if (resolved != null) {
            body.put("resolvedAt", resolved.toString());
        }
        if (summary != null) {
            body.put("summary", summary);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void anIncidentOpenForMoreThanTheStaleDaysIsFlaggedOnTheListAndTheDashboard() {
        String service = Fixtures.service("flagging");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long old = record(service, "Forgotten queue backlog", now.minus(Duration.ofDays(30)), null, null);
        long fresh = record(service, "Fresh disk alarm", now.minus(Duration.ofHours(1)), null, null);
        long closed = record(service, "Closed long ago", now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(39)), "the replica lagged");

        String html = given().accept("text/html").queryParam("service", service).get("/incidents").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("<tr id=\"incident-" + old + "\" class=\"stale\">"), html);
        assertTrue(SlaPagesFixtures.row(html, "incident-" + old).contains("<span class=\"tag stale\""), html);
        assertFalse(SlaPagesFixtures.row(html, "incident-" + fresh).contains("tag stale"), html);
        assertFalse(SlaPagesFixtures.row(html, "incident-" + closed).contains("tag stale"), "a resolved one is never stale");
        assertTrue(html.contains("open for more than 7 days"), html);

        // closed only, search, and the order by duration (the ongoing ones run to now)
        String closedOnly = given().accept("text/html").queryParam("service", service).queryParam("open", "false")
                .get("/incidents").then().statusCode(200).extract().asString();
        assertTrue(closedOnly.contains("id=\"incident-" + closed + "\""), closedOnly);
        assertFalse(closedOnly.contains("id=\"incident-" + old + "\""), closedOnly);
        assertTrue(closedOnly.contains("<option value=\"false\" selected>Closed only</option>"), closedOnly);
        String found = given().accept("text/html").queryParam("service", service).queryParam("q", "REPLICA")
                .get("/incidents").then().statusCode(200).extract().asString();
        assertTrue(found.contains("id=\"incident-" + closed + "\""), found);
        assertFalse(found.contains("id=\"incident-" + fresh + "\""), found);
        assertTrue(found.contains("value=\"REPLICA\""), found);
        String byDuration = given().accept("text/html").queryParam("service", service).queryParam("sort", "duration")
                .get("/incidents").then().statusCode(200).extract().asString();
        assertTrue(byDuration.indexOf("id=\"incident-" + old + "\"") < byDuration.indexOf("id=\"incident-" + closed + "\"")
                && byDuration.indexOf("id=\"incident-" + closed + "\"") < byDuration.indexOf("id=\"incident-" + fresh + "\""),
                "30 days ongoing, then 1 day, then 1 hour");
        given().accept("text/html").queryParam("open", "perhaps").get("/incidents").then().statusCode(400);

        // the dashboard counts the stale ones and links to them
        String dashboard = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("<p class=\"notice stale\" id=\"stale-count\"><a href=\"/incidents?open=true&amp;to="),
                dashboard);
    }
}
