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
import java.time.YearMonth;
import java.time.ZoneOffset;
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

    /** Syncs January 2024 as of 2 February and answers the client's credit. */
    private static long synced(CreditFixtures.Client client) {
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        return CreditFixtures.creditId(client, "2024-01");
    }

    @Test
    void aCreditIsClaimedApprovedAndIssuedThroughThePage() {
        CreditFixtures.Client client = breached("page-flow", 15);
        long id = synced(client);

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
        assertTrue(claimed.header("Location").endsWith("/credits/claims/" + id + "?done=claimed"),
                claimed.header("Location"));
        assertEquals("Claim recorded.", noticeAt(claimed.header("Location")));

        FormSession desk = FormSession.open("/credits/claims?month=2024-01&state=claimed");
        assertTrue(desk.page.contains("id=\"select-" + id + "\""), "a claimed credit has a checkbox");
        assertTrue(desk.page.contains("name=\"seen\" value=\"" + id + ":1200.00:EUR\""),
                "the row says which amount it shows");
        Response approved = desk.post("/credits/claims/approve", Map.of("ids", List.of(String.valueOf(id)),
                "seen", List.of(id + ":1200.00:EUR"), "month", "2024-01", "state", "claimed"));
        assertEquals(303, approved.statusCode());
        assertTrue(approved.header("Location").endsWith("/credits/claims?state=claimed&month=2024-01&done=approved"
                + "&count=1"), approved.header("Location"));
        assertEquals("1 credit approved.", noticeAt(approved.header("Location")));
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("approved"));

        String note = TestData.uniqueKey("CN");
        Response issued = detail.post("/credits/claims/" + id + "/issue",
                Map.of("creditNoteNumber", note, "issuedOn", "2024-02-29"));
        assertEquals(303, issued.statusCode());
        assertEquals("Issued.", noticeAt(issued.header("Location")));
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("issued"))
                .body("items[0].creditNoteNumber", equalTo(note)).body("items[0].issuedOn", equalTo("2024-02-29"));

        // a form from before the change: approving an issued credit is refused on the page, naming the state
        Response refused = detail.post("/credits/claims/" + id + "/approve",
                Map.of("expectedAmount", "1200.00", "expectedCurrency", "EUR"));
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
                List.of(String.valueOf(claimedId), String.valueOf(owedId)), "month", "2024-01",
                "seen", List.of(claimedId + ":1200.00:EUR", owedId + ":1200.00:EUR")));
        // the list again, filtered as it was, saying why: no redirect carrying text
        assertEquals(409, refused.statusCode());
        String shown = refused.asString();
        assertTrue(shown.contains("<div class=\"notice error\" role=\"alert\" id=\"problem\">Nothing approved:"
                + " credit " + owedId + " is owed; only a claimed credit can be approved.</div>"), shown);
        assertTrue(shown.contains("id=\"filter-month\" name=\"month\" value=\"2024-01\""), "still filtered");
        CreditFixtures.creditOf(claimed, "2024-01").body("items[0].state", equalTo("claimed"));
    }

    @Test
    void aRefusedClaimStaysOnThePageWithTheField() {
        CreditFixtures.Client client = breached("page-late", 15);
        long id = synced(client);
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
        long id = synced(client);
        FormSession detail = FormSession.open("/credits/claims/" + id);
        Response refused = detail.post("/credits/claims/" + id + "/reject", Map.of("reason", "dup\u0000licate"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.contentType().startsWith("text/html"), refused.contentType());
        assertTrue(refused.asString().contains(
                "reason: must not contain control characters other than line breaks and tabs"), refused.asString());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("claimed"));
    }

    @Test
    void aLongInvalidFilterIsNamedButNeverCopiedBackWhole() {
        // one at a time: together they would pass the longest address the service answers (4,096)
        String month = "2024-01" + "x".repeat(2_993);
        assertEquals(3_000, month.length());
        String byMonth = given().accept("text/html").queryParam("month", month).get("/credits/claims").then()
                .statusCode(400).extract().asString();
        assertTrue(byMonth.contains("<li>month: must be a month such as 2024-01, from 1900-01 to 9999-12</li>"),
                byMonth);
        assertFalse(byMonth.contains("x".repeat(100)), "the month is copied back");
        // the box holds a 40-character excerpt cut with "…"; the export link carries no refused filter
        assertTrue(byMonth.contains("id=\"filter-month\" name=\"month\" value=\"2024-01" + "x".repeat(33) + "…\""),
                byMonth);
        assertTrue(byMonth.contains("id=\"export\" href=\"/credits/claims/export\""), byMonth);

        String currency = "EUR" + "y".repeat(1_997);
        assertEquals(2_000, currency.length());
        String byCurrency = given().accept("text/html").queryParam("month", "2024-01")
                .queryParam("currency", currency).get("/credits/claims").then().statusCode(400).extract().asString();
        assertTrue(byCurrency.contains("<li>currency: must be an ISO 4217 currency code such as EUR</li>"),
                byCurrency);
        assertFalse(byCurrency.contains("y".repeat(100)), "the currency is copied back");
        assertTrue(byCurrency.contains("id=\"filter-currency\" name=\"currency\" value=\"EUR" + "y".repeat(37)
                + "…\""), byCurrency);
        // the valid month beside it still travels on
        assertTrue(byCurrency.contains("id=\"export\" href=\"/credits/claims/export?month=2024-01\""), byCurrency);
    }

    @Test
    void aBulkApprovalListingACreditTwiceApprovesNothingAndSaysSo() {
        CreditFixtures.Client client = breached("page-twice", null);
        long id = synced(client);
        FormSession desk = FormSession.open("/credits/claims?month=2024-01&state=claimed");
        String one = String.valueOf(id);
        Response refused = desk.post("/credits/claims/approve", Map.of("ids", List.of(one, one, one),
                "seen", List.of(id + ":1200.00:EUR"), "month", "2024-01", "state", "claimed"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"problem\">Nothing approved: credit " + id
                + " is listed twice.</div>"), refused.asString());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("claimed"));

        Response approved = desk.post("/credits/claims/approve", Map.of("ids", List.of(one),
                "seen", List.of(id + ":1200.00:EUR"), "month", "2024-01", "state", "claimed"));
        assertEquals(303, approved.statusCode());
        assertEquals("1 credit approved.", noticeAt(approved.header("Location")));
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
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Nothing approved: select at most 500 credits at a time (501 were"
                + " selected)."), refused.asString());
        CreditFixtures.creditOf(first, "2024-01").body("items[0].state", equalTo("claimed"));
        CreditFixtures.creditOf(last, "2024-01").body("items[0].state", equalTo("claimed"));
    }

    @Test
    void noticeTextInTheAddressIsNeverShownAndUnknownCodesShowNothing() {
        CreditFixtures.Client client = breached("page-spoof", null);
        long id = synced(client);
        String spoof = "Call +1 555 0100 to confirm your refund";
        for (String path : List.of("/credits/claims", "/credits/claims/" + id)) {
            String html = given().accept("text/html").queryParam("notice", spoof).get(path).then().statusCode(200)
                    .extract().asString();
            assertFalse(html.contains("555 0100"), path + " shows the address's text");
            assertFalse(html.contains("id=\"notice\""), path + " shows a notice");
        }
        // codes it does not know, counts that are not plain numbers: no notice, no error, no echo
        // counts beyond what one bulk approval can approve (500), and a sync of a month that has not begun
        for (String query : List.of("done=" + spoof, "done=approved&count=" + spoof, "done=approved&count=-1",
                "done=approved&count=99999999999", "done=approved", "done=approved&count=0",
                "done=approved&count=501", "done=approved&count=99999", "done=synced&created=1&recomputed=0&flagged=0"
                        + "&expired=0", "month=9999-12&done=synced&created=99999&recomputed=0&flagged=0&expired=0",
                "month=" + YearMonth.now(ZoneOffset.UTC).plusMonths(2) + "&done=synced")) {
            String html = given().urlEncodingEnabled(false).accept("text/html")
                    .get("/credits/claims?" + query.replace(" ", "+")).then().statusCode(200).extract().asString();
            assertFalse(html.contains("id=\"notice\""), query);
            assertFalse(html.contains("555 0100"), query);
        }
        String detail = given().accept("text/html").queryParam("done", spoof).get("/credits/claims/" + id)
                .then().statusCode(200).extract().asString();
        assertFalse(detail.contains("id=\"notice\"") || detail.contains("555 0100"), detail);
        // each code the pages write still says its own sentence
        assertEquals("3 credits approved.", noticeAt("/credits/claims?done=approved&count=3"));
        assertEquals("500 credits approved.", noticeAt("/credits/claims?done=approved&count=500"));
        // a sync's notice names the month only: counts in the address are not repeated
        assertEquals("Credits synced for 2024-01.",
                noticeAt("/credits/claims?month=2024-01&done=synced&created=99999&recomputed=0&flagged=2"));
        for (Map.Entry<String, String> done : Map.of("claimed", "Claim recorded.", "approved", "Approved.",
                "rejected", "Rejected.", "issued", "Issued.", "review-resolved", "Review resolved.").entrySet()) {
            assertEquals(done.getValue(), noticeAt("/credits/claims/" + id + "?done=" + done.getKey()));
        }
    }

    @Test
    void aSyncFromThePageSaysWhatItDidAndABadMonthIsShownOnThePage() {
        // a month no other test measures: one client, one hour down in July 1999 (31 days = 2,678,400 s):
        // 99.86559…% → 10 % → EUR 1,200.00, created as claimed (automatic)
        CreditFixtures.Client client = CreditFixtures.client("page-sync");
        CreditFixtures.contract(client, "1999-07-01", "12000.00", "EUR", null);
        CreditFixtures.outage(client, "1999-07-10T00:00:00Z", "1999-07-10T01:00:00Z");
        FormSession desk = FormSession.open("/credits/claims");
        Response synced = desk.post("/credits/claims/sync", Map.of("month", "1999-07"));
        assertEquals(303, synced.statusCode());
        assertTrue(synced.header("Location").endsWith("/credits/claims?month=1999-07&done=synced"),
                synced.header("Location"));
        assertEquals("Credits synced for 1999-07.", noticeAt(synced.header("Location")));
        CreditFixtures.creditOf(client, "1999-07").body("items[0].amount", equalTo("1200.00"));

        Response refused = desk.post("/credits/claims/sync", Map.of("month", "July"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"problem\">Give a month such as 2024-01 to sync.</div>"),
                refused.asString());
    }

    @Test
    void approvingOnThePageChecksTheAmountItShowedAndShowsTheNewOne() {
        CreditFixtures.Client client = breached("page-stale", null);
        long id = synced(client);
        FormSession detail = FormSession.open("/credits/claims/" + id);
        assertTrue(detail.page.contains("name=\"expectedAmount\" value=\"1200.00\""), detail.page);
        assertTrue(detail.page.contains("name=\"expectedCurrency\" value=\"EUR\""), detail.page);
        FormSession desk = FormSession.open("/credits/claims?month=2024-01&state=claimed");
        assertTrue(desk.page.contains("name=\"seen\" value=\"" + id + ":1200.00:EUR\""), "the row's amount");

        // while the pages are open, 7 more hours: D = 28,800 s → 98.92473…% → 25 % → EUR 3,000.00
        CreditFixtures.outage(client, "2024-01-20T00:00:00Z", "2024-01-20T07:00:00Z");
        CreditFixtures.sync("2024-01", "2024-03-01T00:00:00Z").statusCode(200);
        List<String> audit = auditActions(id);

        Response stale = detail.post("/credits/claims/" + id + "/approve",
                Map.of("expectedAmount", "1200.00", "expectedCurrency", "EUR"));
        assertEquals(409, stale.statusCode());
        String page = stale.asString();
        assertTrue(page.contains("Credit " + id + " was not approved: it is now 3000.00 EUR, not what was seen;"
                + " check the figures and approve again"), page);
        assertTrue(page.contains("<span class=\"nowrap\" id=\"credit-amount\">EUR 3,000.00</span>"), page);
        assertTrue(page.contains("name=\"expectedAmount\" value=\"3000.00\""), "the form now carries the new amount");
        Response staleBulk = desk.post("/credits/claims/approve", Map.of("ids", List.of(String.valueOf(id)),
                "seen", List.of(id + ":1200.00:EUR"), "month", "2024-01", "state", "claimed"));
        assertEquals(409, staleBulk.statusCode());
        assertTrue(staleBulk.asString().contains("Nothing approved: credit " + id
                + " is now 3000.00 EUR, not 1200.00 (its figures changed since)."), staleBulk.asString());
        // a form without the amount it showed is refused too
        Response blind = detail.post("/credits/claims/" + id + "/approve", Map.of());
        assertEquals(400, blind.statusCode());
        assertTrue(blind.asString().contains("expectedAmount: is required"), blind.asString());
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("claimed"));
        assertEquals(audit, auditActions(id));

        Response approved = detail.post("/credits/claims/" + id + "/approve",
                Map.of("expectedAmount", "3000.00", "expectedCurrency", "EUR"));
        assertEquals(303, approved.statusCode());
        assertEquals("Approved.", noticeAt(approved.header("Location")));
        CreditFixtures.creditOf(client, "2024-01").body("items[0].state", equalTo("approved"))
                .body("items[0].amount", equalTo("3000.00"));
    }

    @Test
    void aFlaggedCreditShowsItsFiguresAsCreditedAndAsReMeasured() {
        CreditFixtures.Client client = breached("page-flagged", null);
        long id = synced(client);
        CreditFixtures.post(id, "approve", null).statusCode(200);
        CreditFixtures.post(id, "issue", Map.of("creditNoteNumber", "CN-" + client.key(), "issuedOn", "2024-02-05"))
                .statusCode(200);
        // credited: 3,600 s down, 1 − 3,600 / 2,678,400 = 99.86559…% (shows 99.865 %), 10 %, EUR 1,200.00.
        // A late incident of 7 hours: 28,800 s, 1 − 28,800 / 2,678,400 = 98.92473…% (98.924 %), 25 %, EUR 3,000.00
        CreditFixtures.outage(client, "2024-01-20T00:00:00Z", "2024-01-20T07:00:00Z");
        CreditFixtures.sync("2024-01", "2024-03-01T00:00:00Z").statusCode(200);

        String html = given().accept("text/html").get("/credits/claims/" + id).then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("99.865 %", "98.924 %"), figureRow(html, "figure-availability"));
        assertEquals(List.of("1 h 00 min", "8 h 00 min"), figureRow(html, "figure-downtime"));
        assertEquals(List.of("10 %", "25 %"), figureRow(html, "figure-credit-percent"));
        assertEquals(List.of("EUR 1,200.00", "EUR 3,000.00"), figureRow(html, "figure-amount"));
        assertTrue(html.contains("Re-measured 2024-03-01 00:00 UTC;"), html);
        // the old availability is no longer shown on its own beside the new amount
        assertFalse(html.contains("<dt>Availability</dt>"), html);
    }

    /** The cells of a row of the review figures, tags dropped. */
    private static List<String> figureRow(String html, String rowId) {
        String row = html.substring(html.indexOf("<tr id=\"" + rowId + "\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        return java.util.Arrays.stream(row.split("<td")).skip(1)
                .map(cell -> cell.substring(cell.indexOf('>') + 1).replaceAll("<[^>]*>", "").strip()).toList();
    }

    /** The notice the page at {@code location} shows, or null. */
    private static String noticeAt(String location) {
        String html = given().urlEncodingEnabled(false).accept("text/html").get(location).then().statusCode(200)
                .extract().asString();
        int start = html.indexOf("id=\"notice\">");
        return start < 0 ? null : html.substring(start + "id=\"notice\">".length(), html.indexOf("</div>", start))
                .strip();
    }

    private static List<String> auditActions(long id) {
        return given().queryParam("entity", "credit").queryParam("id", id).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getList("action");
    }
}
