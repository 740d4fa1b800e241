package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How much of an outage an incident is, from the share of the client's traffic it hit.
 * The contract chooses the model; weights are exact so that credits are too.
 */
public sealed interface ImpactModel {

    /** The default: an incident hitting 25% of traffic is a quarter of an outage. */
    ImpactModel PROPORTIONAL = new Proportional();

    /** Any impact is a full outage. */
    ImpactModel FULL = new Full();

    static ImpactModel threshold(BigDecimal thresholdPercent) {
        return new Threshold(thresholdPercent);
    }

    /**
     * Reads the stored form: {@code PROPORTIONAL}, {@code FULL} or {@code THRESHOLD(t)}
     * (also {@code THRESHOLD:t}), case-insensitive.
     */
    static ImpactModel parse(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        if (normalized.equals("PROPORTIONAL")) {
            return PROPORTIONAL;
        }
        if (normalized.equals("FULL")) {
            return FULL;
        }
        if (normalized.startsWith("THRESHOLD")) {
            String argument = normalized.substring("THRESHOLD".length()).replaceAll("[():\\s]", "");
            try {
                return threshold(new BigDecimal(argument));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("impact model threshold is not a number: " + text, e);
            }
        }
        throw new IllegalArgumentException(
                "unknown impact model '" + text + "'; expected PROPORTIONAL, FULL or THRESHOLD(t)");
    }

    /** The weight, from 0 (not an outage) to 1 (a full outage), of an incident with this impact. */
    BigDecimal weight(BigDecimal impactPercent);

    record Proportional() implements ImpactModel {
        @Override
        public BigDecimal weight(BigDecimal impactPercent) {
            return impactPercent.movePointLeft(2);
        }

        @Override
        public String toString() {
            return "PROPORTIONAL";
        }
    }

    record Full() implements ImpactModel {
        @Override
        public BigDecimal weight(BigDecimal impactPercent) {
            return impactPercent.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        @Override
        public String toString() {
            return "FULL";
        }
    }

    /** A full outage when at least {@code thresholdPercent} of traffic is hit, none below. */
    record Threshold(BigDecimal thresholdPercent) implements ImpactModel {
        public Threshold {
            if (thresholdPercent.signum() <= 0 || thresholdPercent.compareTo(Percent.HUNDRED) > 0) {
                throw new IllegalArgumentException(
                        "impact threshold must be above 0 and at most 100 percent: " + thresholdPercent);
            }
        }

        @Override
        public BigDecimal weight(BigDecimal impactPercent) {
            return impactPercent.compareTo(thresholdPercent) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        @Override
        public String toString() {
            return "THRESHOLD(" + thresholdPercent.toPlainString() + ")";
        }
    }
}
