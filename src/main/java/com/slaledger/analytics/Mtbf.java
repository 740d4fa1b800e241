package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Mean time between failures within a window: outages are merged into disjoint intervals
 * (touching ones become one), and MTBF is the mean gap from the end of one to the start of
 * the next. Time before the first and after the last outage is not a gap between failures.
 *
 * @param outageCount disjoint outages after merging
 * @param mtbfSeconds rounded half-even to the microsecond; null with fewer than two outages
 */
public record Mtbf(int outageCount, BigDecimal mtbfSeconds) {

    public static Mtbf of(TimeWindow window, List<TimeWindow> outages) {
        List<Interval> merged = IntervalSet.ofWindows(outages).clip(window.toInterval()).intervals();
        if (merged.size() < 2) {
            return new Mtbf(merged.size(), null);
        }
        long gapsMicros = 0;
        for (int i = 1; i < merged.size(); i++) {
            gapsMicros += merged.get(i).startMicros() - merged.get(i - 1).endMicros();
        }
        BigDecimal meanGapSeconds = BigDecimal.valueOf(gapsMicros)
                .divide(BigDecimal.valueOf(merged.size() - 1L), 0, RoundingMode.HALF_EVEN)
                .movePointLeft(6);
        return new Mtbf(merged.size(), Micros.tidy(meanGapSeconds));
    }

    /** From incidents: the counted ones whose weight under the impact model is above zero. */
    public static Mtbf of(TimeWindow window, Instant asOf, List<IncidentImpact> incidents, ImpactModel impactModel) {
        return of(window, incidents.stream()
                .filter(incident -> !incident.excluded())
                .filter(incident -> impactModel.weight(incident.impactPercent()).signum() > 0)
                .map(incident -> TimeWindow.of(incident.impactInterval(asOf)))
                .toList());
    }
}
