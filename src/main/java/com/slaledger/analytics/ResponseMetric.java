package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Predicate;

/** The four response times the spec aggregates into MTTD, MTTA, MTTR and MTTResolve. */
public enum ResponseMetric {

    TIME_TO_DETECT("MTTD", ResponseTimes::timeToDetectSeconds, incident -> false),
    TIME_TO_ACKNOWLEDGE("MTTA", ResponseTimes::timeToAcknowledgeSeconds, incident -> false),
    /** An ongoing incident has no time to restore yet: it is open, not missing data. */
    TIME_TO_RESTORE("MTTR", ResponseTimes::timeToRestoreSeconds, IncidentTimeline::ongoing),
    /** An incident without resolvedAt is not closed yet: open, even when already mitigated. */
    TIME_TO_RESOLVE("MTTResolve", ResponseTimes::timeToResolveSeconds, incident -> incident.resolvedAt() == null);

    private final String aggregateName;
    private final Function<ResponseTimes, BigDecimal> seconds;
    private final Predicate<IncidentTimeline> open;

    ResponseMetric(String aggregateName, Function<ResponseTimes, BigDecimal> seconds, Predicate<IncidentTimeline> open) {
        this.aggregateName = aggregateName;
        this.seconds = seconds;
        this.open = open;
    }

    /** The name of the mean in reports: MTTD, MTTA, MTTR, MTTResolve. */
    public String aggregateName() {
        return aggregateName;
    }

    public BigDecimal seconds(ResponseTimes times) {
        return seconds.apply(times);
    }

    /** Whether the incident is left out because it is still running, rather than for missing data. */
    public boolean isOpen(IncidentTimeline incident) {
        return open.test(incident);
    }
}
