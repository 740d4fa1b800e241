package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.record;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.IncidentImpactQuery;
import com.slaledger.incident.Severity;
import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One client's read finds its candidates through the covered services' links, whose impact period the
 * database keeps (migration V10). The window is March 2024 in UTC, {@code [03-01T00:00Z, 04-01T00:00Z)}; the
 * client's contract covers {@code covered}; {@code other} is a service it does not cover. Each incident comes
 * back exactly as recorded: instants to the microsecond, the impact percent by value, keys sorted.
 */
@QuarkusTest
class ClientIncidentReadTest {

    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-04-01T00:00:00Z");

    @Inject
    IncidentImpactQuery incidents;

    @Test
    void theClientsIncidentsAreFoundAtTheWindowsEdgesAndNoOthers() {
        String covered = Fixtures.service("covered");
        String other = Fixtures.service("other");
        String client = Fixtures.client("reader", "UTC");
        String someoneElse = Fixtures.client("someone", "UTC");

        long inside = record(incident("inside", List.of(covered), "2024-03-10T10:00:00Z", "2024-03-10T11:00:00Z"));
        // began in February, ends in March: its period meets the window
        long spanning = record(incident("spanning", List.of(covered), "2024-02-28T23:00:00Z", "2024-03-01T01:00:00Z"));
        // ongoing since January: no end, so it meets every later window
        long ongoing = record(incident("ongoing", List.of(covered), "2024-01-15T00:00:00Z", null));
        // starts at the window's first microsecond and lasts no time: an empty [) range meets nothing
        long instant = record(incident("instant", List.of(covered), "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z"));
        // ends exactly where the window starts: [) keeps it out
        record(incident("before", List.of(covered), "2024-02-29T23:00:00Z", "2024-03-01T00:00:00Z"));
        // starts exactly where the window ends
        record(incident("after", List.of(covered), "2024-04-01T00:00:00Z", "2024-04-01T01:00:00Z"));
        record(incident("elsewhere", List.of(other), "2024-03-10T10:00:00Z", "2024-03-10T11:00:00Z"));
        // names another client: not this client's, though on a covered service
        Map<String, Object> foreign = incident("foreign", List.of(covered), "2024-03-11T10:00:00Z", "2024-03-11T11:00:00Z");
        foreign.put("affectedClients", List.of(someoneElse));
        long foreignId = record(foreign);
        // names this client on a service its contract does not cover: its own
        Map<String, Object> named = incident("named", List.of(other), "2024-03-12T10:00:00Z", "2024-03-12T11:00:00Z");
        named.put("affectedClients", List.of(client));
        long namedId = record(named);

        assertEquals(List.of(ongoing, spanning, instant, inside, namedId), ids(client, List.of(covered)));
        // the service's own read keeps every incident naming the service, whichever client it names
        assertEquals(List.of(ongoing, spanning, instant, inside, foreignId), serviceIds(covered));
    }

    @Test
    void theLinksFollowAnIncidentWhoseStartOrEndOrServicesChange() {
        String covered = Fixtures.service("moving");
        String other = Fixtures.service("unmoved");
        String client = Fixtures.client("follower", "UTC");
        long early = record(incident("early", List.of(covered), "2024-02-10T10:00:00Z", "2024-02-10T11:00:00Z"));
        long late = record(incident("late", List.of(covered), "2024-03-20T10:00:00Z", null));
        long moved = record(incident("moved", List.of(other), "2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z"));
        assertEquals(List.of(late), ids(client, List.of(covered)));

        // the start moves into March: the link's period moves with it
        patch(early, Map.of("startedAt", "2024-03-02T10:00:00Z", "mitigatedAt", "2024-03-02T11:00:00Z",
                "resolvedAt", "2024-03-02T11:00:00Z"));
        // the ongoing one gets an end inside March: still found
        patch(late, Map.of("mitigatedAt", "2024-03-20T10:30:00Z", "resolvedAt", "2024-03-20T10:40:00Z"));
        // a service is added to an incident: the new link takes the incident's period
        patch(moved, Map.of("affectedServices", List.of(other, covered)));
        assertEquals(List.of(early, moved, late), ids(client, List.of(covered)));

        // and out again: started and ended in April
        patch(late, Map.of("startedAt", "2024-04-02T10:00:00Z", "mitigatedAt", "2024-04-02T10:30:00Z",
                "resolvedAt", "2024-04-02T10:40:00Z"));
        assertEquals(List.of(early, moved), ids(client, List.of(covered)));
    }

    @Test
    void anIncidentIsReadWithItsMicrosecondsItsExactPercentAndItsKeysSorted() {
        // created in this order, the services' and clients' ids run against their keys' order
        String zulu = Fixtures.service("zulu");
        String alpha = Fixtures.service("alpha");
        String client = Fixtures.client("yankee", "UTC");
        String other = Fixtures.client("bravo", "UTC");
        Map<String, Object> body = incident("exact", List.of(zulu, alpha), "2024-03-10T10:00:00.123456Z", null);
        body.put("severity", "SEV1");
        body.put("detectedAt", "2024-03-10T10:00:00.123457Z");
        body.put("acknowledgedAt", "2024-03-10T10:04:59.999999Z");
        body.put("mitigatedAt", "2024-03-10T11:00:00.000001Z");
        body.put("resolvedAt", "2024-03-10T12:30:00.5Z");
        body.put("impactPercent", "33.333333");
        body.put("excluded", true);
        body.put("exclusionReason", "caused by the client");
        body.put("affectedClients", List.of(client, other));
        long exact = record(body);
        // 100 and 12.50 come back as 1E+2 and 12.5: by value, trailing zeros stripped as the request stores them
        Map<String, Object> whole = incident("whole", List.of(alpha), "2024-03-11T00:00:00Z", "2024-03-11T00:01:00Z");
        whole.put("impactPercent", "100");
        long wholeId = record(whole);
        Map<String, Object> eighth = incident("eighth", List.of(zulu), "2024-03-12T00:00:00Z", null);
        eighth.put("impactPercent", "12.50");
        long eighthId = record(eighth);

        List<String> sortedServices = List.of(alpha, zulu).stream().sorted().toList();
        List<String> sortedClients = List.of(client, other).stream().sorted().toList();
        assertEquals(List.of(
                new IncidentFacts(exact, "exact", Severity.SEV1, new BigDecimal("33.333333"), true,
                        Instant.parse("2024-03-10T10:00:00.123456Z"), Instant.parse("2024-03-10T10:00:00.123457Z"),
                        Instant.parse("2024-03-10T10:04:59.999999Z"), Instant.parse("2024-03-10T11:00:00.000001Z"),
                        Instant.parse("2024-03-10T12:30:00.500000Z"), sortedServices, sortedClients),
                new IncidentFacts(wholeId, "whole", Severity.SEV2, new BigDecimal("1E+2"), false,
                        Instant.parse("2024-03-11T00:00:00Z"), null, null, Instant.parse("2024-03-11T00:01:00Z"),
                        Instant.parse("2024-03-11T00:01:00Z"), List.of(alpha), List.of()),
                new IncidentFacts(eighthId, "eighth", Severity.SEV2, new BigDecimal("12.5"), false,
                        Instant.parse("2024-03-12T00:00:00Z"), null, null, null, null, List.of(zulu), List.of())),
                facts(client, List.of(alpha, zulu)));
    }

    @Test
    void anInstantBeforeNineteenSeventyKeepsItsMicroseconds() {
        String service = Fixtures.service("epoch");
        String client = Fixtures.client("epoch", "UTC");
        // -1 microsecond since the epoch: the second before, 999,999 microseconds into it
        long before = record(incident("before the epoch", List.of(service), "1969-12-31T23:59:59.999999Z",
                "1970-01-01T00:00:00.000001Z"));
        List<IncidentFacts> read = read(Instant.parse("1969-12-01T00:00:00Z"), Instant.parse("1970-02-01T00:00:00Z"),
                client, List.of(service));
        assertEquals(List.of(before), read.stream().map(IncidentFacts::id).toList());
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), read.get(0).startedAt());
        assertEquals(Instant.ofEpochSecond(0, 1_000), read.get(0).mitigatedAt());
    }

    private static void patch(long id, Map<String, Object> changes) {
        given().contentType(ContentType.JSON).body(new HashMap<>(changes)).patch("/api/incidents/" + id)
                .then().statusCode(200);
    }

    @Transactional
    List<IncidentFacts> facts(String client, List<String> services) {
        return incidents.duringForClient(FROM, TO, client, services);
    }

    @Transactional
    List<IncidentFacts> read(Instant from, Instant to, String client, List<String> services) {
        return incidents.duringForClient(from, to, client, services);
    }

    @Transactional
    List<Long> ids(String client, List<String> services) {
        return incidents.duringForClient(FROM, TO, client, services).stream().map(IncidentFacts::id).toList();
    }

    @Transactional
    List<Long> serviceIds(String service) {
        return incidents.duringForService(FROM, TO, service).stream().map(IncidentFacts::id).toList();
    }
}
