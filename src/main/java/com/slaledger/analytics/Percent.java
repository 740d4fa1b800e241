package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percent constants and the display rule shared by every figure shown as a percentage. */
public final class Percent {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Decimal places kept by exact divisions. More than the spec's minimum of ten, and the
     * quotient is floored, so comparing it with any target or tier bound of up to this many
     * decimals gives the same answer as comparing the true fraction.
     */
    public static final int EXACT_SCALE = 15;

    private Percent() {
    }

    /**
     * Three decimals, floored: 99.9499… shows {@code 99.949}, never {@code 99.950}, so a page
     * never rounds a client up to a target it missed.
     */
    public static String display(BigDecimal percent) {
        return percent.setScale(3, RoundingMode.FLOOR).toPlainString();
    }
}
