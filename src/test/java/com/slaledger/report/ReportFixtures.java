package com.slaledger.report;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;

import com.slaledger.testing.TestData;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Contracts, incidents and maintenance windows for report tests, created through the API like a user would. */
final class ReportFixtures {

    /** Numbers read as BigDecimal, so 1358.4 is compared exactly. */
    static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private ReportFixtures() {
    }

    static RequestSpecification api() {
        return given().config(EXACT).contentType(ContentType.JSON);
    }

    /** A JSON number equal in value to {@code expected}, whatever its scale. */
    static Matcher<Object> number(Object expected) {
        BigDecimal wanted = new BigDecimal(expected.toString());
        return new CustomTypeSafeMatcher<>("the number " + wanted) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(wanted) == 0;
            }
        };
    }

    static Map<String, Object> tier(String below, String credit) {
        return Map.of("belowPercent", new BigDecimal(below), "creditPercent", new BigDecimal(credit));
    }

    /** A contract body; change fields with {@code put} before {@link #contract(String, Map)}. */
    static Map<String, Object> terms(String from, List<String> services, String target, String fee, String currency,
            List<Map<String, Object>> tiers) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", from);
        body.put("coveredServices", services);
        body.put("targetPercent", new BigDecimal(target));
        body.put("creditTiers", tiers);
        body.put("monthlyFee", Map.of("amount", fee, "currency", currency));
        return body;
    }

    static long contract(String client, Map<String, Object> terms) {
        return api().body(terms).post("/api/clients/" + client + "/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An incident body with the required fields; add instants and lists with {@code put}. */
    static Map<String, Object> incident(String title, List<String> services, String startedAt, String endedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "report-test");
        body.put("externalId", TestData.uniqueKey("inc"));
        body.put("title", title);
        body.put("severity", "SEV2");
        body.put("affectedServices", services);
        body.put("startedAt", startedAt);
        if (endedAt != null) {
            body.put("mitigatedAt", endedAt);
            body.put("resolvedAt", endedAt);
        }
        return body;
    }

    static long record(Map<String, Object> incident) {
        return api().body(incident).post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long maintenance(String startsAt, String endsAt, String scope, List<String> clients, List<String> services,
            boolean announced) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Maintenance " + TestData.uniqueKey("mw"));
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("scope", scope);
        body.put("clients", clients);
        body.put("services", services);
        body.put("announced", announced);
        return api().body(body).post("/api/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
