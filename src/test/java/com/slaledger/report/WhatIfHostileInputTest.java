package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
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
