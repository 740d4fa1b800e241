package com.slaledger.ingest;

import static com.slaledger.ingest.IngestWebhooksTest.alert;
import static com.slaledger.ingest.IngestWebhooksTest.alertmanagerPayload;
import static com.slaledger.ingest.WebhookCalls.deliveries;
import static com.slaledger.ingest.WebhookCalls.post;
import static com.slaledger.ingest.WebhookCalls.raw;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bad input on every webhook endpoint, racing deliveries, and the inbox's retention. */
@QuarkusTest
class IngestRobustnessTest {

    @Inject
    IngestService ingest;

    static final List<String> SOURCES = List.of("alertmanager", "grafana", "pagerduty", "opsgenie");

    /** The answer is a 4xx problem document, never a 5xx; returns it for further checks. */
    private static JsonPath problem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType().replaceAll(";.*", ""), response.asString());
        JsonPath body = response.jsonPath();
        assertEquals(status, body.getInt("status"));
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager", "grafana", "pagerduty", "opsgenie"})
    void malformedJsonIs400AndKeptAsRejected(String source) {
        long before = deliveries(source);
        JsonPath body = problem(raw(source, "{\"alerts\": [".getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(body.getString("detail").contains("was kept as REJECTED: body: is not valid JSON"), body.prettify());
        assertEquals("body", body.getString("violations[0].field"));
        assertEquals(before + 1, deliveries(source));
        problem(raw(source, new byte[0]), 400);
        problem(raw(source, "[1, 2]".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01T00:00:00Z", "1800-01-01T00:00:00Z", "-001000-01-01T00:00:00Z"})
    void anInstantOutsideTheYears1900To9999IsKeptUnmappedAndWritesNoIncident(String startsAt) {
        // the JSON API refuses such instants; a webhook must not store them either (an incident open since
        // 1800 would read as a breach in every month since)
        String service = Fixtures.service("range");
        Response response = post("alertmanager", alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"), startsAt,
                "0001-01-01T00:00:00Z", Map.of("service", service, "alertname", "OutOfRange"))));
        assertEquals(202, response.statusCode(), response.asString());
        assertTrue(response.asString().contains("from year 1900 to 9999"), response.asString());
        given().queryParam("service", service).get("/api/incidents").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        assertEquals("alerts", problem(raw("alertmanager", "{\"alerts\": \"many\"}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alerts[0].startsAt", problem(raw("grafana",
                "{\"alerts\": [{\"status\": \"firing\", \"startsAt\": 1717000000}]}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alerts[0].startsAt", problem(raw("alertmanager",
                "{\"alerts\": [{\"status\": \"firing\", \"startsAt\": \"yesterday\"}]}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alerts[0].labels", problem(raw("alertmanager",
                "{\"alerts\": [{\"labels\": [\"service\"]}]}".getBytes()), 400).getString("violations[0].field"));
        assertEquals("event.data", problem(raw("pagerduty",
                "{\"event\": {\"event_type\": \"incident.triggered\", \"occurred_at\": \"2024-01-01T00:00:00Z\", \"data\": 7}}"
                        .getBytes()), 400).getString("violations[0].field"));
        assertEquals("event.occurred_at", problem(raw("pagerduty",
                "{\"event\": {\"event_type\": \"incident.triggered\", \"occurred_at\": true}}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alert.createdAt", problem(raw("opsgenie",
                "{\"action\": \"Create\", \"alert\": {\"createdAt\": \"1502709956288\"}}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alert.tags[0]", problem(raw("opsgenie",
                "{\"action\": \"Create\", \"alert\": {\"tags\": [{}]}}".getBytes()), 400)
                .getString("violations[0].field"));
        assertEquals("alert.priority", problem(raw("opsgenie",
                "{\"action\": \"Create\", \"alert\": {\"priority\": [3]}}".getBytes()), 400)
                .getString("violations[0].field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager", "grafana", "pagerduty", "opsgenie"})
    void aBodyAboveTheLimitIs413AndNotKept(String source) {
        long before = deliveries(source);
        // sla-ledger.ingest.max-body-bytes defaults to 1 MiB: one byte more is refused
        byte[] huge = new byte[1_048_577];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        JsonPath body = problem(raw(source, huge), 413);
        assertTrue(body.getString("detail").contains("at most 1048576 bytes"), body.prettify());
        assertEquals(before, deliveries(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager", "grafana", "pagerduty", "opsgenie"})
    void nulCharactersAre400(String source) {
        String escaped = switch (source) {
            case "pagerduty" -> "{\"event\": {\"event_type\": \"incident.triggered\", \"occurred_at\": \"2024-01-01T00:00:00Z\","
                    + " \"data\": {\"id\": \"P\\u0000X\"}}}";
            case "opsgenie" -> "{\"action\": \"Create\", \"alert\": {\"alertId\": \"a\\u0000b\"}}";
            default -> "{\"alerts\": [{\"status\": \"firing\", \"fingerprint\": \"ab\\u0000cd\"}]}";
        };
        JsonPath body = problem(raw(source, escaped.getBytes(StandardCharsets.UTF_8)), 400);
        assertTrue(body.getString("violations[0].message").contains("NUL"), body.prettify());
        // a raw NUL byte in the body is not JSON at all
        problem(raw(source, "{\"action\": \"Cre\u0000ate\"}".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void twoHundredRacingDeliveriesOfOneAlertMakeOneIncident() throws Exception {
        String service = Fixtures.service("race");
        String fingerprint = TestData.uniqueKey("fp");
        Map<String, String> labels = Map.of("service", service, "severity", "critical");
        String firing = WebhookCalls.text(alertmanagerPayload(alert("firing", fingerprint, "2024-08-01T10:00:00Z",
                "0001-01-01T00:00:00Z", labels)));
        String resolved = WebhookCalls.text(alertmanagerPayload(alert("resolved", fingerprint,
                "2024-08-01T10:00:00Z", "2024-08-01T10:12:00Z", labels)));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String body = i % 4 == 3 ? resolved : firing;
                answers.add(threads.submit(() -> {
                    start.await();
                    return post("alertmanager", body).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        JsonPath list = given().queryParam("service", service).get("/api/incidents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, list.getInt("totalItems"));
        assertEquals("2024-08-01T10:00:00Z", list.getString("items[0].startedAt"));
        assertEquals("2024-08-01T10:12:00Z", list.getString("items[0].resolvedAt"));
        assertEquals("RESOLVED", list.getString("items[0].status"));
        // every delivery is in the inbox, all applied to that one incident
        long incidentId = list.getLong("items[0].id");
        JsonPath page = given().queryParam("source", "alertmanager").queryParam("size", 200)
                .get("/api/ingest/deliveries").then().extract().jsonPath();
        assertEquals(200, page.getList("items.findAll { it.incidentIds == [" + incidentId + "] && it.outcome == 'APPLIED' }")
                .size());
    }

    @Test
    void racingDeliveriesWrittenTogetherKeepTheirOwnOutcomeWhenOneNamesAnUnknownService() throws Exception {
        // deliveries received at the same time are written in one transaction; one that cannot be saved
        // must not take the others down with it, nor be applied by them
        String service = Fixtures.service("group");
        String unknown = TestData.uniqueKey("no-such-service");
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String body = WebhookCalls.text(alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"),
                        "2024-08-03T10:00:00Z", "0001-01-01T00:00:00Z",
                        Map.of("service", i % 10 == 9 ? unknown : service, "alertname", "Group"))));
                answers.add(threads.submit(() -> {
                    start.await();
                    return post("alertmanager", body);
                }));
            }
            start.countDown();
            for (int i = 0; i < 40; i++) {
                Response answer = answers.get(i).get();
                if (i % 10 == 9) {
                    assertEquals(202, answer.statusCode(), answer.asString());
                    assertEquals("UNMAPPED", answer.jsonPath().getString("outcome"));
                    assertTrue(answer.jsonPath().getString("reason").contains("no service '" + unknown + "'"),
                            answer.asString());
                } else {
                    assertEquals(200, answer.statusCode(), answer.asString());
                    assertEquals(1, answer.jsonPath().getInt("created"));
                    assertEquals(1, answer.jsonPath().getList("incidentIds").size());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        given().queryParam("service", service).get("/api/incidents").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.equalTo(36));
    }

    @Test
    void theInboxListShowsEachDeliverysBodySizeWithoutTheBody() {
        String service = Fixtures.service("sizes");
        String body = WebhookCalls.text(alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"),
                "2024-08-04T10:00:00Z", "0001-01-01T00:00:00Z", Map.of("service", service, "alertname", "Sizes"))));
        long id = post("alertmanager", body).then().statusCode(200).extract().jsonPath().getLong("deliveryId");
        JsonPath page = given().queryParam("source", "alertmanager").queryParam("outcome", "APPLIED")
                .queryParam("size", 5).get("/api/ingest/deliveries").then().statusCode(200).extract().jsonPath();
        assertEquals(id, page.getLong("items[0].id"), "newest first");
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length, page.getInt("items[0].bodyBytes"));
        assertEquals("APPLIED", page.getString("items[0].outcome"));
        assertEquals(1, page.getList("items[0].incidentIds").size());
        assertEquals(null, page.getString("items[0].body"), "the list never carries bodies");
    }

    @Test
    void deliveriesOlderThanTheRetentionArePruned() {
        String service = Fixtures.service("prune");
        long old = post("alertmanager", alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"),
                "2024-08-02T10:00:00Z", "0001-01-01T00:00:00Z", Map.of("service", service))))
                .then().statusCode(200).extract().jsonPath().getLong("deliveryId");
        long recent = post("alertmanager", alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"),
                "2024-08-02T10:00:00Z", "0001-01-01T00:00:00Z", Map.of("service", service))))
                .then().statusCode(200).extract().jsonPath().getLong("deliveryId");
        // the default retention is 90 days: one received 91 days ago goes, one 89 days ago stays
        QuarkusTransaction.requiringNew().run(() -> {
            IngestDelivery.<IngestDelivery>findById(old).receivedAt = Instant.now().minus(Duration.ofDays(91));
            IngestDelivery.<IngestDelivery>findById(recent).receivedAt = Instant.now().minus(Duration.ofDays(89));
        });
        assertTrue(ingest.prune() >= 1);
        given().get("/api/ingest/deliveries/{id}", old).then().statusCode(404);
        given().get("/api/ingest/deliveries/{id}", recent).then().statusCode(200);
    }
}
