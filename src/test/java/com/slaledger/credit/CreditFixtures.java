package com.slaledger.credit;

import static io.restassured.RestAssured.given;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client with its own service and contract, incidents on that service, and the credit calls, all through the
 * API as finance would make them. Each client has a service of its own, so no other test's incidents touch it.
 */
public final class CreditFixtures {

    private CreditFixtures() {
    }

    /** A client and its service; {@link #contract} gives it terms. */
    public record Client(String key, String service) {
    }

    public static Client client(String prefix) {
        return new Client(Fixtures.client(prefix), Fixtures.service(prefix + "-svc"));
    }

    public static Client client(String prefix, String name) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", name, "timeZone", "UTC"))
                .when().post("/api/clients").then().statusCode(201);
        return new Client(key, Fixtures.service(prefix + "-svc"));
    }

    /**
     * Target 99.9 with tiers "below 99.9 → 10 %, below 99.0 → 25 %" on {@code fee} {@code currency}; {@code days}
     * null for AUTOMATIC, else CLAIM_WITHIN_DAYS.
     */
    public static Map<String, Object> terms(Client client, String from, String fee, String currency, Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", from);
        body.put("coveredServices", List.of(client.service()));
        body.put("targetPercent", new BigDecimal("99.9"));
        body.put("creditTiers", List.of(
                Map.of("belowPercent", new BigDecimal("99.9"), "creditPercent", new BigDecimal("10")),
                Map.of("belowPercent", new BigDecimal("99.0"), "creditPercent", new BigDecimal("25"))));
        body.put("monthlyFee", Map.of("amount", fee, "currency", currency));
        if (days != null) {
            body.put("claimRule", "CLAIM_WITHIN_DAYS");
            body.put("claimWindowDays", days);
        }
        return body;
    }

    public static void contract(Client client, String from, String fee, String currency, Integer days) {
        given().contentType(ContentType.JSON).body(terms(client, from, fee, currency, days))
                .when().post("/api/clients/" + client.key() + "/contracts").then().statusCode(201);
    }

    /** A full-impact outage of the client's service over {@code [from, to)}; answers the incident's id. */
    public static long outage(Client client, String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "credit-test");
        body.put("externalId", TestData.uniqueKey("out"));
        body.put("title", "Outage of " + client.service());
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(client.service()));
        body.put("startedAt", from);
        body.put("mitigatedAt", to);
        body.put("resolvedAt", to);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static RequestSpecification api() {
        return given().contentType(ContentType.JSON);
    }

    public static ValidatableResponse sync(String month, String asOf) {
        return api().body(Map.of("month", month, "asOf", asOf)).when().post("/api/credits/sync").then();
    }

    /** The client's only credit of {@code month}, as listed. */
    public static ValidatableResponse creditOf(Client client, String month) {
        return given().queryParam("client", client.key()).queryParam("month", month)
                .when().get("/api/credits").then().statusCode(200);
    }

    public static long creditId(Client client, String month) {
        return creditOf(client, month).extract().jsonPath().getLong("items[0].id");
    }

    public static ValidatableResponse post(long id, String transition, Map<String, ?> body) {
        RequestSpecification request = api();
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/credits/" + id + "/" + transition).then();
    }
}
