package com.slaledger.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceResourceTest {

    @Test
    void createsReadsUpdatesAndDeletesAService() {
        String key = TestData.uniqueKey("api");
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Public API", "description", "REST gateway"))
                .when().post("/api/services")
                .then().statusCode(201)
                .header("Location", endsWith("/api/services/" + key))
                .body("key", equalTo(key))
                .body("name", equalTo("Public API"))
                .body("description", equalTo("REST gateway"))
                .body("id", notNullValue())
                .body("createdAt", notNullValue());

        given().when().get("/api/services/" + key)
                .then().statusCode(200).body("name", equalTo("Public API"));

        given().contentType(ContentType.JSON).body(Map.of("name", "API gateway"))
                .when().put("/api/services/" + key)
                .then().statusCode(200)
                .body("key", equalTo(key))
                .body("name", equalTo("API gateway"))
                .body("description", nullValue());

        given().when().delete("/api/services/" + key).then().statusCode(204);
        given().when().get("/api/services/" + key).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No service '" + key + "'"));
    }

    @Test
    void listsServicesOrderedByKey() {
        String later = "zz-" + TestData.uniqueKey("b");
        String earlier = "zz-" + TestData.uniqueKey("a");
        for (String key : List.of(later, earlier)) {
            given().contentType(ContentType.JSON).body(Map.of("key", key, "name", key))
                    .when().post("/api/services").then().statusCode(201);
        }
        List<String> keys = given().when().get("/api/services").then().statusCode(200)
                .body("key", hasItem(earlier)).extract().jsonPath().getList("key", String.class);
        org.hamcrest.MatcherAssert.assertThat(keys.indexOf(earlier), lessThan(keys.indexOf(later)));
    }

    @Test
    void rejectsEveryBadFieldAtOnceAndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "Bad Key!", "name", " "))
                .when().post("/api/services")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("key", "name"));
        given().when().get("/api/services").then().body("name", org.hamcrest.Matchers.not(hasItem(" ")));
    }

    @Test
    void refusesADuplicateKeyAndKeepsTheFirst() {
        String key = Fixtures.service("dup");
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Second"))
                .when().post("/api/services")
                .then().statusCode(409).body("detail", equalTo("A service with key '" + key + "' exists already"));
        given().when().get("/api/services/" + key).then().body("name", equalTo("Service " + key));
    }

    @Test
    void keyCannotChangeOnUpdate() {
        String key = Fixtures.service("fixed");
        given().contentType(ContentType.JSON).body(Map.of("key", key + "-x", "name", "Renamed"))
                .when().put("/api/services/" + key)
                .then().statusCode(400).body("violations[0].field", equalTo("key"));
        given().when().get("/api/services/" + key).then().body("name", equalTo("Service " + key));
        given().when().get("/api/services/" + key + "-x").then().statusCode(404);
    }

    @Test
    void updatingAnUnknownServiceIs404() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Ghost"))
                .when().put("/api/services/" + TestData.uniqueKey("ghost"))
                .then().statusCode(404);
    }

    @Test
    void refusesToDeleteAServiceAContractCovers() {
        String client = Fixtures.client("covered", "UTC");
        String service = Fixtures.service("db");
        given().contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", "2024-01-01", "coveredServices", List.of(service),
                        "targetPercent", 99.9, "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201);

        given().when().delete("/api/services/" + service)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot be deleted"));
        given().when().get("/api/services/" + service).then().statusCode(200);
    }

    @Test
    void refusesToDeleteAServiceAMaintenanceWindowNames() {
        String service = Fixtures.service("cache");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Cache flush", "startsAt", "2024-03-02T01:00:00Z", "endsAt",
                        "2024-03-02T02:00:00Z", "scope", "SERVICES", "services", List.of(service)))
                .when().post("/api/maintenance-windows").then().statusCode(201);

        given().when().delete("/api/services/" + service).then().statusCode(409);
        given().when().get("/api/services/" + service).then().statusCode(200);
    }
}
