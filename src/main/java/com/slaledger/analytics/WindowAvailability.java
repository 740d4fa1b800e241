package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Availability over a window longer than a month (a quarter, a year, any {@code [from, to)}), built from the
 * exact figures of its months as SPEC.md "Availability" step 6 defines them over the whole window:
 * {@code availability = 1 − ΣD / Σ|W∖M|}. Adding the months' downtime and measured time, rather than
 * averaging their percentages, weighs each month by the time the SLA was in play in it.
 *
 * <p>Each month keeps its own contract version, maintenance and minimum outage: an outage that crosses a
 * month edge is two stretches, exactly as the month pages count it.
 *
 * @param measuredSeconds     {@code Σ|W∖M|} over the months, cut at {@code asOf}
 * @param maintenanceSeconds  announced maintenance inside the window
 * @param downtimeSeconds     {@code ΣD}
 * @param availabilityPercent {@code 100 · (1 − ΣD/Σ|W∖M|)}, floored to {@value Percent#EXACT_SCALE} decimals;
 *                            100 when nothing was measurable
 * @param provisional         some month reaches past {@code asOf}
 * @param measurable          false when no month had any time to measure
 */
public record WindowAvailability(BigDecimal measuredSeconds, BigDecimal maintenanceSeconds,
        BigDecimal downtimeSeconds, BigDecimal availabilityPercent, boolean provisional, boolean measurable) {

    /** Floored to three decimals, as every displayed availability. */
    public String availabilityDisplay() {
        return Percent.display(availabilityPercent);
    }

    /** The window made of these months' (or parts of months') availabilities; an empty list is not measurable. */
    public static WindowAvailability of(List<Availability> months) {
        BigDecimal measured = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal downtime = BigDecimal.ZERO;
        boolean provisional = false;
        for (Availability month : months) {
            measured = measured.add(month.measuredSeconds());
            maintenance = maintenance.add(month.maintenanceSeconds());
            downtime = downtime.add(month.downtimeSeconds());
            provisional |= month.provisional();
        }
        boolean measurable = measured.signum() > 0;
        BigDecimal availabilityPercent = measurable
                ? Micros.tidy(measured.subtract(downtime).multiply(Percent.HUNDRED)
                        .divide(measured, Percent.EXACT_SCALE, RoundingMode.FLOOR))
                : Percent.HUNDRED;
        return new WindowAvailability(Micros.tidy(measured), Micros.tidy(maintenance), Micros.tidy(downtime),
                availabilityPercent, provisional, measurable);
    }
}
