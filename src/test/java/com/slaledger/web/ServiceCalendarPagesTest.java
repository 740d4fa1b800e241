package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service calendar pages through their forms, read back through the API, and the client month beside them. */
@QuarkusTest
class ServiceCalendarPagesTest {

    private static Map<String, Object> form(String key, String hours) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("key", key);
        fields.put("name", "Office hours " + key);
        fields.put("weeklyHours", hours);
        fields.put("holidayCountry", "DE");
        fields.put("customHolidays", "2024-12-24 2024-12-31");
        return fields;
    }

    @Test
    void anAdminAddsACalendarOnThePageAndTheClientMonthShowsItsServiceHours() {
        String key = TestData.uniqueKey("office-page");
        Response saved = FormSession.open("/service-calendars/new").post("/service-calendars",
                form(key, "MONDAY 08:00-18:00\nTUESDAY 08:00-18:00\nWEDNESDAY 08:00-18:00\nTHURSDAY 08:00-18:00\n"
                        + "FRIDAY 08:00-18:00"));
        assertEquals(303, saved.statusCode(), saved.asString());
        given().get("/api/service-calendars/" + key).then().statusCode(200)
                .body("weeklyHours.day", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("holidayCountry", equalTo("DE"))
                .body("customHolidays", contains("2024-12-24", "2024-12-31"))
                .body("weeklyServiceSeconds", equalTo(180000));

        String page = given().accept("text/html").get("/service-calendars/" + key).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<li>MONDAY 08:00-18:00</li>"), page);

        // an account manager reads the list, without the form
        String list = TestUsers.withRole(Role.ACCOUNT_MANAGER).given().accept("text/html").get("/service-calendars")
                .then().statusCode(200).extract().asString();
        assertTrue(list.contains("id=\"calendar-" + key + "\""), list);
        assertFalse(list.contains("Add a calendar"), list);

        // October 2024 in Berlin under this calendar: 22 service days of 10 h = 792,000 s = 220 h
        String service = Fixtures.service("office-page");
        String client = Fixtures.client("office-page", "Europe/Berlin");
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-10-01",
                        "coveredServices", List.of(service), "targetPercent", new BigDecimal("99.9"),
                        "creditTiers", List.of(), "monthlyFee", Map.of("amount", "100.00", "currency", "EUR"),
                        "serviceCalendar", key))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        String month = given().accept("text/html").queryParam("month", "2024-10").get("/clients/" + client)
                .then().statusCode(200).extract().asString();
        assertTrue(month.contains("<a href=\"/service-calendars/" + key + "\" id=\"service-calendar\">"), month);
        assertTrue(month.contains("id=\"service-hours-note\""), month);
        assertTrue(month.contains("Mean in service hours"), month);
    }

    @Test
    void badLinesAndOverlapsComeBackBesideTheHoursWithWhatWasTyped() {
        String key = TestData.uniqueKey("office-bad");
        Response refused = FormSession.open("/service-calendars/new").post("/service-calendars",
                form(key, "MONDAY 08:00-12:00\nMONDAY 11:00-13:00\nFUNDAY 08:00-18:00"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"weeklyHours-error\""), html);
        assertTrue(html.contains("line 2: overlaps weeklyHours[0]"), html);
        assertTrue(html.contains("line 3 (day): must be a weekday"), html);
        assertTrue(html.contains("MONDAY 11:00-13:00"), html);
        given().get("/api/service-calendars/" + key).then().statusCode(404);

        Response unreadable = FormSession.open("/service-calendars/new").post("/service-calendars",
                form(key, "every weekday nine to five"));
        assertEquals(400, unreadable.statusCode());
        assertTrue(unreadable.asString().contains("line 1: must look like MONDAY 08:00-18:00"), unreadable.asString());
    }

    @Test
    void onlyAdminsOpenTheForm() {
        for (String role : List.of(Role.FINANCE, Role.ACCOUNT_MANAGER, Role.SRE)) {
            assertEquals(403, TestUsers.withRole(role).given().accept("text/html").get("/service-calendars/new")
                    .statusCode(), role);
        }
    }
}
