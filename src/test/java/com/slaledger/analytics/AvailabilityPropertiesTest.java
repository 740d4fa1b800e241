package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Laws availability must obey for any incidents, maintenance and {@code asOf}. Incidents are
 * drawn around a 1000-second window so that they overlap, nest, touch, cross its edges and
 * run past {@code asOf} often.
 */
class AvailabilityPropertiesTest {

    private static final Instant T0 = Instant.parse("2024-01-16T09:00:00Z");
    private static final TimeWindow WINDOW = TimeWindow.of(T0, T0.plusSeconds(1000));

    private static Instant at(long micros) {
        return T0.plusNanos(micros * 1000);
    }

    @Provide
    Arbitrary<List<IncidentImpact>> incidents() {
        Arbitrary<Long> startMicros = Arbitraries.longs().between(-200_000_000L, 1_200_000_000L);
        // Whole seconds half the time, so touching and identical incidents are common.
        Arbitrary<Long> lengthMicros = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 600).map(seconds -> seconds * 1_000_000L),
                Arbitraries.longs().between(0, 600_000_000L));
        Arbitrary<Integer> impactPercent = Arbitraries.integers().between(1, 100);
        Arbitrary<Boolean> ongoing = Arbitraries.integers().between(0, 9).map(n -> n == 0);
        Arbitrary<IncidentImpact> incident = Combinators.combine(startMicros, lengthMicros, impactPercent, ongoing)
                .as((start, length, percent, isOngoing) -> new IncidentImpact("unnamed", at(start),
                        isOngoing ? null : at(start + length), BigDecimal.valueOf(percent), false));
        return incident.list().ofMaxSize(8).map(AvailabilityPropertiesTest::withDistinctIds);
    }

    @Provide
    Arbitrary<List<TimeWindow>> maintenance() {
        Arbitrary<TimeWindow> window = Combinators.combine(
                        Arbitraries.longs().between(-100, 1100), Arbitraries.longs().between(0, 300))
                .as((startSeconds, lengthSeconds) -> TimeWindow.of(T0.plusSeconds(startSeconds),
                        T0.plusSeconds(startSeconds + lengthSeconds)));
        return window.list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<ImpactModel> impactModels() {
        return Arbitraries.of(ImpactModel.PROPORTIONAL, ImpactModel.FULL, ImpactModel.threshold(new BigDecimal("50")));
    }

    private static List<IncidentImpact> withDistinctIds(List<IncidentImpact> incidents) {
        List<IncidentImpact> named = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentImpact incident = incidents.get(i);
            named.add(new IncidentImpact("inc-" + i, incident.startedAt(), incident.impactEnd(),
                    incident.impactPercent(), false));
        }
        return named;
    }

    private static Instant asOf(long asOfSeconds) {
        return T0.plusSeconds(asOfSeconds);
    }

    @Property
    void downtimeNeverExceedsTheMeasuredWindow(@ForAll("incidents") List<IncidentImpact> incidents,
                                               @ForAll("maintenance") List<TimeWindow> maintenance,
                                               @ForAll("impactModels") ImpactModel model,
                                               @ForAll @LongRange(min = 0, max = 120) long minimumOutageSeconds,
                                               @ForAll @LongRange(min = -100, max = 1500) long asOfSeconds) {
        Availability availability = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model,
                minimumOutageSeconds);
        assertTrue(availability.downtimeSeconds().signum() >= 0);
        assertTrue(availability.downtimeSeconds().compareTo(availability.measuredSeconds()) <= 0,
                () -> availability.downtimeSeconds() + " > " + availability.measuredSeconds());
        assertTrue(availability.measuredSeconds().compareTo(WINDOW.lengthSeconds()) <= 0);
        assertTrue(availability.availabilityPercent().signum() >= 0);
        assertTrue(availability.availabilityPercent().compareTo(Percent.HUNDRED) <= 0);
    }

    @Property
    void incidentOrderDoesNotMatter(@ForAll("incidents") List<IncidentImpact> incidents,
                                    @ForAll("maintenance") List<TimeWindow> maintenance,
                                    @ForAll("impactModels") ImpactModel model,
                                    @ForAll @LongRange(min = 0, max = 120) long minimumOutageSeconds,
                                    @ForAll long shuffleSeed) {
        List<IncidentImpact> shuffled = new ArrayList<>(incidents);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        Availability inOrder = Availability.measure(WINDOW, asOf(900), maintenance, incidents, model, minimumOutageSeconds);
        Availability reordered = Availability.measure(WINDOW, asOf(900), maintenance, shuffled, model, minimumOutageSeconds);
        assertEquals(0, inOrder.downtimeSeconds().compareTo(reordered.downtimeSeconds()));
        assertEquals(inOrder.availabilityPercent(), reordered.availabilityPercent());
        assertEquals(contributionsById(inOrder), contributionsById(reordered));
    }

    @Property
    void addingAnIncidentNeverRaisesAvailability(@ForAll("incidents") List<IncidentImpact> incidents,
                                                 @ForAll("incidents") List<IncidentImpact> more,
                                                 @ForAll("maintenance") List<TimeWindow> maintenance,
                                                 @ForAll("impactModels") ImpactModel model,
                                                 @ForAll @LongRange(min = 0, max = 120) long minimumOutageSeconds) {
        List<IncidentImpact> all = new ArrayList<>(incidents);
        all.addAll(more);
        Availability before = Availability.measure(WINDOW, asOf(2000), maintenance, incidents, model, minimumOutageSeconds);
        Availability after = Availability.measure(WINDOW, asOf(2000), maintenance, all, model, minimumOutageSeconds);
        assertTrue(after.availabilityPercent().compareTo(before.availabilityPercent()) <= 0,
                () -> after.availabilityPercent() + " > " + before.availabilityPercent());
        assertTrue(after.downtimeSeconds().compareTo(before.downtimeSeconds()) >= 0);
    }

    /**
     * Without a minimum outage, downtime is an integral over the window, so it adds up over any
     * split. (With a minimum it need not: a stretch cut by the split may fall below it.)
     */
    @Property
    void downtimeOfTwoHalvesAddsUpToTheWholeWithoutAMinimumOutage(
            @ForAll("incidents") List<IncidentImpact> incidents,
            @ForAll("maintenance") List<TimeWindow> maintenance,
            @ForAll("impactModels") ImpactModel model,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long splitMicros,
            @ForAll @LongRange(min = -100, max = 1500) long asOfSeconds) {
        Instant split = at(splitMicros);
        Availability whole = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model, 0);
        Availability first = Availability.measure(TimeWindow.of(WINDOW.start(), split), asOf(asOfSeconds),
                maintenance, incidents, model, 0);
        Availability second = Availability.measure(TimeWindow.of(split, WINDOW.end()), asOf(asOfSeconds),
                maintenance, incidents, model, 0);
        assertEquals(0, whole.downtimeSeconds().compareTo(first.downtimeSeconds().add(second.downtimeSeconds())));
        assertEquals(0, whole.measuredSeconds().compareTo(first.measuredSeconds().add(second.measuredSeconds())));
    }

    @Property
    void contributionsSumToTheDowntime(@ForAll("incidents") List<IncidentImpact> incidents,
                                       @ForAll("maintenance") List<TimeWindow> maintenance,
                                       @ForAll("impactModels") ImpactModel model,
                                       @ForAll @IntRange(min = 0, max = 120) int minimumOutageSeconds,
                                       @ForAll @LongRange(min = -100, max = 1500) long asOfSeconds) {
        Availability availability = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model,
                minimumOutageSeconds);
        BigDecimal sum = availability.contributions().stream()
                .map(DowntimeContribution::downtimeSeconds)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(availability.downtimeSeconds()), () -> sum + " ≠ " + availability.downtimeSeconds());
        assertTrue(availability.contributions().stream().allMatch(c -> c.downtimeSeconds().signum() >= 0));
    }

    private static Map<String, BigDecimal> contributionsById(Availability availability) {
        return availability.contributions().stream().collect(Collectors.toMap(DowntimeContribution::incidentId,
                contribution -> contribution.downtimeSeconds().stripTrailingZeros()));
    }
}
