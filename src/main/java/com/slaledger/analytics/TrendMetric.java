package com.slaledger.analytics;

/** The monthly series the reliability page charts, and which way is better for each. */
public enum TrendMetric {

    INCIDENT_COUNT(false),
    DOWNTIME_SECONDS(false),
    AVAILABILITY_PERCENT(true),
    MTTA_SECONDS(false),
    MTTR_SECONDS(false);

    private final boolean higherIsBetter;

    TrendMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
