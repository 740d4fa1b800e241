package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.number;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recurring window stored before today's bounds existed, with a rule the service now refuses
 * ({@code FREQ=DAILY;INTERVAL=999999999}: lib-recur walks such an interval for minutes): written here by SQL, as
 * an older version left it. Every read answers: the API with a warning, the maintenance pages with the warning in
 * sight, and the client month with only the rule's first occurrence excluded and a note saying why.
 */
@QuarkusTest
class RefusedRecurrenceRuleTest {

    private static final String RULE = "FREQ=DAILY;INTERVAL=999999999;UNTIL=20190630T000000Z";
    private static final String REASON = "INTERVAL must be from 1 to 3652 with FREQ=DAILY";

    @Inject
    AgroalDataSource dataSource;

    /** The row an older version stored: first occurrence 2019-05-10 01:00-03:00 UTC, series end UNTIL + 2 h + 1 day. */
    private long storeRefusedRule(String title, String client) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("insert into maintenance_window"
                    + " (id, title, starts_at, ends_at, scope, announced, recurrence, time_zone, series_ends_at)"
                    + " values (nextval('maintenance_window_seq'), ?, '2019-05-10T01:00:00Z', '2019-05-10T03:00:00Z',"
                    + " 'CLIENTS', true, ?, 'UTC', '2019-07-01T02:00:00Z') returning id")) {
                insert.setString(1, title);
                insert.setString(2, RULE);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            try (PreparedStatement scope = connection.prepareStatement("insert into maintenance_window_client"
                    + " (maintenance_window_id, client_id) select ?, id from client where key = ?")) {
                scope.setLong(1, id);
                scope.setString(2, client);
                assertTrue(scope.executeUpdate() == 1, "the client " + client + " exists");
            }
            return id;
        }
    }

    /**
     * May 2019 in UTC: 31 days = 2,678,400 s. Only the first occurrence, 2019-05-10 [01:00Z, 03:00Z) = 7,200 s, is
     * excluded (the next instance of the rule lies 999,999,999 days later). Incident [02:00Z, 04:00Z), 100 %:
     * D = 03:00-04:00 = 3,600 s; |W \ M| = 2,671,200 s; availability = 1 - 3,600 / 2,671,200 = 741/742 =
     * 99.865229110512129380...% (15 decimals, cut). June: no occurrence, but the rule's series reaches into it,
     * so the note is there too.
     */
    @Test
    void aStoredRuleRefusedTodayIsReadAsItsFirstOccurrenceWithAWarningEverywhere() throws Exception {
        String service = Fixtures.service("refused-rule");
        String client = Fixtures.client("refused-rule");
        Map<String, Object> contract = new HashMap<>(Map.of("effectiveFrom", "2019-05-01",
                "coveredServices", List.of(service), "targetPercent", new BigDecimal("99.9"),
                "creditTiers", List.of(), "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")));
        given().contentType(ContentType.JSON).body(contract).post("/api/clients/" + client + "/contracts").then()
                .statusCode(201);
        Map<String, Object> incident = new HashMap<>(Map.of("source", "refused-rule", "externalId",
                TestData.uniqueKey("inc"), "title", "Backup overran", "severity", "SEV3",
                "affectedServices", List.of(service), "startedAt", "2019-05-10T02:00:00Z",
                "mitigatedAt", "2019-05-10T04:00:00Z"));
        given().contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(201);
        String title = "Nightly backup " + TestData.uniqueKey("mw");
        long id = storeRefusedRule(title, client);

        // the API reads it, and says why it is not expanded
        given().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("recurrence", equalTo(RULE))
                .body("startsAt", equalTo("2019-05-10T01:00:00Z"))
                .body("recurrenceWarning", containsString("(" + REASON))
                .body("recurrenceWarning", containsString("only its first occurrence counts as maintenance"));
        given().queryParam("from", "2019-05-01T00:00:00Z").queryParam("to", "2019-06-01T00:00:00Z")
                .queryParam("client", client).get("/api/maintenance-windows").then().statusCode(200)
                .body("id", contains((int) id))
                .body("[0].recurrenceWarning", containsString(REASON));

        // the pages: the list marks it, the window's page shows the warning in full
        String list = given().accept("text/html").queryParam("month", "2019-05").get("/maintenance").then()
                .statusCode(200).extract().asString();
        assertTrue(list.contains("id=\"window-" + id + "-rule-refused\""), list);
        assertTrue(list.contains("rule refused: first time only"), list);
        String page = given().accept("text/html").get("/maintenance/" + id).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("id=\"window-rule-refused\""), page);
        assertTrue(page.contains(REASON), page);
        assertTrue(page.contains("not known: the rule is not expanded"), page);
        assertTrue(page.contains("value=\"" + RULE + "\""), "the form offers the rule to correct: " + page);

        // the client month: the first occurrence is excluded, and the note says why no more of it
        String note = "Maintenance window " + id + " “" + title + "” repeats by " + RULE + ". The stored rule is"
                + " refused by today's checks (" + REASON;
        api().queryParam("month", "2019-05").queryParam("asOf", "2019-08-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("maintenanceSeconds", number(7200))
                .body("downtimeSeconds", number(3600))
                .body("measuredSeconds", number(2671200))
                .body("availabilityPercent", equalTo("99.865229110512129"))
                .body("maintenanceWindows.id", contains((int) id))
                .body("maintenanceWindows[0].startsAt", equalTo("2019-05-10T01:00:00Z"))
                .body("maintenanceWindows[0].endsAt", equalTo("2019-05-10T03:00:00Z"))
                .body("notes", hasSize(1))
                .body("notes[0]", containsString(note));
        api().queryParam("month", "2019-06").queryParam("asOf", "2019-08-01T00:00:00Z")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("maintenanceSeconds", number(0))
                .body("maintenanceWindows", hasSize(0))
                .body("notes", hasSize(1))
                .body("notes[0]", containsString(note));
        String month = given().accept("text/html").queryParam("month", "2019-05").get("/clients/" + client).then()
                .statusCode(200).extract().asString();
        assertTrue(month.contains("id=\"report-notes\""), month);
        assertTrue(month.contains(REASON), month);

        // the window's other clients hear nothing of it: a client it does not concern has no note
        String other = Fixtures.client("refused-rule-other");
        contract.put("coveredServices", List.of(Fixtures.service("refused-rule-other")));
        given().contentType(ContentType.JSON).body(contract).post("/api/clients/" + other + "/contracts").then()
                .statusCode(201);
        api().queryParam("month", "2019-05").queryParam("asOf", "2019-08-01T00:00:00Z")
                .get("/api/reports/clients/" + other + "/sla").then().statusCode(200)
                .body("maintenanceSeconds", number(0))
                .body("notes", hasSize(0));
    }
}
