package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.SignInAsTestAdmin;
import com.slaledger.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that once answered 500 (or a 150 MB error, or a silently rounded value), each answered now by a
 * small 400 problem that names the field in words: empty and {@code null} bodies, instants and months out
 * of range, decimals with absurd exponents or more digits than their column keeps, duplicate keys, null
 * list items, oversize text, unbounded month series, forms without a content type. Each refused request
 * leaves the data as it was. docs/security.md "Input limits" lists the bounds.
 */
@QuarkusTest
class HostileInputTest {

    /** A Java class name as Jackson or the JDK would print it. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:com|java|javax|jakarta|org|io)\\.[a-z]\\w*\\.[\\w.$]+");

    @TestHTTPResource("/")
    URL base;

    /** A problem: the status, JSON problem media type, a small body, and no class name in it. */
    private static Response refused(Response response, int status) {
        String body = response.body().asString();
        String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
        assertEquals(status, response.statusCode(), shown);
        assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"), shown);
        assertTrue(body.length() < 2_000, "problem body of " + body.length() + " characters: " + shown);
        assertFalse(CLASS_NAME.matcher(body).find(), "class name in " + shown);
        return response;
    }

    private static Response post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path);
    }

    private static Response put(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().put(path);
    }

    private static int count(String path) {
        return given().when().get(path).then().statusCode(200).extract().path("size()");
    }

    private static long contract(String client, String service) {
        return given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01",
                        "coveredServices", List.of(service), "targetPercent", 99.9,
                        "monthlyFee", Map.of("amount", "1000.00", "currency", "EUR")))
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> incident(String service) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "hostile");
        body.put("externalId", TestData.uniqueKey("inc"));
        body.put("title", "Hostile input");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(service));
        body.put("startedAt", "2024-03-01T10:00:00Z");
        return body;
    }

    @Test
    void emptyAndNullBodiesAreRefusedOnEveryWriteOfAJsonRecord() {
        String client = Fixtures.client("hostile");
        String service = Fixtures.service("hostile");
        long contract = contract(client, service);
        long window = given().contentType(ContentType.JSON).body(Map.of("title", "w",
                        "startsAt", "2024-03-02T01:00:00Z", "endsAt", "2024-03-02T02:00:00Z", "scope", "ALL_CLIENTS"))
                .when().post("/api/maintenance-windows").then().statusCode(201).extract().jsonPath().getLong("id");
        int clientsBefore = count("/api/clients");
        List<String[]> writes = List.of(new String[] {"POST", "/api/clients"}, new String[] {"PUT", "/api/clients/" + client},
                new String[] {"POST", "/api/services"}, new String[] {"PUT", "/api/services/" + service},
                new String[] {"POST", "/api/clients/" + client + "/contracts"},
                new String[] {"PUT", "/api/contracts/" + contract},
                new String[] {"POST", "/api/maintenance-windows"}, new String[] {"PUT", "/api/maintenance-windows/" + window},
                new String[] {"POST", "/api/incidents"}, new String[] {"POST", "/api/incidents/batch"},
                new String[] {"POST", "/api/users"}, new String[] {"PUT", "/api/users/" + SignInAsTestAdmin.USERNAME},
                new String[] {"POST", "/api/tokens"});
        for (String[] write : writes) {
            for (String body : List.of("", "null", "  null  ")) {
                Response response = given().contentType(ContentType.JSON).body(body).when().request(write[0], write[1]);
                refused(response, 400).then().body("detail", equalTo("The body must be a JSON object"));
            }
        }
        assertEquals(clientsBefore, count("/api/clients"));
        given().when().get("/api/contracts/" + contract).then().statusCode(200).body("targetPercent", equalTo(99.9f));
    }

    @Test
    void instantsAndDatesOutsideTheStoredRangeAreRefusedNamingTheField() {
        String client = Fixtures.client("hostile");
        String service = Fixtures.service("hostile");
        Map<String, Object> incident = incident(service);
        incident.put("startedAt", "+300000-01-01T00:00:00Z");
        refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400)
                .then().body("violations.field", hasItem("startedAt"))
                .body("violations.message", hasItem(containsString("from year 1900 to 9999")));
        given().when().get("/api/incidents/by-key/hostile/" + incident.get("externalId")).then().statusCode(404);

        refused(post("/api/maintenance-windows", "{\"title\":\"w\",\"startsAt\":\"-999999999-01-01T00:00:00Z\","
                + "\"endsAt\":\"2024-01-01T00:00:00Z\",\"scope\":\"ALL_CLIENTS\"}"), 400)
                .then().body("violations.field", hasItem("startsAt"));
        refused(post("/api/clients/" + client + "/contracts", "{\"effectiveFrom\":\"+300000-01-01\",\"coveredServices\":[\""
                + service + "\"],\"targetPercent\":99.9,\"monthlyFee\":{\"amount\":\"1\",\"currency\":\"EUR\"}}"), 400)
                .then().body("violations.field", hasItem("effectiveFrom"));

        refused(given().when().get("/api/reports/clients/" + client + "/sla?month=-999999999-01"), 400)
                .then().body("violations.field", hasItem("month"));
        refused(given().when().get("/api/reports/sla?month=+10000-01"), 400).then().body("violations.field", hasItem("month"));
        refused(given().when().get("/api/incidents?page=2147483647"), 400).then().body("violations.field", hasItem("page"));
        refused(given().when().get("/api/incidents?from=%2B300000-01-01T00:00:00Z"), 400)
                .then().body("violations.field", hasItem("from"));
        refused(given().when().get("/api/maintenance-windows?to=%2B300000-01-01T00:00:00Z"), 400)
                .then().body("violations.field", hasItem("to"));
        refused(given().when().get("/api/clients/" + client + "/contracts/in-force?date=%2B300000-01-01"), 400)
                .then().body("violations.field", hasItem("date"));
        refused(given().when().get("/api/reports/reliability?from=0001-01-01T00:00:00Z&to=2024-01-01T00:00:00Z"), 400)
                .then().body("violations.field", hasItem("from"));
    }

    @Test
    void aMonthSeriesOverThousandsOfYearsIsRefusedBeforeAnyRowIsBuilt() {
        refused(given().when().get("/api/reports/reliability?groupBy=month&from=1900-01-01T00:00:00Z"
                + "&to=9999-12-31T00:00:00Z"), 400)
                .then().body("violations[0].field", equalTo("from"))
                // 1900-01 to 9999-12: (9999 - 1900 + 1) years of 12 months = 97,200 months
                .body("violations[0].message", containsString("at most 1200 months (this window spans 97200)"));
        // 100 years of months is the most one series holds: 1200 rows
        given().when().get("/api/reports/reliability?groupBy=month&from=1950-01-01T00:00:00Z&to=2050-01-01T00:00:00Z")
                .then().statusCode(200).body("groups.size()", equalTo(1200));
        refused(given().when().get("/api/reports/reliability?groupBy=month&from=1950-01-01T00:00:00Z"
                + "&to=2050-01-01T00:00:01Z"), 400).then().body("violations[0].message", containsString("spans 1201"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e-150000000", "1E+999999999", "0.1000000000000000000000000000000000001"})
    void decimalsWithAbsurdExponentsOrDigitsAreRefusedCheaplyWithoutPrintingThem(String number) {
        String client = Fixtures.client("hostile");
        String service = Fixtures.service("hostile");
        long started = System.nanoTime();
        Response response = refused(post("/api/clients/" + client + "/contracts", "{\"effectiveFrom\":\"2024-01-01\","
                + "\"coveredServices\":[\"" + service + "\"],\"targetPercent\":" + number
                + ",\"monthlyFee\":{\"amount\":\"1\",\"currency\":\"EUR\"}}"), 400);
        response.then().body("violations[0].field", equalTo("targetPercent"))
                .body("violations[0].message", equalTo("must be a decimal number of at most 30 digits and 20 decimal places"));
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "took too long");
        given().when().get("/api/clients/" + client + "/contracts").then().statusCode(200).body("size()", equalTo(0));
        // the same bound holds for a number sent as a string (money) and inside a merge patch
        refused(post("/api/clients/" + client + "/contracts", "{\"effectiveFrom\":\"2024-01-01\",\"coveredServices\":[\""
                + service + "\"],\"targetPercent\":99,\"monthlyFee\":{\"amount\":\"" + number + "\",\"currency\":\"EUR\"}}"), 400)
                .then().body("violations[0].field", equalTo("monthlyFee.amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"33.3333333", "0.0000001", "99.12345678"})
    void aPercentWithMoreDecimalsThanStoredIsRefusedNotRounded(String impact) {
        String service = Fixtures.service("hostile");
        long id = given().contentType(ContentType.JSON).body(incident(service)).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // plain JSON numbers, as a client would send them
        String withImpact = "{\"source\":\"hostile\",\"externalId\":\"" + TestData.uniqueKey("inc") + "\","
                + "\"title\":\"t\",\"severity\":\"SEV3\",\"affectedServices\":[\"" + service + "\"],"
                + "\"startedAt\":\"2024-03-01T10:00:00Z\",\"impactPercent\":" + impact + "}";
        refused(post("/api/incidents", withImpact), 400).then()
                .body("violations[0].field", equalTo("impactPercent"))
                .body("violations[0].message", containsString("6 after the decimal point"));
        refused(given().contentType("application/merge-patch+json").body("{\"impactPercent\":" + impact + "}")
                .when().patch("/api/incidents/" + id), 400).then().body("violations[0].field", equalTo("impactPercent"));
        given().when().get("/api/incidents/" + id).then().statusCode(200).body("impactPercent", equalTo(100));
        // six decimals are kept exactly
        given().contentType("application/merge-patch+json").body("{\"impactPercent\":33.333333}")
                .when().patch("/api/incidents/" + id).then().statusCode(200).body("impactPercent", equalTo(33.333333f));
    }

    /**
     * A whole-number field given a number with a fraction was cut silently ({@code 1.5} stored as {@code 1}).
     * {@code 1.0} and {@code 1e2} are refused too: one rule (a whole number has no point and no exponent) is
     * simpler to state and to check than "a fraction of zero is fine", and no client of the API sends them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.0", "1e2", "59.999"})
    void aNumberWithAFractionForAWholeNumberFieldIsRefusedNotCut(String number) {
        String client = Fixtures.client("hostile");
        String service = Fixtures.service("hostile");
        String contract = "{\"effectiveFrom\":\"2024-01-01\",\"coveredServices\":[\"" + service + "\"],"
                + "\"targetPercent\":99.9,\"monthlyFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},";
        refused(post("/api/clients/" + client + "/contracts", contract + "\"minimumOutageSeconds\":" + number + "}"), 400)
                .then().body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("minimumOutageSeconds"))
                .body("violations[0].message", startsWith("must be a whole number, got '"));
        refused(post("/api/clients/" + client + "/contracts", contract + "\"claimWindowDays\":" + number + "}"), 400)
                .then().body("violations[0].field", equalTo("claimWindowDays"));
        given().when().get("/api/clients/" + client + "/contracts").then().statusCode(200).body("size()", equalTo(0));
        // list items name their index
        refused(post("/api/credits/approve", "{\"ids\":[1," + number + "]}"), 400)
                .then().body("violations[0].field", equalTo("ids[1]"));
        // the same number without the fraction is taken as it is
        given().contentType(ContentType.JSON).body(contract + "\"minimumOutageSeconds\":60}")
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .body("minimumOutageSeconds", equalTo(60));
    }

    @Test
    void theMessageOfAFractionQuotesTheNumberAsSent() {
        String client = Fixtures.client("hostile");
        refused(post("/api/clients/" + client + "/contracts", "{\"minimumOutageSeconds\":1.5}"), 400)
                .then().body("violations[0].message", equalTo("must be a whole number, got '1.5'"));
    }

    /**
     * PostgreSQL refuses the NUL character in text; that refusal used to name no field. The fields read with
     * one are now named (a field with a rule of its own, such as a credit's one-line reference, answers with
     * that rule first: CreditHostileInputTest).
     */
    @Test
    void aNulCharacterInsideAJsonStringIsRefusedNamingTheField() {
        String service = Fixtures.service("hostile");
        String message = "must not contain the NUL character (\\u0000)";
        Map<String, Object> incident = incident(service);
        incident.put("title", "Outage\0with a NUL");
        refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400)
                .then().body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("title")).body("violations[0].message", equalTo(message))
                .body("detail", equalTo("Field 'title' " + message));
        incident.put("title", "Hostile input");
        incident.put("preventiveActions", List.of("Alert earlier", "Page\0twice"));
        refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400)
                .then().body("violations[0].field", equalTo("preventiveActions[1]"));
        incident.remove("preventiveActions");
        incident.put("timeline", List.of(Map.of("at", "2024-03-01T10:00:00Z", "text", "\0")));
        refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400)
                .then().body("violations[0].field", equalTo("timeline[0].text"));
        given().when().get("/api/incidents/by-key/hostile/" + incident.get("externalId")).then().statusCode(404);
        // written as the JSON escape, and inside a merge patch
        incident.remove("timeline");
        long id = given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        refused(given().contentType("application/merge-patch+json").body("{\"summary\":\"a\\u0000b\"}")
                .when().patch("/api/incidents/" + id), 400).then().body("violations[0].field", equalTo("summary"));
        refused(post("/api/clients", "{\"key\":\"" + TestData.uniqueKey("nul") + "\",\"name\":\"\\u0000\"}"), 400)
                .then().body("violations[0].field", equalTo("name"));
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsRefusedEverywhere() {
        int clientsBefore = count("/api/clients");
        String key = TestData.uniqueKey("dup");
        refused(post("/api/clients", "{\"key\":\"" + key + "\",\"name\":\"a\",\"name\":\"b\"}"), 400)
                .then().body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("is given more than once in the same object"));
        assertEquals(clientsBefore, count("/api/clients"));
        refused(post("/api/tokens", "{\"name\":\"a\",\"name\":\"b\"}"), 400).then().body("violations[0].field", equalTo("name"));
        refused(post("/api/services", "{\"key\":\"" + key + "\",\"key\":\"" + key + "\",\"name\":\"x\"}"), 400);
        given().when().get("/api/services/" + key).then().statusCode(404);
        String service = Fixtures.service("hostile");
        long id = given().contentType(ContentType.JSON).body(incident(service)).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        refused(given().contentType("application/merge-patch+json").body("{\"title\":\"a\",\"title\":\"b\"}")
                .when().patch("/api/incidents/" + id), 400);
        given().when().get("/api/incidents/" + id).then().body("title", equalTo("Hostile input"));
    }

    @Test
    void nullRolesAndNullListItemsAreRefusedNamingTheItem() {
        String username = TestData.uniqueKey("nullrole");
        refused(post("/api/users", "{\"username\":\"" + username + "\",\"password\":\"long-enough-password\","
                + "\"roles\":[null]}"), 400).then().body("violations.field", hasItem("roles[0]"));
        given().when().get("/api/users").then().body("username", not(hasItem(username)));
        refused(put("/api/users/" + SignInAsTestAdmin.USERNAME, "{\"roles\":[null]}"), 400)
                .then().body("violations.field", hasItem("roles[0]"));
        given().when().get("/api/users").then().body("find { it.username == 'test-admin' }.roles", hasItem("admin"));
    }

    /**
     * The stored one-line names the pages list (a client's, a service's, a service calendar's name and a
     * maintenance window's title) refuse what would make them read as another: a right-to-left override
     * ({@code "Attack \u202e cal"} showed reversed) and half a surrogate pair, each a 400 naming the field with
     * TextSanity's words; Hebrew letters and an emoji (a whole pair) are kept as sent.
     */
    @Test
    void storedNamesRefuseBidiControlsAndHalfSurrogatesButKeepHebrewAndEmoji() {
        String bidiMessage = "must not contain bidirectional control characters "
                + "(U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)";
        String surrogateMessage = "must not contain an unpaired UTF-16 surrogate (half a character)";
        String service = Fixtures.service("names");
        // each write as JSON with the name's place marked %s; the name goes in as JSON text (escapes kept)
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("/api/clients", "{\"key\":\"%k\",\"name\":\"%s\",\"timeZone\":\"UTC\"}");
        writes.put("/api/services", "{\"key\":\"%k\",\"name\":\"%s\"}");
        writes.put("/api/service-calendars", "{\"key\":\"%k\",\"name\":\"%s\",\"weeklyHours\":"
                + "[{\"day\":\"MONDAY\",\"from\":\"08:00\",\"to\":\"18:00\"}]}");
        writes.put("/api/maintenance-windows", "{\"title\":\"%s\",\"startsAt\":\"2024-06-01T10:00:00Z\","
                + "\"endsAt\":\"2024-06-01T11:00:00Z\",\"scope\":\"SERVICES\",\"services\":[\"" + service
                + "\"]}");
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String path = write.getKey();
            String field = path.endsWith("maintenance-windows") ? "title" : "name";
            for (String bad : List.of("Attack \u202e cal", "Attack \\u202e cal", "Half \\ud83d pair")) {
                String json = write.getValue().replace("%k", TestData.uniqueKey("names")).replace("%s", bad);
                refused(post(path, json), 400).then()
                        .body("violations.field", contains(field))
                        .body("violations[0].message",
                                equalTo(bad.startsWith("Half") ? surrogateMessage : bidiMessage));
            }
            String fine = "\u05D9\u05E2\u05D3 \uD83D\uDE00";
            String json = write.getValue().replace("%k", TestData.uniqueKey("names")).replace("%s", fine);
            post(path, json).then().statusCode(201).body(field, equalTo(fine));
        }
    }

    @Test
    void freeTextIsBoundedAndLongValuesAreNeverEchoedInFull() {
        String service = Fixtures.service("hostile");
        Map<String, Object> incident = incident(service);
        incident.put("summary", "s".repeat(20_001));
        incident.put("rootCause", "r".repeat(20_000));
        incident.put("preventiveActions", List.of("p".repeat(4_001)));
        incident.put("timeline", List.of(Map.of("at", "2024-03-01T10:00:00Z", "text", "t".repeat(4_001))));
        Response response = refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400);
        assertEquals(List.of("preventiveActions[0]", "summary", "timeline[0].text"),
                response.jsonPath().getList("violations.field"));
        given().when().get("/api/incidents/by-key/hostile/" + incident.get("externalId")).then().statusCode(404);

        // a 90,000-character enum value, unknown key and client key come back cut to 40 characters
        String huge = "X".repeat(90_000);
        incident.remove("summary");
        incident.remove("preventiveActions");
        incident.remove("timeline");
        incident.put("severity", huge);
        refused(given().contentType(ContentType.JSON).body(incident).when().post("/api/incidents"), 400)
                .then().body("violations[0].message", equalTo("must be one of SEV1, SEV2, SEV3, SEV4, got '"
                        + "X".repeat(40) + "…'"));
        refused(given().when().get("/api/clients/" + "k".repeat(3_000)), 404)
                .then().body("detail", equalTo("No client '" + "k".repeat(40) + "…'"));
        // longer than the parser takes at all
        refused(post("/api/clients", "{\"key\":\"" + "k".repeat(100_001) + "\",\"name\":\"n\"}"), 400);
    }

    @Test
    void deserializationErrorsSayTheFieldAndFormInWordsWithoutJavaTypes() {
        String service = Fixtures.service("hostile");
        long id = given().contentType(ContentType.JSON).body(incident(service)).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        refused(given().contentType("application/merge-patch+json").body("{\"severity\":\"SEV9\"}")
                .when().patch("/api/incidents/" + id), 400)
                .then().body("violations[0].field", equalTo("severity"))
                .body("violations[0].message", equalTo("must be one of SEV1, SEV2, SEV3, SEV4, got 'SEV9'"));
        refused(given().contentType("application/merge-patch+json").body("{\"startedAt\":\"yesterday\"}")
                .when().patch("/api/incidents/" + id), 400)
                .then().body("violations[0].field", equalTo("startedAt"))
                .body("violations[0].message", containsString("must be an ISO-8601 instant such as"));
        refused(given().contentType("application/merge-patch+json").body("{\"timeline\":{\"at\":1}}")
                .when().patch("/api/incidents/" + id), 400).then().body("violations[0].field", equalTo("timeline"));
        refused(given().contentType("application/merge-patch+json").body("{\"affectedServices\":[[1]]}")
                .when().patch("/api/incidents/" + id), 400);
        refused(given().contentType(ContentType.JSON).body("{\"at\":\"noon\"}")
                .when().post("/api/incidents/" + id + "/acknowledge"), 400).then().body("violations[0].field", equalTo("at"));
        refused(post("/api/clients", "{\"key\":\"a\",\"name\":\"b\",\"active\":\"maybe\"}"), 400)
                .then().body("violations[0].field", equalTo("active"));
        refused(post("/api/clients/zz-none/contracts", "{\"minimumOutageSeconds\":99999999999999}"), 400);
        refused(post("/api/services", "{\"key\":\"a\",\"name\":\"b\"} trailing"), 400);
        refused(post("/api/services", "[" .repeat(100) + "]".repeat(100)), 400);
    }

    @Test
    void aFormPostedWithoutAContentTypeGetsAClientErrorNotAServerError() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SignInAsTestAdmin.USERNAME + ":" + SignInAsTestAdmin.PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/admin/users", "/admin/users/test-admin", "/incidents", "/incidents/0/edit",
                "/incidents/0/resolve", "/api/clients", "/api/incidents/0/resolve", "/login")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                    .header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y&title=z")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 || CLASS_NAME.matcher(response.body()).find()) {
                wrong.add("POST " + path + " -> " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
