package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The maintenance pages through their forms as a browser posts them, read back through the API. */
@QuarkusTest
class MaintenancePagesTest {

    private static Map<String, Object> form(String title, String zone, String startsAt, String endsAt, String scope) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("zone", zone);
        fields.put("startsAt", startsAt);
        fields.put("endsAt", endsAt);
        fields.put("scope", scope);
        fields.put("announced", "true");
        return fields;
    }

    private static long idFrom(Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.asString());
        String location = redirect.header("Location");
        String path = location.substring(location.indexOf("/maintenance/") + "/maintenance/".length());
        return Long.parseLong(path.replaceAll("\\?.*", ""));
    }

    private static void assertNoWindowTitled(String title) {
        given().get("/api/maintenance-windows").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void aWindowPlannedOnThePageIsStoredAtTheInstantsItsZoneMeans() {
        String client = Fixtures.client("maint-page");
        String title = TestData.uniqueKey("Database upgrade");
        Map<String, Object> fields = form(title, "Europe/Berlin", "2024-03-30T22:00", "2024-03-31T03:30", "CLIENTS");
        fields.put("clients", List.of(client));
        long id = idFrom(FormSession.open("/maintenance/new").post("/maintenance", fields));

        // 22:00 on 30 March is UTC+1 in Berlin; 03:30 the next morning is after the clocks went forward (UTC+2)
        given().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("title", equalTo(title))
                .body("startsAt", equalTo("2024-03-30T21:00:00Z"))
                .body("endsAt", equalTo("2024-03-31T01:30:00Z"))
                .body("scope", equalTo("CLIENTS"))
                .body("clients", contains(client))
                .body("services", empty())
                .body("announced", equalTo(true));

        String list = given().accept("text/html").queryParam("month", "2024-03").queryParam("zone", "Europe/Berlin")
                .get("/maintenance").then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(list, "window-" + id);
        assertTrue(row.contains(">2024-03-30 22:00</time>"), row);
        assertTrue(row.contains(">2024-03-31 03:30</time>"), row);
        assertTrue(row.contains("(4 h 30 min)"), "22:00 to 03:30 across the lost hour is 4 h 30 min: " + row);
        assertTrue(row.contains("<td>Clients: Client " + client + "</td>"), row);
        assertTrue(row.contains("<td>yes</td>"), row);

        // the same month in UTC: the window shows in UTC
        String utc = given().accept("text/html").queryParam("month", "2024-03").get("/maintenance")
                .then().statusCode(200).extract().asString();
        assertTrue(SlaPagesFixtures.row(utc, "window-" + id).contains(">2024-03-30 21:00</time>"), utc);
        // April in Berlin starts after the window ended: not listed
        String april = given().accept("text/html").queryParam("month", "2024-04").get("/maintenance")
                .then().statusCode(200).extract().asString();
        assertFalse(april.contains("id=\"window-" + id + "\""), "a window of March listed in April");
    }

    @Test
    void anEndBeforeTheStartIsRefusedBesideTheEndAndNothingIsWritten() {
        String title = TestData.uniqueKey("Backwards");
        Response refused = FormSession.open("/maintenance/new").post("/maintenance",
                form(title, "UTC", "2024-05-02T10:00", "2024-05-02T09:00", "ALL_CLIENTS"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("<p class=\"field-error\" id=\"endsAt-error\"><span>must be after the start</span>"),
                html);
        assertTrue(html.contains("value=\"" + title + "\""), "the description as typed");
        assertTrue(html.contains("value=\"2024-05-02T10:00\""), "the start as typed");
        assertTrue(html.contains("value=\"2024-05-02T09:00\""), "the end as typed");
        assertNoWindowTitled(title);
    }

    @Test
    void anUnknownServiceAndAnUnreadableStartAreBothShownBesideTheirFields() {
        String title = TestData.uniqueKey("Unknown service");
        Map<String, Object> fields = form(title, "UTC", "tomorrow", "2024-05-02T09:00", "SERVICES");
        fields.put("services", List.of("no-such-service-anywhere"));
        Response refused = FormSession.open("/maintenance/new").post("/maintenance", fields);
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"services-error\"><span>service 1: no service"
                + " &#39;no-such-service-anywhere&#39;</span>"), html);
        assertTrue(html.contains("id=\"startsAt-error\"><span>must be a date and time such as 2024-01-16T10:00"),
                html);
        assertTrue(html.contains("value=\"tomorrow\""), "the start as typed");
        assertTrue(html.contains("id=\"scope-SERVICES\" name=\"scope\" value=\"SERVICES\" checked"), html);
        assertNoWindowTitled(title);
    }

    @Test
    void anOverlongDescriptionIsRefusedWithWhatWasTypedKept() {
        String title = TestData.uniqueKey("Long") + "x".repeat(300);
        Response refused = FormSession.open("/maintenance/new").post("/maintenance",
                form(title, "UTC", "2024-05-02T08:00", "2024-05-02T09:00", "ALL_CLIENTS"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"title-error\"><span>must be at most 300 characters</span>"), html);
        assertTrue(html.contains("value=\"" + title + "\""), "the description as typed");
        assertNoWindowTitled(title);
    }

    @Test
    void clientsTickedForAnotherScopeAreRefusedInTheFormsWords() {
        String client = Fixtures.client("maint-scope");
        String title = TestData.uniqueKey("Wrong ticks");
        Map<String, Object> fields = form(title, "UTC", "2024-05-02T08:00", "2024-05-02T09:00", "ALL_CLIENTS");
        fields.put("clients", List.of(client));
        Response refused = FormSession.open("/maintenance/new").post("/maintenance", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"clients-error\"><span>must be empty for scope “All clients”"),
                refused.asString());
        assertTrue(refused.asString().contains("name=\"clients\" value=\"" + client + "\" checked"), "the tick kept");
        assertNoWindowTitled(title);
    }

    @Test
    void aWindowIsEditedKeepingTheSecondsItsInputCannotShowAndThenDeleted() {
        String service = Fixtures.service("maint-edit");
        String title = TestData.uniqueKey("Kernel patch");
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startsAt", "2024-06-01T10:00:30Z");
        body.put("endsAt", "2024-06-01T11:00:00Z");
        body.put("scope", "SERVICES");
        body.put("services", List.of(service));
        long id = given().contentType(ContentType.JSON).body(body).post("/api/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        FormSession edit = FormSession.open("/maintenance/" + id + "?zone=Europe/Berlin");
        assertTrue(edit.page.contains("name=\"startsAt\" value=\"2024-06-01T12:00:30\" step=\"1\""), edit.page);
        assertTrue(edit.page.contains("name=\"endsAt\" value=\"2024-06-01T13:00\""), edit.page);
        assertTrue(edit.page.contains("name=\"services\" value=\"" + service + "\" checked"), edit.page);
        assertTrue(edit.page.contains("<dd id=\"window-concerns\">Clients of services: Service " + service + "</dd>"),
                edit.page);

        // a new description, everyone, no longer announced; the times as the form showed them
        Map<String, Object> fields = form(title + " (all)", "Europe/Berlin", "2024-06-01T12:00:30", "2024-06-01T13:15",
                "ALL_CLIENTS");
        fields.remove("announced");
        Response saved = edit.post("/maintenance/" + id, fields);
        assertEquals(id, idFrom(saved));
        assertTrue(saved.header("Location").endsWith("/maintenance/" + id + "?zone=Europe%2FBerlin"),
                saved.header("Location"));
        given().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("title", equalTo(title + " (all)"))
                .body("startsAt", equalTo("2024-06-01T10:00:30Z"))
                .body("endsAt", equalTo("2024-06-01T11:15:00Z"))
                .body("scope", equalTo("ALL_CLIENTS"))
                .body("services", empty())
                .body("announced", equalTo(false));

        // a refused edit leaves the window as it was
        Response refused = edit.post("/maintenance/" + id, form("", "Europe/Berlin", "2024-06-01T12:00:30",
                "2024-06-01T13:15", "ALL_CLIENTS"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"title-error\"><span>is required</span>"), refused.asString());
        given().get("/api/maintenance-windows/" + id).then().body("title", equalTo(title + " (all)"));

        Response deleted = edit.post("/maintenance/" + id + "/delete", Map.of("zone", "Europe/Berlin"));
        assertEquals(303, deleted.statusCode());
        assertTrue(deleted.header("Location").endsWith("/maintenance?zone=Europe%2FBerlin"), deleted.header("Location"));
        given().get("/api/maintenance-windows/" + id).then().statusCode(404);
        assertEquals(404, given().accept("text/html").get("/maintenance/" + id).statusCode());
    }

    @Test
    void anAnnouncedWindowPlannedOnThePageMovesTheClientsMonthAsSpecSays() {
        var example = SlaPagesFixtures.workedExample("UTC");
        // 09:00 to 09:10 of the 22-minute outage (09:00 to 09:22 UTC) fall in announced maintenance
        Map<String, Object> fields = form(TestData.uniqueKey("Failover drill"), "UTC", "2024-01-16T09:00",
                "2024-01-16T09:10", "CLIENTS");
        fields.put("clients", List.of(example.client()));
        long id = idFrom(FormSession.open("/maintenance/new").post("/maintenance", fields));

        JsonPath report = given().queryParam("month", "2024-01").get("/api/reports/clients/" + example.client() + "/sla")
                .then().statusCode(200).extract().jsonPath();
        // D = 22 min - 10 min = 720 s; |W \ M| = 2,678,400 s - 600 s = 2,677,800 s;
        // availability = 1 - 720 / 2,677,800 = 99.9731122563298...%
        assertEquals(0, new BigDecimal("720").compareTo(new BigDecimal(report.getString("downtimeSeconds"))));
        assertEquals(0, new BigDecimal("600").compareTo(new BigDecimal(report.getString("maintenanceSeconds"))));
        assertEquals(0, new BigDecimal("2677800").compareTo(new BigDecimal(report.getString("measuredSeconds"))));
        assertTrue(report.getString("availabilityPercent").startsWith("99.9731122563298"),
                report.getString("availabilityPercent"));
        assertEquals("99.973", report.getString("availabilityDisplay"));

        // the client's month lists the window and leads to its page
        String month = given().accept("text/html").queryParam("month", "2024-01").get("/clients/" + example.client())
                .then().statusCode(200).extract().asString();
        assertTrue(month.contains("<li id=\"maintenance-" + id + "\"><a href=\"/maintenance/" + id + "\">"), month);
    }

    @Test
    void onlySreAndAdminOpenTheMaintenancePagesAndOthersGetTheForbiddenPage() {
        String sre = TestUsers.withRole(Role.SRE).given().accept("text/html").get("/maintenance")
                .then().statusCode(200).extract().asString();
        assertTrue(sre.contains("<a href=\"/maintenance\" aria-current=\"page\">Maintenance</a>"), sre);
        for (String role : List.of(Role.FINANCE, Role.ACCOUNT_MANAGER)) {
            Response refused = TestUsers.withRole(role).given().accept("text/html").get("/maintenance/new");
            assertEquals(403, refused.statusCode(), role);
            assertTrue(refused.contentType().startsWith("text/html"), role + ": " + refused.contentType());
            assertTrue(refused.asString().contains("Error 403"), refused.asString());
            String dashboard = TestUsers.withRole(role).given().accept("text/html").get("/")
                    .then().statusCode(200).extract().asString();
            assertFalse(dashboard.contains("href=\"/maintenance"), role + " is offered the maintenance pages");
        }
    }

    @Test
    void aBadFilterIsA400PageNamingTheParameter() {
        Response bad = given().accept("text/html").queryParam("when", "soon").queryParam("month", "2024-13")
                .get("/maintenance");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("when"), bad.asString());
        assertTrue(bad.asString().contains("month"), bad.asString());
        for (String page : List.of("abc", "0", "-1", "99999999999")) {
            Response badPage = given().accept("text/html").queryParam("page", page).get("/maintenance");
            assertEquals(400, badPage.statusCode(), page);
            assertTrue(badPage.contentType().startsWith("text/html"), badPage.contentType());
            assertTrue(badPage.asString().contains("must be a whole number from 1"), badPage.asString());
        }
    }
}
