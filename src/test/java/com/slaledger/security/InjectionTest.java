package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQL and script injection through every query parameter and path parameter of every GET endpoint
 * (read from the OpenAPI document): each attempt is answered like any other unknown value, with a 4xx
 * or the very same result as a harmless unknown value, never a 500, and the data stays as it was.
 */
@QuarkusTest
class InjectionTest {

    private static final List<String> ATTACKS = List.of(
            "' OR '1'='1",
            "1' OR 1=1 --",
            "'; DROP TABLE client; --",
            "1; DELETE FROM incident",
            "\" OR \"\"=\"",
            "') UNION SELECT username, password_hash FROM app_user --",
            "%' OR key LIKE '%",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://x/a}",
            "\\u0000\u0000");
    private static final String HARMLESS = "zz-harmless-unknown";

    @Test
    void injectionAttemptsInEveryQueryAndPathParameterChangeNothingAndNeverFail() {
        int clientsBefore = given().when().get("/api/clients").then().statusCode(200).extract().path("size()");
        int usersBefore = given().when().get("/api/users").then().statusCode(200).extract().path("size()");

        List<String> wrong = new ArrayList<>();
        int attempts = 0;
        Map<String, Map<String, Map<String, Object>>> paths = given().accept(ContentType.JSON)
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        for (Map.Entry<String, Map<String, Map<String, Object>>> path : paths.entrySet()) {
            Map<String, Object> get = path.getValue().get("get");
            if (get == null || !path.getKey().startsWith("/api/")) {
                continue;
            }
            List<Map<String, Object>> parameters = new ArrayList<>();
            Object own = get.get("parameters");
            if (own instanceof List<?> list) {
                list.forEach(p -> parameters.add(cast(p)));
            }
            Object shared = ((Map<?, ?>) path.getValue()).get("parameters");
            if (shared instanceof List<?> list) {
                list.forEach(p -> parameters.add(cast(p)));
            }
            for (Map<String, Object> parameter : parameters) {
                String name = (String) parameter.get("name");
                String in = (String) parameter.get("in");
                Response baseline = send(path.getKey(), parameters, name, in, HARMLESS);
                for (String attack : ATTACKS) {
                    attempts++;
                    Response response = send(path.getKey(), parameters, name, in, attack);
                    int status = response.statusCode();
                    String where = "GET " + path.getKey() + " " + in + " " + name + "=" + attack + " -> " + status;
                    String type = String.valueOf(response.contentType());
                    if (status >= 500) {
                        wrong.add(where + " (server error)");
                    } else if (type.contains("html")) {
                        wrong.add(where + " (answered as HTML: " + type + ")");
                    } else if (status < 400 && !response.body().asString().equals(baseline.body().asString())) {
                        wrong.add(where + " (answered differently from an unknown value)");
                    }
                }
            }
        }
        assertTrue(attempts > 100, "too few attempts: " + attempts);
        assertEquals(List.of(), wrong);
        assertEquals(clientsBefore, (int) given().when().get("/api/clients").then().extract().path("size()"));
        assertEquals(usersBefore, (int) given().when().get("/api/users").then().extract().path("size()"));
    }

    @Test
    void aNulCharacterInABodyIsRefusedAsBadInputNotAServerError() {
        String service = com.slaledger.testing.Fixtures.service("nul");
        given().contentType(ContentType.JSON).body(Map.of("source", "nul", "externalId",
                com.slaledger.testing.TestData.uniqueKey("nul"), "title", "bad\u0000title", "severity", "SEV3",
                "affectedServices", List.of(service), "startedAt", "2024-03-05T10:00:00Z"))
                .when().post("/api/incidents").then().statusCode(400).contentType("application/problem+json");
    }

    /** The endpoint with every path parameter harmless but the one under attack, encoded by hand. */
    private static Response send(String template, List<Map<String, Object>> parameters, String name, String in,
            String value) {
        String path = template;
        for (Map<String, Object> parameter : parameters) {
            if ("path".equals(parameter.get("in"))) {
                boolean attacked = "path".equals(in) && parameter.get("name").equals(name);
                path = path.replace("{" + parameter.get("name") + "}", encode(attacked ? value : HARMLESS));
            }
        }
        if ("query".equals(in)) {
            path = path + "?" + encode(name) + "=" + encode(value);
        }
        return given().urlEncodingEnabled(false).when().get(path);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object parameter) {
        return (Map<String, Object>) parameter;
    }
}
