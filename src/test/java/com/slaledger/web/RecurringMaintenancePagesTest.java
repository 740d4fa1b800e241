package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weekly maintenance rule planned on the maintenance page, shown there and on the client's month. */
@QuarkusTest
class RecurringMaintenancePagesTest {

    private static Map<String, Object> weekly(String title, String client, String rule, String exceptions) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("zone", "Europe/Berlin");
        // Sunday 2024-03-24 02:00-04:00 CET: DTSTART of "every Sunday"
        fields.put("startsAt", "2024-03-24T02:00");
        fields.put("endsAt", "2024-03-24T04:00");
        fields.put("scope", "CLIENTS");
        fields.put("clients", List.of(client));
        fields.put("announced", "true");
        fields.put("recurrence", rule);
        fields.put("exceptions", exceptions);
        return fields;
    }

    @Test
    void aRulePlannedOnThePageShowsItsNextTimesAndEachOccurrenceOnTheClientMonth() {
        String service = Fixtures.service("weekly-page");
        String client = Fixtures.client("weekly-page", "Europe/Berlin");
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-03-01",
                        "coveredServices", List.of(service), "targetPercent", new BigDecimal("99.9"),
                        "creditTiers", List.of(), "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        String title = TestData.uniqueKey("Sunday patching");
        Response saved = FormSession.open("/maintenance/new")
                .post("/maintenance", weekly(title, client, "FREQ=WEEKLY;BYDAY=SU;COUNT=3", "2024-03-31"));
        assertEquals(303, saved.statusCode(), saved.asString());
        String location = saved.header("Location");
        long id = Long.parseLong(location.replaceAll(".*/maintenance/", "").replaceAll("\\?.*", ""));

        given().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2024-03-24T01:00:00Z"))
                .body("recurrence", equalTo("FREQ=WEEKLY;BYDAY=SU;COUNT=3"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("exceptions", contains("2024-03-31"));

        String page = given().accept("text/html").get("/maintenance/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<code>FREQ=WEEKLY;BYDAY=SU;COUNT=3</code>"), page);
        // COUNT=3: 24 Mar, 31 Mar (an exception), 7 Apr; all past now, so no next time is left
        assertTrue(page.contains("none: the rule has ended"), page);
        assertTrue(page.contains("value=\"FREQ=WEEKLY;BYDAY=SU;COUNT=3\""), page);

        // March 2024 lists 24 March only (31 March is an exception); April lists 7 April, 02:00 CEST = 00:00Z
        String march = given().accept("text/html").queryParam("month", "2024-03").get("/clients/" + client)
                .then().statusCode(200).extract().asString();
        assertTrue(march.contains("id=\"maintenance-" + id + "-2024-03-24T01:00:00Z\""), march);
        assertTrue(!march.contains("2024-03-31T01:00:00Z\""), march);
        given().queryParam("month", "2024-04").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("maintenanceWindows.startsAt", contains("2024-04-07T00:00:00Z"))
                .body("maintenanceWindows.recurrence", contains("FREQ=WEEKLY;BYDAY=SU;COUNT=3"));
    }

    @Test
    void theListShowsAnEndlessRuleWithItsNextTime() {
        String client = Fixtures.client("weekly-list-page", "Europe/Berlin");
        String title = TestData.uniqueKey("Endless Sunday patching");
        Response saved = FormSession.open("/maintenance/new")
                .post("/maintenance", weekly(title, client, "FREQ=WEEKLY;BYDAY=SU", ""));
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = Long.parseLong(saved.header("Location").replaceAll(".*/maintenance/", "").replaceAll("\\?.*", ""));
        // a month long after the first occurrence still lists the rule: its series has no end
        String list = given().accept("text/html").queryParam("month", "2031-06").queryParam("zone", "Europe/Berlin")
                .get("/maintenance").then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(list, "window-" + id);
        assertTrue(row.contains("Repeats <code>FREQ=WEEKLY;BYDAY=SU</code> in Europe/Berlin; next "), row);
        assertTrue(row.contains(">upcoming<"), row);
    }

    @Test
    void aBadRuleComesBackBesideItsFieldWithWhatWasTyped() {
        String client = Fixtures.client("weekly-page-bad", "UTC");
        Response refused = FormSession.open("/maintenance/new")
                .post("/maintenance", weekly(TestData.uniqueKey("Bad rule"), client, "FREQ=WEEKLY;BYDAY=XX", ""));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"recurrence-error\""), html);
        assertTrue(html.contains("is not an RFC 5545 recurrence rule"), html);
        assertTrue(html.contains("value=\"FREQ=WEEKLY;BYDAY=XX\""), html);
    }
}
