package com.slaledger.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

    @Test
    void createsReadsUpdatesAndDeletesAClient() {
        String key = TestData.uniqueKey("acme");
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Acme GmbH", "accountManager", "Dana", "timeZone", "Europe/Berlin"))
                .when().post("/api/clients")
                .then().statusCode(201)
                .header("Location", endsWith("/api/clients/" + key))
                .body("key", equalTo(key))
                .body("name", equalTo("Acme GmbH"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("active", equalTo(true))
                .body("id", notNullValue());

        given().when().get("/api/clients/" + key)
                .then().statusCode(200).body("accountManager", equalTo("Dana"));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Acme AG", "timeZone", "Asia/Tokyo", "active", false))
                .when().put("/api/clients/" + key)
                .then().statusCode(200)
                .body("name", equalTo("Acme AG"))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("active", equalTo(false))
                .body("accountManager", equalTo(null));

        given().when().get("/api/clients?active=false").then().statusCode(200).body("key", hasItem(key));
        given().when().get("/api/clients?active=true").then().statusCode(200).body("key", not(hasItem(key)));

        given().when().delete("/api/clients/" + key).then().statusCode(204);
        given().when().get("/api/clients/" + key).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No client '" + key + "'"));
    }

    @Test
    void timeZoneDefaultsToUtc() {
        String key = TestData.uniqueKey("utc");
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Plain"))
                .when().post("/api/clients")
                .then().statusCode(201).body("timeZone", equalTo("UTC"));
    }

    @Test
    void rejectsEveryBadFieldAtOnceAndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "Not A Slug!", "name", " ", "timeZone", "Mars/Olympus"))
                .when().post("/api/clients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("violations.field", containsInAnyOrder("key", "name", "timeZone"));

        given().when().get("/api/clients/not-a-slug").then().statusCode(404);
    }

    @Test
    void refusesADuplicateKey() {
        String key = TestData.uniqueKey("dup");
        Map<String, Object> body = Map.of("key", key, "name", "First");
        given().contentType(ContentType.JSON).body(body).when().post("/api/clients").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Second"))
                .when().post("/api/clients")
                .then().statusCode(409).body("detail", equalTo("A client with key '" + key + "' exists already"));
        given().when().get("/api/clients/" + key).then().body("name", equalTo("First"));
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesGive400WithoutInternals() {
        given().contentType(ContentType.JSON).body("{\"key\": \"x\", ")
                .when().post("/api/clients")
                .then().statusCode(400).body("title", equalTo("Malformed request body"))
                .body(not(org.hamcrest.Matchers.containsString("com.fasterxml")));
        given().contentType(ContentType.JSON).body("{\"key\": \"x-1\", \"name\": \"X\", \"colour\": \"red\"}")
                .when().post("/api/clients")
                .then().statusCode(400).body("violations[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON).body("{\"key\": \"x-2\", \"name\": \"X\", \"active\": \"maybe\"}")
                .when().post("/api/clients")
                .then().statusCode(400).body("violations[0].field", equalTo("active"));
    }
}
