package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account manager sees their own clients and those clients' incidents, and nothing else. */
@QuarkusTest
class AccountManagerScopeTest {

    @Test
    void anAccountManagerSeesOnlyTheirClientsAndTheirIncidents() {
        TestUser manager = TestUsers.create("am", Role.ACCOUNT_MANAGER);
        String covered = Fixtures.service("covered");
        String uncovered = Fixtures.service("uncovered");
        String mine = client("mine", manager.username());
        String theirs = client("theirs", null);
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01",
                "coveredServices", List.of(covered), "targetPercent", 99.9,
                "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .when().post("/api/clients/" + mine + "/contracts").then().statusCode(201);

        long namingMine = incident(List.of(uncovered), List.of(mine));
        long namingTheirs = incident(List.of(covered), List.of(theirs));
        long coveredService = incident(List.of(covered), List.of());
        long uncoveredService = incident(List.of(uncovered), List.of());

        manager.given().when().get("/api/clients").then().statusCode(200)
                .body("key", equalTo(List.of(mine)))
                .body("[0].accountManagerUsername", equalTo(manager.username()));
        manager.given().when().get("/api/clients/" + mine).then().statusCode(200);
        manager.given().when().get("/api/clients/" + theirs).then().statusCode(404);

        manager.given().queryParam("size", 500).when().get("/api/incidents").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) namingMine, (int) coveredService))
                .body("totalItems", equalTo(2));
        manager.given().queryParam("client", theirs).when().get("/api/incidents").then().statusCode(404);
        manager.given().when().get("/api/incidents/" + namingMine).then().statusCode(200);
        manager.given().when().get("/api/incidents/" + coveredService).then().statusCode(200);
        manager.given().when().get("/api/incidents/" + namingTheirs).then().statusCode(404);
        manager.given().when().get("/api/incidents/" + uncoveredService).then().statusCode(404);

        // an account manager who is also sre, and an admin, see everything
        TestUser sreManager = TestUsers.create("am-sre", Role.ACCOUNT_MANAGER, Role.SRE);
        sreManager.given().when().get("/api/incidents/" + namingTheirs).then().statusCode(200);
        given().when().get("/api/clients").then().statusCode(200).body("key", hasItem(theirs));
        given().when().get("/api/incidents/" + uncoveredService).then().statusCode(200);
    }

    @Test
    void aManagerWithoutClientsSeesNoIncidents() {
        TestUser manager = TestUsers.create("am-empty", Role.ACCOUNT_MANAGER);
        incident(List.of(Fixtures.service("any")), List.of());
        manager.given().when().get("/api/clients").then().statusCode(200).body("size()", equalTo(0));
        manager.given().when().get("/api/incidents").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void anotherManagersClientAndANonexistentKeyAnswerTheSameSoExistenceCannotBeProbed() {
        TestUser manager = TestUsers.create("am-probe", Role.ACCOUNT_MANAGER);
        String mine = client("mine", manager.username());
        String other = client("other", null);
        String none = TestData.uniqueKey("no-such");
        incident(List.of(Fixtures.service("probe")), List.of(other));
        for (TestUser caller : List.of(manager, TestUsers.create("am-none", Role.ACCOUNT_MANAGER))) {
            String otherBody = caller.given().queryParam("client", other).when().get("/api/incidents").then()
                    .statusCode(404).extract().body().asString();
            String noneBody = caller.given().queryParam("client", none).when().get("/api/incidents").then()
                    .statusCode(404).extract().body().asString();
            // the bodies differ only in the key the caller sent
            assertEquals(noneBody.replace(none, "KEY"), otherBody.replace(other, "KEY"));
            assertEquals("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                    + "\"detail\":\"No client 'KEY'\",\"instance\":\"/api/incidents\"}", otherBody.replace(other, "KEY"));
        }
        manager.given().queryParam("client", mine).when().get("/api/incidents").then().statusCode(200)
                .body("totalItems", equalTo(0));
        // an admin still tells them apart: only the unknown key is a 404
        given().queryParam("client", other).when().get("/api/incidents").then().statusCode(200)
                .body("totalItems", equalTo(1));
        given().queryParam("client", none).when().get("/api/incidents").then().statusCode(404);
    }

    @Test
    void aClientCanOnlyBeAssignedToAnExistingUser() {
        given().contentType(ContentType.JSON).body(Map.of("key", TestData.uniqueKey("nobody"), "name", "N",
                "accountManagerUsername", "zz-no-such-user"))
                .when().post("/api/clients").then().statusCode(400)
                .body("violations.field", hasItem("accountManagerUsername"));
    }

    private static String client(String prefix, String managerUsername) {
        String key = TestData.uniqueKey(prefix);
        Map<String, Object> body = new HashMap<>(Map.of("key", key, "name", "Client " + key));
        if (managerUsername != null) {
            body.put("accountManagerUsername", managerUsername);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/clients").then().statusCode(201);
        return key;
    }

    private static long incident(List<String> services, List<String> clients) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "scope-test");
        body.put("externalId", TestData.uniqueKey("inc"));
        body.put("title", "Scope");
        body.put("severity", "SEV3");
        body.put("affectedServices", services);
        body.put("affectedClients", clients);
        body.put("startedAt", "2024-03-05T10:00:00Z");
        return given().contentType(ContentType.JSON).body(body).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
