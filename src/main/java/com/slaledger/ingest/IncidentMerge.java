package com.slaledger.ingest;

import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Folds one event into the incident as stored, so that events delivered in any order, any number of
 * times, end in the same incident: the earliest start, detection and acknowledgement; the latest
 * mitigation and resolution, unless the source reopened the incident after them; the description as
 * first stored (a person may have edited it since), except a severity the source explicitly changed.
 * Every rule is a minimum or a maximum, so the result does not depend on the order of delivery.
 *
 * <p>An instant of this event that would break the order rules of SPEC "Incident lifecycle" (started ≤
 * detected ≤ acknowledged; started ≤ mitigated ≤ resolved) is left out with a warning instead of failing
 * the delivery. Plain Java: tested without the database.
 */
public final class IncidentMerge {

    /** Timeline text that records a reopen, so a resolve delivered after it but older than it is ignored. */
    static final String REOPENED = "Reopened in ";

    private IncidentMerge() {
    }

    /** The request to store, and what this event could not contribute. */
    public record Merged(IncidentRequest request, List<String> warnings) {
    }

    /**
     * @param stored the incident as stored now (null: none yet)
     * @param event  what the delivery says
     */
    public static Merged merge(IncidentRequest stored, IngestEvent event) {
        List<String> warnings = new ArrayList<>();
        List<TimelineEntryRequest> timeline = new ArrayList<>(stored == null ? List.of() : stored.timeline());
        List<TimelineEntryRequest> added = new ArrayList<>(event.timeline());
        if (event.reopenedAt() != null) {
            added.add(new TimelineEntryRequest(micros(event.reopenedAt()), REOPENED + event.source()));
        }
        for (TimelineEntryRequest entry : added) {
            TimelineEntryRequest exact = new TimelineEntryRequest(micros(entry.at()), entry.text());
            if (!timeline.contains(exact)) {
                timeline.add(exact);
            }
        }
        timeline.sort(Comparator.comparing(TimelineEntryRequest::at));

        Instant[] before = stored == null ? new Instant[5]
                : new Instant[] {stored.startedAt(), stored.detectedAt(), stored.acknowledgedAt(),
                        stored.mitigatedAt(), stored.resolvedAt()};
        Instant[] merged = {
                earliest(before[0], micros(event.startedAt())),
                earliest(before[1], micros(event.detectedAt())),
                earliest(before[2], micros(event.acknowledgedAt())),
                latest(before[3], micros(event.mitigatedAt())),
                latest(before[4], micros(event.resolvedAt()))};
        Instant reopened = timeline.stream().filter(e -> e.text().startsWith(REOPENED)).map(TimelineEntryRequest::at)
                .max(Comparator.naturalOrder()).orElse(null);
        if (reopened != null) {
            for (int field = MITIGATED; field <= RESOLVED; field++) {
                if (merged[field] != null && !merged[field].isAfter(reopened)) {
                    Instant fromEvent = field == MITIGATED ? event.mitigatedAt() : event.resolvedAt();
                    if (fromEvent != null && micros(fromEvent).equals(merged[field])) {
                        warnings.add(FIELDS[field] + " " + merged[field] + " is not after the reopen at " + reopened
                                + "; the incident stays open");
                    }
                    merged[field] = null;
                }
            }
        }
        keepOrder(before, merged, warnings);

        IncidentRequest request;
        if (stored == null) {
            request = new IncidentRequest(event.source(), event.externalId(), event.title(), event.severity(),
                    event.services(), event.clients(), event.impactPercent(), false, null, event.summary(), null,
                    List.of(), timeline, merged[0], merged[1], merged[2], merged[3], merged[4]);
        } else {
            request = new IncidentRequest(stored.source(), stored.externalId(), stored.title(),
                    event.severityChanged() ? event.severity() : stored.severity(), stored.affectedServices(),
                    stored.affectedClients(), stored.impactPercent(), stored.excluded(), stored.exclusionReason(),
                    stored.summary(), stored.rootCause(), stored.preventiveActions(), timeline, merged[0], merged[1],
                    merged[2], merged[3], merged[4]);
        }
        return new Merged(request, List.copyOf(new LinkedHashSet<>(warnings)));
    }

    private static final int DETECTED = 1;
    private static final int MITIGATED = 3;
    private static final int RESOLVED = 4;
    private static final String[] FIELDS = {"startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"};

    /**
     * While the merged instants break an order rule, puts back the stored value of an instant this event
     * changed: first the one the rule names, else the event's latest-stage instant. The start only ever moves
     * earlier, which breaks no rule, so this ends with the stored (valid) instants at worst.
     */
    private static void keepOrder(Instant[] before, Instant[] merged, List<String> warnings) {
        for (int round = 0; round < FIELDS.length; round++) {
            List<IncidentTimeline.OrderViolation> broken = IncidentTimeline.orderViolations(merged[0], merged[1],
                    merged[2], merged[3], merged[4]);
            if (broken.isEmpty()) {
                return;
            }
            int field = indexOf(broken.get(0).field());
            if (Objects.equals(before[field], merged[field])) {
                field = -1;
                for (int candidate = RESOLVED; candidate >= DETECTED; candidate--) {
                    if (!Objects.equals(before[candidate], merged[candidate])) {
                        field = candidate;
                        break;
                    }
                }
                if (field < 0) {
                    return; // only stored instants are left; the incident service reports what is wrong
                }
            }
            warnings.add(FIELDS[field] + " " + merged[field] + " left out, as it breaks the order of instants: "
                    + broken.get(0).field() + " " + broken.get(0).message());
            merged[field] = before[field];
        }
    }

    private static int indexOf(String field) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
