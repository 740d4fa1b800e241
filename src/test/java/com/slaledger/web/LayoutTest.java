package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.TestUsers;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LayoutTest {

    @Inject
    Engine engine;

    @Test
    void theMonthPickerIsAGetFormWithTheMonthAndItsNeighbours() {
        String html = engine.parse("{#monthPicker action='/credits' nav=nav /}")
                .data("nav", PageMonths.Nav.of(YearMonth.of(2024, 1), null, null)).render();
        assertTrue(html.contains("<form class=\"month-picker\" method=\"get\" action=\"/credits\">"));
        assertTrue(html.contains("<input type=\"month\" id=\"month-picker-month\" name=\"month\" value=\"2024-01\""));
        assertTrue(html.contains("href=\"/credits?month=2023-12\" rel=\"prev\""));
        assertTrue(html.contains("href=\"/credits?month=2024-02\" rel=\"next\""));
    }

    /** The steps stop at the first month there is something for and at the latest month that has begun. */
    @Test
    void theMonthPickerDoesNotStepBeforeTheFirstOrAfterTheLastMonth() {
        String html = engine.parse("{#monthPicker action='/credits' nav=nav /}")
                .data("nav", PageMonths.Nav.of(YearMonth.of(2024, 1), YearMonth.of(2024, 1), YearMonth.of(2024, 1)))
                .render();
        assertTrue(html.contains("value=\"2024-01\" max=\"2024-01\""), html);
        assertFalse(html.contains("rel=\"prev\""), html);
        assertFalse(html.contains("rel=\"next\""), html);
        html = engine.parse("{#monthPicker action='/credits' nav=nav /}")
                .data("nav", PageMonths.Nav.of(YearMonth.of(2024, 3), YearMonth.of(2024, 1), YearMonth.of(2024, 4)))
                .render();
        assertTrue(html.contains("href=\"/credits?month=2024-02\" rel=\"prev\""), html);
        assertTrue(html.contains("href=\"/credits?month=2024-04\" rel=\"next\""), html);
    }

    @Test
    void theNavigationMarksTheCurrentSection() {
        assertTrue(Navigation.isCurrent("/incidents", "/incidents/42/edit"));
        assertTrue(Navigation.isCurrent("/", "/"));
        assertFalse(Navigation.isCurrent("/", "/incidents"));
        assertFalse(Navigation.isCurrent("/credits", "/creditsx"));
        String html = given().accept("text/html").when().get("/incidents").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"/incidents\" aria-current=\"page\">Incidents</a>"));
        assertTrue(html.contains("<a href=\"/credits\">Credits</a>"));
        assertEquals(1, html.split("aria-current=\"page\"", -1).length - 1);
    }

    /** Service calendars sit in the menu of those who may open them, after the contracts that name them. */
    @Test
    void theServiceCalendarsAreInTheMenuOfWhoeverReadsSlaReports() {
        assertTrue(Navigation.isCurrent("/service-calendars", "/service-calendars/office-hours"));
        String html = given().accept("text/html").when().get("/service-calendars").then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("<li><a href=\"/contracts\">Contracts</a></li>\n      <li><a href=\"/service-calendars\""
                + " aria-current=\"page\">Service calendars</a></li>"), html);
        String manager = TestUsers.withRole(Role.ACCOUNT_MANAGER).given().accept("text/html").when().get("/")
                .then().statusCode(200).extract().asString();
        assertTrue(manager.contains("<a href=\"/service-calendars\">Service calendars</a>"), manager);
        String sre = TestUsers.withRole(Role.SRE).given().accept("text/html").when().get("/")
                .then().statusCode(200).extract().asString();
        assertFalse(sre.contains("href=\"/service-calendars\""), "the page is closed to SREs: " + sre);
    }

    @Test
    void theStylesheetAndScriptAreServedFromTheApplication() {
        String html = given().accept("text/html").when().get("/incidents").then().extract().asString();
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/css/app.css\">"));
        assertFalse(html.contains("style=\""), "no inline styles: the CSP allows none");
        assertFalse(html.matches("(?s).*<script>.*"), "no inline scripts");
        given().when().get("/css/app.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString("@media print"));
        given().when().get("/js/app.js").then().statusCode(200).body(containsString("data-confirm"));
    }
}
