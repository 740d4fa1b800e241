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
     * January 2024: 99.950717 %; current 99.99 → breach, 10 % of EUR 12,000.00 = EUR 1,200.00; proposed 99.9 →
     * met, EUR 0.00; difference −EUR 1,200.00. February 2024 has no incident: met both sides, EUR 0.00.
     */
    @Test
    void aProposalShowsBothSidesAndTheDifferencePerCurrency() {
        String client = workedExampleClient("wip-try");
        FormSession form = FormSession.open("/clients/" + client + "/what-if");
        Response answer = form.post("/clients/" + client + "/what-if", lowerTarget("2024-01", "2024-02"));
        assertEquals(200, answer.statusCode(), answer.asString());
        Document page = Jsoup.parse(answer.asString());
        assertEquals("EUR credit difference −EUR 1,200.00 current EUR 1,200.00, proposal EUR 0.00; breached months 1 → 0", page.select("#total-EUR").text());
        assertEquals("2024-01 99.950 % breached (99.99 %) EUR 1,200.00 99.950 % met (99.9 %) EUR 0.00",
                page.select("#month-2024-01").text());
        assertEquals("2024-02 100.000 % met (99.99 %) EUR 0.00 100.000 % met (99.9 %) EUR 0.00",
                page.select("#month-2024-02").text());
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
        assertEquals(303, form.post("/clients/" + client + "/what-if/" + id + "/delete", Map.of()).statusCode());
        given().accept("text/html").get("/clients/" + client + "/what-if").then().statusCode(200)
                .body(containsString("id=\"saved-none\""), not(containsString(">Target 99.9</a>")));
    }

    @Test
    void badFieldsAreShownBesideThemAndOtherManagersClientsAreNotFound() {
        String client = workedExampleClient("wip-bad");
        FormSession form = FormSession.open("/clients/" + client + "/what-if");
        Map<String, Object> fields = lowerTarget("2024-13", "2024-01");
        fields.put("targetPercent", "abc");
        Response refused = form.post("/clients/" + client + "/what-if", fields);
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertTrue(page.select("#targetPercent-error").text().startsWith("must be a number"), page.select("#form-errors").text());
        assertEquals("abc", page.select("#targetPercent").val());

        fields.put("targetPercent", "99.9");
        refused = form.post("/clients/" + client + "/what-if", fields);
        assertEquals(400, refused.statusCode());
        assertEquals("must be a month as YYYY-MM, such as 2024-01", Jsoup.parse(refused.asString()).select("#from-error").text());

        var manager = TestUsers.create("wip-am", Role.ACCOUNT_MANAGER);
        manager.given().accept("text/html").get("/clients/" + client + "/what-if").then().statusCode(404);
        TestUsers.withRole(Role.SRE).given().accept("text/html").redirects().follow(false)
                .get("/clients/" + client + "/what-if").then().statusCode(403);
    }
}
