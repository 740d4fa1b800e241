package com.slaledger.credit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in the credit transitions and a race for one credit note number: each refusal names the field and
 * leaves the credit as it was. One hour down in January 2024 (2,678,400 s in the month) on a EUR 12,000.00 fee:
 * availability 1 - 3,600 / 2,678,400 = 99.8655…% is below 99.9 → tier 10 % → EUR 1,200.00.
 */
@QuarkusTest
class CreditHostileInputTest {

    /** An automatic (claimed) January 2024 credit of EUR 1,200.00 for a new client; answers its id. */
    private static long claimedCredit(String prefix) {
        CreditFixtures.Client client = CreditFixtures.client(prefix);
        CreditFixtures.contract(client, "2024-01-01", "12000.00", "EUR", null);
        CreditFixtures.outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        CreditFixtures.creditOf(client, "2024-01").body("items[0].amount", equalTo("1200.00"))
                .body("items[0].state", equalTo("claimed"));
        return CreditFixtures.creditId(client, "2024-01");
    }

    private static long owedCredit(String prefix) {
        CreditFixtures.Client client = CreditFixtures.client(prefix);
        CreditFixtures.contract(client, "2024-01-01", "12000.00", "EUR", 15);
        CreditFixtures.outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        return CreditFixtures.creditId(client, "2024-01");
    }

    private static void refusedNaming(ValidatableResponse response, String field, String message) {
        response.statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    private static final String ONE_LINE = "must be one line without control characters";
    private static final String FREE_TEXT = "must not contain control characters other than line breaks and tabs";

    @Test
    void controlCharactersInAClaimReferenceOrCreditNoteAreRefusedNamingTheField() {
        long owed = owedCredit("hostile-claim");
        for (String reference : List.of("T\u0000-1", "T-1\nT-2", "\u001b[31mT-1", "T-1\u007f")) {
            refusedNaming(CreditFixtures.post(owed, "claim", Map.of("claimedAt", "2024-02-10T09:00:00Z",
                    "reference", reference)), "reference", ONE_LINE);
        }
        CreditFixtures.api().get("/api/credits/" + owed).then().statusCode(200).body("state", equalTo("owed"))
                .body("claimReference", nullValue());

        long approved = claimedCredit("hostile-issue");
        CreditFixtures.post(approved, "approve", null).statusCode(200);
        refusedNaming(CreditFixtures.post(approved, "issue", Map.of("creditNoteNumber", "CN\u00001")),
                "creditNoteNumber", ONE_LINE);
        refusedNaming(CreditFixtures.api().body(Map.of("credits", List.of(Map.of("id", approved,
                "creditNoteNumber", "CN\r\n1")))).post("/api/credits/issue").then(),
                "credits[0].creditNoteNumber", ONE_LINE);
        CreditFixtures.api().get("/api/credits/" + approved).then().statusCode(200)
                .body("state", equalTo("approved")).body("creditNoteNumber", nullValue());
    }

    @Test
    void aReasonMayHaveLineBreaksButNoOtherControlCharacters() {
        long id = claimedCredit("hostile-reject");
        refusedNaming(CreditFixtures.post(id, "reject", Map.of("reason", "duplicate\u0000")), "reason", FREE_TEXT);
        refusedNaming(CreditFixtures.post(id, "reject", Map.of("reason", "dup\u0007licate")), "reason", FREE_TEXT);
        CreditFixtures.api().get("/api/credits/" + id).then().body("state", equalTo("claimed"));
        CreditFixtures.post(id, "reject", Map.of("reason", "Caused by the client:\n\tsee TICKET-7")).statusCode(200)
                .body("state", equalTo("rejected"))
                .body("rejectionReason", equalTo("Caused by the client:\n\tsee TICKET-7"));
        refusedNaming(CreditFixtures.post(id, "resolve-review", Map.of("note", "n\u0000")), "note", FREE_TEXT);
    }

    @Test
    void aCreditNoteDatedAfterTodayInTheClientsZoneIsRefusedNamingTheDate() {
        long id = claimedCredit("future-note");
        CreditFixtures.post(id, "approve", null).statusCode(200);
        // the client's zone is UTC (CreditFixtures.client)
        String expected = "must not be after today in the client's zone, " + LocalDate.now(ZoneOffset.UTC);
        refusedNaming(CreditFixtures.post(id, "issue", Map.of("creditNoteNumber", TestData.uniqueKey("CN"),
                "issuedOn", "9999-12-31")), "issuedOn", expected);
        refusedNaming(CreditFixtures.api().body(Map.of("credits", List.of(Map.of("id", id,
                "creditNoteNumber", TestData.uniqueKey("CN"), "issuedOn", "9999-12-31"))))
                .post("/api/credits/issue").then(), "credits[0].issuedOn", expected);
        CreditFixtures.api().get("/api/credits/" + id).then().body("state", equalTo("approved"))
                .body("issuedOn", nullValue());
    }

    /**
     * A bulk issue names the item that cannot move: its state, or its pending review (the breach vanished when the
     * month's only outage was excluded: 0 s down, 100 %, no credit), and nothing is issued.
     */
    @Test
    void aBulkIssueNamesTheItemWhoseStateOrReviewStopsIt() {
        CreditFixtures.Client client = CreditFixtures.client("bulk-review");
        CreditFixtures.contract(client, "2024-01-01", "12000.00", "EUR", null);
        long outage = CreditFixtures.outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long flagged = CreditFixtures.creditId(client, "2024-01");
        long ready = claimedCredit("bulk-ready");
        long claimed = claimedCredit("bulk-claimed");
        CreditFixtures.api().body(Map.of("ids", List.of(flagged, ready))).post("/api/credits/approve").then()
                .statusCode(200);
        CreditFixtures.api().body(Map.of("excluded", true, "exclusionReason", "caused by the client"))
                .patch("/api/incidents/" + outage).then().statusCode(200);
        CreditFixtures.sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        CreditFixtures.api().get("/api/credits/" + flagged).then().body("review.flagged", equalTo(true))
                .body("review.recomputedAmount", equalTo("0.00"));

        CreditFixtures.api().body(Map.of("credits", List.of(
                        Map.of("id", ready, "creditNoteNumber", TestData.uniqueKey("CN"), "issuedOn", "2024-02-29"),
                        Map.of("id", claimed, "creditNoteNumber", TestData.uniqueKey("CN"), "issuedOn", "2024-02-29"))))
                .post("/api/credits/issue").then().statusCode(409)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("credits[1].state"))
                .body("violations[0].message", equalTo("is claimed"));
        CreditFixtures.api().body(Map.of("credits", List.of(
                        Map.of("id", ready, "creditNoteNumber", TestData.uniqueKey("CN"), "issuedOn", "2024-02-29"),
                        Map.of("id", flagged, "creditNoteNumber", TestData.uniqueKey("CN"), "issuedOn", "2024-02-29"))))
                .post("/api/credits/issue").then().statusCode(409)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("credits[1].review"))
                .body("violations[0].message", equalTo("is pending: the month now measures 0.00 EUR"));
        CreditFixtures.api().get("/api/credits/" + ready).then().body("state", equalTo("approved"));
    }

    /**
     * Two credits issued at the same moment with one credit note number: each finds the number free, the database's
     * unique constraint refuses the second, and the answer names {@code creditNoteNumber} as the check would.
     * The first issue is held open in a transaction of its own until the second is waiting on it.
     */
    @Test
    void twoCreditsIssuedAtOnceWithOneCreditNoteNumberAnswerAConflictNamingIt() throws Exception {
        long first = claimedCredit("race-note-a");
        long second = claimedCredit("race-note-b");
        CreditFixtures.api().body(Map.of("ids", List.of(first, second))).post("/api/credits/approve").then()
                .statusCode(200);
        String number = TestData.uniqueKey("CN-RACE");
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try (Connection holder = DriverManager.getConnection(url, user, password);
                Connection watcher = DriverManager.getConnection(url, user, password)) {
            holder.setAutoCommit(false);
            try (PreparedStatement issue = holder.prepareStatement("update credit set state = 'issued',"
                    + " credit_note_number = ?, issued_on = date '2024-02-29' where id = ?")) {
                issue.setString(1, number);
                issue.setLong(2, first);
                assertEquals(1, issue.executeUpdate());
            }
            CompletableFuture<ValidatableResponse> racing = CompletableFuture.supplyAsync(() -> CreditFixtures
                    .post(second, "issue", Map.of("creditNoteNumber", number, "issuedOn", "2024-02-29")));
            awaitWaitingOnALock(watcher);
            holder.commit();
            racing.get(30, TimeUnit.SECONDS).statusCode(409).contentType("application/problem+json")
                    .body("violations", hasSize(1))
                    .body("violations[0].field", equalTo("creditNoteNumber"))
                    .body("violations[0].message", equalTo("is already used by another credit"));
        }
        CreditFixtures.api().get("/api/credits/" + second).then().body("state", equalTo("approved"))
                .body("creditNoteNumber", nullValue());
    }

    private static void awaitWaitingOnALock(Connection watcher) throws SQLException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            try (PreparedStatement waiting = watcher.prepareStatement("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'update credit%'");
                    ResultSet rows = waiting.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        assertTrue(false, "the second issue never waited on the first");
    }
}
