package com.slaledger.ingest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.security.WebhookSecrets;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Deliveries as each tool sends them, with the test profile's secrets (application.properties, %test). */
final class WebhookCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SECRETS = Map.of("alertmanager", "test-alertmanager-secret",
            "grafana", "test-grafana-secret", "opsgenie", "test-opsgenie-secret", "pagerduty", "test-pagerduty-secret");

    private WebhookCalls() {
    }

    /** A fixture from src/test/resources/webhooks (see SOURCES.md there), as a tree a test may change. */
    static ObjectNode fixture(String name) {
        try (InputStream in = WebhookCalls.class.getResourceAsStream("/webhooks/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object tree) {
        try {
            return tree instanceof String s ? s : JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts to a bearer-authenticated endpoint (alertmanager, grafana, opsgenie) with its secret. */
    static Response post(String source, Object body) {
        return postWithSecret(source, SECRETS.get(source), text(body).getBytes(StandardCharsets.UTF_8));
    }

    static Response postWithSecret(String source, String secret, byte[] body) {
        var request = given().auth().none().contentType("application/json").body(body);
        if (secret != null) {
            request = request.header("Authorization", "Bearer " + secret);
        }
        return request.when().post("/api/ingest/" + source);
    }

    /** Posts to PagerDuty's endpoint signed with the test secret. */
    static Response pagerDuty(Object body) {
        byte[] bytes = text(body).getBytes(StandardCharsets.UTF_8);
        return pagerDutySigned(bytes, "v1=" + WebhookSecrets.hmacSha256Hex(SECRETS.get("pagerduty"), bytes));
    }

    static Response pagerDutySigned(byte[] bytes, String signatureHeader) {
        var request = given().auth().none().contentType("application/json").body(bytes);
        if (signatureHeader != null) {
            request = request.header("X-PagerDuty-Signature", signatureHeader);
        }
        return request.when().post("/api/ingest/pagerduty");
    }

    /** Any endpoint, properly authenticated, with raw bytes as the body. */
    static Response raw(String source, byte[] body) {
        return source.equals("pagerduty")
                ? pagerDutySigned(body, "v1=" + WebhookSecrets.hmacSha256Hex(SECRETS.get("pagerduty"), body))
                : postWithSecret(source, SECRETS.get(source), body);
    }

    /** The service of this key, created unless it exists (fixtures name fixed services). */
    static String ensureService(String key) {
        if (given().get("/api/services/" + key).statusCode() == 404) {
            given().contentType("application/json").body(Map.of("key", key, "name", "Service " + key))
                    .post("/api/services").then().statusCode(201);
        }
        return key;
    }

    static long deliveries(String source) {
        return given().queryParam("source", source).queryParam("size", 1).get("/api/ingest/deliveries")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }
}
