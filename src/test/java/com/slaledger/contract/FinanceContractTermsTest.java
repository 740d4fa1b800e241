package com.slaledger.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC "Who may do what": finance edits fees. A finance user (without admin) may change a contract
 * version's monthly fee amount and nothing else; each other term is refused with 403 naming it, and the
 * version stays exactly as it was. An admin may change every one of them.
 */
@QuarkusTest
class FinanceContractTermsTest {

    private static Map<String, Object> terms(String service) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", "2024-01-01");
        body.put("coveredServices", List.of(service));
        body.put("targetPercent", 99.9);
        body.put("creditTiers", List.of(Map.of("belowPercent", 99.0, "creditPercent", 10)));
        body.put("monthlyFee", Map.of("amount", "1000.00", "currency", "EUR"));
        body.put("creditCapPercent", 50);
        body.put("impactModel", "THRESHOLD");
        body.put("impactThresholdPercent", 50);
        body.put("minimumOutageSeconds", 60);
        return body;
    }

    /** Each term other than the fee's amount, the change a finance user tries, and the fields it touches. */
    static Stream<Arguments> termsOtherThanTheFee() {
        return Stream.of(
                change(List.of("effectiveFrom"), (b, s) -> b.put("effectiveFrom", "2023-12-01")),
                change(List.of("effectiveTo"), (b, s) -> b.put("effectiveTo", "2030-01-01")),
                change(List.of("coveredServices"), (b, s) -> b.put("coveredServices", List.of(s, Fixtures.service("extra")))),
                change(List.of("targetPercent"), (b, s) -> b.put("targetPercent", 99.5)),
                change(List.of("creditTiers"), (b, s) -> b.put("creditTiers",
                        List.of(Map.of("belowPercent", 99.0, "creditPercent", 25)))),
                change(List.of("creditTiers"), (b, s) -> b.put("creditTiers", List.of())),
                change(List.of("monthlyFee.currency"), (b, s) -> b.put("monthlyFee",
                        Map.of("amount", "1000.00", "currency", "USD"))),
                change(List.of("creditCapPercent"), (b, s) -> b.put("creditCapPercent", 0)),
                change(List.of("creditCapPercent"), (b, s) -> b.remove("creditCapPercent")),
                change(List.of("impactModel", "impactThresholdPercent"), (b, s) -> {
                    b.put("impactModel", "FULL");
                    b.remove("impactThresholdPercent");
                }),
                change(List.of("impactThresholdPercent"), (b, s) -> b.put("impactThresholdPercent", 40)),
                change(List.of("minimumOutageSeconds"), (b, s) -> b.put("minimumOutageSeconds", 0)),
                change(List.of("targetPercent", "creditCapPercent"), (b, s) -> {
                    b.put("targetPercent", 99.5);
                    b.put("creditCapPercent", 0);
                    b.put("monthlyFee", Map.of("amount", "1.00", "currency", "EUR"));
                }));
    }

    private static Arguments change(List<String> fields, BiConsumer<Map<String, Object>, String> change) {
        return Arguments.of(fields, change);
    }

    @ParameterizedTest
    @MethodSource("termsOtherThanTheFee")
    void financeCannotChangeAnyTermButTheFeeWhileAnAdminCan(List<String> fields,
            BiConsumer<Map<String, Object>, String> change) {
        TestUser finance = TestUsers.withRole(Role.FINANCE);
        String client = Fixtures.client("terms");
        String service = Fixtures.service("terms");
        long id = given().contentType(ContentType.JSON).body(terms(service))
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String before = given().when().get("/api/contracts/" + id).then().statusCode(200).extract().asString();

        Map<String, Object> changed = terms(service);
        change.accept(changed, service);
        List<String> refused = finance.given().contentType(ContentType.JSON).body(changed)
                .when().put("/api/contracts/" + id).then().statusCode(403)
                .body("title", equalTo("Forbidden"))
                .extract().jsonPath().getList("violations.field");
        assertEquals(fields, refused);
        assertEquals(before, given().when().get("/api/contracts/" + id).then().extract().asString());

        given().contentType(ContentType.JSON).body(changed).when().put("/api/contracts/" + id).then().statusCode(200);
        List<String> stillDifferent = new ArrayList<>();
        String after = given().when().get("/api/contracts/" + id).then().extract().asString();
        if (after.equals(before)) {
            stillDifferent.add("the admin's change was not stored");
        }
        assertEquals(List.of(), stillDifferent);
    }

    @Test
    void financeChangesTheFeeAmountAndNothingElseChanges() {
        TestUser finance = TestUsers.withRole(Role.FINANCE);
        String client = Fixtures.client("fee");
        String service = Fixtures.service("fee");
        long id = given().contentType(ContentType.JSON).body(terms(service))
                .when().post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> body = terms(service);
        body.put("monthlyFee", Map.of("amount", "1250.50", "currency", "EUR"));
        // the same terms written differently (99.90, tiers as listed, the same cap) are no change
        body.put("targetPercent", "99.90");
        finance.given().contentType(ContentType.JSON).body(body).when().put("/api/contracts/" + id).then()
                .statusCode(200)
                .body("monthlyFee.amount", equalTo("1250.50"))
                .body("monthlyFee.currency", equalTo("EUR"))
                .body("targetPercent", equalTo(99.9f))
                .body("creditCapPercent", equalTo(50))
                .body("impactThresholdPercent", equalTo(50))
                .body("minimumOutageSeconds", equalTo(60))
                .body("creditTiers[0].creditPercent", equalTo(10));
    }
}
