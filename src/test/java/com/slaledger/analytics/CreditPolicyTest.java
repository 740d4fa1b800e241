package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CreditPolicyTest {

    private static final List<CreditTier> AWS_TIERS = List.of(
            CreditTier.of("99.99", "10"), CreditTier.of("99.0", "30"), CreditTier.of("95.0", "100"));
    private static final CreditPolicy AWS = CreditPolicy.of(new BigDecimal("99.99"), AWS_TIERS);

    private static BigDecimal percent(String value) {
        return new BigDecimal(value);
    }

    @Test
    void availabilityExactlyAtATierBoundDoesNotEarnThatTier() {
        // 26784 s down in January (UTC) is exactly 1% of 2678400 s: availability 99 exactly.
        TimeWindow january = TimeWindow.month(YearMonth.of(2024, 1), ZoneOffset.UTC);
        Availability availability = Availability.measure(january, Instant.parse("2024-02-01T00:00:00Z"), List.of(),
                List.of(IncidentImpact.full("a", Instant.parse("2024-01-05T00:00:00Z"),
                        Instant.parse("2024-01-05T07:26:24Z"))), ImpactModel.PROPORTIONAL, 0);
        assertEquals(0, availability.availabilityPercent().compareTo(percent("99")));

        SlaOutcome outcome = AWS.assess(availability, Money.of("1000.00", "EUR"));
        assertTrue(outcome.breached());
        assertEquals(0, outcome.creditPercent().compareTo(percent("10")));
        assertEquals(Money.of("100.00", "EUR"), outcome.credit());
    }

    @Test
    void justBelowATierBoundEarnsIt() {
        assertEquals(0, AWS.tierCreditPercent(percent("98.999999999999999")).compareTo(percent("30")));
    }

    @Test
    void availabilityExactlyAtTheTargetIsNotABreach() {
        assertFalse(AWS.isBreach(percent("99.99")));
        assertTrue(AWS.isBreach(percent("99.989999999999999")));
    }

    @Test
    void noTierEarnedMeansNoCredit() {
        SlaOutcome outcome = AWS.assess(percent("99.995"), false, Money.of("1000.00", "EUR"));
        assertFalse(outcome.breached());
        assertEquals(0, outcome.creditPercent().signum());
        assertEquals(Money.of("0.00", "EUR"), outcome.credit());
    }

    @Test
    void yenCreditsRoundHalfEvenToWholeYen() {
        // 10% of 125 = 12.5 → 12 (even); 10% of 135 = 13.5 → 14 (even).
        assertEquals(Money.of("12", "JPY"), AWS.assess(percent("99.5"), false, Money.of("125", "JPY")).credit());
        assertEquals(Money.of("14", "JPY"), AWS.assess(percent("99.5"), false, Money.of("135", "JPY")).credit());
        assertEquals("JPY 14", AWS.assess(percent("99.5"), false, Money.of("135", "JPY")).credit().toString());
    }

    @Test
    void bahrainiDinarCreditsRoundHalfEvenToThreeDecimals() {
        // 10% of 1234.565 = 123.4565 → 123.456; 30% of 1234.565 = 370.3695 → 370.370
        assertEquals("BHD 123.456", AWS.assess(percent("99.5"), false, Money.of("1234.565", "BHD")).credit().toString());
        assertEquals("BHD 370.370", AWS.assess(percent("98"), false, Money.of("1234.565", "BHD")).credit().toString());
    }

    @Test
    void kuwaitiDinarKeepsThreeDecimals() {
        assertEquals(Money.of("1.235", "KWD"), Money.rounded(new BigDecimal("1.2345001"), Currency.getInstance("KWD")));
    }

    @Test
    void tierListThatSkipsALevelPaysTheLargestTierEarned() {
        CreditPolicy skipping = CreditPolicy.of(percent("99.9"),
                List.of(CreditTier.of("99.9", "10"), CreditTier.of("95", "50")));
        assertEquals(0, skipping.tierCreditPercent(percent("98")).compareTo(percent("10")));
        assertEquals(0, skipping.tierCreditPercent(percent("94")).compareTo(percent("50")));
    }

    @Test
    void tiersOutOfOrderStillPayTheLargestCreditEarned() {
        CreditPolicy unordered = CreditPolicy.of(percent("99.99"),
                List.of(CreditTier.of("95.0", "100"), CreditTier.of("99.99", "10"), CreditTier.of("99.0", "30")));
        assertEquals(0, unordered.tierCreditPercent(percent("94")).compareTo(percent("100")));
        assertEquals(0, unordered.tierCreditPercent(percent("97")).compareTo(percent("30")));
    }

    @Test
    void capBelowTheTierCreditLimitsThePayment() {
        CreditPolicy capped = new CreditPolicy(percent("99.99"), AWS_TIERS, percent("25"));
        SlaOutcome outcome = capped.assess(percent("94"), true, Money.of("1000.00", "EUR"));
        assertEquals(0, outcome.tierCreditPercent().compareTo(percent("100")));
        assertEquals(0, outcome.creditPercent().compareTo(percent("25")));
        assertEquals(Money.of("250.00", "EUR"), outcome.credit());
        assertTrue(outcome.provisional());
    }

    @Test
    void tierAboveTheTargetIsRejectedWithAMessageNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CreditPolicy.of(percent("99.9"), List.of(CreditTier.of("99.95", "10"))));
        assertTrue(error.getMessage().contains("tiers[0].belowPercent 99.95 exceeds the target 99.9"), error.getMessage());
    }

    @Test
    void violationsListsEveryProblemAndIsEmptyForAValidPolicy() {
        assertEquals(List.of(), CreditPolicy.violations(percent("99.99"), AWS_TIERS, Percent.HUNDRED));
        assertEquals(List.of(), CreditPolicy.violations(percent("99.9"), List.of(CreditTier.of("99.9", "10")), Percent.HUNDRED));
        List<String> violations = CreditPolicy.violations(percent("99.9"),
                List.of(CreditTier.of("99.95", "10"), CreditTier.of("99", "-5")), percent("120"));
        assertEquals(3, violations.size(), violations::toString);
    }

    @Test
    void moneyRejectsMoreDecimalsThanTheCurrencyHas() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
    }

    @Test
    void moneyRejectsCurrenciesWithoutAMinorUnit() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XAU"));
    }

    @Test
    void totalsAreKeptPerCurrency() {
        Map<Currency, Money> totals = Money.totalsByCurrency(List.of(Money.of("1200.00", "EUR"),
                Money.of("500", "JPY"), Money.of("0.50", "EUR")));
        assertEquals(Money.of("1200.50", "EUR"), totals.get(Currency.getInstance("EUR")));
        assertEquals(Money.of("500", "JPY"), totals.get(Currency.getInstance("JPY")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }
}
