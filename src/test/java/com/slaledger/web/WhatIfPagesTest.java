package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The what-if page beside a client's month: the form, both sides, the totals, saving and opening. */
@QuarkusTest
class WhatIfPagesTest {

    /** The SPEC worked example's client: target 99.99, AWS tiers, EUR 12,000.00, 22 minutes down in January 2024. */
    static String workedExampleClient(String prefix) {
        String service = Fixtures.service(prefix);
        String client = Fixtures.client(prefix);
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01",
                "coveredServices", List.of(service), "targetPercent", 99.99,
                "creditTiers", List.of(Map.of("belowPercent", 99.99, "creditPercent", 10),
                        Map.of("belowPercent", 99.0, "creditPercent", 30),
                        Map.of("belowPercent", 95.0, "creditPercent", 100)),
                "monthlyFee", Map.of("amount", "12000.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("source", "what-if-page", "externalId", client,
                "title", "Server outage", "severity", "SEV2", "affectedServices", List.of(service),
                "startedAt", "2024-01-16T09:00:00Z", "mitigatedAt", "2024-01-16T09:22:00Z"))
                .post("/api/incidents").then().statusCode(201);
        return client;
    }

    /** The form as the page fills it, with the proposal of the SPEC example: target 99.9, tiers moved down. */
    static Map<String, Object> lowerTarget(String from, String to) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("from", from);
        fields.put("to", to);
        fields.put("targetPercent", "99.9");
        fields.put("tierBelow", List.of("99.9", "99.0", "95.0", "", ""));
        fields.put("tierCredit", List.of("10", "30", "100", "", ""));
        fields.put("creditCapPercent", "100");
        fields.put("feeAmount", "12000.00");
        fields.put("feeCurrency", "EUR");
        fields.put("impactModel", "PROPORTIONAL");
        fields.put("impactThresholdPercent", "");
        fields.put("minimumOutageSeconds", "0");
        return fields;
    }

    @Test
    void theFormStartsFromTheContractInForceAndTheMonthPageLinksToIt() {
        String client = workedExampleClient("wip-form");
        given().accept("text/html").get("/clients/" + client + "?month=2024-01").then().statusCode(200)
                .body(containsString("href=\"/clients/" + client + "/what-if\""));
        Document page = Jsoup.parse(given().accept("text/html").get("/clients/" + client + "/what-if").then()
                .statusCode(200).extract().asString());
        assertEquals("99.99", page.select("#targetPercent").val());
        assertEquals(List.of("99.99", "99", "95", "", ""), page.select("input[name=tierBelow]").eachAttr("value"));
        assertEquals("12000.00", page.select("#feeAmount").val());
        assertEquals("EUR", page.select("#feeCurrency").val());
        assertEquals("PROPORTIONAL", page.select("#impactModel option[selected]").val());
        assertEquals("None saved for Client " + client + " yet.", page.select("#saved-none").text());
        // a name may have 100 characters (the API's limit), the terms 40 as on the contract form
        assertEquals("100", page.select("#name").attr("maxlength"));
        assertEquals("40", page.select("#targetPercent").attr("maxlength"));
    }

    /**
     * January 2024: 22 minutes down, 99.950717 %; current 99.99 → breach, 10 % of EUR 12,000.00 = EUR 1,200.00;
     * proposed 99.9 → met, EUR 0.00; difference −EUR 1,200.00. February 2024 has no incident: met both sides,
     * EUR 0.00. Every figure leads to what is behind it: availability and credit to the client's month, the
     * downtime to the month's incidents (days 2024-01-01 to 2024-01-31), a total to the months.
     */
    @Test
    void aProposalShowsBothSidesAndTheDifferencePerCurrency() {
        String client = workedExampleClient("wip-try");
        FormSession form = FormSession.open("/clients/" + client + "/what-if");
        Response answer = form.post("/clients/" + client + "/what-if", lowerTarget("2024-01", "2024-02"));
        assertEquals(200, answer.statusCode(), answer.asString());
        Document page = Jsoup.parse(answer.asString());
        assertEquals("EUR credit difference −EUR 1,200.00 current EUR 1,200.00, proposal EUR 0.00; breached months 1 → 0", page.select("#total-EUR").text());
        assertEquals("2024-01 99.950 % 22 min breached (99.99 %) EUR 1,200.00 99.950 % 22 min met (99.9 %) EUR 0.00",
                page.select("#month-2024-01").text());
        assertEquals("2024-02 100.000 % 0 min met (99.99 %) EUR 0.00 100.000 % 0 min met (99.9 %) EUR 0.00",
                page.select("#month-2024-02").text());
        String month = "/clients/" + client + "?month=2024-01";
        String incidents = "/incidents?client=" + client + "&from=2024-01-01&to=2024-01-31";
        for (String side : List.of("current", "proposed")) {
            assertEquals(month, page.select("#month-2024-01 a." + side + "-availability").attr("href"), side);
            assertEquals(incidents, page.select("#month-2024-01 a." + side + "-downtime").attr("href"), side);
            assertEquals(month, page.select("#month-2024-01 a." + side + "-credit").attr("href"), side);
        }
        assertEquals("/incidents?client=" + client + "&from=2024-02-01&to=2024-02-29",
                page.select("#month-2024-02 a.proposed-downtime").attr("href"));
        assertEquals("#months", page.select("#total-EUR dd a").attr("href"));
        assertEquals(1, page.select("table#months").size());
        // the incidents behind January's downtime are the outage of the worked example
        given().accept("text/html").get(incidents).then().statusCode(200).body(containsString("Server outage"));
        // two bars in January: current 10 % of the fee, the proposal none (no rectangle)
        assertEquals(1, page.select("svg.what-if-chart rect.current").size());
        assertEquals(0, page.select("svg.what-if-chart rect.proposed").size());
        assertEquals("/clients/" + client + "?month=2024-01",
                page.select("svg.what-if-chart a.bar-link").first().attr("href"));
    }

    @Test
    void aWhatIfIsSavedListedOpenedAndDeleted() {
        String client = workedExampleClient("wip-save");
        FormSession form = FormSession.open("/clients/" + client + "/what-if");
        Map<String, Object> fields = lowerTarget("2024-01", "2024-01");
        fields.put("name", "Target 99.9");
        Response saved = form.post("/clients/" + client + "/what-if/save", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        String location = saved.header("Location");
        assertTrue(location.contains("/clients/" + client + "/what-if?saved="), location);

        Document page = Jsoup.parse(given().accept("text/html").get(location).then().statusCode(200).extract().asString());
        assertEquals("“Target 99.9”: 2024-01 to 2024-01", page.select("#answer").text());
        assertEquals("99.9", page.select("#targetPercent").val());
        assertEquals("Target 99.9", page.select("#name").val());
        assertEquals("EUR credit difference −EUR 1,200.00 current EUR 1,200.00, proposal EUR 0.00; breached months 1 → 0", page.select("#total-EUR").text());
        assertEquals(1, page.select("#saved li").size());

        // the same name again, for another range: refused beside the name, nothing saved twice
        fields.put("to", "2024-02");
        Response taken = form.post("/clients/" + client + "/what-if/save", fields);
        assertEquals(409, taken.statusCode());
        assertEquals("is taken", Jsoup.parse(taken.asString()).select("#name-error").text());

        String id = location.substring(location.indexOf("saved=") + "saved=".length());
        assertEquals("/clients/" + client + "/what-if/" + id + "/update", page.select("#update").attr("formaction"));
        assertEquals(List.of("saved"), page.select("#history tbody td:nth-child(3)").eachText());

        // changed under another name and target: the history says who changed what, newest first
        fields.put("to", "2024-01");
        fields.put("name", "Target 99.95");
        fields.put("targetPercent", "99.95");
        fields.put("tierBelow", List.of("99.95", "99.0", "95.0", "", ""));
        Response changed = form.post("/clients/" + client + "/what-if/" + id + "/update", fields);
        assertEquals(303, changed.statusCode(), changed.asString());
        assertTrue(changed.header("Location").endsWith("/clients/" + client + "/what-if?saved=" + id),
                changed.header("Location"));
        page = Jsoup.parse(given().accept("text/html").get(location).then().statusCode(200).extract().asString());
        assertEquals("“Target 99.95”: 2024-01 to 2024-01", page.select("#answer").text());
        assertEquals("99.95", page.select("#targetPercent").val());
        assertEquals(List.of("changed name, proposal", "saved"), page.select("#history tbody td:nth-child(3)").eachText());
        assertEquals(List.of("test-admin", "test-admin"), page.select("#history tbody td:nth-child(2)").eachText());
        assertEquals(1, page.select("#saved li").size());
        // a bad name is refused beside the field, the what-if left as it was, still the one being changed
        fields.put("name", "");
        Response refused = form.post("/clients/" + client + "/what-if/" + id + "/update", fields);
        assertEquals(400, refused.statusCode());
        Document again = Jsoup.parse(refused.asString());
        assertEquals("is required", again.select("#name-error").text());
        assertEquals("/clients/" + client + "/what-if/" + id + "/update", again.select("#update").attr("formaction"));

        assertEquals(303, form.post("/clients/" + client + "/what-if/" + id + "/delete", Map.of()).statusCode());
        given().accept("text/html").get("/clients/" + client + "/what-if").then().statusCode(200)
                .body(containsString("id=\"saved-none\""), not(containsString(">Target 99.95</a>")));
    }

    /**
     * Three bad fields of three kinds: a target that is not a number (read by the form), a month that does not
     * exist (the range's rule) and a cap above 100 % (the proposal's rule). The form read the target first and
     * stopped there; now one answer shows every message beside its field, as typed; saving adds the name's.
     */
    @Test
    void everyBadFieldIsShownBesideItAtOnceAndOtherManagersClientsAreNotFound() {
        String client = workedExampleClient("wip-bad");
        FormSession form = FormSession.open("/clients/" + client + "/what-if");
        Map<String, Object> fields = lowerTarget("2024-13", "2024-01");
        fields.put("targetPercent", "abc");
        fields.put("creditCapPercent", "150");
        Response refused = form.post("/clients/" + client + "/what-if", fields);
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertEquals("must be a number such as 99.9 (with a point, not a comma)", page.select("#targetPercent-error").text());
        assertEquals("must be a month as YYYY-MM, such as 2024-01", page.select("#from-error").text());
        assertEquals("must be less than or equal to 100", page.select("#creditCapPercent-error").text());
        assertEquals("The what-if was not worked out. 3 problems to fix below.", page.select("#form-errors").text());
        assertEquals("abc", page.select("#targetPercent").val());
        assertEquals("150", page.select("#creditCapPercent").val());
        assertEquals("true", page.select("#creditCapPercent").attr("aria-invalid"));

        // saving: the name's rule in the same answer (a right-to-left override would make it read as another)
        fields.put("name", "Target \u202E9.99");
        refused = form.post("/clients/" + client + "/what-if/save", fields);
        assertEquals(400, refused.statusCode());
        page = Jsoup.parse(refused.asString());
        assertEquals(List.of("creditCapPercent-error", "from-error", "name-error", "targetPercent-error"),
                page.select(".field-error").eachAttr("id").stream().sorted().toList());
        assertEquals("must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069, "
                + "U+200E, U+200F, U+061C)", page.select("#name-error").text());
        given().accept("text/html").get("/clients/" + client + "/what-if").then().statusCode(200)
                .body(containsString("id=\"saved-none\""));

        // a tier above the target of the contract in force (a rule of the client's versions) and a fee that is
        // not a number, in one answer too
        fields.put("from", "2024-01");
        fields.put("targetPercent", "99.99");
        fields.put("creditCapPercent", "100");
        fields.put("tierBelow", List.of("99.999", "99.0", "95.0", "", ""));
        fields.put("feeAmount", "12k");
        refused = form.post("/clients/" + client + "/what-if", fields);
        assertEquals(400, refused.statusCode());
        page = Jsoup.parse(refused.asString());
        assertEquals(List.of("feeAmount-error", "tier-0-error"), page.select(".field-error").eachAttr("id").stream()
                .sorted().toList());
        assertEquals("must be a number such as 1200.00 (with a point, not a comma)", page.select("#feeAmount-error").text());
        String contract = given().accept("application/json").get("/api/clients/" + client + "/contracts").then()
                .extract().jsonPath().getString("[0].id");
        assertEquals("threshold must not be above the targetPercent of contract " + contract
                + " (99.99, in force in 2024-01); propose a targetPercent too", page.select("#tier-0-error").text());

        var manager = TestUsers.create("wip-am", Role.ACCOUNT_MANAGER);
        manager.given().accept("text/html").get("/clients/" + client + "/what-if").then().statusCode(404);
        TestUsers.withRole(Role.SRE).given().accept("text/html").redirects().follow(false)
                .get("/clients/" + client + "/what-if").then().statusCode(403);
    }
}
