package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.Seeds;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of the whole API as its OpenAPI document describes it: 2,000 request bodies
 * spread over every write endpoint (each built from the operation's schema, then broken in one or more
 * places with hostile values), and hostile values for every query parameter of every read. Every answer
 * must be below 500, at most 64 KB, free of Java class names; and a refused write (4xx) must leave every
 * table as it was (row counts and optimistic-lock versions). Set {@code -Dproperty.seed=N} to replay a run.
 */
@QuarkusTest
class FuzzTest {

    private static final int BODIES = 2_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What changes when anything is written: rows and optimistic-lock versions of every table. */
    private static final String FOOTPRINT = "select (select count(*) || ':' || coalesce(sum(version), 0) from client)"
            + " || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from service)"
            + " || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from contract)"
            + " || '/' || (select count(*) from credit_tier) || '/' || (select count(*) from contract_service)"
            + " || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from incident)"
            + " || '/' || (select count(*) from incident_timeline_entry)"
            + " || '/' || (select count(*) from incident_preventive_action)"
            + " || '/' || (select count(*) from incident_service) || '/' || (select count(*) from incident_client)"
            + " || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from maintenance_window)"
            + " || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from app_user)"
            + " || '/' || (select count(*) from app_user_role) || '/' || (select count(*) from api_token)"
            + " || '/' || (select count(*) from audit_log)";

    /** Values that broke something once somewhere, or could. */
    private static final List<Object> HOSTILE = List.of("", " ", "x".repeat(5_000), "\u0000", "\u202e\ud83d\ude00",
            "' OR '1'='1", "<script>alert(1)</script>", "+300000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "0001-01-01", "+300000-01-01", "2024-02-30", "2024-13", "-999999999-01", "NaN", "1e-999999999",
            -1, 0, Integer.MAX_VALUE, Long.MAX_VALUE, -2147483649L, 1e308, -1e308, 0.0000001, 33.3333333,
            new java.math.BigDecimal("1e-150000000"), new java.math.BigDecimal("9".repeat(90)), true,
            List.of(), java.util.Arrays.asList((Object) null), List.of(List.of(List.of())), Map.of(),
            Map.of("a", Map.of("b", List.of(1))));

    /** Hostile query parameter values (raw; REST Assured encodes them). */
    private static final List<String> HOSTILE_QUERY = List.of("", " ", "-1", "0", "2147483647", "2147483648",
            "99999999999999999999", "1e-999999999", "NaN", "+300000-01-01T00:00:00Z", "-999999999-01",
            "0001-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-13",
            "2024-01-01T00:00:00+25:00", "x".repeat(3_000), "' OR 1=1 --", "true", "[]", "{}", "\u202e",
            "%00", "../../etc/passwd", "sev1", "MONTH");

    @Inject
    AgroalDataSource dataSource;

    private Random random;

    @Test
    void noHostileBodyOrParameterGetsAServerErrorALeakOrAHalfWrite() throws Exception {
        long seed = Seeds.of(1).findFirst().orElseThrow();
        random = new Random(seed);
        Map<String, Object> document = JSON.readValue(given().accept(ContentType.JSON).when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString(), Map.class);
        Map<String, String> pathValues = ownRows();
        List<String> wrong = new ArrayList<>();

        List<String[]> writes = new ArrayList<>();
        List<String[]> reads = new ArrayList<>();
        Map<String, Map<String, Object>> paths = cast(document.get("paths"));
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/") || path.startsWith("/api/webhooks")) {
                return;
            }
            if (List.of("post", "put", "patch").contains(method) && FuzzTest.<Map<String, Object>>cast(operation).get("requestBody") != null) {
                writes.add(new String[] {method, path});
            } else if (method.equals("get")) {
                reads.add(new String[] {method, path});
            }
        }));
        assertTrue(writes.size() >= 15, "too few write endpoints in the document: " + writes.size());

        int sent = 0;
        for (int i = 0; i < BODIES; i++) {
            String[] write = writes.get(i % writes.size());
            Map<String, Object> operation = cast(paths.get(write[1]).get(write[0]));
            Object schema = bodySchema(operation);
            String body = hostileBody(schema, document);
            String path = concrete(write[1], pathValues);
            String before = footprint();
            Response response = given().contentType(contentType(operation)).body(body).when()
                    .request(write[0].toUpperCase(), path);
            sent++;
            String where = "seed " + seed + ", body " + i + ": " + write[0].toUpperCase() + " " + path + " "
                    + cut(body) + " -> " + response.statusCode();
            check(where, response, wrong);
            if (response.statusCode() >= 400 && !before.equals(footprint())) {
                wrong.add(where + " (refused, yet something was written)");
            }
        }

        int queries = 0;
        for (String[] read : reads) {
            Map<String, Object> operation = cast(paths.get(read[1]).get("get"));
            List<Map<String, Object>> parameters = new ArrayList<>();
            if (operation.get("parameters") instanceof List<?> list) {
                list.forEach(parameter -> parameters.add(cast(parameter)));
            }
            for (Map<String, Object> parameter : parameters) {
                if (!"query".equals(parameter.get("in"))) {
                    continue;
                }
                for (String value : HOSTILE_QUERY) {
                    String path = concrete(read[1], pathValues);
                    Response response = given().queryParam((String) parameter.get("name"), value).when().get(path);
                    queries++;
                    check("GET " + path + "?" + parameter.get("name") + "=" + cut(value) + " -> "
                            + response.statusCode(), response, wrong);
                }
            }
        }
        assertEquals(BODIES, sent);
        assertTrue(queries > 200, "too few hostile query parameters: " + queries);
        assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong, wrong.size() + " problems");
    }

    private static void check(String where, Response response, List<String> wrong) {
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (response.statusCode() >= 500) {
            wrong.add(where + " (server error) " + cut(text));
        } else if (bytes.length > MAX_BODY_BYTES && response.statusCode() >= 300) {
            wrong.add(where + " (answer of " + bytes.length + " bytes)");
        } else if (HostileInputTest.CLASS_NAME.matcher(text).find()) {
            wrong.add(where + " (class name in the answer) " + cut(text));
        }
    }

    /** A client, service, contract, incident, window and user of this test's own, for paths that need one. */
    private Map<String, String> ownRows() {
        String client = Fixtures.client("fuzz");
        String service = Fixtures.service("fuzz");
        long contract = given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01",
                        "coveredServices", List.of(service), "targetPercent", 99.9,
                        "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long incident = given().contentType(ContentType.JSON).body(Map.of("source", "fuzz",
                        "externalId", TestData.uniqueKey("fuzz"), "title", "Fuzz", "severity", "SEV3",
                        "affectedServices", List.of(service), "startedAt", "2024-03-01T10:00:00Z"))
                .when().post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        long window = given().contentType(ContentType.JSON).body(Map.of("title", "fuzz",
                        "startsAt", "2024-03-02T01:00:00Z", "endsAt", "2024-03-02T02:00:00Z", "scope", "ALL_CLIENTS"))
                .when().post("/api/maintenance-windows").then().statusCode(201).extract().jsonPath().getLong("id");
        String user = TestUsers.create("fuzz", Role.SRE).username();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/api/services/{key}", "/api/services/" + service);
        values.put("/api/clients/{key}", "/api/clients/" + client);
        values.put("/api/contracts/{id}", "/api/contracts/" + contract);
        values.put("/api/maintenance-windows/{id}", "/api/maintenance-windows/" + window);
        values.put("{clientKey}", client);
        values.put("{username}", user);
        values.put("{source}", "fuzz");
        values.put("{externalId}", TestData.uniqueKey("fuzz"));
        values.put("{id}", String.valueOf(incident));
        values.put("{key}", client);
        return values;
    }

    /** The path with this test's own rows in it (more specific replacements first, in insertion order). */
    private static String concrete(String path, Map<String, String> values) {
        String result = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace(value.getKey(), value.getValue());
        }
        return result;
    }

    private String footprint() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(FOOTPRINT)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Object bodySchema(Map<String, Object> operation) {
        Map<String, Object> content = cast(FuzzTest.<Map<String, Object>>cast(operation.get("requestBody")).get("content"));
        Map<String, Object> media = cast(content.values().iterator().next());
        return media.get("schema");
    }

    private static String contentType(Map<String, Object> operation) {
        Map<String, Object> content = cast(FuzzTest.<Map<String, Object>>cast(operation.get("requestBody")).get("content"));
        String type = content.keySet().iterator().next();
        return type.contains("json") ? type : "application/json";
    }

    /** A body of the schema's shape, then broken: one to three values made hostile, or the whole body. */
    private String hostileBody(Object schema, Map<String, Object> document) throws Exception {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return List.of("", "null", "[]", "{", "\"x\"", "12", "{\"a\":1,\"a\":2}", "[".repeat(200))
                    .get(random.nextInt(8));
        }
        Object value = generate(schema, document, 0);
        int breaks = kind <= 2 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < breaks; i++) {
            value = breakSomewhere(value);
        }
        String json = JSON.writeValueAsString(value);
        if (kind == 3 && json.startsWith("{\"")) {
            // the first key once more, at the end
            int colon = json.indexOf("\":");
            json = json.substring(0, json.length() - 1) + "," + json.substring(1, colon + 2) + "1}";
        }
        return json;
    }

    private Object generate(Object schemaObject, Map<String, Object> document, int depth) {
        Map<String, Object> schema = resolve(schemaObject, document);
        if (schema == null || depth > 6) {
            return null;
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(combined) instanceof List<?> parts && !parts.isEmpty()) {
                return generate(parts.get(0), document, depth + 1);
            }
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        switch (type) {
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((name, property) -> {
                        if (random.nextInt(6) != 0) {
                            object.put((String) name, generate(property, document, depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    list.add(generate(schema.get("items"), document, depth + 1));
                }
                return list;
            }
            case "integer":
                return random.nextInt(200) - 10;
            case "number":
                return List.of(99.9, 50, 0.5, 100, 12.345678).get(random.nextInt(5));
            case "boolean":
                return random.nextBoolean();
            default:
                return switch (format) {
                    case "date-time" -> "2024-0" + (1 + random.nextInt(9)) + "-01T10:00:00Z";
                    case "date" -> "2024-0" + (1 + random.nextInt(9)) + "-01";
                    default -> random.nextBoolean() ? TestData.uniqueKey("fz") : "EUR";
                };
        }
    }

    @SuppressWarnings("unchecked")
    private Object breakSomewhere(Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && random.nextInt(4) != 0) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            copy.put(key, breakSomewhere(copy.get(key)));
            return copy;
        }
        if (value instanceof List<?> list && !list.isEmpty() && random.nextInt(4) != 0) {
            List<Object> copy = new ArrayList<>(list);
            int index = random.nextInt(copy.size());
            copy.set(index, breakSomewhere(copy.get(index)));
            return copy;
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static Map<String, Object> resolve(Object schema, Map<String, Object> document) {
        Map<String, Object> map = cast(schema);
        if (map != null && map.get("$ref") instanceof String ref) {
            Map<String, Object> schemas = cast(FuzzTest.<Map<String, Object>>cast(document.get("components")).get("schemas"));
            return cast(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return map;
    }

    private static String cut(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " characters)";
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
