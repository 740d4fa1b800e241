package com.slaledger.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Incidents created by a batch are written with JDBC batches, not ORM entities: they read back, and are
 * audited, exactly as an incident created one at a time through the ORM, and the two writers share the id
 * sequences without ever handing out the same id.
 */
@QuarkusTest
class IncidentBulkInsertTest {

    private static Map<String, Object> incident(String externalId, String service, String client) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "bulk");
        body.put("externalId", externalId);
        body.put("title", "Checkout returns 502");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(service));
        body.put("affectedClients", List.of(client));
        body.put("impactPercent", 37.5);
        body.put("summary", "A bad deploy");
        body.put("rootCause", "Config drift");
        body.put("startedAt", "2024-05-02T08:00:00.123456789Z");
        body.put("detectedAt", "2024-05-02T08:02:00Z");
        body.put("acknowledgedAt", "2024-05-02T08:03:30Z");
        body.put("mitigatedAt", "2024-05-02T08:45:00Z");
        body.put("timeline", List.of(Map.of("at", "2024-05-02T08:05:00Z", "text", "Paged"),
                Map.of("at", "2024-05-02T08:40:00Z", "text", "Rolled back")));
        body.put("preventiveActions", List.of("Canary deploys", "Config lint"));
        return body;
    }

    /** The fields of an incident that do not depend on how or when it was written. */
    private static Map<String, Object> content(Map<String, Object> incident) {
        Map<String, Object> content = new HashMap<>(incident);
        List.of("id", "externalId", "createdAt", "updatedAt").forEach(content::remove);
        return content;
    }

    @Test
    void anIncidentCreatedByABatchReadsBackAndIsAuditedAsOneCreatedAlone() {
        String service = Fixtures.service("bulk-svc");
        String client = Fixtures.client("bulk-client");
        int alone = given().contentType(ContentType.JSON).body(incident(TestData.uniqueKey("alone"), service, client))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        int batched = given().contentType(ContentType.JSON)
                .body(Map.of("incidents", List.of(incident(TestData.uniqueKey("batched"), service, client))))
                .post("/api/incidents/batch").then().statusCode(200).extract().path("items[0].id");

        Map<String, Object> read = given().get("/api/incidents/" + batched).then().statusCode(200)
                .extract().body().jsonPath(JsonPathConfig.jsonPathConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getMap("$");
        assertEquals(content(given().get("/api/incidents/" + alone).then().extract().body().jsonPath(
                JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getMap("$")), content(read));
        // the values themselves, as sent (instants cut to microseconds, keys as stored)
        assertEquals("2024-05-02T08:00:00.123456Z", read.get("startedAt"));
        assertEquals(new BigDecimal("37.5"), read.get("impactPercent"));
        assertEquals("MITIGATED", read.get("status"));
        assertEquals(List.of("Canary deploys", "Config lint"), read.get("preventiveActions"));
        assertEquals(read.get("createdAt"), read.get("updatedAt"));
        // time to detect: 08:02:00 - 08:00:00.123456 = 119.876544 s; to acknowledge (from detection): 90 s
        assertEquals(new BigDecimal("119.876544"), read.get("timeToDetectSeconds"));
        assertEquals("90", read.get("timeToAcknowledgeSeconds").toString());

        Map<String, Object> auditAlone = given().queryParam("entity", "incident").queryParam("id", alone)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertEquals("create", auditAlone.get("action"));
        assertEquals(alone, ((Map<?, ?>) auditAlone.get("after")).get("id"), "a single create keeps its snapshot");
        // a batch's creations are one compact entry found by any of its ids
        Map<String, Object> auditBatched = given().queryParam("entity", "incident").queryParam("id", batched)
                .get("/api/audit").then().statusCode(200).body("size()", equalTo(1))
                .extract().jsonPath().getMap("[0]");
        assertEquals("create", auditBatched.get("action"));
        assertEquals(batched, auditBatched.get("entityId"));
        assertEquals(Map.of("created", 1), auditBatched.get("after"));
        assertEquals(List.of(Map.of("first", batched, "last", batched)), auditBatched.get("createdIds"));
    }

    @Test
    void aBatchIsAuditedByOneEntryNamingEveryIdItCreated() {
        String service = Fixtures.service("bulk-audit");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // more than two id blocks of 50
            batch.add(incident(TestData.uniqueKey("audited"), service, Fixtures.client("bulk-audit")));
        }
        List<Integer> ids = given().contentType(ContentType.JSON).body(Map.of("incidents", batch))
                .post("/api/incidents/batch").then().statusCode(200).extract().path("items.id");
        for (int id : List.of(ids.get(0), ids.get(60), ids.get(119))) {
            given().queryParam("entity", "incident").queryParam("id", id).get("/api/audit").then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].action", equalTo("create"))
                    .body("[0].after.created", equalTo(120))
                    .body("[0].entityId", equalTo(ids.stream().min(Integer::compare).orElseThrow()));
        }
        List<Map<String, Integer>> ranges = given().queryParam("entity", "incident").queryParam("id", ids.get(0))
                .get("/api/audit").then().extract().path("[0].createdIds");
        Set<Integer> listed = new HashSet<>();
        ranges.forEach(range -> {
            for (int id = range.get("first"); id <= range.get("last"); id++) {
                listed.add(id);
            }
        });
        assertEquals(new HashSet<>(ids), listed, "the ranges name exactly the ids created");
        // a later change is audited on its own, with both states
        given().contentType(ContentType.JSON).body(Map.of("title", "Renamed")).patch("/api/incidents/" + ids.get(5))
                .then().statusCode(200);
        given().queryParam("entity", "incident").queryParam("id", ids.get(5)).get("/api/audit").then()
                .body("action", equalTo(List.of("update", "create")))
                .body("[0].before.title", equalTo(batch.get(5).get("title")))
                .body("[0].after.title", equalTo("Renamed"));
    }

    @Test
    void batchesAndSingleCreatesInterleavedNeverShareAnId() {
        String service = Fixtures.service("bulk-ids");
        String client = Fixtures.client("bulk-ids");
        Set<Integer> ids = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            ids.add(given().contentType(ContentType.JSON).body(incident(TestData.uniqueKey("single"), service, client))
                    .post("/api/incidents").then().statusCode(201).extract().path("id"));
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 120; i++) { // more than two id blocks of 50
                batch.add(incident(TestData.uniqueKey("many"), service, client));
            }
            List<Integer> created = given().contentType(ContentType.JSON).body(Map.of("incidents", batch))
                    .post("/api/incidents/batch").then().statusCode(200).extract().jsonPath().getList("items.id");
            assertEquals(120, created.size());
            ids.addAll(created);
        }
        assertEquals(3 + 3 * 120, ids.size(), "every incident has its own id");
    }

    @Test
    void textWithTabsLineBreaksBackslashesQuotesAndUnicodeReadsBackExactlyAsSent() {
        String service = Fixtures.service("bulk-text");
        String client = Fixtures.client("bulk-text");
        // every character COPY's text format treats specially, its escapes and end marker as plain text, and more
        String awkward = "tab\there; line\nbreak; cr\r\nlf; back\\slash \\N \\. \\t;"
                + " \"double\" 'single' `tick`, comma; semicolon | pipe; é ß ✓ 日本 😀 \u202eRTL\u202c \u0008 end";
        Map<String, Object> body = incident(TestData.uniqueKey("text"), service, client);
        body.put("title", awkward.substring(0, 120));
        body.put("summary", awkward);
        body.put("rootCause", "\\N");
        body.put("excluded", true);
        body.put("exclusionReason", "\\.\n\\.");
        body.put("preventiveActions", List.of(awkward, "\t lone tab first"));
        body.put("timeline", List.of(Map.of("at", "2024-05-02T08:05:00Z", "text", awkward)));
        int id = given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(body)))
                .post("/api/incidents/batch").then().statusCode(200).extract().path("items[0].id");

        Map<String, Object> read = given().get("/api/incidents/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals(awkward.substring(0, 120).strip(), read.get("title"), "a title is stored stripped");
        assertEquals(awkward, read.get("summary"));
        assertEquals("\\N", read.get("rootCause"), "a backslash-N text is text, not null");
        assertEquals("\\.\n\\.", read.get("exclusionReason"), "the end-of-data marker inside a value is text");
        assertEquals(List.of(awkward, "\t lone tab first"), read.get("preventiveActions"));
        assertEquals(List.of(Map.of("at", "2024-05-02T08:05:00Z", "text", awkward)), read.get("timeline"));
    }

    @Test
    void aNulInTheLastTableWrittenRefusesTheWholeBatchAndWritesNothing() {
        String service = Fixtures.service("bulk-nul");
        String client = Fixtures.client("bulk-nul");
        Map<String, Object> good = incident(TestData.uniqueKey("nul-good"), service, client);
        Map<String, Object> bad = incident(TestData.uniqueKey("nul-bad"), service, client);
        // the incidents and their links are copied before the timeline, whose text is refused
        bad.put("timeline", List.of(Map.of("at", "2024-05-02T08:05:00Z", "text", "Pa\u0000ged")));
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(good, bad)))
                .post("/api/incidents/batch").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'incidents[1].timeline[0].text' must not contain the NUL character (\\u0000)"))
                .body("violations.field", equalTo(List.of("incidents[1].timeline[0].text")));
        for (Map<String, Object> item : List.of(good, bad)) {
            given().get("/api/incidents/by-key/bulk/" + item.get("externalId")).then().statusCode(404);
        }
        // the same good item alone is created: the refused batch left no key, lock or row behind
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(good)))
                .post("/api/incidents/batch").then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void everyLinkABatchWritesCarriesThePeriodTheDatabaseWouldHaveComputed() {
        String first = Fixtures.service("bulk-period");
        String second = Fixtures.service("bulk-period");
        String client = Fixtures.client("bulk-period");
        // [startedAt, mitigatedAt, resolvedAt]: the impact ends at mitigation, else at resolution, else never
        List<List<String>> lifecycles = List.of(
                java.util.Arrays.asList("2024-05-02T08:00:00.123456789Z", "2024-05-02T08:45:00Z", "2024-05-02T09:00:00Z"),
                java.util.Arrays.asList("2024-05-02T08:00:00Z", null, "2024-05-02T09:30:00.000001Z"),
                java.util.Arrays.asList("2024-05-02T08:00:00Z", null, null),
                java.util.Arrays.asList("2024-05-02T08:00:00Z", "2024-05-02T08:00:00Z", null),
                java.util.Arrays.asList("1969-12-31T23:59:59.5Z", "1970-01-01T00:00:00.25Z", "1970-01-01T00:00:01Z"));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (List<String> lifecycle : lifecycles) {
            Map<String, Object> item = incident(TestData.uniqueKey("period"), first, client);
            item.put("affectedServices", List.of(first, second));
            item.remove("detectedAt");
            item.remove("acknowledgedAt");
            item.put("timeline", List.of());
            item.put("startedAt", lifecycle.get(0));
            item.put("mitigatedAt", lifecycle.get(1));
            item.put("resolvedAt", lifecycle.get(2));
            batch.add(item);
        }
        List<Number> ids = given().contentType(ContentType.JSON).body(Map.of("incidents", batch))
                .post("/api/incidents/batch").then().statusCode(200).body("created", equalTo(5))
                .extract().path("items.id");
        List<Long> created = ids.stream().map(Number::longValue).toList();
        // the period given by the writer, next to the one the V10 trigger computes from the incident row
        List<Object[]> links = links(created);
        assertEquals(10, links.size(), "two links per incident");
        for (Object[] link : links) {
            assertEquals(link[2], link[1], "incident " + link[0] + ": the link's period is the incident's");
        }
        assertEquals("[\"2024-05-02 08:00:00.123456+00\",\"2024-05-02 08:45:00+00\"]", links.get(0)[1]);
        assertEquals("[\"2024-05-02 08:00:00+00\",\"2024-05-02 09:30:00.000001+00\"]", links.get(2)[1]);
        assertEquals("[\"2024-05-02 08:00:00+00\",)", links.get(4)[1]);
        assertEquals("[\"2024-05-02 08:00:00+00\",\"2024-05-02 08:00:00+00\"]", links.get(6)[1]);
        assertEquals("[\"1969-12-31 23:59:59.5+00\",\"1970-01-01 00:00:00.25+00\"]", links.get(8)[1]);
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    /** Per link of the incidents, ordered: the incident id, its stored period and the incident row's period, as text in UTC. */
    @jakarta.transaction.Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> links(List<Long> incidentIds) {
        entityManager.createNativeQuery("set local timezone = 'UTC'").executeUpdate();
        return entityManager.createNativeQuery("select s.incident_id, cast(s.impact_period as text),"
                + " cast(tstzrange(i.started_at, i.impact_ended_at, '[]') as text)"
                + " from incident_service s join incident i on i.id = s.incident_id"
                + " where s.incident_id in (:ids) order by s.incident_id, s.service_id")
                .setParameter("ids", incidentIds).getResultList();
    }
}
