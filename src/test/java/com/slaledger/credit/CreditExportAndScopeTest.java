package com.slaledger.credit;

import static com.slaledger.credit.CreditFixtures.api;
import static com.slaledger.credit.CreditFixtures.client;
import static com.slaledger.credit.CreditFixtures.contract;
import static com.slaledger.credit.CreditFixtures.creditId;
import static com.slaledger.credit.CreditFixtures.creditOf;
import static com.slaledger.credit.CreditFixtures.outage;
import static com.slaledger.credit.CreditFixtures.post;
import static com.slaledger.credit.CreditFixtures.sync;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The billing export and its way back (issue in bulk), the claim rule on contracts, and who sees which credits. */
@QuarkusTest
class CreditExportAndScopeTest {

    @Test
    void theBillingExportListsApprovedCreditsSpreadsheetSafeAndIssuingThemEmptiesIt() {
        // May 2023 has 31 days = 2,678,400 s; one hour down → 99.8655…% → 10 % of CHF 5,000.00 = CHF 500.00
        CreditFixtures.Client client = client("export", "=SUM(1+1)");
        contract(client, "2023-05-01", "5000.00", "CHF", 30);
        outage(client, "2023-05-10T00:00:00Z", "2023-05-10T01:00:00Z");
        sync("2023-05", "2023-06-02T00:00:00Z").statusCode(200);
        long id = creditId(client, "2023-05");
        post(id, "claim", Map.of("claimedAt", "2023-06-03T10:00:00Z", "reference", "+REF-1")).statusCode(200);
        post(id, "approve", null).statusCode(200);

        String csv = given().queryParam("month", "2023-05").queryParam("currency", "chf")
                .when().get("/api/credits/export").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"approved-credits-2023-05-CHF.csv\""))
                .extract().asString();
        assertEquals("creditId,clientKey,clientName,month,currency,amount,creditPercent,claimReference,claimedAt,"
                + "creditNoteNumber,issuedOn\r\n"
                + id + "," + client.key() + ",'=SUM(1+1),2023-05,CHF,500.00,10,'+REF-1,2023-06-03T10:00:00Z,,\r\n", csv);

        String note = "CN-" + client.key();
        api().body(Map.of("credits", List.of(Map.of("id", id, "creditNoteNumber", note, "issuedOn", "2023-06-30"))))
                .when().post("/api/credits/issue").then().statusCode(200)
                .body("state", contains("issued"))
                .body("creditNoteNumber", contains(note))
                .body("issuedOn", contains("2023-06-30"));
        String after = given().queryParam("month", "2023-05").queryParam("currency", "CHF")
                .when().get("/api/credits/export").then().statusCode(200).extract().asString();
        assertEquals("creditId,clientKey,clientName,month,currency,amount,creditPercent,claimReference,claimedAt,"
                + "creditNoteNumber,issuedOn\r\n", after);
    }

    @Test
    void aCreditNoteNumberIsUsedOnceAndABulkIssueWithAProblemIssuesNothing() {
        CreditFixtures.Client first = client("note-a");
        CreditFixtures.Client second = client("note-b");
        for (CreditFixtures.Client client : List.of(first, second)) {
            contract(client, "2024-01-01", "12000.00", "EUR", null);
            outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        }
        sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long a = creditId(first, "2024-01");
        long b = creditId(second, "2024-01");
        api().body(Map.of("ids", List.of(a, b))).when().post("/api/credits/approve").then().statusCode(200);
        String note = TestData.uniqueKey("CN");
        post(a, "issue", Map.of("creditNoteNumber", note, "issuedOn", "2024-02-10")).statusCode(200);
        post(b, "issue", Map.of("creditNoteNumber", note, "issuedOn", "2024-02-10")).statusCode(409)
                .body("violations.field", contains("creditNoteNumber"));
        // an issue date inside the month is refused
        post(b, "issue", Map.of("creditNoteNumber", note + "-2", "issuedOn", "2024-01-30")).statusCode(400)
                .body("violations.field", contains("issuedOn"));
        api().body(Map.of("credits", List.of(Map.of("id", b, "creditNoteNumber", note + "-3"),
                Map.of("id", 999_999_999L, "creditNoteNumber", note + "-4"))))
                .when().post("/api/credits/issue").then().statusCode(409)
                .body("violations.field", contains("credits[1].id"));
        creditOf(second, "2024-01").body("items[0].state", equalTo("approved"));
    }

    @Test
    void theClaimRuleIsValidatedAndOnlyAnAdminChangesIt() {
        CreditFixtures.Client client = client("rule");
        Map<String, Object> terms = new java.util.HashMap<>(CreditFixtures.terms(client, "2024-01-01", "100.00",
                "EUR", null));
        terms.put("claimRule", "CLAIM_WITHIN_DAYS");
        api().body(terms).when().post("/api/clients/" + client.key() + "/contracts").then().statusCode(400)
                .body("violations.field", contains("claimWindowDays"));
        for (int days : new int[] {0, 367}) {
            terms.put("claimWindowDays", days);
            api().body(terms).when().post("/api/clients/" + client.key() + "/contracts").then().statusCode(400)
                    .body("violations.field", contains("claimWindowDays"));
        }
        terms.put("claimRule", "AUTOMATIC");
        terms.put("claimWindowDays", 15);
        api().body(terms).when().post("/api/clients/" + client.key() + "/contracts").then().statusCode(400)
                .body("violations.field", contains("claimWindowDays"));
        terms.put("claimRule", "CLAIM_WITHIN_DAYS");
        terms.put("claimWindowDays", 366);
        long contract = api().body(terms).when().post("/api/clients/" + client.key() + "/contracts").then()
                .statusCode(201).body("claimRule", equalTo("CLAIM_WITHIN_DAYS")).body("claimWindowDays", equalTo(366))
                .extract().jsonPath().getLong("id");

        terms.put("claimWindowDays", 30);
        TestUsers.withRole(Role.FINANCE).given().contentType(ContentType.JSON).body(terms)
                .when().put("/api/contracts/" + contract).then().statusCode(403)
                .body("violations.field", contains("claimWindowDays"));
        terms.remove("claimRule");
        terms.remove("claimWindowDays");
        // omitted: automatic
        api().body(terms).when().put("/api/contracts/" + contract).then().statusCode(200)
                .body("claimRule", equalTo("AUTOMATIC")).body("claimWindowDays", equalTo(null));
    }

    @Test
    void anAccountManagerReadsOnlyTheirOwnClientsCreditsAndChangesNone() {
        TestUsers.TestUser manager = TestUsers.create("am-credits", Role.ACCOUNT_MANAGER);
        String ownKey = TestData.uniqueKey("own");
        given().contentType(ContentType.JSON).body(Map.of("key", ownKey, "name", "Own " + ownKey, "timeZone", "UTC",
                "accountManagerUsername", manager.username())).when().post("/api/clients").then().statusCode(201);
        CreditFixtures.Client own = new CreditFixtures.Client(ownKey, Fixtures.service("own-svc"));
        CreditFixtures.Client other = client("other");
        for (CreditFixtures.Client client : List.of(own, other)) {
            contract(client, "2024-01-01", "12000.00", "EUR", null);
            outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        }
        sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long ownId = creditId(own, "2024-01");
        long otherId = creditId(other, "2024-01");

        manager.given().queryParam("month", "2024-01").when().get("/api/credits").then().statusCode(200)
                .body("total", equalTo(1)).body("items.clientKey", contains(ownKey));
        manager.given().when().get("/api/credits/" + ownId).then().statusCode(200).body("amount", equalTo("1200.00"));
        manager.given().when().get("/api/credits/" + otherId).then().statusCode(404);
        manager.given().contentType(ContentType.JSON).when().post("/api/credits/" + ownId + "/approve").then()
                .statusCode(403);
        TestUsers.withRole(Role.SRE).given().when().get("/api/credits").then().statusCode(403);
        TestUsers.withRole(Role.FINANCE).given().contentType(ContentType.JSON)
                .when().post("/api/credits/" + otherId + "/approve").then().statusCode(200)
                .body("state", equalTo("approved"));
    }
}
