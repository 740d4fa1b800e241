package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract pages through their forms as a browser posts them, read back through the API: a version
 * created on the page has exactly the terms typed; a mistake comes back beside its field with nothing
 * written; finance changes the fee and nothing else (SPEC "Who may do what"); other roles get the 403 page.
 */
@QuarkusTest
class ContractPagesTest {

    /** Numbers read as BigDecimal, so 99.95 is compared exactly. */
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    /** A form as an admin fills it: two tiers typed in rows 1 and 3 of five, the other rows left empty. */
    private static Map<String, Object> typed(String... services) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("effectiveFrom", "2024-01-01");
        form.put("effectiveTo", "");
        form.put("coveredServices", List.of(services));
        form.put("targetPercent", "99.95");
        form.put("tierBelow", List.of("99.95", "", "99.0", "", ""));
        form.put("tierCredit", List.of("10", "", "25.5", "", ""));
        form.put("feeAmount", "1200.50");
        form.put("feeCurrency", "EUR");
        form.put("creditCapPercent", "50");
        form.put("impactModel", "THRESHOLD");
        form.put("impactThresholdPercent", "40");
        form.put("minimumOutageSeconds", "60");
        return form;
    }

    private static JsonPath versions(String client) {
        return given().config(EXACT).get("/api/clients/" + client + "/contracts").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aVersionCreatedThroughTheFormHasExactlyTheTermsTyped() {
        String client = Fixtures.client("page-contract", "Europe/Berlin");
        String api = Fixtures.service("page-api");
        String db = Fixtures.service("page-db");
        FormSession form = FormSession.open("/contracts/" + client + "/new");
        assertEquals(5, countOf(form.page, "name=\"tierBelow\""), "five empty tier rows for a first version");

        Response created = form.post("/contracts/" + client + "/new", typed(api, db));
        assertEquals(303, created.statusCode(), created.asString());

        JsonPath stored = versions(client);
        assertEquals(1, stored.getList("$").size());
        long id = stored.getLong("[0].id");
        assertTrue(created.header("Location").endsWith("/contracts/" + client + "#version-" + id),
                created.header("Location"));
        assertEquals("2024-01-01", stored.getString("[0].effectiveFrom"));
        assertNull(stored.getString("[0].effectiveTo"));
        assertEquals(List.of(api, db).stream().sorted().toList(), stored.getList("[0].coveredServices"));
        assertNumber("99.95", stored, "[0].targetPercent");
        // tiers come highest threshold first; the empty rows left none behind
        assertEquals(2, stored.getList("[0].creditTiers").size());
        assertNumber("99.95", stored, "[0].creditTiers[0].belowPercent");
        assertNumber("10", stored, "[0].creditTiers[0].creditPercent");
        assertNumber("99.0", stored, "[0].creditTiers[1].belowPercent");
        assertNumber("25.5", stored, "[0].creditTiers[1].creditPercent");
        assertEquals("1200.50", stored.getString("[0].monthlyFee.amount"));
        assertEquals("EUR", stored.getString("[0].monthlyFee.currency"));
        assertNumber("50", stored, "[0].creditCapPercent");
        assertEquals("THRESHOLD", stored.getString("[0].impactModel"));
        assertNumber("40", stored, "[0].impactThresholdPercent");
        assertEquals(60, stored.getInt("[0].minimumOutageSeconds"));

        String list = given().accept("text/html").get("/contracts/" + client).then().statusCode(200).extract()
                .asString();
        String row = section(list, "version-" + id);
        assertTrue(row.contains("<dd class=\"target\">99.95 %</dd>"), row);
        assertTrue(row.contains("<dd class=\"fee\">EUR 1,200.50</dd>"), row);
        assertTrue(row.contains("Service " + api) && row.contains("Service " + db), "services by name: " + row);
        assertTrue(row.contains("below 99 % → 25.5 %"), row);
        assertTrue(row.contains("Threshold from 40 % impact"), row);
        assertTrue(row.contains("60 s"), row);
    }

    @Test
    void badFieldsComeBackBesideTheirFieldsAsTypedAndNothingIsWritten() {
        String client = Fixtures.client("page-contract-bad");
        String api = Fixtures.service("page-api");
        Map<String, Object> fields = typed(api);
        fields.put("targetPercent", "100.5");
        fields.put("tierBelow", List.of("99.5", "99.0", "", "", ""));
        fields.put("tierCredit", List.of("10", "", "", "", ""));
        fields.put("feeCurrency", "EURO");
        fields.put("feeAmount", "\u0661\u0662\u0663"); // Arabic-Indic digits, which BigDecimal would read as 123
        Response refused = FormSession.open("/contracts/" + client + "/new").post("/contracts/" + client + "/new", fields);

        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"feeAmount-error\"><span>must be a number such as"), html);
        assertTrue(html.contains("id=\"targetPercent-error\"><span>must be less than or equal to 100</span>"), html);
        assertTrue(html.contains("id=\"tier-1-error\"><span>give the credit percent too, or clear the row</span>"),
                html);
        assertTrue(html.contains("id=\"feeCurrency-error\"><span>must be an ISO 4217 currency code such as EUR"),
                html);
        assertFalse(html.contains("id=\"tier-0-error\""), "the complete tier row is fine: " + html);
        assertTrue(html.contains("name=\"targetPercent\" value=\"100.5\""), "the target as typed");
        assertTrue(html.contains("name=\"feeCurrency\" value=\"EURO\""), "the currency as typed");
        assertTrue(html.contains("id=\"tierBelow-1\" name=\"tierBelow\" value=\"99.0\""), "the half tier as typed");
        assertTrue(versions(client).getList("$").isEmpty(), "nothing written");
    }

    @Test
    void aTierTheServiceRefusesIsNamedBesideTheRowItWasTypedIn() {
        String client = Fixtures.client("page-contract-tier");
        String api = Fixtures.service("page-api");
        Map<String, Object> fields = typed(api);
        // the second tier typed sits in row 4: it is the request's tier 1, and its threshold is above the target
        fields.put("tierBelow", List.of("99.9", "", "", "99.99", ""));
        fields.put("tierCredit", List.of("10", "", "", "5", ""));
        fields.put("targetPercent", "99.95");
        Response refused = FormSession.open("/contracts/" + client + "/new").post("/contracts/" + client + "/new", fields);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"tier-3-error\"><span>threshold must not be above targetPercent"
                + " (99.95)</span>"), refused.asString());
        assertTrue(versions(client).getList("$").isEmpty(), "nothing written");
    }

    @Test
    void financeChangesTheFeeThroughTheFormButAChangedTargetIsRefused() {
        String client = Fixtures.client("page-contract-fin");
        String api = Fixtures.service("page-api");
        long id = createThroughApi(client, api, "2024-01-01");
        TestUser finance = TestUsers.withRole(Role.FINANCE);

        FormSession form = FormSession.open("/contracts/" + client + "/" + id, finance);
        assertTrue(form.page.contains("id=\"fee-only\""), form.page);
        assertTrue(form.page.matches("(?s).*name=\"targetPercent\" value=\"99.9\"[^>]*readonly.*"),
                "the target is shown read-only");
        assertFalse(form.page.matches("(?s).*name=\"feeAmount\" value=\"1000.00\"[^>]*readonly.*"),
                "the fee is editable");
        assertFalse(form.page.contains("type=\"checkbox\" name=\"coveredServices\""), "no service to tick");

        // the form as finance sees it, with only the fee changed: every other term goes back as it came
        Map<String, Object> shown = fieldsOf(form.page);
        shown.put("feeAmount", "1500.00");
        Response saved = form.post("/contracts/" + client + "/" + id, shown);
        assertEquals(303, saved.statusCode(), saved.asString());
        JsonPath stored = versions(client);
        assertEquals("1500.00", stored.getString("[0].monthlyFee.amount"));
        assertNumber("99.9", stored, "[0].targetPercent");
        assertNumber("99.0", stored, "[0].creditTiers[0].belowPercent");

        // a forged post changing the target (and the fee): refused with the reason, nothing written
        Map<String, Object> forged = new HashMap<>(shown);
        forged.put("targetPercent", "99.0");
        forged.put("feeAmount", "1.00");
        Response refused = FormSession.open("/contracts/" + client + "/" + id, finance)
                .post("/contracts/" + client + "/" + id, forged);
        assertEquals(403, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"targetPercent-error\"><span>may be changed only by an admin</span>"), html);
        assertTrue(html.matches("(?s).*name=\"targetPercent\" value=\"99.9\"[^>]*readonly.*"),
                "the read-only target is shown as stored, not as forged: " + html);
        assertTrue(html.contains("name=\"feeAmount\" value=\"1.00\""), "the fee as typed");
        assertTrue(html.contains("finance may change only the monthly fee&#39;s amount")
                || html.contains("finance may change only the monthly fee's amount"), html);
        JsonPath after = versions(client);
        assertEquals("1500.00", after.getString("[0].monthlyFee.amount"));
        assertNumber("99.9", after, "[0].targetPercent");
    }

    @Test
    void onlyFinanceAndAdminOpenTheContractPagesAndOnlyAdminAddsOrDeletes() {
        String client = Fixtures.client("page-contract-roles");
        String api = Fixtures.service("page-api");
        long id = createThroughApi(client, api, "2024-01-01");
        for (String role : List.of(Role.SRE, Role.ACCOUNT_MANAGER)) {
            TestUser user = TestUsers.withRole(role);
            for (String path : List.of("/contracts", "/contracts/" + client, "/contracts/" + client + "/" + id)) {
                String page = user.given().accept("text/html").get(path).then().statusCode(403)
                        .contentType(ContentType.HTML).extract().asString();
                assertTrue(page.contains("Not open to your role"), role + " " + path + ": " + page);
            }
        }
        TestUser finance = TestUsers.withRole(Role.FINANCE);
        String index = finance.given().accept("text/html").get("/contracts").then().statusCode(200).extract()
                .asString();
        assertTrue(SlaPagesFixtures.row(index, "client-" + client).contains("EUR 1,000.00"), index);
        assertTrue(index.contains("<a href=\"/contracts\" aria-current=\"page\">Contracts</a>"), "in the menu");
        String versions = finance.given().accept("text/html").get("/contracts/" + client).then().statusCode(200)
                .extract().asString();
        assertFalse(versions.contains("/contracts/" + client + "/new"), "finance is not offered a new version");
        finance.given().accept("text/html").get("/contracts/" + client + "/new").then().statusCode(403);
        String sreHome = TestUsers.withRole(Role.SRE).given().accept("text/html").get("/").then().statusCode(200)
                .extract().asString();
        assertFalse(sreHome.contains("href=\"/contracts\""), "not in an sre's menu");
        // the client's month links to the versions behind its terms
        String month = given().accept("text/html").get("/clients/" + client + "?month=2024-01").then()
                .statusCode(200).extract().asString();
        assertTrue(month.contains("href=\"/contracts/" + client + "#version-" + id + "\""), month);
    }

    @Test
    void aVersionNotYetInForceIsDeletedAndOneInForceIsNot() {
        String client = Fixtures.client("page-contract-del");
        String api = Fixtures.service("page-api");
        LocalDate nextYear = LocalDate.now(ZoneId.of("UTC")).plusYears(1).withDayOfYear(1);
        long future = createThroughApi(client, api, nextYear.toString());
        FormSession form = FormSession.open("/contracts/" + client + "/" + future);
        assertTrue(form.page.contains("id=\"delete-version\""), "a future version offers delete");
        Response deleted = form.post("/contracts/" + client + "/" + future + "/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        assertTrue(versions(client).getList("$").isEmpty());

        long past = createThroughApi(client, api, "2024-01-01");
        FormSession pastForm = FormSession.open("/contracts/" + client + "/" + past);
        assertFalse(pastForm.page.contains("id=\"delete-version\""), "a version in force offers no delete");
        Response refused = pastForm.post("/contracts/" + client + "/" + past + "/delete", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("end it by setting effectiveTo instead of deleting it"),
                refused.asString());
        assertEquals(1, versions(client).getList("$").size());
    }

    /** A version with target 99.9, one tier below 99.0 earning 10 %, EUR 1000.00 a month. */
    private static long createThroughApi(String client, String service, String from) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", from);
        body.put("coveredServices", List.of(service));
        body.put("targetPercent", new BigDecimal("99.9"));
        body.put("creditTiers", List.of(Map.of("belowPercent", new BigDecimal("99.0"),
                "creditPercent", new BigDecimal("10"))));
        body.put("monthlyFee", Map.of("amount", "1000.00", "currency", "EUR"));
        return given().contentType(ContentType.JSON).body(body).post("/api/clients/" + client + "/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The fields a browser would post from this page: every named input but the CSRF token, repeated names as lists. */
    private static Map<String, Object> fieldsOf(String html) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String tag = input.group();
            Matcher name = NAME.matcher(tag);
            if (!name.find() || name.group(1).equals("csrf-token") || tag.contains(" disabled")
                    || (tag.contains("type=\"checkbox\"") && !tag.contains(" checked"))) {
                continue;
            }
            Matcher value = VALUE.matcher(tag);
            fields.computeIfAbsent(name.group(1), n -> new ArrayList<>()).add(value.find() ? value.group(1) : "");
        }
        Map<String, Object> posted = new LinkedHashMap<>();
        fields.forEach((name, values) -> posted.put(name, values.size() == 1 && !name.startsWith("tier")
                && !name.equals("coveredServices") ? values.get(0) : values));
        return posted;
    }

    /** The number at that path equals the expected decimal exactly (99.9 is 99.90, 10 is 10). */
    private static void assertNumber(String expected, JsonPath json, String path) {
        Object actual = json.get(path);
        assertTrue(actual instanceof Number && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0,
                path + ": expected " + expected + ", got " + actual);
    }

    /** The section with this id, from {@code <section ... id="...">} to its {@code </section>}. */
    private static String section(String html, String id) {
        Matcher start = Pattern.compile("<section [^>]*id=\"" + Pattern.quote(id) + "\"").matcher(html);
        assertTrue(start.find(), "no section " + id + " in:\n" + html);
        return html.substring(start.start(), html.indexOf("</section>", start.start()));
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
