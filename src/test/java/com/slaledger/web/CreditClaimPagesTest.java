package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.credit.CreditFixtures;
import com.slaledger.security.Role;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claims desk: a credit worked from owed to issued through the page's forms, bulk approval with checkboxes,
 * a refused action shown on the page, and an account manager reading without the actions.
 * One hour down in January 2024 (2,678,400 s) on a EUR 12,000.00 fee: 99.8655…% → 10 % → EUR 1,200.00.
 */
@QuarkusTest
class CreditClaimPagesTest {

    private static CreditFixtures.Client breached(String prefix, Integer days) {
        CreditFixtures.Client client = CreditFixtures.client(prefix);
        CreditFixtures.contract(client, "2024-01-01", "12000.00", "EUR", days);
        CreditFixtures.outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        return client;
    }

    @Test
    void aCreditIsClaimedApprovedAndIssuedThroughThePage() {
        CreditFixtures.Client client = breached("page-flow", 15);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long id = CreditFixtures.creditId(client, "2024-01");

        String list = given().accept("text/html").queryParam("month", "2024-01").queryParam("state", "owed")
                .get("/credits/claims").then().statusCode(200).extract().asString();
        String row = list.substring(list.indexOf("id=\"credit-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("EUR 1,200.00"), row);
        assertTrue(row.contains(">owed<"), row);
        assertTrue(row.contains("by 2024-02-16 00:00"), row);
        assertTrue(row.contains("href=\"/clients/" + client.key() + "?month=2024-01\""), row);

        FormSession detail = FormSession.open("/credits/claims/" + id);
        Response claimed = detail.post("/credits/claims/" + id + "/claim",
                Map.of("claimedAt", "2024-02-10T09:30:00Z", "reference", "TICKET-9"));
        assertEquals(303, claimed.statusCode());
        assertTrue(claimed.header("Location").endsWith("/credits/claims/" + id + "?notice=Claim+recorded."),
                claimed.header("Location"));

        FormSession desk = FormSession.open("/credits/claims?month=2024-01&state=claimed");
        assertTrue(desk.page.contains("id=\"select-" + id + "\""), "a claimed credit has a checkbox");
        Response approved = desk.post("/credits/claims/approve", Map.of("ids", List.of(String.valueOf(id)),
                "back", "?month=2024-01&state=claimed"));
        assertEquals(303, approved.statusCode());
        assertTrue(approved.header("Location").contains("/credits/claims?month=2024-01&state=claimed&notice=1+credit+approved."),
                approved.header("Location"));
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("approved"));

        String note = TestData.uniqueKey("CN");
        Response issued = detail.post("/credits/claims/" + id + "/issue",
                Map.of("creditNoteNumber", note, "issuedOn", "2024-02-29"));
        assertEquals(303, issued.statusCode());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("issued"))
                .body("items[0].creditNoteNumber", equalTo(note)).body("items[0].issuedOn", equalTo("2024-02-29"));

        // a form from before the change: approving an issued credit is refused on the page, naming the state
        Response refused = detail.post("/credits/claims/" + id + "/approve", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("is issued"), refused.asString());

        String after = given().accept("text/html").get("/credits/claims/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(after.contains("note " + note) || after.contains(note + ", issued 2024-02-29"), after);
        for (String action : List.of(">issue<", ">approve<", ">claim<", ">create<")) {
            assertTrue(after.contains(action), "the history lists " + action);
        }
    }

    @Test
    void aBulkApprovalWithACreditThatCannotBeApprovedApprovesNoneAndSaysWhich() {
        CreditFixtures.Client claimed = breached("page-bulk-claimed", null);
        CreditFixtures.Client owed = breached("page-bulk-owed", 15);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long claimedId = CreditFixtures.creditId(claimed, "2024-01");
        long owedId = CreditFixtures.creditId(owed, "2024-01");

        FormSession desk = FormSession.open("/credits/claims?month=2024-01");
        Response refused = desk.post("/credits/claims/approve", Map.of("ids",
                List.of(String.valueOf(claimedId), String.valueOf(owedId))));
        assertEquals(303, refused.statusCode());
        String shown = given().urlEncodingEnabled(false).accept("text/html")
                .get(refused.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(shown.contains("Nothing approved: credit " + owedId + " is owed; only a claimed credit can be"
                + " approved."), shown);
        CreditFixtures.creditOf(claimed, "2024-01").body("items[0].state", equalTo("claimed"));
    }

    @Test
    void aRefusedClaimStaysOnThePageWithTheField() {
        CreditFixtures.Client client = breached("page-late", 15);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long id = CreditFixtures.creditId(client, "2024-01");
        FormSession detail = FormSession.open("/credits/claims/" + id);
        Response late = detail.post("/credits/claims/" + id + "/claim",
                Map.of("claimedAt", "2024-02-16T00:00:00Z", "reference", "LATE"));
        assertEquals(409, late.statusCode());
        assertTrue(late.asString().contains("claimedAt: must be before the claim deadline 2024-02-16T00:00:00Z"),
                late.asString());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("owed"));
    }

    @Test
    void anAccountManagerReadsTheDeskWithoutActionsAndABadFilterIsNamed() {
        TestUsers.TestUser manager = TestUsers.withRole(Role.ACCOUNT_MANAGER);
        manager.given().accept("text/html").get("/credits/claims").then().statusCode(200)
                .body(not(containsString("Approve selected"))).body(not(containsString("Sync month")));
        given().accept("text/html").queryParam("state", "paid").get("/credits/claims").then().statusCode(400)
                .body(containsString("state: must be one of owed, claimed, approved, rejected, issued, expired"));
        String html = given().accept("text/html").get("/credits/claims").then().statusCode(200).extract().asString();
        assertFalse(html.contains("Exception"));
        assertTrue(html.contains("Sync month"));
    }

    @Test
    void aNulCharacterInAFormStaysOnThePageNamingTheField() {
        CreditFixtures.Client client = breached("page-nul", null);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long id = CreditFixtures.creditId(client, "2024-01");
        FormSession detail = FormSession.open("/credits/claims/" + id);
        Response refused = detail.post("/credits/claims/" + id + "/reject", Map.of("reason", "dup\u0000licate"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.contentType().startsWith("text/html"), refused.contentType());
        assertTrue(refused.asString().contains(
                "reason: must not contain control characters other than line breaks and tabs"), refused.asString());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("claimed"));
    }

    @Test
    void moreThanFiveHundredSelectedCreditsApproveNoneInsteadOfTheFirstFiveHundred() {
        CreditFixtures.Client first = breached("page-many-a", null);
        CreditFixtures.Client last = breached("page-many-b", null);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        // 501 ids, one more than a bulk approval takes: the first credit 500 times, then the other one
        List<String> ids = new java.util.ArrayList<>(java.util.Collections.nCopies(500,
                String.valueOf(CreditFixtures.creditId(first, "2024-01"))));
        ids.add(String.valueOf(CreditFixtures.creditId(last, "2024-01")));
        FormSession desk = FormSession.open("/credits/claims?month=2024-01");
        Response refused = desk.post("/credits/claims/approve", Map.of("ids", ids));
        assertEquals(303, refused.statusCode());
        assertTrue(refused.header("Location").endsWith("/credits/claims?notice=Nothing+approved%3A+select+at+most+500"
                + "+credits+at+a+time+%28501+were+selected%29."), refused.header("Location"));
        CreditFixtures.creditOf(first, "2024-01").body("items[0].state", equalTo("claimed"));
        CreditFixtures.creditOf(last, "2024-01").body("items[0].state", equalTo("claimed"));
    }
}
