package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Seeds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws availability must obey for any incidents, maintenance and {@code asOf}, each checked on 1,000
 * cases generated from seeded {@link Random}s ({@link Seeds}: a failure prints its seed; replay it with
 * {@code -Dproperty.seed=N}). Incidents are drawn around a 1000-second window so that they overlap,
 * nest, touch, cross its edges and run past {@code asOf} often.
 */
class AvailabilityPropertiesTest {

    private static final Instant T0 = Instant.parse("2024-01-16T09:00:00Z");
    private static final TimeWindow WINDOW = TimeWindow.of(T0, T0.plusSeconds(1000));
    private static final int CASES = 1_000;

    static LongStream seeds() {
        return Seeds.of(CASES);
    }

    private static Instant at(long micros) {
        return T0.plusNanos(micros * 1000);
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    /** Up to 8 incidents, lengths in whole seconds half the time so touching and identical ones are common. */
    static List<IncidentImpact> incidents(Random random) {
        int count = random.nextInt(9);
        List<IncidentImpact> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = between(random, -200_000_000L, 1_200_000_000L);
            long length = random.nextBoolean() ? between(random, 0, 600) * 1_000_000L
                    : between(random, 0, 600_000_000L);
            int percent = (int) between(random, 1, 100);
            boolean ongoing = random.nextInt(10) == 0;
            incidents.add(new IncidentImpact("inc-" + i, at(start), ongoing ? null : at(start + length),
                    BigDecimal.valueOf(percent), false));
        }
        return incidents;
    }

    static List<TimeWindow> maintenance(Random random) {
        int count = random.nextInt(4);
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long startSeconds = between(random, -100, 1100);
            long lengthSeconds = between(random, 0, 300);
            windows.add(TimeWindow.of(T0.plusSeconds(startSeconds), T0.plusSeconds(startSeconds + lengthSeconds)));
        }
        return windows;
    }

    static ImpactModel impactModel(Random random) {
        return List.of(ImpactModel.PROPORTIONAL, ImpactModel.FULL, ImpactModel.threshold(new BigDecimal("50")))
                .get(random.nextInt(3));
    }

    private static Instant asOf(long asOfSeconds) {
        return T0.plusSeconds(asOfSeconds);
    }

    private static String describe(Object... inputs) {
        return List.of(inputs).toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void downtimeNeverExceedsTheMeasuredWindow(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        long minimumOutageSeconds = between(random, 0, 120);
        long asOfSeconds = between(random, -100, 1500);
        Seeds.check(seed, () -> describe(incidents, maintenance, model, minimumOutageSeconds, asOfSeconds), () -> {
            Availability availability = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model,
                    minimumOutageSeconds);
            assertTrue(availability.downtimeSeconds().signum() >= 0);
            assertTrue(availability.downtimeSeconds().compareTo(availability.measuredSeconds()) <= 0,
                    () -> availability.downtimeSeconds() + " > " + availability.measuredSeconds());
            assertTrue(availability.measuredSeconds().compareTo(WINDOW.lengthSeconds()) <= 0);
            assertTrue(availability.availabilityPercent().signum() >= 0);
            assertTrue(availability.availabilityPercent().compareTo(Percent.HUNDRED) <= 0);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void incidentOrderDoesNotMatter(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        long minimumOutageSeconds = between(random, 0, 120);
        List<IncidentImpact> shuffled = new ArrayList<>(incidents);
        Collections.shuffle(shuffled, random);
        Seeds.check(seed, () -> describe(incidents, shuffled, maintenance, model, minimumOutageSeconds), () -> {
            Availability inOrder = Availability.measure(WINDOW, asOf(900), maintenance, incidents, model,
                    minimumOutageSeconds);
            Availability reordered = Availability.measure(WINDOW, asOf(900), maintenance, shuffled, model,
                    minimumOutageSeconds);
            assertEquals(0, inOrder.downtimeSeconds().compareTo(reordered.downtimeSeconds()));
            assertEquals(inOrder.availabilityPercent(), reordered.availabilityPercent());
            assertEquals(contributionsById(inOrder), contributionsById(reordered));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingAnIncidentNeverRaisesAvailability(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random);
        List<IncidentImpact> more = incidents(random);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        long minimumOutageSeconds = between(random, 0, 120);
        Seeds.check(seed, () -> describe(incidents, more, maintenance, model, minimumOutageSeconds), () -> {
            List<IncidentImpact> all = new ArrayList<>(incidents);
            all.addAll(more);
            Availability before = Availability.measure(WINDOW, asOf(2000), maintenance, incidents, model,
                    minimumOutageSeconds);
            Availability after = Availability.measure(WINDOW, asOf(2000), maintenance, all, model, minimumOutageSeconds);
            assertTrue(after.availabilityPercent().compareTo(before.availabilityPercent()) <= 0,
                    () -> after.availabilityPercent() + " > " + before.availabilityPercent());
            assertTrue(after.downtimeSeconds().compareTo(before.downtimeSeconds()) >= 0);
        });
    }

    /**
     * Without a minimum outage, downtime is an integral over the window, so it adds up over any
     * split. (With a minimum it need not: a stretch cut by the split may fall below it.)
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void downtimeOfTwoHalvesAddsUpToTheWholeWithoutAMinimumOutage(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        long splitMicros = between(random, 0, 1_000_000_000L);
        long asOfSeconds = between(random, -100, 1500);
        Seeds.check(seed, () -> describe(incidents, maintenance, model, splitMicros, asOfSeconds), () -> {
            Instant split = at(splitMicros);
            Availability whole = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model, 0);
            Availability first = Availability.measure(TimeWindow.of(WINDOW.start(), split), asOf(asOfSeconds),
                    maintenance, incidents, model, 0);
            Availability second = Availability.measure(TimeWindow.of(split, WINDOW.end()), asOf(asOfSeconds),
                    maintenance, incidents, model, 0);
            assertEquals(0, whole.downtimeSeconds().compareTo(first.downtimeSeconds().add(second.downtimeSeconds())));
            assertEquals(0, whole.measuredSeconds().compareTo(first.measuredSeconds().add(second.measuredSeconds())));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void contributionsSumToTheDowntime(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        int minimumOutageSeconds = (int) between(random, 0, 120);
        long asOfSeconds = between(random, -100, 1500);
        Seeds.check(seed, () -> describe(incidents, maintenance, model, minimumOutageSeconds, asOfSeconds), () -> {
            Availability availability = Availability.measure(WINDOW, asOf(asOfSeconds), maintenance, incidents, model,
                    minimumOutageSeconds);
            BigDecimal sum = availability.contributions().stream()
                    .map(DowntimeContribution::downtimeSeconds)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(availability.downtimeSeconds()),
                    () -> sum + " ≠ " + availability.downtimeSeconds());
            assertTrue(availability.contributions().stream().allMatch(c -> c.downtimeSeconds().signum() >= 0));
        });
    }

    private static Map<String, BigDecimal> contributionsById(Availability availability) {
        return availability.contributions().stream().collect(Collectors.toMap(DowntimeContribution::incidentId,
                contribution -> contribution.downtimeSeconds().stripTrailingZeros()));
    }
}
