package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Exact percentiles by linear interpolation between closest ranks: the R-7 definition that
 * spreadsheets' PERCENTILE.INC use, so a finance analyst can reproduce every figure.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param ascending values sorted ascending, at least one
     * @param fraction  between 0 and 1, e.g. 0.5 for the median and 0.9 for p90
     */
    public static BigDecimal percentileInc(List<BigDecimal> ascending, BigDecimal fraction) {
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("percentile fraction must be between 0 and 1: " + fraction);
        }
        // h = (n − 1)·p; the value at rank floor(h), plus the fractional part of h of the step to the next.
        BigDecimal h = fraction.multiply(BigDecimal.valueOf(ascending.size() - 1L));
        int lower = h.intValue();
        BigDecimal lowerValue = ascending.get(lower);
        if (lower == ascending.size() - 1) {
            return lowerValue;
        }
        BigDecimal step = ascending.get(lower + 1).subtract(lowerValue);
        return Micros.tidy(lowerValue.add(h.subtract(BigDecimal.valueOf(lower)).multiply(step)));
    }
}
