package com.slaledger.report;

import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.analytics.Micros;
import com.slaledger.analytics.ResponseMetric;
import com.slaledger.analytics.ResponseTimeSummary;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.calendar.ServiceHours;
import com.slaledger.incident.IncidentFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client month's MTTA and MTTR (SPEC "Reliability metrics": over the incidents whose {@code startedAt} lies in
 * the month), on the wall clock and, when the contract names a service calendar, in business time: only the time
 * inside service hours, in the client's zone, counts (docs/service-hours.md). Business time is worked out by
 * moving each instant {@code t} to {@code B(t) = |SH ∩ [t0, t)|} from a common origin {@code t0}; {@code B} never
 * decreases, so {@code B(acknowledged) − B(detected)} is exactly the service time between the two, and the
 * summaries (mean, median, p90, max) are those of the wall clock applied to the moved timelines.
 *
 * @param businessMtta null without a calendar
 * @param businessMttr null without a calendar
 */
public record ResponseTimesInHours(ResponseTimeSummary mtta, ResponseTimeSummary mttr,
        ResponseTimeSummary businessMtta, ResponseTimeSummary businessMttr) {

    static ResponseTimesInHours of(List<IncidentFacts> incidents, TimeWindow month, Optional<ServiceHours> hours,
            ZoneId zone) {
        List<IncidentTimeline> started = incidents.stream().filter(incident -> month.contains(incident.startedAt()))
                .map(ResponseTimesInHours::timeline).toList();
        ResponseTimeSummary mtta = ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, started);
        ResponseTimeSummary mttr = ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESTORE, started);
        if (hours.isEmpty()) {
            return new ResponseTimesInHours(mtta, mttr, null, null);
        }
        Instant origin = started.stream().map(IncidentTimeline::startedAt).min(Comparator.naturalOrder())
                .orElse(month.start());
        List<IncidentTimeline> inHours = started.stream().map(incident -> new IncidentTimeline(incident.incidentId(),
                business(incident.startedAt(), origin, hours.get(), zone),
                business(incident.detectedAt(), origin, hours.get(), zone),
                business(incident.acknowledgedAt(), origin, hours.get(), zone),
                business(incident.mitigatedAt(), origin, hours.get(), zone),
                business(incident.resolvedAt(), origin, hours.get(), zone))).toList();
        return new ResponseTimesInHours(mtta, mttr,
                ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, inHours),
                ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESTORE, inHours));
    }

    /** How many incidents started in the month (those with and without an acknowledgement). */
    public int started() {
        return mtta.count() + mtta.missing() + mtta.open();
    }

    private static IncidentTimeline timeline(IncidentFacts incident) {
        return new IncidentTimeline(String.valueOf(incident.id()), incident.startedAt(), incident.detectedAt(),
                incident.acknowledgedAt(), incident.mitigatedAt(), incident.resolvedAt());
    }

    /** {@code B(t)}: the service time from {@code origin} to {@code t}, as an instant from the epoch; null stays null. */
    private static Instant business(Instant instant, Instant origin, ServiceHours hours, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        return Micros.toInstant(hours.businessMicros(origin, Objects.requireNonNull(instant), zone));
    }
}
