package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A proposed contract tried on past months through {@code POST /api/what-if} and {@code /api/what-if/fleet}. */
@QuarkusTest
class WhatIfTest {

    private static final List<Map<String, Object>> AWS_TIERS =
            List.of(tier("99.99", "10"), tier("99.0", "30"), tier("95.0", "100"));

    /** The SPEC worked example's client: 22 minutes at 100 % on 16 January 2024, target 99.99, AWS tiers, EUR 12,000.00. */
    private static String workedExampleClient(String prefix, String manager) {
        String service = Fixtures.service(prefix);
        String client = manager == null ? Fixtures.client(prefix, "UTC") : managedClient(prefix, manager);
        contract(client, terms("2024-01-01", List.of(service), "99.99", "12000.00", "EUR", AWS_TIERS));
        record(incident("Server outage", List.of(service), "2024-01-16T10:00:00+01:00", "2024-01-16T10:22:00+01:00"));
        return client;
    }

    private static String managedClient(String prefix, String manager) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Client " + key, "timeZone", "UTC",
                "accountManagerUsername", manager)).when().post("/api/clients").then().statusCode(201);
        return key;
    }

    private static Map<String, Object> whatIf(String client, String from, String to, Map<String, Object> proposal) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientKey", client);
        body.put("from", from);
        body.put("to", to);
        body.put("proposal", proposal);
        return body;
    }

    /**
     * SPEC "Worked example": D = 1,320 s in January 2024's 2,678,400 s, availability 99.950716845878136 %.
     * Current: target 99.99, below 99.99 → 10 %: breach, 10 % · EUR 12,000.00 = EUR 1,200.00.
     * Proposal: target 99.9 with tiers moved down to 99.9 → 10 %: 99.9507 ≥ 99.9, no breach, EUR 0.00.
     * Difference 0.00 − 1,200.00 = −1,200.00 EUR. December 2023 has no contract; February 2024 no incident.
     */
    @Test
    void aLowerTargetTurnsTheWorkedExamplesBreachIntoNone() {
        String client = workedExampleClient("wi-spec", null);
        Map<String, Object> proposal = Map.of("targetPercent", new BigDecimal("99.9"),
                "creditTiers", List.of(tier("99.9", "10"), tier("99.0", "30"), tier("95.0", "100")));

        JsonPath answer = api().body(whatIf(client, "2023-12", "2024-02", proposal)).post("/api/what-if").then()
                .statusCode(200)
                .body("client.key", equalTo(client))
                .body("from", equalTo("2023-12"))
                .body("to", equalTo("2024-02"))
                .body("provisional", equalTo(false))
                .body("months.month", contains("2023-12", "2024-01", "2024-02"))
                .body("months.inForce", contains(false, true, true))
                .body("months[0].current", nullValue())
                .body("months[0].proposed", nullValue())
                .body("months[1].current.targetPercent", number("99.99"))
                .body("months[1].current.downtimeSeconds", number(1320))
                .body("months[1].current.measuredSeconds", number(2678400))
                .body("months[1].current.availabilityPercent", equalTo("99.950716845878136"))
                .body("months[1].current.availabilityDisplay", equalTo("99.950"))
                .body("months[1].current.breached", equalTo(true))
                .body("months[1].current.creditPercent", number(10))
                .body("months[1].current.creditAmount", equalTo("1200.00"))
                .body("months[1].current.currency", equalTo("EUR"))
                .body("months[1].proposed.targetPercent", number("99.9"))
                .body("months[1].proposed.availabilityPercent", equalTo("99.950716845878136"))
                .body("months[1].proposed.breached", equalTo(false))
                .body("months[1].proposed.creditPercent", number(0))
                .body("months[1].proposed.creditAmount", equalTo("0.00"))
                .body("months[2].current.availabilityPercent", equalTo("100"))
                .body("months[2].current.breached", equalTo(false))
                .body("months[2].proposed.creditAmount", equalTo("0.00"))
                .body("totals", hasSize(1))
                .body("totals[0].currency", equalTo("EUR"))
                .body("totals[0].currentCredit", equalTo("1200.00"))
                .body("totals[0].proposedCredit", equalTo("0.00"))
                .body("totals[0].difference", equalTo("-1200.00"))
                .body("totals[0].currentBreaches", equalTo(1))
                .body("totals[0].proposedBreaches", equalTo(0))
                .extract().jsonPath();

        // the current side is the month report itself
        JsonPath report = api().queryParam("month", "2024-01").get("/api/reports/clients/" + client + "/sla").then()
                .statusCode(200).extract().jsonPath();
        for (String field : List.of("availabilityPercent", "availabilityDisplay", "breached", "creditAmount",
                "currency", "downtimeSeconds", "creditPercent", "appliedCreditPercent")) {
            assertEquals(report.getString(field), answer.getString("months[1].current." + field), field);
        }
    }

    /**
     * March 2024 (2,678,400 s), one hour at 50 % impact, target 99.9, below 99.9 → 10 % of USD 1,000.00.
     * PROPORTIONAL (current): D = 3,600 · 0.5 = 1,800 s, 1 − 1,800/2,678,400 = 99.932795698924731… %, no breach.
     * FULL (proposed): D = 3,600 s, 1 − 3,600/2,678,400 = 99.865591397849462… %, breach, 10 % = USD 100.00.
     * A minimum outage of 7,200 s instead drops the one-hour stretch: D = 0, 100 %.
     */
    @Test
    void anotherImpactModelOrMinimumOutageChangesAvailability() {
        String service = Fixtures.service("wi-model");
        String client = Fixtures.client("wi-model", "UTC");
        contract(client, terms("2024-03-01", List.of(service), "99.9", "1000.00", "USD", List.of(tier("99.9", "10"))));
        Map<String, Object> half = incident("half outage", List.of(service), "2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z");
        half.put("impactPercent", 50);
        record(half);

        api().body(whatIf(client, "2024-03", "2024-03", Map.of("impactModel", "FULL"))).post("/api/what-if").then()
                .statusCode(200)
                .body("months[0].current.impactModel", equalTo("PROPORTIONAL"))
                .body("months[0].current.downtimeSeconds", number(1800))
                .body("months[0].current.availabilityPercent", equalTo("99.932795698924731"))
                .body("months[0].current.breached", equalTo(false))
                .body("months[0].current.creditAmount", equalTo("0.00"))
                .body("months[0].proposed.impactModel", equalTo("FULL"))
                .body("months[0].proposed.downtimeSeconds", number(3600))
                .body("months[0].proposed.availabilityPercent", equalTo("99.865591397849462"))
                .body("months[0].proposed.breached", equalTo(true))
                .body("months[0].proposed.creditAmount", equalTo("100.00"))
                .body("totals[0].currency", equalTo("USD"))
                .body("totals[0].difference", equalTo("100.00"));

        api().body(whatIf(client, "2024-03", "2024-03", Map.of("minimumOutageSeconds", 7200))).post("/api/what-if")
                .then().statusCode(200)
                .body("months[0].proposed.minimumOutageSeconds", equalTo(7200))
                .body("months[0].proposed.downtimeSeconds", number(0))
                .body("months[0].proposed.availabilityPercent", equalTo("100"))
                .body("months[0].current.downtimeSeconds", number(1800));
    }

    /**
     * The worked example priced in USD 10,000.00 instead of EUR 12,000.00, same target and tiers: the breach
     * stays, the credit is 10 % · 10,000.00 = USD 1,000.00. EUR and USD each get their own line, never added:
     * EUR 1,200.00 → 0.00 (−1,200.00), USD 0.00 → 1,000.00 (+1,000.00).
     */
    @Test
    void aFeeInAnotherCurrencyGivesATotalPerCurrency() {
        String client = workedExampleClient("wi-ccy", null);
        api().body(whatIf(client, "2024-01", "2024-01",
                        Map.of("monthlyFee", Map.of("amount", "10000.00", "currency", "USD"))))
                .post("/api/what-if").then().statusCode(200)
                .body("months[0].proposed.breached", equalTo(true))
                .body("months[0].proposed.creditAmount", equalTo("1000.00"))
                .body("months[0].proposed.currency", equalTo("USD"))
                .body("totals.currency", contains("EUR", "USD"))
                .body("totals.currentCredit", contains("1200.00", "0.00"))
                .body("totals.proposedCredit", contains("0.00", "1000.00"))
                .body("totals.difference", contains("-1200.00", "1000.00"));
    }

    @Test
    void badInputIsRefusedNamingEveryField() {
        // 2021-01 to 2024-01 is 37 months; a negative target; a client that does not exist
        api().body(whatIf(TestData.uniqueKey("nobody"), "2021-01", "2024-01",
                        Map.of("targetPercent", -1, "creditCapPercent", 101,
                                "monthlyFee", Map.of("amount", "1.005", "currency", "EUR"))))
                .post("/api/what-if").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("clientKey", "to", "proposal.targetPercent",
                        "proposal.creditCapPercent", "proposal.monthlyFee.amount"));
        String client = workedExampleClient("wi-bad", null);
        api().body(whatIf(client, "2024-03", "2024-01", null)).post("/api/what-if").then().statusCode(400)
                .body("violations.field", contains("to"));
        api().body(whatIf(client, "2024-1", "9999-01", Map.of("impactThresholdPercent", 50,
                        "minimumOutageSeconds", -1)))
                .post("/api/what-if").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("from", "to", "proposal.impactThresholdPercent",
                        "proposal.minimumOutageSeconds"));
        // a target under the contract's tier 99.99 without tiers of its own: tiers may not exceed the target
        api().body(whatIf(client, "2024-01", "2024-01", Map.of("targetPercent", 99.9))).post("/api/what-if").then()
                .statusCode(400)
                .body("violations.field", contains("proposal.targetPercent"));
        api().body(whatIf(client, "2024-01", "2024-01", Map.of("impactModel", "THRESHOLD"))).post("/api/what-if")
                .then().statusCode(400)
                .body("violations.field", contains("proposal.impactThresholdPercent"));
        // the clash with the contract comes in the same answer as the proposal's own mistakes, not after them
        api().body(whatIf(client, "2024-01", "2024-01", Map.of("targetPercent", 99.9, "minimumOutageSeconds", -1)))
                .post("/api/what-if").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("proposal.targetPercent", "proposal.minimumOutageSeconds"));
    }

    @Test
    void anAccountManagerTriesOnlyTheirOwnClientsAndAnSreNone() {
        TestUser manager = TestUsers.create("wi-am", Role.ACCOUNT_MANAGER);
        String mine = workedExampleClient("wi-mine", manager.username());
        String theirs = workedExampleClient("wi-theirs", null);
        manager.given().contentType(ContentType.JSON).body(whatIf(mine, "2024-01", "2024-01", null))
                .post("/api/what-if").then().statusCode(200)
                .body("months[0].current.creditAmount", equalTo("1200.00"))
                .body("months[0].proposed.creditAmount", equalTo("1200.00"))
                .body("totals[0].difference", equalTo("0.00"));
        String other = manager.given().contentType(ContentType.JSON).body(whatIf(theirs, "2024-01", "2024-01", null))
                .post("/api/what-if").then().statusCode(400).body("violations.field", contains("clientKey"))
                .extract().body().asString();
        String missing = manager.given().contentType(ContentType.JSON)
                .body(whatIf("no-such-client", "2024-01", "2024-01", null))
                .post("/api/what-if").then().statusCode(400).extract().body().asString();
        assertEquals(missing.replace("no-such-client", "?"), other.replace(theirs, "?"));
        TestUsers.withRole(Role.SRE).given().contentType(ContentType.JSON)
                .body(whatIf(mine, "2024-01", "2024-01", null)).post("/api/what-if").then().statusCode(403);
    }

    /**
     * Two clients of one manager, proposal "impact model FULL". The worked example's client has a 100 % outage,
     * so FULL changes nothing: EUR 1,200.00 either side. The other (March 2024 as above, USD) goes from
     * 99.9328 % to 99.8656 %, a breach: USD 0.00 → 100.00. Grand totals: EUR 1,200.00/1,200.00/0.00 and
     * USD 0.00/100.00/+100.00. The manager calling with clients=all gets the same two clients only.
     */
    @Test
    void theFleetTotalsPerClientAndPerCurrency() {
        TestUser manager = TestUsers.create("wi-fleet", Role.ACCOUNT_MANAGER);
        String euro = workedExampleClient("wi-fleet-eur", manager.username());
        String service = Fixtures.service("wi-fleet-usd");
        String dollar = managedClient("wi-fleet-usd", manager.username());
        contract(dollar, terms("2024-03-01", List.of(service), "99.9", "1000.00", "USD", List.of(tier("99.9", "10"))));
        Map<String, Object> half = incident("half outage", List.of(service), "2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z");
        half.put("impactPercent", 50);
        record(half);
        Map<String, Object> body = new HashMap<>();
        body.put("clients", "manager:" + manager.username());
        body.put("from", "2024-01");
        body.put("to", "2024-03");
        body.put("proposal", Map.of("impactModel", "FULL"));

        api().body(body).post("/api/what-if/fleet").then().statusCode(200)
                .body("clients.clientKey", containsInAnyOrder(euro, dollar))
                .body("clients.find { it.clientKey == '" + euro + "' }.monthsInForce", equalTo(3))
                .body("clients.find { it.clientKey == '" + euro + "' }.totals[0].difference", equalTo("0.00"))
                .body("clients.find { it.clientKey == '" + dollar + "' }.monthsInForce", equalTo(1))
                .body("clients.find { it.clientKey == '" + dollar + "' }.totals[0].proposedCredit", equalTo("100.00"))
                .body("totals.currency", contains("EUR", "USD"))
                .body("totals.currentCredit", contains("1200.00", "0.00"))
                .body("totals.proposedCredit", contains("1200.00", "100.00"))
                .body("totals.difference", contains("0.00", "100.00"))
                .body("totals.proposedBreaches", contains(1, 1));
        body.put("clients", "all");
        manager.given().contentType(ContentType.JSON).body(body).post("/api/what-if/fleet").then().statusCode(200)
                .body("clients.clientKey", containsInAnyOrder(euro, dollar))
                .body("totals.difference", contains("0.00", "100.00"));
        body.put("clients", "some");
        body.put("to", "2024-13");
        api().body(body).post("/api/what-if/fleet").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("clients", "to"));
    }

    /**
     * Saved, kept, opened and deleted. Opening works the figures out again: an outage added after saving
     * (February 2024, 2,505.6 s at 100 % of 2,505,600 s, i.e. 0.1 %: availability 99.9 %, under 99.99 → 10 %)
     * shows as a second EUR 1,200.00 credit on the current side, 0.00 under the proposal (99.9 is not below 99.9).
     */
    @Test
    void savedWhatIfsAreKeptByNameAndReEvaluatedWhenOpened() {
        String client = workedExampleClient("wi-saved", null);
        Map<String, Object> proposal = Map.of("targetPercent", new BigDecimal("99.9"),
                "creditTiers", List.of(tier("99.9", "10")));
        Map<String, Object> body = new HashMap<>(Map.of("name", "Target 99.9 for 2024", "from", "2024-01",
                "to", "2024-02", "proposal", proposal));

        String location = api().body(body).post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .body("name", equalTo("Target 99.9 for 2024"))
                .body("from", equalTo("2024-01"))
                .body("createdBy", equalTo("test-admin"))
                .body("report.totals[0].difference", equalTo("-1200.00"))
                .extract().header("Location");
        long id = api().get(location).then().statusCode(200).extract().jsonPath().getLong("id");
        // a retry answers the saved one; another what-if under the same name is refused
        api().body(body).post("/api/clients/" + client + "/what-ifs").then().statusCode(200)
                .body("id", equalTo((int) id));
        body.put("to", "2024-01");
        api().body(body).post("/api/clients/" + client + "/what-ifs").then().statusCode(409)
                .body("violations.field", contains("name"));
        api().get("/api/clients/" + client + "/what-ifs").then().statusCode(200)
                .body("id", contains((int) id))
                .body("[0].proposal.targetPercent", number("99.9"))
                .body("[0].report", nullValue());

        String service = api().get("/api/clients/" + client + "/contracts").then().extract().jsonPath()
                .getString("[0].coveredServices[0]");
        // February 2024 has 29 days: 2,505,600 s; 0.1 % of it is 2,505.6 s
        record(incident("late outage", List.of(service), "2024-02-10T00:00:00Z", "2024-02-10T00:41:45.600Z"));
        api().get("/api/what-ifs/" + id).then().statusCode(200)
                .body("report.months[1].current.availabilityPercent", equalTo("99.9"))
                .body("report.months[1].current.creditAmount", equalTo("1200.00"))
                .body("report.months[1].proposed.breached", equalTo(false))
                .body("report.totals[0].currentCredit", equalTo("2400.00"))
                .body("report.totals[0].proposedCredit", equalTo("0.00"))
                .body("report.totals[0].difference", equalTo("-2400.00"));

        TestUser manager = TestUsers.create("wi-saved-am", Role.ACCOUNT_MANAGER);
        manager.given().get("/api/what-ifs/" + id).then().statusCode(404);
        manager.given().get("/api/clients/" + client + "/what-ifs").then().statusCode(404);
        manager.given().delete("/api/what-ifs/" + id).then().statusCode(404);

        api().body(Map.of("name", "", "from", "2024-01", "to", "2024-01")).post("/api/clients/" + client + "/what-ifs")
                .then().statusCode(400).body("violations.field", contains("name"));
        api().delete("/api/what-ifs/" + id).then().statusCode(204);
        api().get("/api/what-ifs/" + id).then().statusCode(404);
        api().get("/api/clients/" + client + "/what-ifs").then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * A taken name of 100 characters is quoted in the 409's detail cut at 40 characters with an ellipsis (the
     * problem never grows with the input), whether a new what-if or a renamed one asks for it.
     */
    @Test
    void aTakenHundredCharacterNameIsQuotedInTheConflictCutAtFortyCharacters() {
        String client = workedExampleClient("wi-taken", null);
        String longName = "W".repeat(100);
        api().body(Map.of("name", longName, "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201);
        long other = api().body(Map.of("name", "Other", "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String detail = "Client '" + client + "' has a what-if named '" + "W".repeat(40)
                + "…' already; choose another name or delete it first";

        api().body(Map.of("name", longName, "from", "2024-01", "to", "2024-02"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(409)
                .body("detail", equalTo(detail))
                .body("violations.field", contains("name"));
        api().body(Map.of("name", longName, "from", "2024-01", "to", "2024-01")).put("/api/what-ifs/" + other)
                .then().statusCode(409)
                .body("detail", equalTo(detail))
                .body("violations.field", contains("name"));
    }

    /**
     * Creating, changing and deleting a saved what-if each write an audit entry with who, when and the what-if
     * before and after; a retry and a change to the same values write none. The change: name "Target 99.9" →
     * "Target 99.95", months 2024-01..2024-01 → 2024-01..2024-02, target 99.9 → 99.95 with the tier at 99.95.
     * January's 99.950717 % is not below 99.95: EUR 0.00 proposed against EUR 1,200.00 current.
     */
    @Test
    void savingChangingAndDeletingAWhatIfIsAudited() {
        String client = workedExampleClient("wi-audit", null);
        String other = api().body(Map.of("name", "Other", "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201).extract().path("name");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Target 99.9", "from", "2024-01", "to", "2024-01",
                "proposal", Map.of("targetPercent", new BigDecimal("99.9"), "creditTiers", List.of(tier("99.9", "10")))));
        long id = api().body(body).post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        api().body(body).post("/api/clients/" + client + "/what-ifs").then().statusCode(200);

        Map<String, Object> changed = new HashMap<>(Map.of("name", "Target 99.95", "from", "2024-01", "to", "2024-02",
                "proposal", Map.of("targetPercent", new BigDecimal("99.95"), "creditTiers", List.of(tier("99.95", "10")))));
        api().body(changed).put("/api/what-ifs/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo("Target 99.95"))
                .body("to", equalTo("2024-02"))
                .body("createdBy", equalTo("test-admin"))
                .body("report.months.month", contains("2024-01", "2024-02"))
                .body("report.totals[0].currentCredit", equalTo("1200.00"))
                .body("report.totals[0].proposedCredit", equalTo("0.00"))
                .body("report.totals[0].difference", equalTo("-1200.00"));
        // the same values again change nothing; another what-if's name is taken; bad fields are named at once
        api().body(changed).put("/api/what-ifs/" + id).then().statusCode(200).body("name", equalTo("Target 99.95"));
        changed.put("name", other);
        api().body(changed).put("/api/what-ifs/" + id).then().statusCode(409).body("violations.field", contains("name"));
        api().body(Map.of("name", " ", "from", "2024-01", "to", "2024-00")).put("/api/what-ifs/" + id).then()
                .statusCode(400).body("violations.field", containsInAnyOrder("name", "to"));
        TestUsers.create("wi-audit-am", Role.ACCOUNT_MANAGER).given().contentType(ContentType.JSON).body(changed)
                .put("/api/what-ifs/" + id).then().statusCode(404);
        api().get("/api/what-ifs/" + id).then().statusCode(200).body("name", equalTo("Target 99.95"));

        api().delete("/api/what-ifs/" + id).then().statusCode(204);

        JsonPath audit = api().queryParam("entity", "what-if").queryParam("id", id).get("/api/audit").then()
                .statusCode(200).body("size()", equalTo(3)).extract().jsonPath();
        assertEquals(List.of("delete", "update", "create"), audit.getList("action"));
        assertEquals(List.of("test-admin", "test-admin", "test-admin"), audit.getList("actor"));
        assertEquals(List.of(id, id, id), audit.getList("entityId", Long.class));
        // create: nothing before, the what-if as saved after
        assertNull(audit.get("[2].before"));
        assertEquals("Target 99.9", audit.getString("[2].after.name"));
        assertEquals(client, audit.getString("[2].after.clientKey"));
        assertEquals("2024-01", audit.getString("[2].after.to"));
        assertEquals(0, new BigDecimal("99.9").compareTo(audit.getObject("[2].after.proposal.targetPercent", BigDecimal.class)));
        // update: both states
        assertEquals("Target 99.9", audit.getString("[1].before.name"));
        assertEquals("Target 99.95", audit.getString("[1].after.name"));
        assertEquals("2024-01", audit.getString("[1].before.to"));
        assertEquals("2024-02", audit.getString("[1].after.to"));
        assertEquals(0, new BigDecimal("99.95").compareTo(
                audit.getObject("[1].after.proposal.creditTiers[0].belowPercent", BigDecimal.class)));
        // delete: the what-if as it was, nothing after
        assertEquals("Target 99.95", audit.getString("[0].before.name"));
        assertNull(audit.get("[0].after"));
        // when: in order, and within this test's minutes
        Instant created = Instant.parse(audit.getString("[2].occurredAt"));
        Instant deleted = Instant.parse(audit.getString("[0].occurredAt"));
        assertTrue(!deleted.isBefore(created) && created.isAfter(Instant.now().minusSeconds(600)),
                created + " then " + deleted);
    }

    /**
     * Saved with tiers only ("below 99.99 → 20 %", fine under the contract's 99.99), then the contract is
     * lowered to 99.9: the proposed tier is now above the target it would be tried on, and opening the
     * what-if says so (409 naming the tier) instead of working out figures the rules forbid.
     */
    @Test
    void aSavedWhatIfThatNoLongerFitsTheContractIsAConflictOnOpening() {
        String service = Fixtures.service("wi-stale");
        String client = Fixtures.client("wi-stale", "UTC");
        Map<String, Object> terms = terms("2024-01-01", List.of(service), "99.99", "100.00", "EUR",
                List.of(tier("99.99", "10")));
        long contract = contract(client, terms);
        long id = api().body(Map.of("name", "higher credit", "from", "2024-01", "to", "2024-01",
                        "proposal", Map.of("creditTiers", List.of(tier("99.99", "20")))))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        terms.put("targetPercent", new BigDecimal("99.9"));
        terms.put("creditTiers", List.of(tier("99.9", "10")));
        api().body(terms).put("/api/contracts/" + contract).then().statusCode(200);
        api().get("/api/what-ifs/" + id).then().statusCode(409)
                .body("violations.field", contains("proposal.creditTiers[0].belowPercent"));
    }

    @Test
    void aClientKeepsAtMostFiftyWhatIfs() {
        String client = Fixtures.client("wi-many", "UTC");
        for (int i = 1; i <= 50; i++) {
            api().body(Map.of("name", "what-if " + i, "from", "2024-01", "to", "2024-01"))
                    .post("/api/clients/" + client + "/what-ifs").then().statusCode(201);
        }
        api().body(Map.of("name", "what-if 51", "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(409);
        api().get("/api/clients/" + client + "/what-ifs").then().body("size()", equalTo(50));
    }
}
