package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreditPagesTest {

    @jakarta.inject.Inject
    com.slaledger.contract.ContractService contractService;

    @Test
    void theMonthLinksOfTheFleetPagesStopAtTheFirstContract() {
        SlaPagesFixtures.workedExample("UTC"); // at least one contract
        java.time.YearMonth first = contractService.firstContractMonth().orElseThrow();
        for (String page : java.util.List.of("/credits", "/clients")) {
            String atFirst = given().accept("text/html").queryParam("month", first.toString()).get(page).then()
                    .statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertFalse(atFirst.contains("rel=\"prev\""),
                    page + ": no month before the first contract's is offered");
            String after = given().accept("text/html").queryParam("month", first.plusMonths(1).toString()).get(page)
                    .then().statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(after.contains("?month=" + first + "\" rel=\"prev\""),
                    page + ": the month after links back to it");
        }
    }

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
