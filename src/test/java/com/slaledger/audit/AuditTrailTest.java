package com.slaledger.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.security.Role;
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

/** Who changed which incident or contract, when, and how it looked before and after. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void everyChangeToAnIncidentIsRecordedWithItsAuthorAndBothStates() {
        TestUser sre = TestUsers.withRole(Role.SRE);
        Map<String, Object> body = new HashMap<>();
        body.put("source", "audit");
        body.put("externalId", TestData.uniqueKey("inc"));
        body.put("title", "Checkout down");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(Fixtures.service("audited")));
        body.put("startedAt", "2024-03-05T10:00:00Z");
        long id = sre.given().contentType(ContentType.JSON).body(body).when().post("/api/incidents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        sre.given().contentType(ContentType.JSON).body(Map.of("title", "Checkout degraded"))
                .when().patch("/api/incidents/" + id).then().statusCode(200);
        sre.given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:05:00Z"))
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(200);
        // a retry of the same stamp changes nothing and records nothing
        sre.given().contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:05:00Z"))
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(200);
        sre.given().when().delete("/api/incidents/" + id).then().statusCode(204);

        given().queryParam("entity", "incident").queryParam("id", id).when().get("/api/audit")
                .then().statusCode(200)
                .body("action", equalTo(List.of("delete", "acknowledge", "update", "create")))
                .body("actor", equalTo(List.of(sre.username(), sre.username(), sre.username(), sre.username())))
                .body("[3].before", nullValue())
                .body("[3].after.title", equalTo("Checkout down"))
                .body("[2].before.title", equalTo("Checkout down"))
                .body("[2].after.title", equalTo("Checkout degraded"))
                .body("[1].before.acknowledgedAt", nullValue())
                .body("[1].after.acknowledgedAt", equalTo("2024-03-05T10:05:00Z"))
                .body("[0].before.id", equalTo((int) id))
                .body("[0].after", nullValue());
    }

    @Test
    void contractChangesAreRecordedToo() {
        String client = Fixtures.client("audited");
        Map<String, Object> contract = new HashMap<>(Map.of("effectiveFrom", "2099-01-01",
                "coveredServices", List.of(Fixtures.service("svc")), "targetPercent", 99.9,
                "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")));
        long id = given().contentType(ContentType.JSON).body(contract)
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestUser finance = TestUsers.withRole(Role.FINANCE);
        contract.put("monthlyFee", Map.of("amount", "250.00", "currency", "EUR"));
        finance.given().contentType(ContentType.JSON).body(contract).when().put("/api/contracts/" + id)
                .then().statusCode(200);
        given().when().delete("/api/contracts/" + id).then().statusCode(204);

        given().queryParam("entity", "contract").queryParam("id", id).when().get("/api/audit")
                .then().statusCode(200)
                .body("action", equalTo(List.of("delete", "update", "create")))
                .body("[1].actor", equalTo(finance.username()))
                .body("[1].before.monthlyFee.amount", equalTo("100.00"))
                .body("[1].after.monthlyFee.amount", equalTo("250.00"))
                .body("[2].actor", equalTo("test-admin"));
    }

    @Test
    void badFiltersAreRefusedByName() {
        given().queryParam("entity", "client").queryParam("id", "x").queryParam("limit", 0)
                .when().get("/api/audit").then().statusCode(400)
                .body("violations.field", hasItem("entity"))
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("limit"));
    }
}
