package com.slaledger.contract;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * An exact amount in an ISO 4217 currency. The amount travels as a JSON string ({@code "12000.00"})
 * so no client parses money into a floating-point number on the way.
 */
public record Money(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits before the point")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @NotNull String currency) {

    /** The currency when the code names one that has a minor unit (not {@code XAU} or {@code XXX}). */
    public static Optional<Currency> knownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The amount written with exactly the currency's minor unit: EUR 12000.00, JPY 1200000, BHD 5.250. */
    static Money inMinorUnits(BigDecimal amount, String currency) {
        int digits = knownCurrency(currency).map(Currency::getDefaultFractionDigits).orElse(amount.scale());
        BigDecimal scaled = amount.stripTrailingZeros().scale() <= digits
                ? amount.setScale(digits, RoundingMode.UNNECESSARY)
                // stored by a path around validation: show the exact value rather than round money
                : amount.stripTrailingZeros();
        return new Money(scaled, currency);
    }
}
