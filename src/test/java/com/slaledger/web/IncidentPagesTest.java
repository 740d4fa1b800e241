package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentPagesTest {

    /** The seed postmortem's outage: 10:00 to 10:22 in Berlin, paged at once, acknowledged after 10 minutes. */
    private static Map<String, Object> seedLikeIncident(String service) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "test");
        body.put("externalId", TestData.uniqueKey("page"));
        body.put("title", "Checkout returns 500");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(service));
        body.put("impactPercent", 40);
        body.put("startedAt", "2024-01-16T09:00:00Z");
        body.put("detectedAt", "2024-01-16T09:00:00Z");
        body.put("acknowledgedAt", "2024-01-16T09:10:00Z");
        body.put("mitigatedAt", "2024-01-16T09:22:00Z");
        body.put("resolvedAt", "2024-01-16T10:05:00Z");
        body.put("timeline", List.of(Map.of("at", "2024-01-16T09:00:00Z", "text", "Pager fired"),
                Map.of("at", "2024-01-16T09:18:00Z", "text", "Rolled back the deploy")));
        body.put("rootCause", "A config change dropped the pool size");
        body.put("preventiveActions", List.of("Canary config changes"));
        return body;
    }

    private static Map<String, Object> openIncident(String service) {
        Map<String, Object> body = seedLikeIncident(service);
        body.put("detectedAt", null);
        body.put("acknowledgedAt", null);
        body.put("mitigatedAt", null);
        body.put("resolvedAt", null);
        body.put("timeline", List.of());
        return body;
    }

    private static long create(Map<String, Object> body) {
        return ((Number) given().contentType(ContentType.JSON).body(body).when().post("/api/incidents")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static String page(String path, int status) {
        return given().accept("text/html").when().get(path).then().statusCode(status)
                .contentType(containsString("text/html")).extract().asString();
    }

    /** The text of the element with this id, tags removed. */
    private static String textOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no element #" + id);
        return m.group(1).replaceAll("<[^>]+>", "").strip();
    }

    @Test
    void detailShowsTheFourDurationsAndTheTimesInUtc() {
        long id = create(seedLikeIncident(Fixtures.service("pay")));
        String html = page("/incidents/" + id, 200);
        assertEquals("0 min", textOf(html, "ttd"));
        assertEquals("10 min", textOf(html, "tta"));
        assertEquals("22 min", textOf(html, "ttr"));
        assertEquals("1 h 05 min", textOf(html, "ttresolve"));
        assertEquals("40 %", textOf(html, "impact"));
        assertTrue(html.contains("2024-01-16 09:10 UTC"), "acknowledged time in UTC");
        assertTrue(html.contains("A config change dropped the pool size"));
        assertTrue(html.contains("Canary config changes"));
        // the chart: impact bar, the markers with their times, numbered entries linked to the list
        assertTrue(html.contains("<svg class=\"timeline-chart\""));
        assertTrue(html.contains("<tspan class=\"marker-name\">Acknowledged</tspan> 09:10"));
        assertTrue(html.contains("<tspan class=\"marker-name\">Mitigated</tspan> 09:22"));
        assertTrue(html.contains("<rect class=\"impact\""));
        assertTrue(html.contains("href=\"#entry-2\""));
        assertTrue(html.matches("(?s).*<li id=\"entry-2\"><time[^>]*>2024-01-16 09:18</time> Rolled back the deploy</li>.*"));
        assertTrue(html.contains("Times in UTC, 2024-01-16"));
    }

    @Test
    void detailShowsTimesInTheChosenZoneWithTheZoneNamed() {
        long id = create(seedLikeIncident(Fixtures.service("pay")));
        String html = page("/incidents/" + id + "?zone=Europe/Berlin", 200);
        assertTrue(html.contains("2024-01-16 10:00 Europe/Berlin (UTC+01:00)"), "started in Berlin");
        assertTrue(html.contains("<tspan class=\"marker-name\">Acknowledged</tspan> 10:10"));
        assertTrue(html.contains("Key times (Europe/Berlin)"));
        assertEquals("10 min", textOf(html, "tta"));
    }

    @Test
    void anOngoingIncidentShowsItsImpactAsOngoing() {
        Map<String, Object> body = seedLikeIncident(Fixtures.service("db"));
        body.put("mitigatedAt", null);
        body.put("resolvedAt", null);
        long id = create(body);
        String html = page("/incidents/" + id, 200);
        assertEquals("ongoing", textOf(html, "ttr"));
        assertEquals("—", textOf(html, "ttresolve"));
        assertTrue(html.contains("<rect class=\"impact ongoing\""));
        // the steps still open are offered as buttons, each a form with the CSRF token
        assertTrue(html.contains("action=\"/incidents/" + id + "/mitigate\""));
        assertTrue(html.contains("action=\"/incidents/" + id + "/resolve\""));
        assertFalse(html.contains("action=\"/incidents/" + id + "/acknowledge\""), "acknowledged already");
    }

    @Test
    void aTitleWithMarkupIsShownAsTextOnEveryPage() {
        String service = Fixtures.service("xss");
        Map<String, Object> body = seedLikeIncident(service);
        body.put("title", "<script>alert(1)</script>");
        body.put("summary", "<img src=x onerror=alert(2)>");
        long id = create(body);
        for (String html : List.of(page("/incidents/" + id, 200), page("/incidents?service=" + service, 200),
                page("/incidents/" + id + "/edit", 200))) {
            assertFalse(html.contains("<script>alert(1)"), "raw script tag");
            assertFalse(html.contains("<img src=x"), "raw img tag");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
    }

    @Test
    void theListFiltersByServiceAndOpenAndShowsSeverityStatusAndTtr() {
        String service = Fixtures.service("list");
        Map<String, Object> resolved = seedLikeIncident(service);
        resolved.put("title", "Resolved one");
        create(resolved);
        Map<String, Object> open = seedLikeIncident(service);
        open.put("title", "Still open one");
        open.put("severity", "SEV1");
        open.put("startedAt", "2024-02-01T08:00:00Z");
        open.put("detectedAt", null);
        open.put("acknowledgedAt", null);
        open.put("mitigatedAt", null);
        open.put("resolvedAt", null);
        open.put("timeline", List.of());
        create(open);

        String all = page("/incidents?service=" + service, 200);
        assertTrue(all.contains("2 incidents, showing 1–2."));
        assertTrue(all.indexOf("Still open one") < all.indexOf("Resolved one"), "newest first");
        assertTrue(all.contains("<span class=\"badge sev1\">SEV1</span>"));
        assertTrue(all.contains("<span class=\"status resolved\">Resolved</span>"));
        assertTrue(all.contains("<span class=\"status open\">Open</span>"));
        assertTrue(all.contains("2024-01-16 09:00"));
        assertTrue(all.contains(">22 min</td>"));
        assertTrue(all.contains("Started (UTC)"));

        String openOnly = page("/incidents?service=" + service + "&open=true", 200);
        assertTrue(openOnly.contains("1 incident, showing 1–1."));
        assertTrue(openOnly.contains("Still open one"));
        assertFalse(openOnly.contains("Resolved one"));

        String february = page("/incidents?service=" + service + "&from=2024-02-01&to=2024-02-29", 200);
        assertTrue(february.contains("Still open one"));
        assertFalse(february.contains("Resolved one"));
        String sev2 = page("/incidents?service=" + service + "&severity=SEV2", 200);
        assertTrue(sev2.contains("Resolved one"));
        assertFalse(sev2.contains("Still open one"));
    }

    @Test
    void withAClientInViewTimesAreInTheClientsZone() {
        String service = Fixtures.service("tok");
        String client = Fixtures.client("tokyo", "Asia/Tokyo");
        Map<String, Object> body = seedLikeIncident(service);
        body.put("affectedClients", List.of(client));
        long id = create(body);
        String html = page("/incidents?client=" + client, 200);
        assertTrue(html.contains("Started (Asia/Tokyo)"));
        assertTrue(html.contains("2024-01-16 18:00"), "09:00 UTC is 18:00 in Tokyo");
        assertTrue(html.contains("/incidents/" + id + "?zone=Asia/Tokyo"));
        // the day filter is a day in Tokyo: 2024-01-17 there starts at 15:00 UTC on the 16th
        assertFalse(page("/incidents?client=" + client + "&from=2024-01-17", 200).contains("/incidents/" + id));
        assertTrue(page("/incidents?client=" + client + "&to=2024-01-16", 200).contains("/incidents/" + id));
    }

    @Test
    void theListPagesThroughManyIncidents() {
        String service = Fixtures.service("many");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < IncidentPages.PAGE_SIZE + 2; i++) {
            Map<String, Object> item = seedLikeIncident(service);
            item.put("title", "Blip number " + i);
            item.put("startedAt", String.format("2024-05-01T%02d:00:00Z", i % 24));
            item.put("detectedAt", null);
            item.put("acknowledgedAt", null);
            item.put("mitigatedAt", null);
            item.put("resolvedAt", null);
            item.put("timeline", List.of());
            items.add(item);
        }
        given().contentType(ContentType.JSON).body(Map.of("incidents", items)).when().post("/api/incidents/batch")
                .then().statusCode(200);
        String first = page("/incidents?service=" + service, 200);
        assertTrue(first.contains("27 incidents, showing 1–25."));
        assertTrue(first.contains("Page 1 of 2"));
        assertTrue(first.contains("href=\"/incidents?service=" + service + "&amp;page=2\" rel=\"next\""));
        String second = page("/incidents?service=" + service + "&page=2", 200);
        assertTrue(second.contains("showing 26–27."));
        assertTrue(second.contains("rel=\"prev\""));
    }

    @Test
    void recordingThroughTheFormRedirectsToTheNewIncident() {
        String service = Fixtures.service("form");
        FormSession session = FormSession.open("/incidents/new");
        String externalId = TestData.uniqueKey("web");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "manual");
        fields.put("externalId", externalId);
        fields.put("title", "Login loops");
        fields.put("severity", "SEV3");
        fields.put("affectedServices", List.of(service));
        fields.put("impactPercent", "25");
        fields.put("zone", "Europe/Berlin");
        fields.put("startedAt", "2024-01-16T10:00");
        fields.put("detectedAt", "2024-01-16T10:03");
        fields.put("acknowledgedAt", "2024-01-16T10:13");
        fields.put("mitigatedAt", "2024-01-16T11:05");
        fields.put("resolvedAt", "");
        fields.put("timeline", "10:03 Alert fired\n2024-01-16 10:40 Restarted the pods");
        fields.put("preventiveActions", "Alert on login loops\n\nLoad test SSO");
        Response response = session.post("/incidents", fields);
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        assertTrue(location.matches(".*/incidents/\\d+\\?zone=Europe%2FBerlin"), location);

        given().when().get("/api/incidents/by-key/manual/" + externalId).then().statusCode(200)
                .body("title", equalTo("Login loops"))
                .body("startedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("acknowledgedAt", equalTo("2024-01-16T09:13:00Z"))
                .body("resolvedAt", equalTo(null))
                .body("impactPercent", equalTo(25))
                .body("timeline[0].at", equalTo("2024-01-16T09:03:00Z"))
                .body("timeline[1].text", equalTo("Restarted the pods"))
                .body("preventiveActions.size()", equalTo(2));

        String id = location.replaceAll(".*/incidents/(\\d+).*", "$1");
        String detail = page("/incidents/" + id + "?zone=Europe/Berlin", 200);
        assertEquals("10 min", textOf(detail, "tta"));
        assertEquals("1 h 05 min", textOf(detail, "ttr"));
        assertTrue(detail.contains("2024-01-16 10:00 Europe/Berlin (UTC+01:00)"));

        // sending the same form again records nothing new: the external id makes it a retry
        Response again = session.post("/incidents", fields);
        assertEquals(303, again.statusCode());
        assertEquals(location, again.header("Location"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
        String externalId = TestData.uniqueKey("csrf");
        Map<String, Object> fields = Map.of("source", "manual", "externalId", externalId, "title", "Forged",
                "severity", "SEV4", "affectedServices", Fixtures.service("csrf"), "zone", "UTC",
                "startedAt", "2024-01-16T10:00");
        // no cookie and no token, as a forged cross-site form would send
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(fields).when().post("/incidents").then().statusCode(400);
        // a cookie but a token of another session
        FormSession session = FormSession.open("/incidents/new");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", session.cookie).formParam("csrf-token", (session.token.charAt(0) == 'A' ? "B" : "A") + session.token.substring(1))
                .formParams(fields).when().post("/incidents").then().statusCode(400);
        given().when().get("/api/incidents/by-key/manual/" + externalId).then().statusCode(404);
        // the JSON API is no form: it takes no CSRF token
        long id = ((Number) given().contentType(ContentType.JSON).body(openIncident(Fixtures.service("api")))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id")).longValue();
        // but a cross-site form aimed at the API is a form post like any other, and is refused
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .when().post("/api/incidents/" + id + "/resolve").then().statusCode(400);
        given().when().get("/api/incidents/" + id).then().body("resolvedAt", equalTo(null));
    }

    @Test
    void aFormWithMistakesComesBackWithTheMessagesBesideTheFieldsAndEverythingTyped() {
        String service = Fixtures.service("bad");
        FormSession session = FormSession.open("/incidents/new");
        String externalId = TestData.uniqueKey("bad");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "manual");
        fields.put("externalId", externalId);
        fields.put("title", "Search is <slow>");
        fields.put("severity", "");
        fields.put("affectedServices", List.of(service));
        fields.put("impactPercent", "lots");
        fields.put("zone", "UTC");
        fields.put("startedAt", "2024-01-16T10:00");
        fields.put("detectedAt", "2024-01-16T09:50");
        fields.put("timeline", "10:05 Paged\nno time here");
        fields.put("summary", "Typed summary stays");
        Response response = session.post("/incidents", fields);
        assertEquals(400, response.statusCode());
        String html = response.asString();
        assertEquals("is required", textOf(html, "severity-error"));
        assertEquals("must be a number such as 40 or 12.5", textOf(html, "impactPercent-error"));
        assertTrue(textOf(html, "detectedAt-error").startsWith("must not be before Started (2024-01-16 10:00 UTC)"),
                textOf(html, "detectedAt-error"));
        assertTrue(textOf(html, "timeline-error").startsWith("line 2: must start with a time"));
        assertTrue(html.contains("<strong>The incident was not saved.</strong> 4 problems to fix below."));
        // everything typed is still there, escaped
        assertTrue(html.contains("value=\"Search is &lt;slow&gt;\""));
        assertTrue(html.contains("value=\"lots\""));
        assertTrue(html.contains("value=\"2024-01-16T09:50\""));
        assertTrue(html.contains(">10:05 Paged\nno time here</textarea>"));
        assertTrue(html.contains(">Typed summary stays</textarea>"));
        assertTrue(html.contains("value=\"" + service + "\" checked"));
        assertTrue(html.contains("aria-invalid=\"true\""));
        given().when().get("/api/incidents/by-key/manual/" + externalId).then().statusCode(404);
    }

    @Test
    void aFormThatOnlyTheServiceRefusesShowsItsMessages() {
        FormSession session = FormSession.open("/incidents/new");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", "manual");
        fields.put("externalId", TestData.uniqueKey("svc"));
        fields.put("title", "No scope");
        fields.put("severity", "SEV2");
        fields.put("zone", "UTC");
        fields.put("startedAt", "2024-01-16T10:00");
        fields.put("excluded", "true");
        Response response = session.post("/incidents", fields);
        assertEquals(400, response.statusCode());
        String html = response.asString();
        assertEquals("name at least one affected service or client", textOf(html, "affectedServices-error"));
        assertEquals("must say why the incident is excluded", textOf(html, "exclusionReason-error"));
        assertTrue(html.contains("value=\"No scope\""));
    }

    @Test
    void editingKeepsWhatTheFormCannotShowAndChangesWhatWasTyped() {
        String service = Fixtures.service("edit");
        Map<String, Object> body = seedLikeIncident(service);
        body.put("startedAt", "2024-01-16T08:59:59.123456Z");
        long id = create(body);
        FormSession session = FormSession.open("/incidents/" + id + "/edit");
        assertTrue(session.page.contains("value=\"Checkout returns 500\""));
        assertTrue(session.page.contains("id=\"acknowledgedAt\" name=\"acknowledgedAt\" value=\"2024-01-16T09:10\""));
        assertTrue(session.page.contains("id=\"startedAt\" name=\"startedAt\" value=\"2024-01-16T08:59:59\" step=\"1\""));
        assertTrue(session.page.contains("2024-01-16 09:18 Rolled back the deploy"));

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Checkout returns 503");
        fields.put("severity", "SEV1");
        fields.put("affectedServices", List.of(service));
        fields.put("impactPercent", "40");
        fields.put("zone", "UTC");
        fields.put("startedAt", "2024-01-16T08:59:59");
        fields.put("detectedAt", "2024-01-16T09:00");
        fields.put("acknowledgedAt", "2024-01-16T09:12");
        fields.put("mitigatedAt", "2024-01-16T09:22");
        fields.put("resolvedAt", "2024-01-16T10:05");
        fields.put("timeline", "2024-01-16 09:00 Pager fired\n2024-01-16 09:18 Rolled back the deploy");
        fields.put("rootCause", "A config change dropped the pool size");
        fields.put("preventiveActions", "Canary config changes");
        // a forged key in the form changes nothing: the incident keeps its own
        fields.put("externalId", "hijack");
        Response response = session.post("/incidents/" + id + "/edit", fields);
        assertEquals(303, response.statusCode(), response.asString());
        assertTrue(response.header("Location").endsWith("/incidents/" + id));
        given().when().get("/api/incidents/" + id).then().statusCode(200)
                .body("title", equalTo("Checkout returns 503"))
                .body("severity", equalTo("SEV1"))
                .body("externalId", equalTo(body.get("externalId")))
                .body("startedAt", equalTo("2024-01-16T08:59:59.123456Z"))
                .body("acknowledgedAt", equalTo("2024-01-16T09:12:00Z"))
                .body("timeToAcknowledgeSeconds", equalTo(720));
    }

    @Test
    void theLifecycleButtonsStampNowAndAConflictIsShownOnThePage() {
        Map<String, Object> body = seedLikeIncident(Fixtures.service("life"));
        body.put("startedAt", "2024-06-01T10:00:00Z");
        body.put("detectedAt", null);
        body.put("acknowledgedAt", null);
        body.put("mitigatedAt", null);
        body.put("resolvedAt", null);
        body.put("timeline", List.of());
        long id = create(body);
        FormSession session = FormSession.open("/incidents/" + id);
        Response acknowledged = session.post("/incidents/" + id + "/acknowledge", Map.of("zone", "UTC"));
        assertEquals(303, acknowledged.statusCode());
        assertTrue(acknowledged.header("Location").endsWith("/incidents/" + id));
        given().when().get("/api/incidents/" + id).then()
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", not(equalTo(null)));

        // an incident that starts in the future cannot be mitigated now
        Map<String, Object> future = seedLikeIncident(Fixtures.service("life"));
        future.put("startedAt", "2999-01-01T00:00:00Z");
        future.put("detectedAt", null);
        future.put("acknowledgedAt", null);
        future.put("mitigatedAt", null);
        future.put("resolvedAt", null);
        future.put("timeline", List.of());
        long futureId = create(future);
        Response conflict = session.post("/incidents/" + futureId + "/mitigate", Map.of("zone", "Europe/Berlin"));
        assertEquals(409, conflict.statusCode());
        String html = conflict.asString();
        assertTrue(html.contains("role=\"alert\">Could not mark the incident as mitigated now: Mitigated must not be"
                + " before Started (2999-01-01 01:00 Europe/Berlin (UTC+01:00))"), html);
        given().when().get("/api/incidents/" + futureId).then().body("mitigatedAt", equalTo(null));
    }

    @Test
    void anUnknownIncidentIsAnHtml404PageWithoutInternals() {
        String html = page("/incidents/987654321098", 404);
        assertTrue(html.contains("<h1>Not found</h1>"));
        assertTrue(html.contains("No incident &#39;987654321098&#39;"), html);
        assertTrue(html.contains("aria-current=\"page\""), "in the layout, with the navigation");
        assertFalse(html.contains("Exception"));
        assertFalse(html.contains("at com.slaledger"));
    }

    @Test
    void aBadFilterIsAnHtml400Page() {
        String html = page("/incidents?from=yesterday&severity=SEV9", 400);
        assertTrue(html.contains("<h1>This address has mistakes</h1>"));
        assertTrue(html.contains("<code>from</code> must be a date such as 2024-01-31, from year 1900 to 9999, got &#39;yesterday&#39;"), html);
        assertTrue(html.contains("<code>severity</code> must be one of SEV1, SEV2, SEV3, SEV4"));
    }

    @Test
    void unknownPagesAreHtmlForBrowsersAndProblemJsonForTheApi() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get("/no-such-page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<h1>Page not found</h1>"))
                .body(containsString("Nothing is at /no-such-page."));
        given().accept("text/html").when().get("/incidents/not-a-number")
                .then().statusCode(404).contentType(containsString("text/html"));
        given().accept("application/json").when().get("/no-such-page")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().accept("text/html").when().get("/api/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").when().get("/api/incidents/987654321098")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", matchesPattern("No incident '987654321098'"));
    }
}
