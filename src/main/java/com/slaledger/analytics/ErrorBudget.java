package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How much downtime the target allows over the whole month and how much is left.
 *
 * @param allowedSeconds   {@code (1 − target/100) · |Wmonth∖M|}
 * @param consumedSeconds  the downtime {@code D} measured so far
 * @param remainingSeconds {@code allowed − D}; negative once the budget is blown
 * @param burnRate         for a provisional month, {@code (D/allowed) / (elapsed/|Wmonth|)}:
 *                         above 1 means the budget runs out before the month does. Null for a
 *                         complete month, when nothing is allowed, or when nothing has elapsed
 */
public record ErrorBudget(BigDecimal targetPercent, BigDecimal allowedSeconds, BigDecimal consumedSeconds,
                          BigDecimal remainingSeconds, BigDecimal burnRate) {

    private static final int BURN_RATE_SCALE = 12;

    /**
     * @param month                the whole month (clipped to the contract, not to {@code asOf})
     * @param announcedMaintenance the same maintenance windows the availability was measured with
     * @param availability         the month measured so far
     */
    public static ErrorBudget of(BigDecimal targetPercent, TimeWindow month, List<TimeWindow> announcedMaintenance,
                                 Availability availability) {
        Interval wholeMonth = month.toInterval();
        long monthMeasurableMicros = wholeMonth.lengthMicros()
                - IntervalSet.ofWindows(announcedMaintenance).clip(wholeMonth).totalMicros();
        BigDecimal allowedSeconds = Micros.tidy(Percent.HUNDRED.subtract(targetPercent)
                .multiply(BigDecimal.valueOf(monthMeasurableMicros))
                .movePointLeft(2 + 6));
        BigDecimal consumedSeconds = availability.downtimeSeconds();

        BigDecimal burnRate = null;
        long elapsedMicros = availability.measuredWindow().lengthMicros();
        if (availability.provisional() && allowedSeconds.signum() > 0 && elapsedMicros > 0) {
            // (D/allowed) / (elapsed/|Wmonth|) as one division, so only one rounding.
            burnRate = Micros.tidy(consumedSeconds.multiply(BigDecimal.valueOf(wholeMonth.lengthMicros()))
                    .divide(allowedSeconds.multiply(BigDecimal.valueOf(elapsedMicros)),
                            BURN_RATE_SCALE, RoundingMode.HALF_EVEN));
        }
        return new ErrorBudget(targetPercent, allowedSeconds, consumedSeconds,
                Micros.tidy(allowedSeconds.subtract(consumedSeconds)), burnRate);
    }
}
