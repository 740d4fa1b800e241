package com.slaledger.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentResourceTest {

    private static Map<String, Object> incident(String externalId, String service) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "test");
        body.put("externalId", externalId);
        body.put("title", "Checkout returns 500");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(service));
        body.put("impactPercent", 40);
        body.put("startedAt", "2024-03-05T10:00:00Z");
        body.put("detectedAt", "2024-03-05T10:02:00Z");
        body.put("acknowledgedAt", "2024-03-05T10:05:00Z");
        body.put("mitigatedAt", "2024-03-05T10:30:00Z");
        body.put("resolvedAt", "2024-03-05T11:00:00Z");
        return body;
    }

    @Test
    void createsAnIncidentAndReadsItBack() {
        String service = Fixtures.service("checkout");
        String client = Fixtures.client("shop");
        Map<String, Object> body = incident(TestData.uniqueKey("inc"), service);
        body.put("affectedClients", List.of(client));
        body.put("timeline", List.of(Map.of("at", "2024-03-05T10:02:00Z", "text", "Alert fired"),
                Map.of("at", "2024-03-05T10:30:00Z", "text", "Rolled back")));
        body.put("preventiveActions", List.of("Canary deploys"));
        body.put("rootCause", "Bad config");
        int id = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/incidents")
                .then().statusCode(201)
                .body("title", equalTo("Checkout returns 500"))
                .body("severity", equalTo("SEV2"))
                .body("status", equalTo("RESOLVED"))
                .body("ongoing", equalTo(false))
                .body("impactPercent", equalTo(40))
                .body("affectedServices", contains(service))
                .body("affectedClients", contains(client))
                .body("timeline.text", contains("Alert fired", "Rolled back"))
                .body("preventiveActions", contains("Canary deploys"))
                .body("startedAt", equalTo("2024-03-05T10:00:00Z"))
                .body("mitigatedAt", equalTo("2024-03-05T10:30:00Z"))
                .extract().path("id");

        given().when().get("/api/incidents/" + id)
                .then().statusCode(200)
                .body("rootCause", equalTo("Bad config"))
                .body("excluded", equalTo(false))
                .body("acknowledgedAt", equalTo("2024-03-05T10:05:00Z"));
    }

    @Test
    void createdIncidentHasItsLocation() {
        String service = Fixtures.service("api");
        Response response = given().contentType(ContentType.JSON).body(incident(TestData.uniqueKey("inc"), service))
                .when().post("/api/incidents");
        assertEquals(201, response.statusCode());
        int id = response.path("id");
        assertEquals(true, response.header("Location").endsWith("/api/incidents/" + id));
    }

    @Test
    void retryingACreateReturnsTheSameIncidentAndChangedContentConflicts() {
        String service = Fixtures.service("api");
        Map<String, Object> body = incident(TestData.uniqueKey("inc"), service);
        int id = given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(200).body("id", equalTo(id));

        body.put("title", "Something else");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(409).body("violations[0].field", equalTo("externalId"));
        given().get("/api/incidents/" + id).then().body("title", equalTo("Checkout returns 500"));
    }

    @Test
    void upsertCreatesThenUpdatesTheSameIncident() {
        String service = Fixtures.service("api");
        String externalId = TestData.uniqueKey("pd");
        Map<String, Object> body = incident(externalId, service);
        body.remove("source");
        body.remove("externalId");
        String path = "/api/incidents/by-key/pagerduty/" + externalId;
        int id = given().contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(201).body("source", equalTo("pagerduty")).extract().path("id");
        given().contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(200).body("id", equalTo(id));
        body.put("severity", "SEV1");
        given().contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(200).body("id", equalTo(id)).body("severity", equalTo("SEV1"));
        given().get(path).then().statusCode(200).body("id", equalTo(id)).body("severity", equalTo("SEV1"));
        given().queryParam("service", service).get("/api/incidents")
                .then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void concurrentIdenticalUpsertsCreateOneIncident() throws Exception {
        String service = Fixtures.service("race");
        String externalId = TestData.uniqueKey("race");
        Map<String, Object> body = incident(externalId, service);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            // half race through the create, half through the upsert: both must agree on one incident
            boolean viaPost = i % 2 == 0;
            Callable<Response> call = () -> {
                start.await();
                return viaPost
                        ? given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                        : given().contentType(ContentType.JSON).body(body)
                                .put("/api/incidents/by-key/test/" + externalId);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        Set<Integer> ids = new java.util.HashSet<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one create: " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 200).count(), "the rest are retries: " + statuses);
        assertEquals(1, ids.size());
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(1));
    }

    @Test
    void rejectsEveryBrokenRuleAtOnceAndStoresNothing() {
        String service = Fixtures.service("api");
        String externalId = TestData.uniqueKey("bad");
        Map<String, Object> body = new HashMap<>();
        body.put("source", "test");
        body.put("externalId", externalId);
        body.put("title", "");
        body.put("affectedServices", List.of(service, "no-such-service"));
        body.put("affectedClients", List.of("no-such-client"));
        body.put("impactPercent", 0);
        body.put("excluded", true);
        body.put("startedAt", "2024-03-05T10:00:00Z");
        body.put("detectedAt", "2024-03-05T09:59:00Z");
        body.put("mitigatedAt", "2024-03-05T10:30:00Z");
        body.put("resolvedAt", "2024-03-05T10:20:00Z");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("title", "severity", "impactPercent",
                        "exclusionReason", "detectedAt", "resolvedAt"));
        given().get("/api/incidents/by-key/test/" + externalId).then().statusCode(404);

        // once the fields are fine, unknown services and clients are named by their position
        Map<String, Object> unknownRefs = incident(externalId, service);
        unknownRefs.put("affectedServices", List.of(service, "no-such-service"));
        unknownRefs.put("affectedClients", List.of("no-such-client"));
        given().contentType(ContentType.JSON).body(unknownRefs).post("/api/incidents")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("affectedServices[1]", "affectedClients[0]"))
                .body("violations.message", containsInAnyOrder("no service 'no-such-service'",
                        "no client 'no-such-client'"));
        given().get("/api/incidents/by-key/test/" + externalId).then().statusCode(404);
    }

    @Test
    void requiresTheStartAndSomethingAffected() {
        Map<String, Object> body = new HashMap<>(Map.of("source", "test", "externalId", TestData.uniqueKey("x"),
                "title", "Nothing named", "severity", "SEV4"));
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("startedAt", "affectedServices"));
    }

    @Test
    void unknownEnumValuesAndWrongTypesGiveReadable400s() {
        String service = Fixtures.service("api");
        Map<String, Object> body = incident(TestData.uniqueKey("x"), service);
        body.put("severity", "CRITICAL");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("severity"))
                .body("violations[0].message", containsString("one of SEV1, SEV2, SEV3, SEV4"));
        body.put("severity", "SEV1");
        body.put("startedAt", "yesterday");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("startedAt"))
                .body(not(containsString("java.")));
        body.put("startedAt", "2024-03-05T10:00:00Z");
        body.put("affectedServices", "api");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400).body("violations[0].field", equalTo("affectedServices"));
    }

    @Test
    void lifecycleStampsInstantsInOrderAndRefusesBreakingIt() {
        String service = Fixtures.service("api");
        Map<String, Object> body = incident(TestData.uniqueKey("life"), service);
        body.remove("detectedAt");
        body.remove("acknowledgedAt");
        body.remove("mitigatedAt");
        body.remove("resolvedAt");
        int id = given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("ongoing", equalTo(true))
                .extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T09:00:00Z"))
                .post("/api/incidents/" + id + "/acknowledge")
                .then().statusCode(409).body("violations.field", contains("acknowledgedAt"));

        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:04:00Z"))
                .post("/api/incidents/" + id + "/acknowledge")
                .then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", equalTo("2024-03-05T10:04:00Z"))
                .body("detectedAt", equalTo("2024-03-05T10:04:00Z"));
        // the same stamp again is a harmless retry; another instant is a conflict
        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:04:00Z"))
                .post("/api/incidents/" + id + "/acknowledge").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:09:00Z"))
                .post("/api/incidents/" + id + "/acknowledge").then().statusCode(409);

        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:40:00Z"))
                .post("/api/incidents/" + id + "/mitigate")
                .then().statusCode(200).body("status", equalTo("MITIGATED")).body("ongoing", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:39:00Z"))
                .post("/api/incidents/" + id + "/resolve")
                .then().statusCode(409).body("violations.field", contains("resolvedAt"));
        // no body: now. (Not RestAssured's default form content type: a form post must carry a CSRF token.)
        given().contentType(ContentType.JSON).post("/api/incidents/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().get("/api/incidents/" + id).then().body("mitigatedAt", equalTo("2024-03-05T10:40:00Z"));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndChecksTheWhole() {
        String service = Fixtures.service("api");
        Map<String, Object> body = incident(TestData.uniqueKey("patch"), service);
        body.put("summary", "First words");
        int id = given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");

        given().contentType("application/merge-patch+json")
                .body(Map.of("title", "Checkout slow", "impactPercent", 12.5))
                .patch("/api/incidents/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Checkout slow"))
                .body("impactPercent", equalTo(12.5f))
                .body("summary", equalTo("First words"))
                .body("affectedServices", contains(service));

        Map<String, Object> clear = new HashMap<>();
        clear.put("summary", null);
        given().contentType(ContentType.JSON).body(clear).patch("/api/incidents/" + id)
                .then().statusCode(200).body("summary", equalTo(null));

        given().contentType(ContentType.JSON).body(Map.of("resolvedAt", "2024-03-05T10:10:00Z"))
                .patch("/api/incidents/" + id)
                .then().statusCode(400).body("violations.field", contains("resolvedAt"));
        given().contentType(ContentType.JSON).body(Map.of("externalId", "other"))
                .patch("/api/incidents/" + id)
                .then().statusCode(400).body("violations.field", contains("externalId"));
        given().get("/api/incidents/" + id).then()
                .body("resolvedAt", equalTo("2024-03-05T11:00:00Z"))
                .body("title", equalTo("Checkout slow"));
    }

    @Test
    void listsWithFiltersAndPages() {
        String service = Fixtures.service("list");
        String other = Fixtures.service("other");
        for (int day = 1; day <= 5; day++) {
            Map<String, Object> body = incident(TestData.uniqueKey("list"), service);
            body.put("startedAt", "2024-04-0" + day + "T10:00:00Z");
            body.remove("detectedAt");
            body.remove("acknowledgedAt");
            body.put("mitigatedAt", "2024-04-0" + day + "T10:30:00Z");
            body.put("severity", day % 2 == 0 ? "SEV1" : "SEV3");
            if (day == 5) {
                body.remove("mitigatedAt");
                body.remove("resolvedAt");
            } else {
                body.put("resolvedAt", "2024-04-0" + day + "T11:00:00Z");
            }
            given().contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(incident(TestData.uniqueKey("list"), other))
                .post("/api/incidents").then().statusCode(201);

        given().queryParam("service", service).queryParam("size", 2).get("/api/incidents")
                .then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3))
                .body("items", hasSize(2))
                .body("items.startedAt", contains("2024-04-05T10:00:00Z", "2024-04-04T10:00:00Z"));
        given().queryParam("service", service).queryParam("severity", "sev1").get("/api/incidents")
                .then().body("items.startedAt", contains("2024-04-04T10:00:00Z", "2024-04-02T10:00:00Z"));
        given().queryParam("service", service).queryParam("open", true).get("/api/incidents")
                .then().body("items.startedAt", contains("2024-04-05T10:00:00Z"));
        given().queryParam("service", service)
                .queryParam("from", "2024-04-02T10:30:00Z").queryParam("to", "2024-04-04T00:00:00Z")
                .get("/api/incidents")
                .then().body("items.startedAt", contains("2024-04-03T10:00:00Z"));
        given().queryParam("from", "2024-04-05T00:00:00Z").queryParam("to", "2024-04-01T00:00:00Z")
                .queryParam("size", 0).queryParam("severity", "SEV9").get("/api/incidents")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("to", "size", "severity"));
    }

    /**
     * open=false means closed only (not "no filter"); q finds words in the title or the summary, case
     * aside, with % and _ taken literally; sort orders by start, duration or severity.
     * Four incidents of one service, April 2024:
     * <pre>
     * A  SEV3  01 10:00–10:30 (30 min)  resolved   "Checkout returns 500"   summary "Disk 100% full"
     * B  SEV1  02 10:00–12:00 (2 h)     resolved   "Login slow"
     * C  SEV2  03 10:00–10:10 (10 min)  resolved   "Search down"            summary "checkout flow unaffected"
     * D  SEV4  04 10:00–       ongoing  open       "Batch late"
     * </pre>
     */
    @Test
    void openFalseMeansClosedOnlyAndTheListSearchesAndSorts() {
        String service = Fixtures.service("search");
        String[][] rows = {
            {"Checkout returns 500", "SEV3", "01", "10:30", "Disk 100% full"},
            {"Login slow", "SEV1", "02", "12:00", null},
            {"Search down", "SEV2", "03", "10:10", "checkout flow unaffected"},
            {"Batch late", "SEV4", "04", null, null}};
        for (String[] row : rows) {
            Map<String, Object> body = incident(TestData.uniqueKey("search"), service);
            body.put("title", row[0]);
            body.put("severity", row[1]);
            body.put("startedAt", "2024-04-" + row[2] + "T10:00:00Z");
            body.remove("detectedAt");
            body.remove("acknowledgedAt");
            if (row[3] == null) {
                body.remove("mitigatedAt");
                body.remove("resolvedAt");
            } else {
                body.put("mitigatedAt", "2024-04-" + row[2] + "T" + row[3] + ":00Z");
                body.put("resolvedAt", "2024-04-" + row[2] + "T" + row[3] + ":00Z");
            }
            if (row[4] != null) {
                body.put("summary", row[4]);
            }
            given().contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201);
        }
        given().queryParam("service", service).queryParam("open", false).get("/api/incidents").then()
                .statusCode(200).body("items.title", contains("Search down", "Login slow", "Checkout returns 500"));
        given().queryParam("service", service).queryParam("open", true).get("/api/incidents").then()
                .body("items.title", contains("Batch late"));
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(4));
        // in a title (A) and in a summary (C), whatever the case
        given().queryParam("service", service).queryParam("q", "CHECKOUT").get("/api/incidents").then()
                .body("items.title", contains("Search down", "Checkout returns 500"));
        // % is a character, not a wildcard: only A's summary has "100%"
        given().queryParam("service", service).queryParam("q", "100%").get("/api/incidents").then()
                .body("items.title", contains("Checkout returns 500"));
        given().queryParam("service", service).queryParam("q", "_").get("/api/incidents").then()
                .body("totalItems", equalTo(0));
        // D is ongoing: its impact runs to now, longer than any; then B 2 h, A 30 min, C 10 min
        given().queryParam("service", service).queryParam("sort", "duration").get("/api/incidents").then()
                .body("items.title", contains("Batch late", "Login slow", "Checkout returns 500", "Search down"));
        given().queryParam("service", service).queryParam("sort", "severity").get("/api/incidents").then()
                .body("items.title", contains("Login slow", "Search down", "Checkout returns 500", "Batch late"));
        given().queryParam("service", service).queryParam("sort", "loudest").queryParam("open", "maybe")
                .queryParam("q", "x".repeat(201)).get("/api/incidents").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("sort", "open", "q"));
    }

    @Test
    void batchIsAllOrNothingAndNamesEveryBadItem() {
        String service = Fixtures.service("batch");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(incident(TestData.uniqueKey("b"), service));
        }
        items.get(17).put("impactPercent", 150);
        items.get(512).remove("startedAt");
        items.get(999).put("externalId", items.get(3).get("externalId"));
        given().contentType(ContentType.JSON).body(Map.of("incidents", items)).post("/api/incidents/batch")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("incidents[17].impactPercent",
                        "incidents[512].startedAt", "incidents[999].externalId"));
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(0));

        items.get(17).put("impactPercent", 100);
        items.get(512).put("startedAt", "2024-03-05T10:00:00Z");
        items.get(999).put("externalId", TestData.uniqueKey("b"));
        given().contentType(ContentType.JSON).body(Map.of("incidents", items)).post("/api/incidents/batch")
                .then().statusCode(200)
                .body("created", equalTo(1000)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("items", hasSize(1000));
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(1000));

        // a retried batch changes nothing; a changed item is updated in place
        items.get(0).put("title", "Renamed");
        given().contentType(ContentType.JSON).body(Map.of("incidents", items)).post("/api/incidents/batch")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(999));
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(1000));
    }

    @Test
    void batchRefusesEmptyAndOversizedLists() {
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of())).post("/api/incidents/batch")
                .then().statusCode(400).body("violations[0].field", equalTo("incidents"));
    }

    @Test
    void deletesAnIncident() {
        String service = Fixtures.service("api");
        int id = given().contentType(ContentType.JSON).body(incident(TestData.uniqueKey("del"), service))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        given().delete("/api/incidents/" + id).then().statusCode(204);
        given().get("/api/incidents/" + id).then().statusCode(404);
        given().delete("/api/incidents/" + id).then().statusCode(404);
    }

    @Test
    void clientFilterFindsListedIncidentsAndThoseOnServicesItsContractCoveredAtTheTime() {
        String covered = Fixtures.service("covered");
        String later = Fixtures.service("later");
        String client = Fixtures.client("filter", "Europe/Berlin");
        // version 1 covers `covered` until 2024-04-01 (Berlin); version 2 covers only `later` from then on
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01", "effectiveTo", "2024-04-01",
                "coveredServices", List.of(covered), "targetPercent", 99.9,
                "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-04-01",
                "coveredServices", List.of(later), "targetPercent", 99.9,
                "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);

        Map<String, Object> inMarch = incident(TestData.uniqueKey("f"), covered);
        inMarch.put("startedAt", "2024-03-31T21:30:00Z"); // 23:30 in Berlin: still version 1
        inMarch.remove("detectedAt");
        inMarch.remove("acknowledgedAt");
        inMarch.put("mitigatedAt", "2024-03-31T22:30:00Z");
        inMarch.put("resolvedAt", "2024-03-31T22:45:00Z");
        Map<String, Object> inApril = new HashMap<>(inMarch);
        inApril.put("externalId", TestData.uniqueKey("f"));
        inApril.put("startedAt", "2024-03-31T22:10:00Z"); // 00:10 on 1 April in Berlin: version 2, `covered` no longer
        Map<String, Object> listed = new HashMap<>(inApril);
        listed.put("externalId", TestData.uniqueKey("f"));
        listed.put("affectedClients", List.of(client));
        Map<String, Object> listedElsewhere = new HashMap<>(inMarch);
        listedElsewhere.put("externalId", TestData.uniqueKey("f"));
        listedElsewhere.put("affectedClients", List.of(Fixtures.client("other")));
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> body : List.of(inMarch, inApril, listed, listedElsewhere)) {
            ids.add(given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                    .then().statusCode(201).extract().path("id"));
        }
        given().queryParam("client", client).get("/api/incidents")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(ids.get(0), ids.get(2)));
        given().queryParam("client", "no-such-client").get("/api/incidents").then().statusCode(404);
    }
}
