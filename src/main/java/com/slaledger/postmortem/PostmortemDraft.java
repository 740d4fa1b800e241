package com.slaledger.postmortem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An incident as a postmortem describes it, before anybody confirmed it. Every instant carries the
 * line it came from; anything the parser had to choose or assume is in {@code warnings}.
 *
 * @param title the document's title (at most 300 characters)
 * @param severity {@code SEV1}..{@code SEV4} when stated, else null
 * @param impactPercent share of traffic affected, 0 &lt; x ≤ 100, when stated, else null
 * @param impactLine the line the impact was read from, or null
 * @param affectedServices known services named in the document (catalog keys)
 * @param affectedClients known clients named in the document (catalog keys)
 * @param timeline the incident's timeline entries in document order
 * @param zone the zone the document's times were read in
 * @param zoneLine the line that stated the zone, or null when assumed
 * @param date the incident's date, in {@code zone}
 * @param dateLine the line the date was read from, or null when given by the caller
 */
public record PostmortemDraft(
        String title,
        String severity,
        BigDecimal impactPercent,
        Integer impactLine,
        List<Mention> affectedServices,
        List<Mention> affectedClients,
        String summary,
        String rootCause,
        List<String> preventiveActions,
        List<TimelineItem> timeline,
        DerivedInstant startedAt,
        DerivedInstant detectedAt,
        DerivedInstant acknowledgedAt,
        DerivedInstant mitigatedAt,
        DerivedInstant resolvedAt,
        ZoneId zone,
        Integer zoneLine,
        LocalDate date,
        Integer dateLine,
        List<Warning> warnings) {

    /** Whether a warning of this kind was given. */
    public boolean warns(Warning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }
}
