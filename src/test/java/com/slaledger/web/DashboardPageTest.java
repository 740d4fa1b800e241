package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardPageTest {

    @Test
    void aClientInBreachThisMonthAndAnOpenIncidentAreShown() {
        String service = Fixtures.service("dash");
        String client = Fixtures.client("dash", "UTC");
        Map<String, Object> terms = new HashMap<>();
        terms.put("effectiveFrom", "2023-01-01");
        terms.put("coveredServices", List.of(service));
        terms.put("targetPercent", new BigDecimal("99.99"));
        terms.put("creditTiers", List.of(Map.of("belowPercent", new BigDecimal("99.99"), "creditPercent", new BigDecimal("10"))));
        terms.put("monthlyFee", Map.of("amount", "1000.00", "currency", "CHF"));
        given().contentType(ContentType.JSON).body(terms).post("/api/clients/" + client + "/contracts").then().statusCode(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = monthStart.plusSeconds(3600).isBefore(now) ? monthStart.plusSeconds(3600) : now.minusSeconds(1);
        record(service, "Dash outage " + client, monthStart, end);
        String openTitle = "Dash still open " + client;
        long openId = record(Fixtures.service("dash-open"), openTitle, now.minusSeconds(1), null);

        String html = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<h1>" + month + " so far</h1>"), html);
        // the newest incident leads the latest ones
        assertTrue(html.contains("<li id=\"latest-" + openId + "\">"), html);
        String row = SlaPagesFixtures.row(html, "client-" + client);
        assertTrue(row.contains("breached"), row);
        assertTrue(row.contains("99.99 %"), row);
        assertTrue(row.contains("CHF "), row);
        assertTrue(html.contains("<div id=\"total-CHF\">"), html);
        assertTrue(html.contains("href=\"/credits?month=" + month + "\""), html);
        assertTrue(html.contains("<li id=\"incident-" + openId + "\">"), html);
        assertTrue(html.contains(openTitle), html);
        assertTrue(html.contains("<a href=\"/\" aria-current=\"page\">Dashboard</a>"), html);
    }

    @Test
    void anSreSeesIncidentsButNoCreditsAndFinanceNoIncidents() {
        String sre = TestUsers.withRole(Role.SRE).given().accept("text/html").get("/").then().statusCode(200)
                .extract().asString();
        assertTrue(sre.contains("Open incidents ("), sre);
        assertFalse(sre.contains("id=\"sla-heading\""), sre);
        String finance = TestUsers.withRole(Role.FINANCE).given().accept("text/html").get("/").then().statusCode(200)
                .extract().asString();
        // finance settles closed months: the dashboard's credits are last month's, not provisional
        assertTrue(finance.contains("<h2 id=\"sla-heading\">Credits for "
                + java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1) + "</h2>"), finance);
        assertFalse(finance.contains("Open incidents ("), finance);
        // the navigation offers only what the role may open
        assertTrue(sre.contains("<a href=\"/reliability\">Reliability</a>"), sre);
        assertFalse(sre.contains("<a href=\"/credits\">"), sre);
        assertFalse(sre.contains("<a href=\"/admin/users\">"), sre);
        assertTrue(finance.contains("<a href=\"/credits\">Credits</a>"), finance);
        assertFalse(finance.contains("<a href=\"/incidents\">"), finance);
        assertFalse(finance.contains("<a href=\"/reliability\">"), finance);
        assertTrue(sre.contains("id=\"fleet-mttr\"") && finance.contains("id=\"fleet-availability\""), sre);
        assertTrue(finance.contains("<form class=\"sign-out\" method=\"post\" action=\"/logout\">"), finance);
    }

    private static long record(String service, String title, Instant start, Instant end) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("source", "dash-test");
        incident.put("externalId", TestData.uniqueKey("inc"));
        incident.put("title", title);
        incident.put("severity", "SEV1");
        incident.put("affectedServices", List.of(service));
        incident.put("startedAt", start.toString());
        if (end != null) {
            incident.put("mitigatedAt", end.toString());
            incident.put("resolvedAt", end.toString());
        }
        return given().contentType(ContentType.JSON).body(incident).post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
