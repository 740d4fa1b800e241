package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SPEC.md "Worked example (the seed postmortem)", figure by figure. */
class WorkedExampleTest {

    // 2024-01-16 10:00 to 10:22 at GMT+1 = 09:00 to 09:22 UTC.
    private static final ZoneOffset GMT_PLUS_1 = ZoneOffset.ofHours(1);
    private static final Instant STARTED = OffsetDateTime.of(2024, 1, 16, 10, 0, 0, 0, GMT_PLUS_1).toInstant();
    private static final Instant DETECTED = STARTED;
    private static final Instant ACKNOWLEDGED = OffsetDateTime.of(2024, 1, 16, 10, 10, 0, 0, GMT_PLUS_1).toInstant();
    private static final Instant MITIGATED = OffsetDateTime.of(2024, 1, 16, 10, 22, 0, 0, GMT_PLUS_1).toInstant();
    private static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

    private static final IncidentTimeline POSTMORTEM =
            new IncidentTimeline("0x19", STARTED, DETECTED, ACKNOWLEDGED, MITIGATED, MITIGATED);
    private static final TimeWindow JANUARY_UTC = TimeWindow.month(YearMonth.of(2024, 1), ZoneOffset.UTC);
    private static final List<CreditTier> AWS_TIERS = List.of(
            CreditTier.of("99.99", "10"), CreditTier.of("99.0", "30"), CreditTier.of("95.0", "100"));

    private static Availability january() {
        return Availability.measure(JANUARY_UTC, AS_OF, List.of(),
                List.of(POSTMORTEM.impact(Percent.HUNDRED, false)), ImpactModel.PROPORTIONAL, 0);
    }

    @Test
    void responseTimesAreZeroTenAndTwentyTwoMinutes() {
        ResponseTimes times = ResponseTimes.of(POSTMORTEM);
        assertEquals(0, times.timeToDetectSeconds().compareTo(BigDecimal.ZERO));
        assertEquals(new BigDecimal("600"), times.timeToAcknowledgeSeconds());
        assertEquals(new BigDecimal("1320"), times.timeToRestoreSeconds());
    }

    @Test
    void januaryInUtcHas2678400SecondsAndTheOutageIs1320() {
        Availability availability = january();
        assertEquals(new BigDecimal("2678400"), availability.measuredSeconds());
        assertEquals(new BigDecimal("1320"), availability.downtimeSeconds());
        assertFalse(availability.provisional());
    }

    @Test
    void availabilityIs99Point950717AndShows99Point950() {
        Availability availability = january();
        // 100 · (1 − 1320/2678400) = 99.95071684587813620071…, floored at 15 decimals.
        assertEquals(new BigDecimal("99.950716845878136"), availability.availabilityPercent());
        assertEquals("99.950", availability.availabilityDisplay());
    }

    @Test
    void target99Point9IsNotBreachedAndLeaves1358Point4SecondsOfBudget() {
        Availability availability = january();
        SlaOutcome outcome = CreditPolicy.of(new BigDecimal("99.9"), List.of())
                .assess(availability, Money.of("12000.00", "EUR"));
        ErrorBudget budget = ErrorBudget.of(new BigDecimal("99.9"), JANUARY_UTC, List.of(), availability);

        assertFalse(outcome.breached());
        assertEquals(new BigDecimal("2678.4"), budget.allowedSeconds());
        assertEquals(new BigDecimal("1358.4"), budget.remainingSeconds());
        assertNull(budget.burnRate());
    }

    @Test
    void target99Point99WithAwsTiersIsBreachedFor1200Euros() {
        SlaOutcome outcome = CreditPolicy.of(new BigDecimal("99.99"), AWS_TIERS)
                .assess(january(), Money.of("12000.00", "EUR"));

        assertTrue(outcome.breached());
        assertEquals(0, outcome.creditPercent().compareTo(BigDecimal.TEN));
        assertEquals(Money.of("1200.00", "EUR"), outcome.credit());
        assertEquals("EUR 1200.00", outcome.credit().toString());
    }
}
