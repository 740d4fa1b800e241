package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientWindowPagesTest {

    /**
     * The worked example (1,320 s on 16 January 2024, target 99.99, EUR 12,000.00 fee, 10 % tier) over Q1 2024
     * in UTC: 7,862,400 s measured, 100 · (1 − 1,320 / 7,862,400) = 99.98321… % → "99.983"; January breached
     * (EUR 1,200.00), February and March met.
     */
    @Test
    void aQuarterShowsItsAvailabilityBreachFreeMonthsAndCredit() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String html = given().accept("text/html").queryParam("span", "quarter").queryParam("start", "2024-02")
                .get("/clients/" + example.client() + "/window").then().statusCode(200).extract().asString();
        assertTrue(html.contains("in 2024 Q1</h1>"), html);
        assertTrue(html.contains("<dd id=\"availability\">99.983 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"target\">99.99 %</dd>"), html);
        assertTrue(html.contains("<dd id=\"breach-free\">2</dd>"), html);
        assertTrue(html.contains("<dd id=\"breached\">1</dd>"), html);
        assertTrue(html.contains("EUR 1,200.00"), html);
        String january = SlaPagesFixtures.row(html, "month-2024-01");
        assertTrue(january.contains("99.950 %") && january.contains("breached") && january.contains("EUR 1,200.00"),
                january);
        String march = SlaPagesFixtures.row(html, "month-2024-03");
        assertTrue(march.contains("100.000 %") && march.contains("met") && march.contains("EUR 0.00"), march);
        assertTrue(html.contains("<option value=\"quarter\" selected>"), "the picker shows the quarter");
        assertTrue(html.contains("span=quarter&amp;start=2023-10"), "a link to the previous quarter");
        assertTrue(html.contains("span=quarter&amp;start=2024-04"), "a link to the next quarter, which has begun");
    }

    @Test
    void aWindowNotStartedShowsNoAvailabilityAndOffersNoStepFurtherIntoTheFuture() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        java.time.YearMonth nextYear = java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusYears(1);
        String html = given().accept("text/html").queryParam("span", "year").queryParam("start", nextYear.toString())
                .get("/clients/" + example.client() + "/window").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Nothing to measure in this window yet"), html);
        assertTrue(html.contains("<dd id=\"availability\">—</dd>"), "no 100 % for a year that has not begun");
        assertTrue(html.contains("rel=\"prev\""), "the way back is offered");
        assertTrue(!html.contains("rel=\"next\""), "no step further into the future");
        String thisYear = given().accept("text/html").queryParam("span", "year")
                .queryParam("start", nextYear.minusYears(1).toString()).get("/clients/" + example.client() + "/window")
                .then().statusCode(200).extract().asString();
        assertTrue(!thisYear.contains("rel=\"next\""), "the window holding today is the last one offered");
    }

    /** The whole of 2024 (366 days, 31,622,400 s): 100 · (1 − 1,320 / 31,622,400) = 99.99582… % → "99.995". */
    @Test
    void aYearAndACustomRange() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String year = given().accept("text/html").queryParam("span", "year").queryParam("start", "2024-07")
                .get("/clients/" + example.client() + "/window").then().statusCode(200).extract().asString();
        assertTrue(year.contains("<dd id=\"availability\">99.995 %</dd>"), year);
        assertTrue(year.contains("<dd id=\"breach-free\">11</dd>"), year);

        // 10–20 January: 10 days, 864,000 s; 100 · (1 − 1,320 / 864,000) = 99.84722… % → "99.847"; a cut month
        String custom = given().accept("text/html").queryParam("span", "custom").queryParam("from", "2024-01-10")
                .queryParam("to", "2024-01-20").get("/clients/" + example.client() + "/window")
                .then().statusCode(200).extract().asString();
        assertTrue(custom.contains("<dd id=\"availability\">99.847 %</dd>"), custom);
        assertTrue(custom.contains("2024-01-10 to 2024-01-19 inclusive"), custom);
        assertTrue(SlaPagesFixtures.row(custom, "month-2024-01").contains("decided on the whole month"), custom);
    }

    @Test
    void theMonthChoiceGoesToTheMonthPageAndTheMonthPageOffersTheWindows() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String location = given().accept("text/html").redirects().follow(false).queryParam("span", "month")
                .queryParam("start", "2024-01").get("/clients/" + example.client() + "/window")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/clients/" + example.client() + "?month=2024-01"), location);
        String month = given().accept("text/html").queryParam("month", "2024-01").get("/clients/" + example.client())
                .then().statusCode(200).extract().asString();
        assertTrue(month.contains("action=\"/clients/" + example.client() + "/window\""), month);
        assertTrue(month.contains("<option value=\"month\" selected>"), month);
    }

    @Test
    void aBadWindowIsRefused() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        int status = given().accept("text/html").queryParam("span", "custom").queryParam("from", "2024-02-01")
                .queryParam("to", "2024-01-01").get("/clients/" + example.client() + "/window").statusCode();
        assertEquals(400, status);
        assertEquals(400, given().accept("text/html").queryParam("span", "fortnight")
                .get("/clients/" + example.client() + "/window").statusCode());
    }
}
