package com.slaledger.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Rows a test needs before it can exercise what it is about; each call makes new, uniquely keyed rows. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String service(String prefix) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Service " + key))
                .when().post("/api/services").then().statusCode(201);
        return key;
    }

    public static String client(String prefix) {
        return client(prefix, "UTC");
    }

    public static String client(String prefix, String timeZone) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Client " + key, "timeZone", timeZone))
                .when().post("/api/clients").then().statusCode(201);
        return key;
    }
}
