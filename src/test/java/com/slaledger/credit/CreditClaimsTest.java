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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.SignInAsTestAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credits from owed to issued, with figures worked out by hand from SPEC "SLA breach and credit".
 *
 * <p>Every client here: target 99.9, tiers below 99.9 → 10 %, below 99.0 → 25 %, a monthly fee of EUR 12,000.00,
 * zone UTC. January 2024 has 31 · 86,400 = 2,678,400 s. One hour down (3,600 s): availability
 * 1 − 3,600 / 2,678,400 = 99.86559139…% → below 99.9, not below 99.0 → 10 % → EUR 1,200.00.
 */
@QuarkusTest
class CreditClaimsTest {

    private static final String JANUARY = "2024-01";
    /** The month closes at 2024-02-01T00:00Z; a 15-day window ends at 2024-02-16T00:00Z (exclusive). */
    private static final String DEADLINE = "2024-02-16T00:00:00Z";
    private static final String JUST_BEFORE_DEADLINE = "2024-02-15T23:59:59.999999Z";

    private static CreditFixtures.Client breachedInJanuary(String prefix, Integer claimDays) {
        CreditFixtures.Client client = client(prefix);
        contract(client, "2024-01-01", "12000.00", "EUR", claimDays);
        outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        return client;
    }

    @Test
    void anOwedCreditExpiresAtItsDeadlineNotAMicrosecondBefore() {
        CreditFixtures.Client client = breachedInJanuary("expiring", 15);

        sync(JANUARY, JUST_BEFORE_DEADLINE).statusCode(200);
        creditOf(client, JANUARY)
                .body("total", equalTo(1))
                .body("items[0].state", equalTo("owed"))
                .body("items[0].amount", equalTo("1200.00"))
                .body("items[0].currency", equalTo("EUR"))
                .body("items[0].creditPercent", equalTo(10))
                .body("items[0].availabilityPercent", startsWith("99.8655913978"))
                .body("items[0].claimDeadline", equalTo(DEADLINE))
                .body("items[0].claimedAt", nullValue());

        sync(JANUARY, DEADLINE).statusCode(200);
        creditOf(client, JANUARY).body("items[0].state", equalTo("expired"));
    }

    @Test
    void aClaimAtTheDeadlineIsLateOneAMicrosecondBeforeIsInTimeEvenWhenRecordedAfterExpiry() {
        CreditFixtures.Client client = breachedInJanuary("late-claim", 15);
        sync(JANUARY, DEADLINE).statusCode(200);
        long id = creditId(client, JANUARY);
        creditOf(client, JANUARY).body("items[0].state", equalTo("expired"));

        post(id, "claim", Map.of("claimedAt", DEADLINE, "reference", "MAIL-1")).statusCode(409)
                .body("violations.field", contains("claimedAt"))
                .body("violations[0].message", containsString(DEADLINE));
        post(id, "claim", Map.of("claimedAt", JUST_BEFORE_DEADLINE, "reference", "MAIL-1")).statusCode(200)
                .body("state", equalTo("claimed"))
                .body("claimedAt", equalTo(JUST_BEFORE_DEADLINE))
                .body("claimReference", equalTo("MAIL-1"));
    }

    @Test
    void anIssuedCreditIsFlaggedNotRewrittenWhenALateIncidentChangesItsMonth() {
        CreditFixtures.Client client = breachedInJanuary("flagged", null);
        // AUTOMATIC: due without a claim, claimed as the month closed
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);
        creditOf(client, JANUARY)
                .body("items[0].state", equalTo("claimed"))
                .body("items[0].claimedAt", equalTo("2024-02-01T00:00:00Z"))
                .body("items[0].claimReference", equalTo("automatic"))
                .body("items[0].claimDeadline", nullValue());
        post(id, "approve", null).statusCode(200).body("state", equalTo("approved"));
        String note = "CN-" + client.key();
        post(id, "issue", Map.of("creditNoteNumber", note, "issuedOn", "2024-02-05")).statusCode(200)
                .body("state", equalTo("issued"));

        // a late incident: 7 more hours on 20 January. D = 3,600 + 25,200 = 28,800 s;
        // 1 − 28,800 / 2,678,400 = 98.92473118…% → below 99.0 → 25 % of 12,000.00 = 3,000.00
        outage(client, "2024-01-20T00:00:00Z", "2024-01-20T07:00:00Z");
        sync(JANUARY, "2024-03-01T00:00:00Z").statusCode(200);
        // the credit keeps the figures it was credited with; the review carries both measurements
        creditOf(client, JANUARY)
                .body("items[0].state", equalTo("issued"))
                .body("items[0].amount", equalTo("1200.00"))
                .body("items[0].availabilityPercent", startsWith("99.8655913978"))
                .body("items[0].downtimeSeconds", equalTo(3600))
                .body("items[0].creditPercent", equalTo(10))
                .body("items[0].creditNoteNumber", equalTo(note))
                .body("items[0].review.flagged", equalTo(true))
                .body("items[0].review.previousAmount", equalTo("1200.00"))
                .body("items[0].review.previousAvailabilityPercent", startsWith("99.8655913978"))
                .body("items[0].review.previousDowntimeSeconds", equalTo(3600))
                .body("items[0].review.previousCreditPercent", equalTo(10))
                .body("items[0].review.recomputedAmount", equalTo("3000.00"))
                .body("items[0].review.recomputedAvailabilityPercent", startsWith("98.9247311827"))
                .body("items[0].review.recomputedDowntimeSeconds", equalTo(28800))
                .body("items[0].review.recomputedCreditPercent", equalTo(25))
                .body("items[0].review.flaggedAt", equalTo("2024-03-01T00:00:00Z"));
        // GET /api/credits/{id} says the same
        given().get("/api/credits/" + id).then().statusCode(200)
                .body("availabilityPercent", startsWith("99.8655913978"))
                .body("review.recomputedAvailabilityPercent", startsWith("98.9247311827"))
                .body("review.recomputedDowntimeSeconds", equalTo(28800));
        // syncing again changes nothing
        sync(JANUARY, "2024-03-02T00:00:00Z").statusCode(200);
        creditOf(client, JANUARY).body("items[0].review.flaggedAt", equalTo("2024-03-01T00:00:00Z"));
        // one more late hour: D = 32,400 s; 1 − 32,400 / 2,678,400 = 98.79032258…%, still 25 % → 3,000.00.
        // The amount is the same, the re-measured figures are not: they follow, the credited ones stay
        outage(client, "2024-01-25T00:00:00Z", "2024-01-25T01:00:00Z");
        sync(JANUARY, "2024-03-03T00:00:00Z").statusCode(200);
        creditOf(client, JANUARY)
                .body("items[0].availabilityPercent", startsWith("99.8655913978"))
                .body("items[0].review.previousAvailabilityPercent", startsWith("99.8655913978"))
                .body("items[0].review.recomputedAmount", equalTo("3000.00"))
                .body("items[0].review.recomputedAvailabilityPercent", startsWith("98.7903225806"))
                .body("items[0].review.recomputedDowntimeSeconds", equalTo(32400))
                .body("items[0].review.flaggedAt", equalTo("2024-03-03T00:00:00Z"));
        given().queryParam("review", "true").queryParam("client", client.key()).when().get("/api/credits")
                .then().body("total", equalTo(1));

        String resolution = "supplementary credit note CN-S-1 for EUR 1,800.00";
        post(id, "resolve-review", Map.of("note", resolution)).statusCode(200)
                .body("amount", equalTo("1200.00"))
                .body("review.flagged", equalTo(false))
                .body("review.note", equalTo(resolution));
        // resolving again with the same note is the same answer; with another note there is nothing to resolve
        post(id, "resolve-review", Map.of("note", resolution)).statusCode(200).body("review.flagged", equalTo(false));
        post(id, "resolve-review", Map.of("note", "again")).statusCode(409);

        List<String> actions = given().queryParam("entity", "credit").queryParam("id", id)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("resolve-review", "flag-review", "flag-review", "issue", "approve", "create"),
                actions);
    }

    @Test
    void aCreditNotYetIssuedFollowsItsMonthAndIsFlaggedWhenTheBreachVanishes() {
        CreditFixtures.Client client = client("recompute");
        contract(client, "2024-01-01", "12000.00", "EUR", null);
        long first = outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);

        // 7 more hours: D = 28,800 s → 98.92473…% → 25 % → EUR 3,000.00; the claimed credit simply follows
        long late = outage(client, "2024-01-20T00:00:00Z", "2024-01-20T07:00:00Z");
        sync(JANUARY, "2024-03-01T00:00:00Z").statusCode(200);
        creditOf(client, JANUARY).body("items[0].state", equalTo("claimed"))
                .body("items[0].amount", equalTo("3000.00"))
                .body("items[0].creditPercent", equalTo(25))
                .body("items[0].availabilityPercent", startsWith("98.9247311827"))
                .body("items[0].downtimeSeconds", equalTo(28800))
                .body("items[0].review", nullValue());

        // both incidents deleted: no breach left. The credit keeps EUR 3,000.00 and is flagged with EUR 0.00
        given().when().delete("/api/incidents/" + first).then().statusCode(204);
        given().when().delete("/api/incidents/" + late).then().statusCode(204);
        sync(JANUARY, "2024-03-02T00:00:00Z").statusCode(200);
        creditOf(client, JANUARY).body("items[0].amount", equalTo("3000.00"))
                .body("items[0].availabilityPercent", startsWith("98.9247311827"))
                .body("items[0].review.flagged", equalTo(true))
                .body("items[0].review.previousAmount", equalTo("3000.00"))
                .body("items[0].review.previousDowntimeSeconds", equalTo(28800))
                .body("items[0].review.recomputedAmount", equalTo("0.00"))
                .body("items[0].review.recomputedAvailabilityPercent", startsWith("100"))
                .body("items[0].review.recomputedDowntimeSeconds", equalTo(0))
                .body("items[0].review.recomputedCreditPercent", equalTo(0));
        post(id, "issue", Map.of("creditNoteNumber", "CN-N-" + id)).statusCode(409);
        // resolved: a credit not yet issued takes the recomputed amount; with nothing owed, the claimed credit is
        // closed as rejected, so it can be neither approved nor exported nor issued at EUR 0.00
        post(id, "resolve-review", Map.of("note", "incidents were test data")).statusCode(200)
                .body("amount", equalTo("0.00"))
                .body("availabilityPercent", startsWith("100"))
                .body("downtimeSeconds", equalTo(0))
                .body("creditPercent", equalTo(0))
                .body("state", equalTo("rejected"))
                .body("rejectionReason", equalTo("No breach after re-measuring: incidents were test data"))
                .body("review.flagged", equalTo(false));
        post(id, "approve", Map.of()).statusCode(409);

        List<String> actions = given().queryParam("entity", "credit").queryParam("id", id)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("resolve-review", "flag-review", "recompute", "create"), actions);
    }

    @Test
    void anOwedCreditLeftAtZeroByAReviewCanBeClaimedButNotApproved() {
        CreditFixtures.Client client = client("zero-owed");
        contract(client, "2024-01-01", "12000.00", "EUR", 15);
        // 1 h down in January: 99.86559…% → 10 % of EUR 12,000.00 = 1,200.00, owed until the 15-day deadline
        long outage = outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);
        given().when().delete("/api/incidents/" + outage).then().statusCode(204);
        sync(JANUARY, "2024-02-03T00:00:00Z").statusCode(200);
        // never claimed: the review leaves it owed at 0.00 (a rejection needs a claim to reject)
        post(id, "resolve-review", Map.of("note", "outage was a test")).statusCode(200)
                .body("state", equalTo("owed"))
                .body("amount", equalTo("0.00"));
        post(id, "claim", Map.of("claimedAt", "2024-02-04T00:00:00Z", "reference", "MAIL-0")).statusCode(200)
                .body("state", equalTo("claimed"));
        post(id, "approve", Map.of()).statusCode(409)
                .body("violations.field", contains("amount"));
        given().contentType("application/json").body(Map.of("ids", List.of(id))).post("/api/credits/approve")
                .then().statusCode(409).body("violations.field", contains("ids[0]"));
        creditOf(client, JANUARY).body("items[0].state", equalTo("claimed"));
    }

    @Test
    void theHappyPathFromOwedToIssuedIsAuditedWithWhoAndWhen() {
        CreditFixtures.Client client = breachedInJanuary("happy", 15);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);

        Map<String, String> claim = Map.of("claimedAt", "2024-02-10T09:30:00Z", "reference", "TICKET-77");
        JsonPath claimed = post(id, "claim", claim).statusCode(200).body("state", equalTo("claimed"))
                .extract().jsonPath();
        // the same claim again: the same answer, nothing changed (the version did not move); also without a time
        post(id, "claim", claim).statusCode(200).body("version", equalTo(claimed.getInt("version")));
        post(id, "claim", Map.of("reference", "TICKET-77")).statusCode(200)
                .body("claimedAt", equalTo("2024-02-10T09:30:00Z"))
                .body("version", equalTo(claimed.getInt("version")));
        // another claim on a claimed credit is a conflict naming its state
        post(id, "claim", Map.of("claimedAt", "2024-02-11T09:30:00Z", "reference", "TICKET-78")).statusCode(409)
                .body("detail", containsString("is claimed"));

        post(id, "approve", null).statusCode(200).body("state", equalTo("approved"));
        post(id, "approve", null).statusCode(200).body("state", equalTo("approved"));
        String note = "CN-" + client.key();
        post(id, "issue", Map.of("creditNoteNumber", note, "issuedOn", "2024-02-20")).statusCode(200)
                .body("state", equalTo("issued"))
                .body("creditNoteNumber", equalTo(note))
                .body("issuedOn", equalTo("2024-02-20"))
                .body("amount", equalTo("1200.00"));
        post(id, "issue", Map.of("creditNoteNumber", note, "issuedOn", "2024-02-20")).statusCode(200);

        JsonPath audit = given().queryParam("entity", "credit").queryParam("id", id)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("issue", "approve", "claim", "create"), audit.getList("action"));
        assertEquals(List.of(SignInAsTestAdmin.USERNAME, SignInAsTestAdmin.USERNAME, SignInAsTestAdmin.USERNAME,
                SignInAsTestAdmin.USERNAME), audit.getList("actor"));
        assertEquals("owed", audit.getString("[2].before.state"));
        assertEquals("TICKET-77", audit.getString("[2].after.claimReference"));
        assertEquals(note, audit.getString("[0].after.creditNoteNumber"));
    }

    @Test
    void transitionsFromTheWrongStateAreConflictsNamingTheState() {
        CreditFixtures.Client client = breachedInJanuary("illegal", 15);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);

        post(id, "approve", null).statusCode(409)
                .body("detail", containsString("is owed"))
                .body("violations[0].field", equalTo("state"))
                .body("violations[0].message", equalTo("is owed"));
        post(id, "reject", Map.of("reason", "no")).statusCode(409).body("detail", containsString("is owed"));
        post(id, "issue", Map.of("creditNoteNumber", "CN-X-" + id)).statusCode(409)
                .body("detail", containsString("is owed"));

        post(id, "claim", Map.of("claimedAt", "2024-02-03T00:00:00Z", "reference", "R-1")).statusCode(200);
        post(id, "reject", Map.of("reason", "outage caused by the client's own deployment")).statusCode(200)
                .body("state", equalTo("rejected"))
                .body("rejectionReason", equalTo("outage caused by the client's own deployment"));
        post(id, "approve", null).statusCode(409).body("detail", containsString("is rejected"));
        post(id, "issue", Map.of("creditNoteNumber", "CN-Y-" + id)).statusCode(409);
        post(id, "claim", Map.of("claimedAt", "2024-02-03T00:00:00Z", "reference", "R-2")).statusCode(409)
                .body("detail", containsString("is rejected"));
        // nothing above changed the credit
        creditOf(client, JANUARY).body("items[0].state", equalTo("rejected"))
                .body("items[0].claimReference", equalTo("R-1"));

        post(999_999_999L, "approve", null).statusCode(404);
    }

    @Test
    void bulkApproveIsAllOrNoneAndNamesEachCreditThatCannotBeOrIsListedTwice() {
        CreditFixtures.Client first = breachedInJanuary("bulk-a", null);
        CreditFixtures.Client second = breachedInJanuary("bulk-b", null);
        CreditFixtures.Client owed = breachedInJanuary("bulk-c", 15);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long a = creditId(first, JANUARY);
        long b = creditId(second, JANUARY);
        long c = creditId(owed, JANUARY);

        api().body(Map.of("ids", List.of(a, b, c))).when().post("/api/credits/approve").then().statusCode(409)
                .body("violations.field", contains("ids[2]"))
                .body("violations[0].message", containsString("is owed"));
        creditOf(first, JANUARY).body("items[0].state", equalTo("claimed"));
        // a, b, a, a: a credit listed twice is refused (400) at each repeat, so an answer counts each credit once
        api().body(Map.of("ids", List.of(a, b, a, a))).when().post("/api/credits/approve").then().statusCode(400)
                .body("violations.field", contains("ids[2]", "ids[3]"))
                .body("violations.message", contains("credit " + a + " is listed twice",
                        "credit " + a + " is listed twice"));
        creditOf(first, JANUARY).body("items[0].state", equalTo("claimed"));
        creditOf(second, JANUARY).body("items[0].state", equalTo("claimed"));

        api().body(Map.of("ids", List.of(a, b))).when().post("/api/credits/approve").then().statusCode(200)
                .body("state", contains("approved", "approved"))
                .body("id", contains((int) a, (int) b));
        // again: already approved, answered unchanged
        api().body(Map.of("ids", List.of(b))).when().post("/api/credits/approve").then().statusCode(200)
                .body("state", contains("approved"));
    }

    @Test
    void approvingChecksTheAmountTheApproverSawAndAStaleOneChangesNothing() {
        CreditFixtures.Client client = breachedInJanuary("expected", null);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);
        // finance sees EUR 1,200.00; meanwhile a late incident of 7 hours re-measures the month:
        // D = 28,800 s → 98.92473…% → 25 % → EUR 3,000.00, and the claimed credit follows
        outage(client, "2024-01-20T00:00:00Z", "2024-01-20T07:00:00Z");
        sync(JANUARY, "2024-03-01T00:00:00Z").statusCode(200);
        int version = creditOf(client, JANUARY).body("items[0].amount", equalTo("3000.00"))
                .extract().jsonPath().getInt("items[0].version");
        List<String> auditBefore = auditActions(id);

        post(id, "approve", Map.of("expectedAmount", "1200.00", "expectedCurrency", "EUR")).statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("expectedAmount"))
                .body("violations[0].message", equalTo("credit " + id
                        + " is now 3000.00 EUR, not 1200.00 (its figures changed since)"))
                .body("detail", containsString("it is now 3000.00 EUR"));
        post(id, "approve", Map.of("expectedAmount", "3000.00", "expectedCurrency", "USD")).statusCode(409)
                .body("violations.field", contains("expectedCurrency"))
                .body("violations[0].message", equalTo("credit " + id + " is now 3000.00 EUR, not in USD"));
        api().body(Map.of("ids", List.of(id), "expectedAmounts", List.of("1200.00"))).post("/api/credits/approve")
                .then().statusCode(409).body("violations.field", contains("expectedAmounts[0]"));
        // nothing changed, nothing audited
        creditOf(client, JANUARY).body("items[0].state", equalTo("claimed"))
                .body("items[0].version", equalTo(version));
        assertEquals(auditBefore, auditActions(id));

        // the amount now, compared by value ("3000" is 3000.00), is approved
        post(id, "approve", Map.of("expectedAmount", "3000", "expectedCurrency", "EUR")).statusCode(200)
                .body("state", equalTo("approved"))
                .body("amount", equalTo("3000.00"));
        assertEquals("approve", auditActions(id).get(0));
    }

    @Test
    void bulkApprovalChecksEachExpectedAmountAtItsIndex() {
        CreditFixtures.Client first = breachedInJanuary("expected-bulk-a", null);
        CreditFixtures.Client second = breachedInJanuary("expected-bulk-b", null);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long a = creditId(first, JANUARY);
        long b = creditId(second, JANUARY);

        // the lists hold one entry per id, or are refused
        api().body(Map.of("ids", List.of(a, b), "expectedAmounts", List.of("1200.00"))).post("/api/credits/approve")
                .then().statusCode(400).body("violations.field", contains("expectedAmounts"))
                .body("violations[0].message", equalTo("must hold one entry per id (2), not 1"));
        // the second was seen at 1,300.00: neither is approved
        Map<String, Object> stale = new java.util.HashMap<>();
        stale.put("ids", List.of(a, b));
        stale.put("expectedAmounts", java.util.Arrays.asList(null, "1300.00"));
        stale.put("expectedCurrencies", List.of("EUR", "EUR"));
        api().body(stale).post("/api/credits/approve").then().statusCode(409)
                .body("violations.field", contains("expectedAmounts[1]"))
                .body("violations[0].message", equalTo("credit " + b + " is now 1200.00 EUR, not 1300.00"
                        + " (its figures changed since)"));
        creditOf(first, JANUARY).body("items[0].state", equalTo("claimed"));
        creditOf(second, JANUARY).body("items[0].state", equalTo("claimed"));

        api().body(Map.of("ids", List.of(a, b), "expectedAmounts", List.of("1200.00", "1200.0"),
                "expectedCurrencies", List.of("EUR", "EUR"))).post("/api/credits/approve").then().statusCode(200)
                .body("state", contains("approved", "approved"));
    }

    @Test
    void aMalformedExpectedAmountIsRefusedNamingTheField() {
        CreditFixtures.Client client = breachedInJanuary("expected-bad", null);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);
        String bounds = "must be a decimal amount such as 1200.00: up to 15 digits, a point and up to 4 decimals";
        // 5 decimals; 16 digits before the point; a sign; an exponent; text
        for (String amount : List.of("1200.00001", "1234567890123456", "-1200.00", "1.2E3", "twelve hundred")) {
            post(id, "approve", Map.of("expectedAmount", amount)).statusCode(400)
                    .body("violations.field", contains("expectedAmount"))
                    .body("violations[0].message", equalTo(bounds));
        }
        post(id, "approve", Map.of("expectedCurrency", "eur")).statusCode(400)
                .body("violations.field", contains("expectedCurrency"));
        api().body(Map.of("ids", List.of(id), "expectedAmounts", List.of("1e3"))).post("/api/credits/approve")
                .then().statusCode(400).body("violations.field", contains("expectedAmounts[0]"));
        // the longest amount allowed is read, compared and found different: a 409, not a 400
        post(id, "approve", Map.of("expectedAmount", "123456789012345.1234")).statusCode(409)
                .body("violations.field", contains("expectedAmount"));
        creditOf(client, JANUARY).body("items[0].state", equalTo("claimed"));
    }

    private static List<String> auditActions(long id) {
        return given().queryParam("entity", "credit").queryParam("id", id)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath().getList("action");
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        CreditFixtures.Client client = breachedInJanuary("bad-input", 15);
        sync(JANUARY, "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, JANUARY);

        api().body(Map.of()).when().post("/api/credits/sync").then().statusCode(400)
                .body("violations.field", contains("month"));
        api().body(Map.of("month", "2024-13", "asOf", "2999-01-01T00:00:00Z")).when().post("/api/credits/sync")
                .then().statusCode(400).body("violations.field", contains("month", "asOf"));
        post(id, "claim", Map.of("reference", " ")).statusCode(400).body("violations.field", contains("reference"));
        post(id, "claim", Map.of("claimedAt", "2024-01-31T23:59:59.999999Z", "reference", "R"))
                .statusCode(400).body("violations.field", contains("claimedAt"));
        post(id, "reject", Map.of("reason", "x".repeat(2001))).statusCode(400)
                .body("violations.field", contains("reason"));
        given().queryParam("state", "paid").queryParam("month", "24-1").queryParam("currency", "EURO")
                .queryParam("size", "501").when().get("/api/credits").then().statusCode(400)
                .body("violations.field", contains("state", "month", "currency", "size"));
        api().body(Map.of("ids", List.of())).when().post("/api/credits/approve").then().statusCode(400)
                .body("violations.field", hasItem("ids"));
        creditOf(client, JANUARY).body("items[0].state", equalTo("owed"));
    }
}
