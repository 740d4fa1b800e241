package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An amount in one currency, always at the currency's minor unit: {@code EUR 1200.00},
 * {@code JPY 5000}, {@code BHD 12.345}. Amounts in different currencies are never added.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorDigits = minorUnitDigits(currency);
        try {
            amount = amount.setScale(minorDigits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has " + minorDigits
                    + " decimal places; " + amount.toPlainString() + " has more", e);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** An exact amount rounded half-even to the currency's minor unit. */
    public static Money rounded(BigDecimal exactAmount, Currency currency) {
        return new Money(exactAmount.setScale(minorUnitDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** Totals per currency, in the order each currency first appears. */
    public static Map<Currency, Money> totalsByCurrency(Collection<Money> amounts) {
        Map<Currency, Money> totals = new LinkedHashMap<>();
        for (Money money : amounts) {
            totals.merge(money.currency(), money, Money::plus);
        }
        return totals;
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency.getCurrencyCode()
                    + " to " + currency.getCurrencyCode());
        }
        return new Money(amount.add(other.amount), currency);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private static int minorUnitDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            // Pseudo-currencies such as XAU (gold) have no minor unit to round a credit to.
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit; not a billing currency");
        }
        return digits;
    }
}
