package com.slaledger.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The merge rules of {@link IncidentMerge}, without the database. */
class IncidentMergeTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static IngestEvent event(Instant start, Instant detected, Instant acknowledged, Instant mitigated,
            Instant resolved, Instant reopened) {
        return new IngestEvent("pagerduty", "P1", "Checkout down", Severity.SEV2, false, List.of("checkout"),
                List.of(), null, null, start, detected, acknowledged, mitigated, resolved, reopened, List.of());
    }

    private static IncidentRequest fold(List<IngestEvent> events) {
        IncidentRequest current = null;
        for (IngestEvent event : events) {
            current = IncidentMerge.merge(current, event).request().normalized();
        }
        return current;
    }

    @Test
    void triggerAcknowledgeResolveInOrderGiveEachInstant() {
        IncidentRequest merged = fold(List.of(event(at(0), at(0), null, null, null, null),
                event(at(5), null, at(5), null, null, null), event(at(30), null, null, null, at(30), null)));
        assertEquals(at(0), merged.startedAt());
        assertEquals(at(0), merged.detectedAt());
        assertEquals(at(5), merged.acknowledgedAt());
        assertNull(merged.mitigatedAt());
        assertEquals(at(30), merged.resolvedAt());
    }

    @Test
    void aResolveBeforeItsTriggerEndsWithTheTriggersStart() {
        IncidentRequest merged = fold(List.of(event(at(30), null, null, null, at(30), null),
                event(at(0), at(0), null, null, null, null)));
        assertEquals(at(0), merged.startedAt());
        assertEquals(at(0), merged.detectedAt());
        assertEquals(at(30), merged.resolvedAt());
    }

    @Test
    void aReopenAfterTheResolveOpensTheIncidentAgainAndAnOlderResolveDeliveredLaterDoesNotCloseIt() {
        IngestEvent trigger = event(at(0), at(0), null, null, null, null);
        IngestEvent resolve = event(at(10), null, null, null, at(10), null);
        IngestEvent reopen = event(at(20), null, null, null, null, at(20));
        IncidentRequest reopened = fold(List.of(trigger, resolve, reopen));
        assertNull(reopened.resolvedAt());
        IncidentMerge.Merged late = IncidentMerge.merge(fold(List.of(trigger, reopen)), resolve);
        assertNull(late.request().resolvedAt());
        assertEquals(List.of("resolvedAt 2024-05-01T10:10:00Z is not after the reopen at 2024-05-01T10:20:00Z;"
                + " the incident stays open"), late.warnings());
        IncidentRequest resolvedAgain = fold(List.of(trigger, resolve, reopen, event(at(40), null, null, null,
                at(40), null)));
        assertEquals(at(40), resolvedAgain.resolvedAt());
        assertEquals(List.of(new TimelineEntryRequest(at(20), "Reopened in pagerduty")), resolvedAgain.timeline());
    }

    @Test
    void anInstantThatBreaksTheOrderIsLeftOutWithAWarning() {
        IncidentRequest stored = fold(List.of(event(at(0), at(10), null, null, null, null)));
        // an acknowledgement stamped before the detection (clock skew between tools)
        IncidentMerge.Merged merged = IncidentMerge.merge(stored, event(at(5), null, at(5), null, null, null));
        assertNull(merged.request().acknowledgedAt());
        assertEquals(at(0), merged.request().startedAt());
        assertEquals(List.of("acknowledgedAt 2024-05-01T10:05:00Z left out, as it breaks the order of instants:"
                + " acknowledgedAt must not be before detectedAt (2024-05-01T10:10:00Z), got 2024-05-01T10:05:00Z"),
                merged.warnings());
    }

    @Test
    void theStoredDescriptionWinsExceptAnExplicitSeverityChange() {
        IncidentRequest stored = fold(List.of(event(at(0), at(0), null, null, null, null)));
        IngestEvent retitled = new IngestEvent("pagerduty", "P1", "Other title", Severity.SEV4, false,
                List.of("other"), List.of(), null, null, at(1), null, null, null, null, null, List.of());
        IncidentRequest kept = IncidentMerge.merge(stored, retitled).request();
        assertEquals("Checkout down", kept.title());
        assertEquals(Severity.SEV2, kept.severity());
        assertEquals(List.of("checkout"), kept.affectedServices());
        IngestEvent reprioritised = new IngestEvent("pagerduty", "P1", "Checkout down", Severity.SEV1, true,
                List.of("checkout"), List.of(), null, null, at(1), null, null, null, null, null, List.of());
        assertEquals(Severity.SEV1, IncidentMerge.merge(stored, reprioritised).request().severity());
    }

    /**
     * Any order and any number of repeats of the same events end in the same incident. Seeded: the seed is
     * in the failure message.
     */
    @RepeatedTest(50)
    void anyOrderAndAnyRepeatsGiveTheSameIncident(RepetitionInfo repetition) {
        long seed = 0x5EED0000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        List<IngestEvent> events = List.of(event(at(0), at(0), null, null, null, null),
                event(at(4), null, at(4), null, null, null), event(at(9), null, null, null, at(9), null),
                event(at(12), null, null, null, null, at(12)), event(at(25), null, null, at(25), at(25), null),
                event(at(2), null, at(2), null, null, null));
        IncidentRequest expected = fold(events);
        assertEquals(at(0), expected.startedAt());
        assertEquals(at(2), expected.acknowledgedAt());
        assertEquals(at(25), expected.resolvedAt());
        List<IngestEvent> shuffled = new ArrayList<>(events);
        for (int extra = random.nextInt(6); extra > 0; extra--) {
            shuffled.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(shuffled, random);
        assertEquals(expected, fold(shuffled), "seed " + seed + ", order " + shuffled);
    }

    @Test
    void epochTimestampsAreReadInTheirUnit() {
        assertEquals(Instant.parse("2017-08-14T11:25:56.288Z"), Payloads.epoch(1502709956288L));
        assertEquals(Instant.parse("2015-01-05T10:03:44.764002246Z"), Payloads.epoch(1420452224764002246L));
        assertEquals(Instant.parse("2015-01-05T10:03:44Z"), Payloads.epoch(1420452224L));
        assertEquals(Instant.parse("2015-01-05T10:03:44.764002Z"), Payloads.epoch(1420452224764002L));
    }

    @Test
    void slugsAreServiceKeys() {
        assertEquals("pig208", Payloads.slug("pig208"));
        assertEquals("checkout-api-eu", Payloads.slug("  Checkout API (EU) "));
        assertEquals("cafe-creme", Payloads.slug("Café Crème"));
        assertNull(Payloads.slug("!!!"));
        assertTrue(Payloads.slug("x".repeat(100)).length() <= 64);
    }
}
