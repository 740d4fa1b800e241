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
        assertTrue(html.contains("<title>2024-01: 99.950 (breached)</title>"), html);
        assertTrue(html.contains("<title>2023-02: 100.000</title>"), html);
        assertFalse(html.contains("<title>2023-01:"), "12 months only");
        assertFalse(html.contains("style=\""), "no inline styles");
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
        assertTrue(html.contains("<dd id=\"credit\">EUR 1,200.00 (10 %)</dd>"), html);
        assertTrue(html.contains("Server outage " + example.client()), html);
        assertTrue(html.contains("2024-01-16 10:00 Europe/Berlin (UTC+01:00)"), html);
        assertTrue(html.contains("2024-01-16 10:22 Europe/Berlin (UTC+01:00)"), html);
        // severity is an internal field: left out unless include=severity (ClientReportPageTest)
        assertTrue(html.contains("100 % of the service</td>"), html);
    }
}
