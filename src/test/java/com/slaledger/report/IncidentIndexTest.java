package com.slaledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.Severity;
import com.slaledger.testing.Seeds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index finds a client's incidents as the SPEC's rule says, by start: those naming the client, or naming
 * no client and affecting a covered service, each once; and for a month page those {@link SlaMonth#concerns}
 * keeps. Checked against the rule applied to every incident, on cases from seeded {@link Random}s
 * ({@link Seeds}) with ties in start, ids of different lengths ("9" after "10" as text), ongoing incidents,
 * services named twice and instants finer than a microsecond.
 */
class IncidentIndexTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    private static final List<String> SERVICES = List.of("api", "db", "dns", "web");
    private static final int CASES = 500;

    static LongStream seeds() {
        return Seeds.of(CASES);
    }

    /** On a 10-minute grid, so that starts tie and impacts touch the window's edges; sometimes off it by nanoseconds. */
    private static Instant instant(Random random) {
        Instant onGrid = T0.plusSeconds(600L * (random.nextInt(60) - 10));
        return switch (random.nextInt(6)) {
            case 0 -> onGrid.plusNanos(1 + random.nextInt(999));
            case 1 -> onGrid.minusNanos(1 + random.nextInt(999));
            default -> onGrid;
        };
    }

    private static List<IncidentFacts> incidents(Random random) {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, random);
        List<IncidentFacts> incidents = new ArrayList<>();
        for (long id : ids.subList(0, random.nextInt(80))) {
            Instant start = instant(random);
            Instant end = instant(random);
            if (end.isBefore(start)) {
                end = start;
            }
            boolean ongoing = random.nextInt(8) == 0;
            List<String> services = new ArrayList<>();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                services.add(SERVICES.get(random.nextInt(SERVICES.size())));
            }
            List<String> clients = switch (random.nextInt(6)) {
                case 0 -> List.of("acme");
                case 1 -> List.of("acme", "zeta");
                case 2 -> List.of("zeta");
                default -> List.of();
            };
            incidents.add(new IncidentFacts(id, "incident " + id, Severity.SEV2, BigDecimal.valueOf(50), false,
                    start, null, null, ongoing ? null : end, null, services, clients));
        }
        return incidents;
    }

    /** The SPEC's rule, incident by incident, in start order then id. */
    private static List<IncidentFacts> affectingAcme(List<IncidentFacts> incidents, List<String> covered) {
        return incidents.stream()
                .filter(incident -> incident.clientKeys().isEmpty()
                        ? incident.serviceKeys().stream().anyMatch(covered::contains)
                        : incident.clientKeys().contains("acme"))
                .sorted(Comparator.comparing(IncidentFacts::startedAt).thenComparingLong(IncidentFacts::id))
                .toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aClientsIncidentsAreThoseTheRuleGivesByStart(long seed) {
        Random random = new Random(seed);
        List<IncidentFacts> incidents = incidents(random);
        List<String> covered = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            covered.add(SERVICES.get(random.nextInt(SERVICES.size())));   // sometimes twice
        }
        Instant from = instant(random);
        Instant to = instant(random);
        TimeWindow measured = from.isBefore(to) ? TimeWindow.of(from, to) : TimeWindow.of(to, from);
        Instant asOf = instant(random);
        IncidentIndex index = new IncidentIndex(incidents);
        List<IncidentFacts> expected = affectingAcme(incidents, covered);
        Seeds.check(seed, () -> List.of(incidents, covered, measured, asOf).toString(), () -> {
            assertEquals(expected, index.affecting("acme", covered));
            IncidentIndex.Selection concerning = index.concerning(index.naming("acme"), covered, measured, asOf);
            assertEquals(expected.stream().filter(incident -> SlaMonth.concerns(incident, measured, asOf)).toList(),
                    concerning);
            for (int i = 0; i < concerning.size(); i++) {
                int position = concerning.positions()[i];
                assertSame(index.all().get(position), concerning.get(i));
                assertEquals(concerning.get(i).incidentId(), index.impacts().incident(position).incidentId());
            }
        });
    }

    @Test
    void anIncidentNamingNoClientOnTwoCoveredServicesIsListedOnceAndOthersByStart() {
        Instant nine = Instant.parse("2024-03-05T09:00:00Z");
        IncidentFacts both = incident(10, nine, List.of("api", "db"), List.of());
        IncidentFacts named = incident(9, nine, List.of("web"), List.of("acme"));
        IncidentFacts elsewhere = incident(3, nine.minusSeconds(60), List.of("dns"), List.of());
        IncidentFacts earlier = incident(11, nine.minusSeconds(60), List.of("db"), List.of());
        IncidentIndex index = new IncidentIndex(List.of(both, named, elsewhere, earlier));

        // by start, then id as a number: 9 before 10
        assertEquals(List.of(earlier, named, both), index.affecting("acme", List.of("db", "api", "db")));
        assertEquals(List.of(earlier, both), index.affecting("zeta", List.of("api", "db")));
        assertEquals(List.of(named), index.naming("acme"));
    }

    private static IncidentFacts incident(long id, Instant start, List<String> services, List<String> clients) {
        return new IncidentFacts(id, "incident " + id, Severity.SEV2, BigDecimal.valueOf(100), false, start, null,
                null, start.plusSeconds(600), null, services, clients);
    }
}
