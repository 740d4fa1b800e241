package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreditPagesTest {

    @Test
    void theWorkedExampleShowsItsAvailabilityAndCredit() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String html = given().accept("text/html").queryParam("month", "2024-01").get("/credits")
                .then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(html, "client-" + example.client());
        assertTrue(row.contains("99.950 %"), row);
        assertTrue(row.contains("99.99 %"), row);
        assertTrue(row.contains("breached"), row);
        assertTrue(row.contains("10 %"), row);
        assertTrue(row.contains("EUR 1,200.00"), row);
        assertTrue(row.contains("EUR 12,000.00"), row);
        assertTrue(html.contains("<tr id=\"total-EUR\""), html);
        assertTrue(html.contains("href=\"/credits?month=2024-01&amp;format=csv\""), html);
        assertTrue(html.contains("value=\"2024-01\""), "month picker");
    }

    @Test
    void theCsvCarriesTheSameRows() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String csv = given().queryParam("month", "2024-01").queryParam("format", "csv").get("/credits")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("clientKey,clientName,timeZone,contractId,"), csv);
        String line = csv.lines().filter(l -> l.startsWith(example.client() + ",")).findFirst().orElseThrow();
        assertTrue(line.contains(",99.950,"), line);
        assertTrue(line.contains(",true,10,10,1200.00,EUR,12000.00,"), line);
    }

    @Test
    void aBadMonthIsRefused() {
        given().accept("text/html").queryParam("month", "2024-13").get("/credits").then().statusCode(400);
    }
}
