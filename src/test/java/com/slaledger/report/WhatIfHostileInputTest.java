package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What-if requests a hostile or careless caller sends: each answered with a 400 problem naming the field, at
 * once, and a retry of a saved what-if answered as a retry whatever the notation of its numbers.
 */
@QuarkusTest
class WhatIfHostileInputTest {

    private static String clientWithContract(String prefix) {
        String service = Fixtures.service(prefix);
        String client = Fixtures.client(prefix, "UTC");
        contract(client, terms("2024-01-01", List.of(service), "99.99", "12000.00", "EUR",
                List.of(tier("99.99", "10"), tier("99.0", "30"))));
        return client;
    }

    private static Map<String, Object> body(String client, Object proposal) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientKey", client);
        body.put("from", "2024-01");
        body.put("to", "2024-01");
        body.put("proposal", proposal);
        return body;
    }

    /** A NUL reached the database as text and came back as a 400 naming no field; no key or user name holds one. */
    @Test
    void aNulInTheClientKeyOrTheFleetSelectorNamesTheField() {
        String client = clientWithContract("wih-nul");
        api().body(body(client.substring(0, 3) + "\u0000" + client.substring(3), null)).post("/api/what-if").then()
                .statusCode(400).body("violations.field", contains("clientKey"))
                .body("violations[0].message", equalTo("no client with this key"));
        api().body(Map.of("clients", "manager:a\u0000b", "from", "2024-01", "to", "2024-01"))
                .post("/api/what-if/fleet").then().statusCode(400).body("violations.field", contains("clients"));
    }

    /**
     * A name with half a surrogate pair or an invisible bidirectional control was kept as sent: a right-to-left
     * override before "gnp.exe" lists as "exe.png", and a lone surrogate cannot even be written as UTF-8. Each
     * is refused naming the field, on saving and on changing, and nothing is kept; letters outside the BMP (a
     * pair) and right-to-left letters themselves are fine.
     */
    @Test
    void aNameWithALoneSurrogateOrABidiControlIsRefusedNamingTheField() {
        String client = clientWithContract("wih-bidi");
        String bidi = "Target \u202Egnp.exe";
        // half a pair only travels as a JSON escape: the escapes are written into the body as they are
        String loneHigh = "Target \\uD83D alone";
        String loneLow = "Target \\uDE00";
        String isolate = "Target \u2067x\u2069";
        for (String name : List.of(bidi, isolate, "mark\u200F", "arabic mark\u061C")) {
            api().body(Map.of("name", name, "from", "2024-01", "to", "2024-01"))
                    .post("/api/clients/" + client + "/what-ifs").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("name"))
                    .body("violations[0].message", equalTo("must not contain bidirectional control characters "
                            + "(U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)"));
        }
        for (String name : List.of(loneHigh, loneLow)) {
            api().body("{\"name\": \"" + name + "\", \"from\": \"2024-01\", \"to\": \"2024-01\"}")
                    .post("/api/clients/" + client + "/what-ifs").then().statusCode(400)
                    .body("violations.field", contains("name"))
                    .body("violations[0].message",
                            equalTo("must not contain an unpaired UTF-16 surrogate (half a character)"));
        }
        // every bad field at once: the name and the month
        api().body(Map.of("name", bidi, "from", "2024-13", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "from"));
        api().get("/api/clients/" + client + "/what-ifs").then().statusCode(200).body("size()", equalTo(0));

        // an emoji (a surrogate pair) and Hebrew letters are text like any other
        String fine = "\u05D9\u05E2\u05D3 99.95 \uD83D\uDE00";
        int id = api().body(Map.of("name", fine, "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201).body("name", equalTo(fine))
                .extract().path("id");
        api().body(Map.of("name", bidi, "from", "2024-01", "to", "2024-01")).put("/api/what-ifs/" + id).then()
                .statusCode(400).body("violations.field", contains("name"));
        api().get("/api/what-ifs/" + id).then().statusCode(200).body("name", equalTo(fine));
    }

    /**
     * The fleet's {@code manager:<name>} selector: a name nobody has answered an empty fleet, as if the manager
     * had no clients. Now it is a 400 naming {@code clients}, the name quoted at most 40 characters long; a bidi
     * control is refused as in a name; a manager who exists and looks after no client is still an empty 200.
     */
    @Test
    void anUnknownManagerIsRefusedAndAManagerWithoutClientsAnswersNoRows() {
        Map<String, Object> body = new HashMap<>(Map.of("clients", "manager:nobody-by-this-name", "from", "2024-01",
                "to", "2024-01"));
        api().body(body).post("/api/what-if/fleet").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("clients"))
                .body("violations[0].message", equalTo("no account manager named 'nobody-by-this-name'"));
        // a long name is quoted cut at 40 characters
        body.put("clients", "manager:" + "x".repeat(150));
        api().body(body).post("/api/what-if/fleet").then().statusCode(400)
                .body("violations[0].message", equalTo("no account manager named '" + "x".repeat(40) + "…'"));
        body.put("clients", "manager:someone\u202E");
        api().body(body).post("/api/what-if/fleet").then().statusCode(400)
                .body("violations.field", contains("clients"))
                .body("violations[0].message", startsWith("must not contain bidirectional control characters"));

        var idle = TestUsers.create("wih-idle", Role.ACCOUNT_MANAGER);
        body.put("clients", "manager:" + idle.username());
        api().body(body).post("/api/what-if/fleet").then().statusCode(200)
                .body("clients", hasSize(0))
                .body("totals", hasSize(0))
                .body("from", equalTo("2024-01"));
    }

    /**
     * 100,000 tiers: each was compared with all before it (5·10⁹ comparisons, minutes of a core) before the
     * size was refused. Now the number alone is refused, in one violation, well within a request's patience.
     */
    @Test
    void a100000TierProposalIsRefusedForItsSizeAtOnce() {
        String client = clientWithContract("wih-tiers");
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            // 99.990000, 99.989999, ... all distinct, all below the target
            tiers.add(Map.of("belowPercent", new java.math.BigDecimal("99.99").subtract(
                    java.math.BigDecimal.valueOf(i, 6)), "creditPercent", 1));
        }
        long started = System.nanoTime();
        api().body(body(client, Map.of("targetPercent", "99.99", "creditTiers", tiers))).post("/api/what-if").then()
                .statusCode(400).body("violations.field", contains("proposal.creditTiers"))
                .body("violations[0].message", startsWith("must have at most 100 tiers; it has 100000"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);
        // the fleet and a saved what-if check the proposal the same way
        api().body(Map.of("from", "2024-01", "to", "2024-01", "proposal", Map.of("creditTiers", tiers)))
                .post("/api/what-if/fleet").then().statusCode(400).body("violations.field", contains("proposal.creditTiers"));
    }

    /** The contract's own check: two tiers of equal value (99.0 and 99.00) still clash after the set look-up. */
    @Test
    void tiersOfEqualValueInAnotherNotationStillClash() {
        String client = clientWithContract("wih-dup");
        api().body(body(client, Map.of("targetPercent", "99.99",
                        "creditTiers", List.of(tier("99.0", "10"), tier("99.00", "30"))))).post("/api/what-if").then()
                .statusCode(400).body("violations.field", contains("proposal.creditTiers[1].belowPercent"))
                .body("violations[0].message", equalTo("another tier has the same belowPercent"));
    }

    /**
     * PostgreSQL's jsonb keeps 1E+2 as 100: a retry of a what-if whose target was written 1E+2 was a 409 "name
     * is taken" instead of the saved one. Terms of equal value, tiers in another order, are the same what-if.
     */
    @Test
    void aRetryIsAnsweredAsARetryWhateverTheNotationOfItsNumbers() {
        String client = clientWithContract("wih-retry");
        String json = "{\"name\":\"Target 100\",\"from\":\"2024-01\",\"to\":\"2024-01\",\"proposal\":"
                + "{\"targetPercent\":1E+2,\"creditTiers\":[{\"belowPercent\":99.0,\"creditPercent\":30},"
                + "{\"belowPercent\":99.99,\"creditPercent\":10}]}}";
        int id = api().body(json).post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .extract().path("id");
        api().body(json).post("/api/clients/" + client + "/what-ifs").then().statusCode(200).body("id", equalTo(id));
        String reordered = "{\"name\":\"Target 100\",\"from\":\"2024-01\",\"to\":\"2024-01\",\"proposal\":"
                + "{\"targetPercent\":100.000,\"creditTiers\":[{\"belowPercent\":99.990,\"creditPercent\":10},"
                + "{\"belowPercent\":99,\"creditPercent\":30.0}]}}";
        api().body(reordered).post("/api/clients/" + client + "/what-ifs").then().statusCode(200)
                .body("id", equalTo(id));
        // another target under the name is still another what-if
        api().body(reordered.replace("100.000", "99.995")).post("/api/clients/" + client + "/what-ifs").then()
                .statusCode(409).body("violations.field", contains("name"));
    }
}
