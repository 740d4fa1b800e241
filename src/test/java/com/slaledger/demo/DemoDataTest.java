package com.slaledger.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.contract.ClaimRule;
import com.slaledger.demo.DemoData.DemoSet;
import com.slaledger.contract.ContractRequest;
import com.slaledger.incident.IncidentRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo set holds what a newcomer should be able to click through; checked without starting the service. */
class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");
    private final DemoSet demo = DemoData.build(NOW);

    @Test
    void hasEightClientsInSeveralZonesAndCurrenciesAndTwelveServices() {
        assertEquals(8, demo.clients().size());
        assertEquals(12, demo.services().size());
        assertTrue(demo.clients().stream().map(c -> c.timeZone()).distinct().count() >= 6);
        Set<String> currencies = demo.contracts().stream().map(c -> c.contract().monthlyFee().currency())
                .collect(Collectors.toSet());
        assertTrue(currencies.containsAll(Set.of("EUR", "JPY", "USD", "BHD")), currencies.toString());
        assertEquals(3, demo.contracts().stream().map(c -> c.contract().impactModel()).distinct().count());
    }

    @Test
    void twoContractsPayCreditsOnlyOnAClaimTheOthersAutomatically() {
        Map<String, Integer> windows = demo.contracts().stream()
                .filter(c -> c.contract().claimRule() == ClaimRule.CLAIM_WITHIN_DAYS)
                .collect(Collectors.toMap(DemoData.ClientContract::clientKey, c -> c.contract().claimWindowDays()));
        assertEquals(Map.of("kiwi-health", 90, "acme-retail", 15), windows);
        // the late outage that flags an issued credit: 40 hours of CasualCartoon's CDN, inside the month
        IncidentRequest late = DemoData.lateIncident(YearMonth.of(2026, 8));
        assertEquals(Instant.parse("2026-08-14T02:00:00Z"), late.startedAt());
        assertEquals(Instant.parse("2026-08-15T18:00:00Z"), late.mitigatedAt());
        assertEquals(java.util.List.of("casual-cartoon"), late.affectedClients());
    }

    @Test
    void holdsAWeeklyMaintenanceRuleInTheClientsZoneWithOneSundayCalledOff() {
        var weekly = demo.maintenanceWindows().stream().filter(w -> w.recurrence() != null).toList();
        assertEquals(1, weekly.size());
        var rule = weekly.get(0);
        assertEquals("FREQ=WEEKLY;BYDAY=SU", rule.recurrence());
        assertEquals("Europe/Oslo", rule.timeZone());
        assertEquals(java.util.List.of("fjord-energy"), rule.clients());
        // 18 months back from November 2026: June 2025, whose first Sunday is the 1st; 02:00 CEST = 00:00Z
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), rule.startsAt());
        assertEquals(Instant.parse("2025-06-01T02:00:00Z"), rule.endsAt());
        // the first Sunday of November 2026 is the 1st
        assertEquals(java.util.List.of(java.time.LocalDate.of(2026, 11, 1)), rule.exceptions());
    }

    @Test
    void acmeRetailMeasuresGermanOfficeHours() {
        assertEquals(1, demo.serviceCalendars().size());
        var calendar = demo.serviceCalendars().get(0);
        assertEquals("germany-office-hours", calendar.key());
        assertEquals("DE", calendar.holidayCountry());
        assertEquals(java.util.List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                calendar.weeklyHours().stream().map(range -> range.day()).toList());
        assertTrue(calendar.weeklyHours().stream().allMatch(r -> r.from().equals("08:00") && r.to().equals("18:00")));
        // 24 and 31 December of 2024, 2025 and 2026
        assertEquals(6, calendar.customHolidays().size());
        var named = demo.contracts().stream().filter(c -> "germany-office-hours".equals(c.contract().serviceCalendar()))
                .map(c -> c.clientKey()).toList();
        assertEquals(java.util.List.of("acme-retail"), named);
    }

    @Test
    void holdsTheSeedPostmortemOutageForAllClients() {
        IncidentRequest seed = demo.incidents().stream().filter(i -> i.externalId().equals("0x19")).findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2024-01-16T09:00:00Z"), seed.startedAt());
        assertEquals(Instant.parse("2024-01-16T09:10:00Z"), seed.acknowledgedAt());
        assertEquals(Instant.parse("2024-01-16T09:22:00Z"), seed.mitigatedAt());
        assertEquals(0, seed.impactPercent().compareTo(new BigDecimal("100")));
        assertEquals(8, seed.affectedClients().size());
    }

    @Test
    void coversEighteenMonthsWithoutFutureIncidentsAndWithOneAcrossAMonthEdge() {
        Set<YearMonth> months = demo.incidents().stream().filter(i -> i.source().equals(DemoData.SOURCE))
                .map(i -> YearMonth.from(i.startedAt().atZone(ZoneOffset.UTC))).collect(Collectors.toSet());
        assertEquals(18, months.size());
        assertFalse(demo.incidents().stream().anyMatch(i -> i.startedAt().isAfter(NOW)));
        assertTrue(demo.incidents().stream().anyMatch(i -> i.mitigatedAt() != null
                && !YearMonth.from(i.startedAt().atZone(ZoneOffset.UTC))
                        .equals(YearMonth.from(i.mitigatedAt().atZone(ZoneOffset.UTC)))));
        assertEquals(1, demo.incidents().stream().filter(i -> i.mitigatedAt() == null && i.resolvedAt() == null)
                .count());
        assertTrue(demo.incidents().stream().anyMatch(i -> Boolean.TRUE.equals(i.excluded())));
        assertTrue(demo.incidents().stream().anyMatch(i -> i.impactPercent().compareTo(new BigDecimal("100")) < 0));
    }

    /** SPEC worked example: January 2024 at 99.950717 % breaches 99.99 (EUR 1,200.00) and meets 99.9. */
    @Test
    void savesAWhatIfThatTurnsTheWorkedExamplesBreachIntoNone() {
        assertEquals(1, demo.whatIfs().size());
        DemoData.ClientWhatIf whatIf = demo.whatIfs().get(0);
        assertEquals("casual-cartoon", whatIf.clientKey());
        assertEquals("2024-01", whatIf.whatIf().from());
        assertEquals(0, whatIf.whatIf().proposal().targetPercent().compareTo(new BigDecimal("99.9")));
        assertEquals(0, whatIf.whatIf().proposal().creditTiers().get(0).belowPercent().compareTo(new BigDecimal("99.9")));
        ContractRequest current = demo.contracts().stream().filter(c -> c.clientKey().equals("casual-cartoon"))
                .findFirst().orElseThrow().contract();
        assertEquals(0, current.targetPercent().compareTo(new BigDecimal("99.99")));
    }

    @Test
    void isTheSameForTheSameDay() {
        assertEquals(demo, DemoData.build(NOW));
    }
}
