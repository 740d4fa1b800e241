package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientPagesTest {

    @Test
    void theListShowsEachClientsMonth() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String html = given().accept("text/html").queryParam("month", "2024-01").get("/clients")
                .then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(html, "client-" + example.client());
        assertTrue(row.contains("99.950 %"), row);
        assertTrue(row.contains("99.99 %"), row);
        assertTrue(row.contains("breached"), row);
        assertTrue(row.contains("22 min"), row);
        assertTrue(row.contains("href=\"/clients/" + example.client() + "?month=2024-01\""), row);
    }

    @Test
    void aClientsMonthShowsTheWorkedExampleInTheClientsZone() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("Europe/Berlin");
        String html = given().accept("text/html").queryParam("month", "2024-01").get("/clients/" + example.client())
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<dd id=\"availability\">99.950 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"target\">99.99 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"downtime\">22 min</dd>"), html);
        // 267.84 s allowed, 1320 s used
        assertTrue(html.contains("<dd id=\"budget-allowed\">4 min 27 s</dd>"), html);
        assertTrue(html.contains("<dd id=\"budget-used\">492 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"breach\">breached</dd>"), html);
        assertTrue(html.contains("<dd id=\"credit\">EUR 1,200.00</dd>"), html);
        assertTrue(html.contains("Europe/Berlin"), "the zone is named");
        String incident = SlaPagesFixtures.row(html, "incident-" + example.incidentId());
        assertTrue(incident.contains("2024-01-16 10:00"), incident);
        assertTrue(incident.contains("2024-01-16 10:22"), incident);
        assertTrue(incident.contains("22 min"), incident);
        assertTrue(incident.contains("100 %"), incident);
        // the chart: 12 months, the contract began in 2023-01, so every month has a bar; January 2024 missed
        assertTrue(html.contains("<svg class=\"availability-chart\""), html);
        assertTrue(html.contains("<title>2024-01: 99.950 % (breached)</title>"), html);
        assertTrue(html.contains("<title>2023-02: 100.000 %</title>"), html);
        assertFalse(html.contains("<title>2023-01:"), "12 months only");
        assertFalse(html.contains("style=\""), "no inline styles");
    }

    /** Drill-down: the terms applied, the maintenance left out, the month before, every month with its credit. */
    @Test
    void aClientsMonthShowsWhyItsFiguresAreWhatTheyAre() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("Europe/Berlin");
        String client = example.client();
        long window = given().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of(
                "title", "Database upgrade " + client, "startsAt", "2024-01-20T01:00:00Z",
                "endsAt", "2024-01-20T03:00:00Z", "scope", "CLIENTS", "clients", java.util.List.of(client),
                "announced", true)).post("/api/maintenance-windows").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String html = given().accept("text/html").queryParam("month", "2024-01").get("/clients/" + client)
                .then().statusCode(200).extract().asString();
        String january = "/incidents?client=" + client + "&amp;from=2024-01-01&amp;to=2024-01-31";
        // the figures lead to the incidents behind them
        assertTrue(html.contains("<a href=\"" + january + "\" id=\"downtime-incidents\">1 incident</a>"), html);
        assertTrue(html.contains("<span id=\"credit-basis\">tier 10 % of EUR 12,000.00</span>"), html);
        // the contract version applied
        assertTrue(html.contains("<li>below 99.99 % → 10 % of the fee</li>"), html);
        assertTrue(html.contains("<li>below 95 % → 100 % of the fee</li>"), html);
        assertTrue(html.contains("<dd id=\"cap\">100 % of the fee</dd>"), html);
        assertTrue(html.contains("in force from 2023-01-01, open-ended"), html);
        assertTrue(html.contains("&amp;service=" + example.service() + "&amp;"), html);
        // the announced window, in the client's zone (UTC+1)
        String maintenance = html.substring(html.indexOf("<li id=\"maintenance-" + window + "\">"));
        // ... leading to its page (the test admin may open it), in the same zone
        assertTrue(maintenance.startsWith("<li id=\"maintenance-" + window + "\"><a href=\"/maintenance/" + window
                + "?zone=Europe/Berlin\">Database upgrade " + client
                + "</a>: 2024-01-20 02:00 to 2024-01-20 04:00</li>"), maintenance);
        // the month before, for comparison: December 2023 had no incident
        String previous = SlaPagesFixtures.row(html, "comparison-previous");
        assertTrue(previous.contains("?month=2023-12\">2023-12</a>"), previous);
        assertTrue(previous.contains("100.000 %"), previous);
        assertTrue(previous.contains("met"), previous);
        // month by month, newest first, with the credits
        String row = SlaPagesFixtures.row(html, "history-2024-01");
        assertTrue(row.contains("99.950 %"), row);
        assertTrue(row.contains("EUR 1,200.00"), row);
        assertTrue(row.contains("<a href=\"" + january + "\">1</a>"), row);
        assertTrue(html.indexOf("id=\"history-2024-01\"") < html.indexOf("id=\"history-2023-12\""), "newest first");
        assertFalse(html.contains("visually-hidden"), "the month-by-month table is visible");
        // the month picker steps to neighbours that have a contract and have begun
        assertTrue(html.contains("href=\"/clients/" + client + "?month=2023-12\" rel=\"prev\""), html);
        assertTrue(html.contains("href=\"/clients/" + client + "?month=2024-02\" rel=\"next\""), html);
        String first = given().accept("text/html").queryParam("month", "2023-01").get("/clients/" + client)
                .then().statusCode(200).extract().asString();
        assertFalse(first.contains("rel=\"prev\""), "no step before the first contract");
        String current = given().accept("text/html").get("/clients/" + client).then().statusCode(200)
                .extract().asString();
        assertFalse(current.contains("rel=\"next\""), "no step into the future");
        assertTrue(current.contains("id=\"provisional\""), "the month under way is marked");
        assertTrue(current.contains("<dt>SLA <span class=\"tag\">so far</span></dt>"), current);
    }

    @Test
    void monthsWithoutAContractAreGapsAndAnUnknownClientIsNotFound() {
        given().accept("text/html").get("/clients/zz-no-such-client").then().statusCode(404);
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String html = given().accept("text/html").queryParam("month", "2023-03").get("/clients/" + example.client())
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<title>2022-12: no contract</title>"), html);
        assertTrue(html.contains("<dd id=\"availability\">100.000 %</dd>"), html);
    }

    @Test
    void theImpactReportTellsTheCustomerWhatHappened() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("Europe/Berlin");
        String html = given().accept("text/html").queryParam("month", "2024-01")
                .get("/clients/" + example.client() + "/report").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<dd id=\"availability\">99.950 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"credit\">EUR 1,200.00 <span class=\"basis\">10 % of the monthly fee</span></dd>"), html);
        assertTrue(html.contains("Server outage " + example.client()), html);
        assertTrue(html.contains("2024-01-16 10:00 Europe/Berlin (UTC+01:00)"), html);
        assertTrue(html.contains("2024-01-16 10:22 Europe/Berlin (UTC+01:00)"), html);
        // severity is an internal field: left out unless include=severity (ClientReportPageTest)
        assertTrue(html.contains("100 % of the service</td>"), html);
    }
}
