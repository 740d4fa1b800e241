package com.slaledger.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A retry is recognised in one normal form on every write path (POST, PUT by key, batch, PATCH): the
 * default impact written out or left out, a decimal in another spelling, keys in another order are the
 * same request, and a retry changes nothing: not {@code updatedAt}, not the audit trail.
 */
@QuarkusTest
class IncidentRetryTest {

    private static Map<String, Object> incident(String externalId, List<String> services, List<String> clients) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "retry");
        body.put("externalId", externalId);
        body.put("title", "Payments time out");
        body.put("severity", "SEV2");
        body.put("affectedServices", services);
        body.put("affectedClients", clients);
        body.put("startedAt", "2024-05-02T08:00:00Z");
        body.put("mitigatedAt", "2024-05-02T08:45:00Z");
        body.put("resolvedAt", "2024-05-02T09:00:00Z");
        body.put("timeline", List.of(Map.of("at", "2024-05-02T08:05:00Z", "text", "Paged"),
                Map.of("at", "2024-05-02T08:40:00Z", "text", "Failed over")));
        body.put("preventiveActions", List.of("Second region", "Alert on p99"));
        return body;
    }

    private static int auditEntries(long id) {
        return given().queryParam("entity", "incident").queryParam("id", id).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static String updatedAt(long id) {
        return given().get("/api/incidents/" + id).then().statusCode(200).extract().path("updatedAt");
    }

    @Test
    void aCreateRetriedWithoutTheDefaultImpactAndWithKeysReorderedIsTheSameIncident() throws Exception {
        String a = Fixtures.service("retry-a");
        String b = Fixtures.service("retry-b");
        String x = Fixtures.client("retry-x");
        String y = Fixtures.client("retry-y");
        String externalId = TestData.uniqueKey("post");
        Map<String, Object> first = incident(externalId, List.of(b, a), List.of(y, x));
        first.put("impactPercent", 100);
        int id = given().contentType(ContentType.JSON).body(first).post("/api/incidents")
                .then().statusCode(201).body("impactPercent", equalTo(100))
                .body("affectedServices", contains(a, b)).extract().path("id");
        String stamp = updatedAt(id);
        assertEquals(1, auditEntries(id));
        Thread.sleep(5);

        Map<String, Object> retry = incident(externalId, List.of(a, b, a), List.of(x, y));
        retry.remove("impactPercent");
        given().contentType(ContentType.JSON).body(retry).post("/api/incidents")
                .then().statusCode(200).body("id", equalTo(id)).body("updatedAt", equalTo(stamp));
        // the same value in another spelling
        retry.put("impactPercent", 100.000);
        given().contentType(ContentType.JSON).body(retry).post("/api/incidents")
                .then().statusCode(200).body("id", equalTo(id));
        assertEquals(stamp, updatedAt(id));
        assertEquals(1, auditEntries(id));

        // the timeline's order means something: another order is other content
        Map<String, Object> reordered = incident(externalId, List.of(a, b), List.of(x, y));
        List<Object> timeline = new ArrayList<>((List<?>) reordered.get("timeline"));
        java.util.Collections.reverse(timeline);
        reordered.put("timeline", timeline);
        given().contentType(ContentType.JSON).body(reordered).post("/api/incidents")
                .then().statusCode(409).body("violations[0].field", equalTo("externalId"));
        assertEquals(1, auditEntries(id));
    }

    @Test
    void anUpsertRetriedInAnotherSpellingChangesNothingAndARealChangeIsOneUpdate() throws Exception {
        String a = Fixtures.service("retry-a");
        String b = Fixtures.service("retry-b");
        String externalId = TestData.uniqueKey("put");
        String path = "/api/incidents/by-key/retry/" + externalId;
        Map<String, Object> body = incident(externalId, List.of(a, b), List.of());
        body.put("impactPercent", 37.5);
        int id = given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(201)
                .extract().path("id");
        String stamp = updatedAt(id);
        Thread.sleep(5);

        Map<String, Object> retry = incident(externalId, List.of(b, a), List.of());
        retry.put("impactPercent", "37.500000");
        retry.put("excluded", false);
        given().contentType(ContentType.JSON).body(retry).put(path)
                .then().statusCode(200).body("id", equalTo(id)).body("updatedAt", equalTo(stamp));
        assertEquals(1, auditEntries(id), "the retry added no audit entry");

        retry.put("impactPercent", 37.4);
        given().contentType(ContentType.JSON).body(retry).put(path)
                .then().statusCode(200).body("impactPercent", equalTo(37.4f));
        assertEquals(2, auditEntries(id), "a real change is one update");
        assertEquals(false, stamp.equals(updatedAt(id)));
    }

    @Test
    void aBatchRetriedInAnotherSpellingCountsEveryItemUnchanged() throws Exception {
        String a = Fixtures.service("retry-a");
        String b = Fixtures.service("retry-b");
        String x = Fixtures.client("retry-x");
        String one = TestData.uniqueKey("batch");
        String two = TestData.uniqueKey("batch");
        Map<String, Object> first = incident(one, List.of(a, b), List.of(x));
        Map<String, Object> second = incident(two, List.of(b), List.of());
        second.put("impactPercent", 100);
        List<Integer> ids = given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(first, second)))
                .post("/api/incidents/batch").then().statusCode(200)
                .body("created", equalTo(2)).extract().jsonPath().getList("items.id");
        String stampOne = updatedAt(ids.get(0));
        String stampTwo = updatedAt(ids.get(1));
        Thread.sleep(5);

        Map<String, Object> firstAgain = incident(one, List.of(b, a), List.of(x));
        firstAgain.put("impactPercent", 1E+2);
        Map<String, Object> secondAgain = incident(two, List.of(" " + b + " "), List.of());
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(firstAgain, secondAgain)))
                .post("/api/incidents/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(stampOne, updatedAt(ids.get(0)));
        assertEquals(stampTwo, updatedAt(ids.get(1)));
        assertEquals(1, auditEntries(ids.get(0)));
        assertEquals(1, auditEntries(ids.get(1)));
    }

    @Test
    void aPatchThatChangesNothingWritesNothing() throws Exception {
        String a = Fixtures.service("retry-a");
        Map<String, Object> body = incident(TestData.uniqueKey("patch"), List.of(a), List.of());
        int id = given().contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
        String stamp = updatedAt(id);
        Thread.sleep(5);
        given().contentType("application/merge-patch+json").body(Map.of("impactPercent", 100.0, "title",
                "Payments time out")).patch("/api/incidents/" + id)
                .then().statusCode(200).body("updatedAt", equalTo(stamp));
        assertEquals(1, auditEntries(id));
        given().contentType("application/merge-patch+json").body(Map.of("impactPercent", 50))
                .patch("/api/incidents/" + id).then().statusCode(200).body("impactPercent", equalTo(50));
        assertEquals(2, auditEntries(id));
    }

    @Test
    void anImpactWithMoreDecimalsThanAreStoredIsRefused() {
        String a = Fixtures.service("retry-a");
        Map<String, Object> body = incident(TestData.uniqueKey("digits"), List.of(a), List.of());
        body.put("impactPercent", "33.3333333");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(400).body("violations[0].field", equalTo("impactPercent"));
    }
}
