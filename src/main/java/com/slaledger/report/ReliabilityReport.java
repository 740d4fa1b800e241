package com.slaledger.report;

import com.slaledger.analytics.Mtbf;
import com.slaledger.analytics.ResponseTimeSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How fast incidents were detected, acknowledged, restored and resolved, and how long the time between
 * outages was, over the incidents that started in {@code [from, to)}.
 *
 * @param asOf          ongoing incidents' outages run to here for MTBF
 * @param incidentCount incidents started in the window (a group may count one incident that another does too)
 */
public record ReliabilityReport(Instant from, Instant to, ReliabilityGrouping groupBy, Instant asOf,
        int incidentCount, List<Group> groups, List<ServiceDowntime> servicesByDowntime) {

    /**
     * A service's downtime in the window: its non-excluded incidents' impact, weighted by impact percent,
     * overlaps counted once at the heaviest weight (no contract, so no maintenance or minimum outage).
     */
    public record ServiceDowntime(String service, int outageCount, BigDecimal downtimeSeconds) {
    }

    /**
     * @param incidentCount incidents of the group started in the window; their response times make the aggregates
     * @param mtbf          over the group's outages overlapping the window (a month group: that month's part of it)
     */
    public record Group(String key, int incidentCount, Aggregate mttd, Aggregate mtta, Aggregate mttr,
            Aggregate mttResolve, MtbfFigure mtbf) {
    }

    /**
     * One response metric, in seconds; the figures are null when no incident has it.
     *
     * @param missing incidents left out for lacking a timestamp the metric needs
     * @param open    ongoing (MTTR) or unresolved (MTTResolve) incidents left out
     */
    public record Aggregate(String name, int count, BigDecimal meanSeconds, BigDecimal medianSeconds,
            BigDecimal p90Seconds, BigDecimal maxSeconds, int missing, int open) {

        static Aggregate of(ResponseTimeSummary summary) {
            return new Aggregate(summary.metric().aggregateName(), summary.count(), summary.meanSeconds(),
                    summary.medianSeconds(), summary.p90Seconds(), summary.maxSeconds(), summary.missing(),
                    summary.open());
        }
    }

    /** @param mtbfSeconds null with fewer than two outages */
    public record MtbfFigure(int outageCount, BigDecimal mtbfSeconds) {

        static MtbfFigure of(Mtbf mtbf) {
            return new MtbfFigure(mtbf.outageCount(), mtbf.mtbfSeconds());
        }
    }
}
