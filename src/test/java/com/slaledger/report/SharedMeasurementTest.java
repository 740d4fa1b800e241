package com.slaledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.slaledger.contract.ClaimRule;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ImpactModel;
import com.slaledger.contract.Money;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.Severity;
import com.slaledger.maintenance.MaintenanceScope;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The all-clients month measures each distinct set of inputs once and shares it: clients alike in window,
 * covered services, impact model, minimum outage, maintenance and naming incidents get the very same
 * availability, and a client that differs in any of these gets its own. Figures by hand, March 2024 in UTC
 * (31 days = 2,678,400 s), asOf after the month:
 * <pre>
 * incidents naming no client (I4 on an uncovered service, never counted):
 *   I1 api      03-05 10:00-11:00 100%
 *   I2 db       03-05 10:30-12:00  50%  → with I1: 3,600 s + 3,600 s × 0.5 = 5,400 s (heaviest counts)
 *   I3 api, db  03-20 00:00-00:20 100%  → 1,200 s, listed under both services, counted and shown once
 * maintenance: db 03-10 00:00-01:00 (everyone covering db) = 3,600 s → |W∖M| = 2,674,800 s
 * alike-1, alike-2, alike-3: D = 6,600 s, 1 − 6,600 / 2,674,800 = 99.75325…% → 99.753, 3 incidents
 *   tiers below 99.9 → 10, below 99.5 → 25: alike-1 (fee 1000) 100.00; alike-2 (fee 2000) 200.00;
 *   alike-3 has target 99.5 and tier below 99.5 only: no breach, 0.00 (budget and credit are per client)
 * named:  also N1 naming it, api 03-25 00:00-02:00 100% → D = 13,800 s → 99.48407…% → 25% of 1000 = 250.00
 * scoped: also its own maintenance 03-20 00:00-00:20 covering I3 → M = 4,800 s, |W∖M| = 2,673,600 s,
 *         D = 5,400 s → 99.79802…% → 10% = 100.00; I3 still on its page (3 incidents)
 * longer: minimum outage 1,800 s drops the 1,200 s stretch of I3 → D = 5,400 s → 99.79811…% → 100.00
 * </pre>
 */
class SharedMeasurementTest {

    private static final YearMonth MARCH = YearMonth.of(2024, 3);
    private static final Instant AS_OF = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void clientsWithEqualInputsShareOneMeasurementAndTheOthersGetTheirOwn() {
        List<IncidentFacts> incidents = List.of(
                incident(1, "2024-03-05T10:00:00Z", "2024-03-05T11:00:00Z", "100", List.of("api"), List.of()),
                incident(2, "2024-03-05T10:30:00Z", "2024-03-05T12:00:00Z", "50", List.of("db"), List.of()),
                incident(3, "2024-03-20T00:00:00Z", "2024-03-20T00:20:00Z", "100", List.of("api", "db"), List.of()),
                incident(4, "2024-03-06T00:00:00Z", "2024-03-06T05:00:00Z", "100", List.of("web"), List.of()),
                incident(5, "2024-03-25T00:00:00Z", "2024-03-25T02:00:00Z", "100", List.of("api"), List.of("named")));
        MaintenanceIndex maintenance = new MaintenanceIndex(List.of(
                maintenance(1, "2024-03-10T00:00:00Z", "2024-03-10T01:00:00Z", MaintenanceScope.SERVICES,
                        List.of(), List.of("db")),
                maintenance(2, "2024-03-20T00:00:00Z", "2024-03-20T00:20:00Z", MaintenanceScope.CLIENTS,
                        List.of("scoped"), List.of())));
        List<ContractTerms> inForce = List.of(
                terms(1, "alike-1", List.of("api", "db"), "99.9", "1000.00", 0),
                terms(2, "alike-2", List.of("api", "db"), "99.9", "2000.00", 0),
                terms(3, "alike-3", List.of("db", "api"), "99.5", "1000.00", 0),
                terms(4, "named", List.of("api", "db"), "99.9", "1000.00", 0),
                terms(5, "scoped", List.of("api", "db"), "99.9", "1000.00", 0),
                terms(6, "longer", List.of("api", "db"), "99.9", "1000.00", 1800));

        Map<String, SlaMonth> months = SlaReportService.measureAll(inForce, MARCH, AS_OF, maintenance,
                new IncidentIndex(incidents)).stream()
                .collect(Collectors.toMap(month -> month.terms().clientKey(), Function.identity()));

        assertMonth(months.get("alike-1"), "6600", "3600", "2674800", "99.753", 3, "100.00");
        assertMonth(months.get("alike-2"), "6600", "3600", "2674800", "99.753", 3, "200.00");
        assertMonth(months.get("alike-3"), "6600", "3600", "2674800", "99.753", 3, "0.00");
        assertMonth(months.get("named"), "13800", "3600", "2674800", "99.484", 4, "250.00");
        assertMonth(months.get("scoped"), "5400", "4800", "2673600", "99.798", 3, "100.00");
        assertMonth(months.get("longer"), "5400", "3600", "2674800", "99.798", 3, "100.00");
        assertEquals(List.of(1L, 2L, 3L, 5L), months.get("named").incidents().stream().map(IncidentFacts::id).toList());

        // measured once for the three alike clients (the order of services in a contract changes nothing) ...
        assertSame(months.get("alike-1").availability(), months.get("alike-2").availability());
        assertSame(months.get("alike-1").availability(), months.get("alike-3").availability());
        // ... and apart for each client that differs in one input
        for (String own : List.of("named", "scoped", "longer")) {
            assertNotSame(months.get("alike-1").availability(), months.get(own).availability(), own);
        }
        // each the same as measuring the client alone
        List<IncidentFacts> unordered = new ArrayList<>(incidents);
        Collections.reverse(unordered);
        IncidentIndex alone = new IncidentIndex(unordered);
        for (ContractTerms terms : inForce) {
            SlaMonth single = SlaMonth.measure(terms, MARCH, AS_OF, maintenance, alone).orElseThrow();
            SlaMonth shared = months.get(terms.clientKey());
            assertEquals(single.availability(), shared.availability(), terms.clientKey());
            assertEquals(single.outcome(), shared.outcome(), terms.clientKey());
            assertEquals(single.budget(), shared.budget(), terms.clientKey());
            assertEquals(single.incidents(), shared.incidents(), terms.clientKey());
        }
    }

    private static void assertMonth(SlaMonth month, String downtime, String maintenance, String measured,
            String display, int incidents, String credit) {
        String client = month.terms().clientKey();
        assertEquals(0, new BigDecimal(downtime).compareTo(month.availability().downtimeSeconds()), client);
        assertEquals(0, new BigDecimal(maintenance).compareTo(month.availability().maintenanceSeconds()), client);
        assertEquals(0, new BigDecimal(measured).compareTo(month.availability().measuredSeconds()), client);
        assertEquals(display, month.availability().availabilityDisplay(), client);
        assertEquals(incidents, month.incidents().size(), client);
        assertEquals(credit, month.outcome().credit().amount().toPlainString(), client);
    }

    private static ContractTerms terms(long id, String client, List<String> services, String target, String fee,
            int minimumOutageSeconds) {
        List<ContractResponse.Tier> tiers = target.equals("99.9")
                ? List.of(tier("99.9", "10"), tier("99.5", "25"))
                : List.of(tier("99.5", "25"));
        return ContractTerms.of(new ContractResponse(id, client, "UTC", LocalDate.of(2024, 1, 1), null, services,
                new BigDecimal(target), tiers, new Money(new BigDecimal(fee), "EUR"), new BigDecimal("100"),
                ImpactModel.PROPORTIONAL, null, minimumOutageSeconds, AS_OF, AS_OF, ClaimRule.AUTOMATIC, null, null));
    }

    private static ContractResponse.Tier tier(String below, String credit) {
        return new ContractResponse.Tier(new BigDecimal(below), new BigDecimal(credit));
    }

    private static IncidentFacts incident(long id, String from, String to, String impactPercent,
            List<String> services, List<String> clients) {
        Instant start = Instant.parse(from);
        Instant end = Instant.parse(to);
        return new IncidentFacts(id, "incident " + id, Severity.SEV2, new BigDecimal(impactPercent), false, start,
                start, start, end, end, services, clients);
    }

    private static MaintenanceWindowResponse maintenance(long id, String from, String to, MaintenanceScope scope,
            List<String> clients, List<String> services) {
        return new MaintenanceWindowResponse(id, "maintenance " + id, Instant.parse(from), Instant.parse(to), scope,
                clients, services, true, AS_OF, AS_OF, null, null, List.of(), null);
    }
}
