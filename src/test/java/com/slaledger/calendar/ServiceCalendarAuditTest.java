package com.slaledger.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every creation, change and deletion of a service calendar is in the audit trail with who, when and both states,
 * and the calendar's history (API and page) says field by field what changed.
 */
@QuarkusTest
class ServiceCalendarAuditTest {

    private static Map<String, String> range(String day, String from, String to) {
        return Map.of("day", day, "from", from, "to", to);
    }

    /** Monday 08:00-12:00 and Friday 13:00-17:00, German holidays and Christmas Eve. */
    private static Map<String, Object> calendar(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "Office " + key);
        body.put("weeklyHours", List.of(range("FRIDAY", "13:00", "17:00"), range("MONDAY", "08:00", "12:00")));
        body.put("holidayCountry", "DE");
        body.put("customHolidays", List.of("2024-12-24"));
        return body;
    }

    /** The audit entries of the calendar with this key, newest first: found by the key in either state. */
    private static String ofKey(String key) {
        return "findAll { (it.after != null && it.after.key == '" + key + "') || (it.before != null && it.before.key == '"
                + key + "') }";
    }

    @Test
    void creatingChangingAndDeletingACalendarIsAuditedFieldByField() {
        String key = TestData.uniqueKey("cal-audit");
        given().contentType(ContentType.JSON).body(calendar(key)).post("/api/service-calendars").then()
                .statusCode(201);

        // another admin shortens Friday, renames it, drops the country and adds New Year's Eve
        TestUser editor = TestUsers.create("cal-editor", Role.ADMIN);
        Map<String, Object> changed = calendar(key);
        changed.put("name", "Front desk " + key);
        changed.put("weeklyHours", List.of(range("MONDAY", "08:00", "12:00"), range("FRIDAY", "13:00", "16:00")));
        changed.remove("holidayCountry");
        changed.put("customHolidays", List.of("2024-12-31", "2024-12-24"));
        editor.given().contentType(ContentType.JSON).body(changed).put("/api/service-calendars/" + key).then()
                .statusCode(200);
        // the same replacement again changes nothing and records nothing
        editor.given().contentType(ContentType.JSON).body(changed).put("/api/service-calendars/" + key).then()
                .statusCode(200);

        // an account manager reads the history, as the calendar itself
        TestUsers.withRole(Role.ACCOUNT_MANAGER).given().get("/api/service-calendars/" + key + "/history").then()
                .statusCode(200)
                .body("action", contains("update", "create"))
                .body("actor", contains(editor.username(), "test-admin"))
                .body("[0].fields.name", contains("name", "weeklyHours", "holidayCountry", "customHolidays"))
                .body("[0].fields[0].before", contains("Office " + key))
                .body("[0].fields[0].after", contains("Front desk " + key))
                .body("[0].fields[1].before", contains("MONDAY 08:00-12:00", "FRIDAY 13:00-17:00"))
                .body("[0].fields[1].after", contains("MONDAY 08:00-12:00", "FRIDAY 13:00-16:00"))
                .body("[0].fields[2].before", contains("DE"))
                .body("[0].fields[2].after", empty())
                .body("[0].fields[3].before", contains("2024-12-24"))
                .body("[0].fields[3].after", contains("2024-12-24, 2024-12-31"))
                // a creation lists every field it set (no subdivision), with nothing before
                .body("[1].fields.name", contains("key", "name", "weeklyHours", "holidayCountry", "customHolidays"))
                .body("[1].fields[0].after", contains(key))
                .body("[1].fields[2].after", contains("MONDAY 08:00-12:00", "FRIDAY 13:00-17:00"))
                .body("[1].fields[2].before", empty());
        // a creation without custom holidays does not list them: an empty list is no value
        String bare = TestData.uniqueKey("cal-bare");
        Map<String, Object> withoutHolidays = calendar(bare);
        withoutHolidays.remove("customHolidays");
        withoutHolidays.remove("holidayCountry");
        given().contentType(ContentType.JSON).body(withoutHolidays).post("/api/service-calendars").then()
                .statusCode(201);
        given().get("/api/service-calendars/" + bare + "/history").then().statusCode(200)
                .body("[0].fields.name", contains("key", "name", "weeklyHours"));

        // the page shows the same, beside the calendar
        String page = TestUsers.withRole(Role.FINANCE).given().accept("text/html").get("/service-calendars/" + key)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<table class=\"data calendar-history\" id=\"calendar-history\">"), page);
        String fridayRow = page.substring(page.indexOf("data-action=\"update\" data-field=\"weeklyHours\""));
        fridayRow = fridayRow.substring(0, fridayRow.indexOf("</tr>"));
        assertTrue(fridayRow.contains("<th scope=\"row\">Weekly service hours</th>"), fridayRow);
        assertTrue(fridayRow.contains("<td class=\"before\"><ul class=\"plain\"><li>MONDAY 08:00-12:00</li>"
                + "<li>FRIDAY 13:00-17:00</li></ul></td>"), fridayRow);
        assertTrue(fridayRow.contains("<td class=\"after\"><ul class=\"plain\"><li>MONDAY 08:00-12:00</li>"
                + "<li>FRIDAY 13:00-16:00</li></ul></td>"), fridayRow);
        String countryRow = page.substring(page.indexOf("data-action=\"update\" data-field=\"holidayCountry\""));
        countryRow = countryRow.substring(0, countryRow.indexOf("</tr>"));
        assertTrue(countryRow.contains("<td class=\"after\"><span class=\"muted\">none</span></td>"), countryRow);
        assertTrue(page.contains(">" + editor.username() + "</td>"), page);

        // a deletion refused because a contract names the calendar records nothing (a future contract, which
        // may be deleted)
        String client = Fixtures.client("cal-audit");
        long contract = given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2099-01-01",
                        "coveredServices", List.of(Fixtures.service("cal-audit")), "targetPercent",
                        new BigDecimal("99.9"), "creditTiers", List.of(), "monthlyFee",
                        Map.of("amount", "100.00", "currency", "EUR"), "serviceCalendar", key))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().delete("/api/service-calendars/" + key).then().statusCode(409);
        given().get("/api/service-calendars/" + key + "/history").then().statusCode(200).body("action",
                contains("update", "create"));
        given().delete("/api/contracts/" + contract).then().statusCode(204);
        given().delete("/api/service-calendars/" + key).then().statusCode(204);

        // the audit trail keeps all three with both states; the calendar's history is gone with it
        given().get("/api/service-calendars/" + key + "/history").then().statusCode(404);
        String entries = ofKey(key);
        given().queryParam("entity", "service-calendar").queryParam("limit", 1000).get("/api/audit").then()
                .statusCode(200)
                .body(entries + ".action", contains("delete", "update", "create"))
                .body(entries + ".actor", contains("test-admin", editor.username(), "test-admin"))
                .body(entries + ".entity", contains("service-calendar", "service-calendar", "service-calendar"))
                .body(entries + "[0].before.name", equalTo("Front desk " + key))
                .body(entries + "[0].before.weeklyHours.to", contains("12:00", "16:00"))
                .body(entries + "[0].after", nullValue())
                .body(entries + "[1].before.holidayCountry", equalTo("DE"))
                .body(entries + "[1].after.holidayCountry", nullValue())
                .body(entries + "[1].after.customHolidays", contains("2024-12-24", "2024-12-31"))
                .body(entries + "[2].before", nullValue())
                .body(entries + "[2].after.weeklyServiceSeconds", equalTo(28800))
                .body(entries + ".entityId.unique()", hasSize(1));
    }
}
