package com.slaledger.ingest;

import static com.slaledger.ingest.WebhookCalls.JSON;
import static com.slaledger.ingest.WebhookCalls.deliveries;
import static com.slaledger.ingest.WebhookCalls.ensureService;
import static com.slaledger.ingest.WebhookCalls.fixture;
import static com.slaledger.ingest.WebhookCalls.pagerDuty;
import static com.slaledger.ingest.WebhookCalls.pagerDutySigned;
import static com.slaledger.ingest.WebhookCalls.post;
import static com.slaledger.ingest.WebhookCalls.postWithSecret;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.security.WebhookSecrets;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every fixture of src/test/resources/webhooks through its endpoint, with the instants computed by hand
 * in each test (stored instants keep microseconds: PostgreSQL's precision), plus authentication, order
 * and repeats, unmapped deliveries and their replay.
 */
@QuarkusTest
class IngestWebhooksTest {

    static JsonPath incident(String source, String externalId) {
        return given().get("/api/incidents/by-key/{source}/{externalId}", source, externalId)
                .then().statusCode(200).extract().jsonPath(JsonPathConfig.jsonPathConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static JsonPath delivery(long id) {
        return given().get("/api/ingest/deliveries/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** An Alertmanager alert (labels and annotations as given), for payloads built in a test. */
    static ObjectNode alert(String status, String fingerprint, String startsAt, String endsAt, Map<String, String> labels) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", status);
        alert.set("labels", JSON.valueToTree(labels));
        alert.set("annotations", JSON.valueToTree(Map.of("summary", "Error rate above 5%")));
        alert.put("startsAt", startsAt);
        alert.put("endsAt", endsAt);
        alert.put("fingerprint", fingerprint);
        return alert;
    }

    static ObjectNode alertmanagerPayload(ObjectNode... alerts) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("version", "4");
        payload.put("status", alerts[0].get("status").textValue());
        payload.put("receiver", "sla-ledger");
        ArrayNode list = payload.putArray("alerts");
        for (ObjectNode alert : alerts) {
            list.add(alert);
        }
        return payload;
    }

    // --- Alertmanager ---------------------------------------------------------------------------

    @Test
    void theAlertmanagerFixtureNamesNoServiceSoItIsKeptUnmappedWithTheReason() {
        long before = deliveries("alertmanager");
        Response response = post("alertmanager", fixture("alertmanager_v4_firing_two_alerts_zulip.json"));
        response.then().statusCode(202).body("outcome", equalTo("UNMAPPED"))
                .body("reason", containsString("alerts[0].labels: no 'service' label names the affected service"))
                .body("reason", containsString("alerts[1].labels: no 'service' label"));
        assertEquals(before + 1, deliveries("alertmanager"));
        JsonPath kept = delivery(response.jsonPath().getLong("deliveryId"));
        assertEquals("UNMAPPED", kept.getString("outcome"));
        assertTrue(kept.getString("body").contains("\"fingerprint\":\"a1bc48475b20e73d\""), "the body as received");
        assertEquals("application/json", kept.getString("headers.content-type"));
        assertEquals(null, kept.getString("headers.authorization"));
    }

    @Test
    void theAlertmanagerFixtureWithAServiceLabelGivesOneIncidentPerAlert() {
        String service = ensureService("andromeda");
        ObjectNode payload = fixture("alertmanager_v4_firing_two_alerts_zulip.json");
        payload.withArray("alerts").forEach(a -> ((ObjectNode) a.get("labels")).put("service", service));
        Response response = post("alertmanager", payload);
        response.then().statusCode(200).body("outcome", equalTo("APPLIED")).body("incidentIds", hasSize(2));
        for (String fingerprint : List.of("a1bc48475b20e73d", "c2ea85182f28cbd9")) {
            // startsAt 2020-02-06T00:17:58.432911368Z, kept to the microsecond; firing: no end (endsAt is the zero time)
            JsonPath stored = incident("alertmanager", fingerprint + "@2020-02-06T00:17:58.432911368Z");
            assertEquals("2020-02-06T00:17:58.432911Z", stored.getString("startedAt"));
            assertEquals("2020-02-06T00:17:58.432911Z", stored.getString("detectedAt"));
            assertEquals(null, stored.getString("mitigatedAt"));
            assertEquals(null, stored.getString("resolvedAt"));
            assertEquals("SEV1", stored.getString("severity")); // severity=critical
            assertEquals("High CPU core temperature", stored.getString("title")); // annotations.summary
            assertEquals("OPEN", stored.getString("status"));
            assertEquals(List.of(service), stored.getList("affectedServices"));
        }
        // the same notification again (Alertmanager repeats it every repeat_interval): nothing changes
        post("alertmanager", payload).then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));
    }

    @Test
    void aGroupedPayloadWithAFiringAndAResolvedAlertNanosecondsAndOffsets() {
        String service = Fixtures.service("am-group");
        String client = Fixtures.client("am-client");
        String firing = TestData.uniqueKey("fp");
        String resolved = TestData.uniqueKey("fp");
        ObjectNode payload = alertmanagerPayload(
                alert("firing", firing, "2024-05-01T12:00:00.123456789+02:00", "0001-01-01T00:00:00Z",
                        Map.of("service", service, "severity", "warning", "impact_percent", "25")),
                alert("resolved", resolved, "2024-05-01T09:30:00Z", "2024-05-01T10:15:30.5Z",
                        Map.of("service", service, "client", client, "severity", "page-me")));
        post("alertmanager", payload).then().statusCode(200).body("created", equalTo(2));

        // 12:00:00.123456789+02:00 is 10:00:00.123456789Z; the external id keeps the instant in UTC
        JsonPath open = incident("alertmanager", firing + "@2024-05-01T10:00:00.123456789Z");
        assertEquals("2024-05-01T10:00:00.123456Z", open.getString("startedAt"));
        assertEquals("SEV3", open.getString("severity"));
        assertEquals(25, open.getInt("impactPercent"));
        assertEquals(null, open.getString("resolvedAt"));
        JsonPath closed = incident("alertmanager", resolved + "@2024-05-01T09:30:00Z");
        assertEquals("2024-05-01T09:30:00Z", closed.getString("startedAt"));
        assertEquals("2024-05-01T10:15:30.500Z", closed.getString("mitigatedAt").replace(".5Z", ".500Z"));
        assertEquals("2024-05-01T10:15:30.500Z", closed.getString("resolvedAt").replace(".5Z", ".500Z"));
        // 45 min 30.5 s from start to restore
        assertEquals("2730.5", closed.getString("timeToRestoreSeconds"));
        assertEquals("SEV4", closed.getString("severity")); // an unknown severity value
        assertEquals(List.of(client), closed.getList("affectedClients"));
    }

    @Test
    void outOfOrderAndRepeatedDeliveriesEndInOneIncidentWithTheEarliestStartAndTheLatestState() {
        String service = Fixtures.service("am-order");
        String fingerprint = TestData.uniqueKey("fp");
        Map<String, String> labels = Map.of("service", service, "severity", "critical");
        ObjectNode resolvedFirst = alertmanagerPayload(
                alert("resolved", fingerprint, "2024-06-01T08:00:00Z", "2024-06-01T08:20:00Z", labels));
        ObjectNode firing = alertmanagerPayload(
                alert("firing", fingerprint, "2024-06-01T08:00:00Z", "2024-06-01T08:04:00Z", labels));
        post("alertmanager", resolvedFirst).then().statusCode(200).body("created", equalTo(1));
        for (int i = 0; i < 5; i++) {
            post("alertmanager", firing).then().statusCode(200).body("created", equalTo(0));
        }
        post("alertmanager", resolvedFirst).then().statusCode(200).body("unchanged", equalTo(1));
        JsonPath stored = incident("alertmanager", fingerprint + "@2024-06-01T08:00:00Z");
        assertEquals("2024-06-01T08:00:00Z", stored.getString("startedAt"));
        assertEquals("2024-06-01T08:20:00Z", stored.getString("resolvedAt")); // not reopened by the late firing
        assertEquals("RESOLVED", stored.getString("status"));
        given().queryParam("service", service).get("/api/incidents").then().statusCode(200)
                .body("totalItems", equalTo(1));

        // a re-fire after the resolve has a new startsAt: a new incident
        post("alertmanager", alertmanagerPayload(alert("firing", fingerprint, "2024-06-01T09:00:00Z",
                "0001-01-01T00:00:00Z", labels))).then().statusCode(200).body("created", equalTo(1));
        given().queryParam("service", service).get("/api/incidents").then().body("totalItems", equalTo(2));
    }

    @Test
    void aResolveThatEndsBeforeItStartsIsKeptAsAWarningNotAFailure() {
        String service = Fixtures.service("am-skew");
        String fingerprint = TestData.uniqueKey("fp");
        Response response = post("alertmanager", alertmanagerPayload(alert("resolved", fingerprint,
                "2024-06-02T08:00:00Z", "2024-06-02T07:59:00Z", Map.of("service", service))));
        response.then().statusCode(200).body("outcome", equalTo("APPLIED")).body("warnings", hasSize(2));
        String warnings = String.join("\n", response.jsonPath().getList("warnings", String.class));
        assertTrue(warnings.contains("resolvedAt 2024-06-02T07:59:00Z left out"), warnings);
        assertTrue(warnings.contains("mitigatedAt 2024-06-02T07:59:00Z left out"), warnings);
        JsonPath stored = incident("alertmanager", fingerprint + "@2024-06-02T08:00:00Z");
        assertEquals(null, stored.getString("resolvedAt"));
        assertEquals("2024-06-02T08:00:00Z", stored.getString("startedAt"));
        assertEquals(response.jsonPath().getList("warnings"),
                delivery(response.jsonPath().getLong("deliveryId")).getList("warnings"));
    }

    @Test
    void anUnknownServiceIsUnmappedThenReplayedOnceTheServiceExists() {
        String service = TestData.uniqueKey("later");
        String fingerprint = TestData.uniqueKey("fp");
        Response response = post("alertmanager", alertmanagerPayload(alert("firing", fingerprint,
                "2024-06-03T08:00:00Z", "0001-01-01T00:00:00Z", Map.of("service", service))));
        response.then().statusCode(202).body("outcome", equalTo("UNMAPPED"))
                .body("reason", equalTo("incident 0: affectedServices[0]: no service '" + service + "'"));
        long id = response.jsonPath().getLong("deliveryId");
        given().get("/api/incidents/by-key/{s}/{e}", "alertmanager", fingerprint + "@2024-06-03T08:00:00Z")
                .then().statusCode(404);
        // replaying before the fix changes nothing but the count
        given().contentType("application/json").body("{}").post("/api/ingest/deliveries/{id}/replay", id).then().statusCode(200).body("outcome", equalTo("UNMAPPED"));

        ensureService(service);
        given().contentType("application/json").body("{}").post("/api/ingest/deliveries/{id}/replay", id).then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("created", equalTo(1)).body("deliveryId", equalTo((int) id));
        assertEquals("2024-06-03T08:00:00Z",
                incident("alertmanager", fingerprint + "@2024-06-03T08:00:00Z").getString("startedAt"));
        JsonPath kept = delivery(id);
        assertEquals("APPLIED", kept.getString("outcome"));
        assertEquals(2, kept.getInt("replayCount"));
        assertEquals(null, kept.getString("reason"));
        // an applied delivery is not replayed again
        given().contentType("application/json").body("{}").post("/api/ingest/deliveries/{id}/replay", id).then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("outcome"));
    }

    @Test
    void replayAllTakesEveryUnmappedDeliveryOfASource() {
        String service = TestData.uniqueKey("later-all");
        List<String> fingerprints = List.of(TestData.uniqueKey("fp"), TestData.uniqueKey("fp"));
        for (String fingerprint : fingerprints) {
            post("grafana", alertmanagerPayload(alert("firing", fingerprint, "2024-06-04T08:00:00Z",
                    "0001-01-01T00:00:00Z", Map.of("service", service)))).then().statusCode(202);
        }
        ensureService(service);
        JsonPath result = given().contentType("application/json").body("{}").queryParam("source", "grafana").post("/api/ingest/deliveries/replay")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(result.getInt("applied") >= 2, "both deliveries replayed: " + result.prettify());
        assertEquals(0, given().queryParam("source", "grafana").queryParam("outcome", "unmapped")
                .get("/api/ingest/deliveries").then().extract().jsonPath().getInt("items.findAll { it.reason != null && it.reason.contains('" + service + "') }.size()"));
        for (String fingerprint : fingerprints) {
            assertEquals("OPEN", incident("grafana", fingerprint + "@2024-06-04T08:00:00Z").getString("status"));
        }
    }

    // --- Grafana --------------------------------------------------------------------------------

    @Test
    void theGrafanaFixturesFiringThenResolvedGiveOneResolvedIncident() {
        String service = ensureService("grafana-fixture");
        List<ObjectNode> payloads = List.of(fixture("grafana_unified_firing_v9_zulip.json"),
                fixture("grafana_unified_resolved_v9_zulip.json"));
        for (ObjectNode payload : payloads) {
            payload.withArray("alerts").forEach(a -> ((ObjectNode) a.get("labels")).put("service", service));
            post("grafana", payload).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        }
        JsonPath stored = incident("grafana", "d8a21484c9c25a60@2022-06-17T00:41:00.782137894Z");
        assertEquals("2022-06-17T00:41:00.782137Z", stored.getString("startedAt"));
        assertEquals("2022-06-17T00:41:00.782137Z", stored.getString("detectedAt"));
        assertEquals("2022-06-17T00:51:24.067337Z", stored.getString("mitigatedAt"));
        assertEquals("2022-06-17T00:51:24.067337Z", stored.getString("resolvedAt"));
        // 00:51:24.067337 - 00:41:00.782137 = 10 min 23.2852 s
        assertEquals("623.2852", stored.getString("timeToRestoreSeconds"));
        assertEquals("This is a summary field, failure on some_host", stored.getString("title")); // the first one stored
        assertEquals("SEV4", stored.getString("severity")); // no severity label
    }

    // --- PagerDuty ------------------------------------------------------------------------------

    @Test
    void theThreePagerDutyFixturesGiveThreeIncidentsOnTheSlugOfTheirService() {
        ensureService("pig208"); // the slug of the service "pig208"
        pagerDuty(fixture("pagerduty_v3_incident_triggered_zulip.json")).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        pagerDuty(fixture("pagerduty_v3_incident_acknowledged_zulip.json")).then().statusCode(200);
        pagerDuty(fixture("pagerduty_v3_incident_resolved_zulip.json")).then().statusCode(200);

        JsonPath triggered = incident("pagerduty", "PFQZPSY");
        assertEquals("2021-06-04T13:35:29.781Z", triggered.getString("startedAt"));
        assertEquals("2021-06-04T13:35:29.781Z", triggered.getString("detectedAt"));
        assertEquals("OPEN", triggered.getString("status"));
        assertEquals("Test Incident 3", triggered.getString("title"));
        assertEquals("SEV2", triggered.getString("severity")); // no priority, urgency high
        assertEquals(List.of("pig208"), triggered.getList("affectedServices"));
        // an acknowledgement without its trigger: started when acknowledged, until the trigger arrives
        JsonPath acknowledged = incident("pagerduty", "PQ1K5C8");
        assertEquals("2021-06-04T13:55:30.394Z", acknowledged.getString("startedAt"));
        assertEquals("2021-06-04T13:55:30.394Z", acknowledged.getString("acknowledgedAt"));
        assertEquals(null, acknowledged.getString("detectedAt"));
        JsonPath resolved = incident("pagerduty", "PCPZE64");
        assertEquals("2021-06-04T13:16:53.816Z", resolved.getString("resolvedAt"));
        assertEquals("RESOLVED", resolved.getString("status"));
    }

    static ObjectNode pagerDutyEvent(String incidentId, String type, String occurredAt, String serviceId,
            String serviceName) {
        ObjectNode payload = fixture("pagerduty_v3_incident_triggered_zulip.json");
        ObjectNode event = (ObjectNode) payload.get("event");
        event.put("event_type", type);
        event.put("occurred_at", occurredAt);
        event.put("id", TestData.uniqueKey("ev"));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", incidentId);
        ((ObjectNode) data.get("service")).put("id", serviceId).put("summary", serviceName);
        return payload;
    }

    @Test
    void pagerDutyEventsInAnyOrderWithAReopenEndInTheLatestState() {
        String service = Fixtures.service("pd-order");
        String id = TestData.uniqueKey("PD");
        String serviceId = TestData.uniqueKey("PSVC");
        // the service's name is its key, so the slug fallback finds it
        List<ObjectNode> events = new ArrayList<>(List.of(
                pagerDutyEvent(id, "incident.resolved", "2024-07-01T10:30:00Z", serviceId, service),
                pagerDutyEvent(id, "incident.reopened", "2024-07-01T10:40:00Z", serviceId, service),
                pagerDutyEvent(id, "incident.acknowledged", "2024-07-01T10:05:00Z", serviceId, service),
                pagerDutyEvent(id, "incident.triggered", "2024-07-01T10:00:00Z", serviceId, service),
                pagerDutyEvent(id, "incident.acknowledged", "2024-07-01T10:05:00Z", serviceId, service)));
        for (ObjectNode event : events) {
            pagerDuty(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        }
        JsonPath reopened = incident("pagerduty", id);
        assertEquals("2024-07-01T10:00:00Z", reopened.getString("startedAt"));
        assertEquals("2024-07-01T10:05:00Z", reopened.getString("acknowledgedAt"));
        assertEquals(null, reopened.getString("resolvedAt")); // resolved 10:30, reopened 10:40
        assertEquals("ACKNOWLEDGED", reopened.getString("status"));
        assertEquals("Reopened in pagerduty", reopened.getString("timeline[0].text"));

        ObjectNode priority = pagerDutyEvent(id, "incident.priority_updated", "2024-07-01T10:45:00Z", serviceId, service);
        ((ObjectNode) priority.get("event").get("data")).set("priority",
                JSON.valueToTree(Map.of("id", "PRIO1", "summary", "P1", "type", "priority_reference")));
        pagerDuty(priority).then().statusCode(200);
        pagerDuty(pagerDutyEvent(id, "incident.resolved", "2024-07-01T11:00:00Z", serviceId, service))
                .then().statusCode(200);
        JsonPath closed = incident("pagerduty", id);
        assertEquals("2024-07-01T11:00:00Z", closed.getString("resolvedAt"));
        assertEquals("SEV1", closed.getString("severity"));
        // 10:05 - 10:00 and 11:00 - 10:00
        assertEquals(300, closed.getInt("timeToAcknowledgeSeconds"));
        assertEquals(3600, closed.getInt("timeToResolveSeconds"));

        // an event type that changes no instant is kept as ignored
        pagerDuty(pagerDutyEvent(id, "incident.annotated", "2024-07-01T11:05:00Z", serviceId, service))
                .then().statusCode(200).body("outcome", equalTo("IGNORED"));
    }

    @Test
    void aMappedPagerDutyServiceIdWinsOverTheSlugOfItsName() {
        ensureService("pd-mapped-service"); // %test: sla-ledger.ingest.pagerduty.services.PMAPPED1
        String id = TestData.uniqueKey("PD");
        pagerDuty(pagerDutyEvent(id, "incident.triggered", "2024-07-02T10:00:00Z", "PMAPPED1", "Some Other Name"))
                .then().statusCode(200);
        assertEquals(List.of("pd-mapped-service"), incident("pagerduty", id).getList("affectedServices"));
    }

    @Test
    void aWrongPagerDutySignatureIs401AndNothingIsStoredButARotatedSecretIsAccepted() {
        String service = Fixtures.service("pd-sign");
        String id = TestData.uniqueKey("PD");
        byte[] body = WebhookCalls.text(pagerDutyEvent(id, "incident.triggered", "2024-07-03T10:00:00Z", "PX", service))
                .getBytes(StandardCharsets.UTF_8);
        long before = deliveries("pagerduty");
        double refusedBefore = refusedCount("pagerduty", "signature");
        String old = "v1=" + WebhookSecrets.hmacSha256Hex("the-previous-secret", body);
        pagerDutySigned(body, old).then().statusCode(401).contentType("application/problem+json");
        pagerDutySigned(body, null).then().statusCode(401);
        pagerDutySigned(body, "v1=" + WebhookSecrets.hmacSha256Hex("test-pagerduty-secret", "{}".getBytes()))
                .then().statusCode(401);
        assertEquals(before, deliveries("pagerduty"));
        assertEquals(refusedBefore + 3, refusedCount("pagerduty", "signature"));
        given().get("/api/incidents/by-key/{s}/{e}", "pagerduty", id).then().statusCode(404);

        // during a rotation PagerDuty signs with both secrets
        String current = "v1=" + WebhookSecrets.hmacSha256Hex("test-pagerduty-secret", body);
        pagerDutySigned(body, old + "," + current).then().statusCode(200).body("created", equalTo(1));
        assertEquals(before + 1, deliveries("pagerduty"));
    }

    // --- Opsgenie -------------------------------------------------------------------------------

    @Test
    void theOpsgenieFixturesAreUnmappedUntilTaggedWithAService() {
        post("opsgenie", fixture("opsgenie_create_zulip.json")).then().statusCode(202)
                .body("reason", equalTo("alert.tags: no tag 'service:<service key>' names the affected service"
                        + " (nor a 'client:<client key>' tag a client)"));
        String service = ensureService("opsgenie-fixture");
        ObjectNode create = fixture("opsgenie_create_zulip.json");
        ((ArrayNode) create.get("alert").get("tags")).add("service:" + service);
        post("opsgenie", create).then().statusCode(200).body("created", equalTo(1));
        JsonPath created = incident("opsgenie", "ec03dad6-62c8-4c94-b38b-d88f398e900f");
        // createdAt 1502709956288 ms
        assertEquals("2017-08-14T11:25:56.288Z", created.getString("startedAt"));
        assertEquals("2017-08-14T11:25:56.288Z", created.getString("detectedAt"));
        assertEquals("another alert", created.getString("title"));
        assertEquals("SEV3", created.getString("severity")); // priority 3

        for (String name : List.of("opsgenie_close_zulip.json", "opsgenie_acknowledge_zulip.json")) {
            ObjectNode payload = fixture(name);
            ((ArrayNode) payload.get("alert").get("tags")).add("service:" + service);
            post("opsgenie", payload).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        }
        JsonPath closed = incident("opsgenie", "052652ac-5d1c-464a-812a-7dd18bbfba8c");
        // createdAt 1420452191104 ms; acknowledge updatedAt 1420452224764002246 ns; close 1420452374669001603 ns
        assertEquals("2015-01-05T10:03:11.104Z", closed.getString("startedAt"));
        assertEquals("2015-01-05T10:03:44.764002Z", closed.getString("acknowledgedAt"));
        assertEquals("2015-01-05T10:06:14.669001Z", closed.getString("resolvedAt"));
        assertEquals("RESOLVED", closed.getString("status"));
        // 10:03:44.764002 - 10:03:11.104 = 33.660002 s
        assertEquals("33.660002", closed.getString("timeToAcknowledgeSeconds"));
    }

    @Test
    void anOpsgenieNoteIsATimelineEntry() {
        String service = Fixtures.service("og-note");
        String alertId = TestData.uniqueKey("og");
        ObjectNode note = fixture("opsgenie_acknowledge_zulip.json");
        note.put("action", "AddNote");
        ObjectNode alert = (ObjectNode) note.get("alert");
        alert.put("alertId", alertId).put("note", "Rolled back the deploy").put("updatedAt", 1420452300123456789L);
        ((ArrayNode) alert.get("tags")).add("service:" + service);
        post("opsgenie", note).then().statusCode(200);
        post("opsgenie", note).then().statusCode(200).body("unchanged", equalTo(1));
        JsonPath stored = incident("opsgenie", alertId);
        assertEquals(1, stored.getList("timeline").size());
        assertEquals("2015-01-05T10:05:00.123456Z", stored.getString("timeline[0].at"));
        assertEquals("Note by fili@ifountain.com: Rolled back the deploy", stored.getString("timeline[0].text"));
    }

    // --- authentication -------------------------------------------------------------------------

    @Test
    void aWrongOrMissingSecretIs401AndNothingIsStored() {
        for (String source : List.of("alertmanager", "grafana", "opsgenie")) {
            long before = deliveries(source);
            double refusedBefore = refusedCount(source, "secret");
            byte[] body = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
            postWithSecret(source, "not-the-secret", body).then().statusCode(401)
                    .contentType("application/problem+json").body("status", equalTo(401));
            postWithSecret(source, null, body).then().statusCode(401);
            // another source's secret is no good either
            postWithSecret(source, "test-pagerduty-secret", body).then().statusCode(401);
            assertEquals(before, deliveries(source), source);
            assertEquals(refusedBefore + 3, refusedCount(source, "secret"), source);
        }
    }

    static double refusedCount(String source, String reason) {
        String metrics = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "sla_ledger_ingest_refused_total{";
        return metrics.lines().filter(l -> l.startsWith(prefix) && l.contains("source=\"" + source + "\"")
                && l.contains("reason=\"" + reason + "\"")).mapToDouble(l -> Double.parseDouble(l.substring(
                        l.lastIndexOf(' ') + 1))).sum();
    }

    // --- the inbox ------------------------------------------------------------------------------

    @Test
    void theInboxListsByOutcomeAndSourceAndRefusesBadFilters() {
        post("alertmanager", alertmanagerPayload(alert("firing", TestData.uniqueKey("fp"), "2024-06-05T08:00:00Z",
                "0001-01-01T00:00:00Z", Map.of("alertname", "no service here")))).then().statusCode(202);
        JsonPath page = given().queryParam("source", "alertmanager").queryParam("outcome", "unmapped")
                .queryParam("size", 2).get("/api/ingest/deliveries").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getInt("size"));
        assertTrue(page.getList("items").size() >= 1 && page.getList("items").size() <= 2);
        assertEquals(List.of(), page.getList("items.findAll { it.outcome != 'UNMAPPED' || it.source != 'alertmanager' }"));
        given().queryParam("outcome", "lost").queryParam("source", "nagios").queryParam("size", 0)
                .get("/api/ingest/deliveries").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("outcome", "source", "size"));
        given().get("/api/ingest/deliveries/{id}", 0).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/ingest/deliveries/{id}/replay", 0).then().statusCode(404);
    }
}
