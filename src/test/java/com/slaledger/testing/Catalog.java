package com.slaledger.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Creates the clients and services a test links to, each with a fresh key. */
public final class Catalog {

    private Catalog() {
    }

    public static String newClient(String prefix, String timeZone) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Client " + key, "timeZone", timeZone))
                .when().post("/api/clients").then().statusCode(201);
        return key;
    }

    public static String newService(String prefix) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Service " + key))
                .when().post("/api/services").then().statusCode(201);
        return key;
    }
}
