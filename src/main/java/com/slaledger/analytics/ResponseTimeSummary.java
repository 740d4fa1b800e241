package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One response metric over a set of incidents. The mean sits beside the median and p90
 * because means hide the shape. With no values, {@code count} is 0 and the figures are null.
 *
 * @param count         incidents that have the metric
 * @param meanSeconds   rounded half-even to the microsecond
 * @param medianSeconds R-7 (PERCENTILE.INC) 50th percentile
 * @param p90Seconds    R-7 (PERCENTILE.INC) 90th percentile
 * @param missing       incidents left out because an instant the metric needs is missing
 * @param open          ongoing incidents left out (MTTR, MTTResolve only)
 */
public record ResponseTimeSummary(ResponseMetric metric, int count, BigDecimal meanSeconds,
                                  BigDecimal medianSeconds, BigDecimal p90Seconds, BigDecimal maxSeconds,
                                  int missing, int open) {

    private static final BigDecimal MEDIAN = new BigDecimal("0.5");
    private static final BigDecimal P90 = new BigDecimal("0.9");

    /** Over every incident given; the caller chooses them. */
    public static ResponseTimeSummary of(ResponseMetric metric, Collection<IncidentTimeline> incidents) {
        List<BigDecimal> values = new ArrayList<>();
        int missing = 0;
        int open = 0;
        for (IncidentTimeline incident : incidents) {
            BigDecimal seconds = metric.seconds(ResponseTimes.of(incident));
            if (seconds != null) {
                values.add(seconds);
            } else if (metric.isOpen(incident)) {
                open++;
            } else {
                missing++;
            }
        }
        if (values.isEmpty()) {
            return new ResponseTimeSummary(metric, 0, null, null, null, null, missing, open);
        }
        values.sort(null);
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = Micros.tidy(total.divide(BigDecimal.valueOf(values.size()), 6, RoundingMode.HALF_EVEN));
        return new ResponseTimeSummary(metric, values.size(), mean,
                Percentiles.percentileInc(values, MEDIAN), Percentiles.percentileInc(values, P90),
                values.get(values.size() - 1), missing, open);
    }

    /** Over the incidents whose {@code startedAt} lies in {@code window}, as the spec's MTTx are. */
    public static ResponseTimeSummary of(ResponseMetric metric, Collection<IncidentTimeline> incidents,
                                         TimeWindow window) {
        return of(metric, incidents.stream().filter(incident -> window.contains(incident.startedAt())).toList());
    }
}
