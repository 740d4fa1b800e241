package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.slaledger.testing.Seeds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flat sweep ({@link HeaviestSweep}, {@code long} microseconds and weight units) gives exactly what the
 * tree-map sweep with {@link BigDecimal} weights gave ({@link TreeSweepReference}), on cases generated from
 * seeded {@link Random}s ({@link Seeds}). Instants are drawn from a coarse grid so that identical, nested and
 * touching intervals and equal weights are common; weights include zero and impact percents with 6 decimals.
 */
class FlatSweepTest {

    private static final Instant T0 = Instant.parse("2024-01-16T09:00:00Z");
    private static final int CASES = 500;

    static LongStream seeds() {
        return Seeds.of(CASES);
    }

    /** Percents as stored: whole, one decimal, or six; 100 and equal ones often. */
    private static BigDecimal impactPercent(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new BigDecimal("100");
            case 1 -> BigDecimal.valueOf(1 + random.nextInt(4) * 25L);
            case 2 -> BigDecimal.valueOf(1 + random.nextInt(1000), 1);
            default -> BigDecimal.valueOf(1 + random.nextInt(100_000_000), 6);
        };
    }

    /** Mostly on a 10-second grid (ties, touching, identical, nested), sometimes to the microsecond. */
    private static long micros(Random random) {
        return random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : random.nextInt(101) * 10_000_000L;
    }

    private static List<WeightedInterval<String>> weightedIntervals(Random random) {
        int count = random.nextInt(40);
        List<WeightedInterval<String>> intervals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(6) == 0) {
                WeightedInterval<String> earlier = intervals.get(random.nextInt(i));
                BigDecimal weight = random.nextBoolean() ? earlier.weight() : impactPercent(random).movePointLeft(2);
                intervals.add(new WeightedInterval<>(earlier.interval(), weight, "w" + random.nextInt(count)));
                continue;
            }
            long a = micros(random);
            long b = micros(random);
            BigDecimal weight = switch (random.nextInt(8)) {
                case 0 -> BigDecimal.ZERO;
                case 1 -> new BigDecimal("0.123456789012");
                default -> impactPercent(random).movePointLeft(2);
            };
            intervals.add(new WeightedInterval<>(new Interval(Math.min(a, b), Math.max(a, b)), weight,
                    "w" + random.nextInt(count)));
        }
        return intervals;
    }

    private static List<IncidentImpact> incidents(Random random, boolean inexactWeights) {
        int count = random.nextInt(30);
        List<IncidentImpact> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = micros(random) - 100_000_000L;
            long end = start + (random.nextBoolean() ? random.nextInt(40) * 10_000_000L : random.nextInt(400_000_000));
            BigDecimal percent = inexactWeights && random.nextInt(3) == 0
                    ? BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), 7) : impactPercent(random);
            if (i > 0 && random.nextInt(6) == 0) {
                IncidentImpact twin = incidents.get(random.nextInt(i));
                incidents.add(new IncidentImpact(random.nextBoolean() ? twin.incidentId() : "inc-" + i, twin.startedAt(),
                        twin.impactEnd(), random.nextBoolean() ? twin.impactPercent() : percent, false));
                continue;
            }
            incidents.add(new IncidentImpact("inc-" + random.nextInt(100), at(start),
                    random.nextInt(10) == 0 ? null : at(end), percent, random.nextInt(10) == 0));
        }
        return incidents;
    }

    private static List<TimeWindow> maintenance(Random random) {
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            long start = micros(random);
            windows.add(TimeWindow.of(at(start), at(start + random.nextInt(30) * 10_000_000L)));
        }
        return windows;
    }

    private static Instant at(long micros) {
        return T0.plusNanos(micros * 1000);
    }

    private static ImpactModel impactModel(Random random) {
        return List.of(ImpactModel.PROPORTIONAL, ImpactModel.FULL, ImpactModel.threshold(new BigDecimal("50")),
                ImpactModel.threshold(new BigDecimal("33.333333"))).get(random.nextInt(4));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void heaviestUnionMatchesTheTreeSweep(long seed) {
        Random random = new Random(seed);
        List<WeightedInterval<String>> intervals = weightedIntervals(random);
        Seeds.check(seed, intervals::toString, () -> assertEquals(
                TreeSweepReference.heaviestUnion(intervals, Comparator.naturalOrder()),
                WeightedInterval.heaviestUnion(intervals, Comparator.naturalOrder())));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void availabilityMatchesTheTreeSweepToTheLastDigit(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random, false);
        List<TimeWindow> maintenance = maintenance(random);
        ImpactModel model = impactModel(random);
        long minimumOutageSeconds = random.nextBoolean() ? 0 : random.nextInt(120);
        Instant asOf = at(random.nextInt(1_200_000_000));
        TimeWindow window = TimeWindow.of(T0, at(1_000_000_000L));
        Seeds.check(seed, () -> List.of(incidents, maintenance, model, minimumOutageSeconds, asOf).toString(),
                () -> assertEquals(
                        TreeSweepReference.measure(window, asOf, maintenance, incidents, model, minimumOutageSeconds),
                        Availability.measure(window, asOf, maintenance, incidents, model, minimumOutageSeconds)));
    }

    /** Impact percents with 7 decimals give weights that are no whole number of units: the BigDecimal fallback. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void weightsFinerThanTheUnitsStayExact(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> incidents = incidents(random, true);
        List<TimeWindow> maintenance = maintenance(random);
        Instant asOf = at(2_000_000_000L);
        TimeWindow window = TimeWindow.of(T0, at(1_000_000_000L));
        Seeds.check(seed, incidents::toString, () -> assertEquals(
                TreeSweepReference.measure(window, asOf, maintenance, incidents, ImpactModel.PROPORTIONAL, 0),
                Availability.measure(window, asOf, maintenance, incidents, ImpactModel.PROPORTIONAL, 0)));
    }

    /**
     * A report prepares its incidents once ({@link ImpactTable}) and measures each client's as positions in it:
     * any subset, in any order, under one impact model and then another, gives what the tree sweep gives for
     * the list of those incidents in that order.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void positionsInASharedTableMeasureAsTheirIncidentsDo(long seed) {
        Random random = new Random(seed);
        List<IncidentImpact> reported = incidents(random, random.nextInt(4) == 0);
        ImpactTable table = ImpactTable.of(reported);
        TimeWindow window = TimeWindow.of(T0, at(1_000_000_000L));
        for (int client = 0; client < 2; client++) {
            List<Integer> chosen = new ArrayList<>(IntStream.range(0, reported.size())
                    .filter(position -> random.nextInt(4) > 0).boxed().toList());
            if (random.nextBoolean()) {
                Collections.shuffle(chosen, random);
            }
            int[] positions = chosen.stream().mapToInt(Integer::intValue).toArray();
            List<IncidentImpact> incidents = chosen.stream().map(reported::get).toList();
            List<TimeWindow> maintenance = maintenance(random);
            ImpactModel model = impactModel(random);
            long minimumOutageSeconds = random.nextBoolean() ? 0 : random.nextInt(120);
            Instant asOf = at(random.nextInt(1_200_000_000));
            Seeds.check(seed, () -> List.of(incidents, maintenance, model, minimumOutageSeconds, asOf).toString(),
                    () -> assertEquals(
                            TreeSweepReference.measure(window, asOf, maintenance, incidents, model, minimumOutageSeconds),
                            Availability.measure(window, asOf, maintenance, table, positions, model,
                                    minimumOutageSeconds)));
        }
    }

    @Test
    void yearsOfFullAndSixDecimalOutagesDoNotOverflowTheLongSums() {
        // 10^8 units × 5 years of microseconds is 1.6·10^22: far beyond a long, yet exact.
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        TimeWindow fiveYears = TimeWindow.of(start, Instant.parse("2025-01-01T00:00:00Z"));
        List<IncidentImpact> incidents = List.of(
                new IncidentImpact("a", start, Instant.parse("2023-01-01T00:00:00Z"), new BigDecimal("99.999999"), false),
                new IncidentImpact("b", Instant.parse("2022-06-01T00:00:00.000001Z"), null, new BigDecimal("100"), false),
                new IncidentImpact("c", Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2024-12-31T23:59:59.999999Z"),
                        new BigDecimal("0.000001"), false));
        Instant asOf = Instant.parse("2024-07-01T00:00:00Z");
        Availability availability = Availability.measure(fiveYears, asOf, List.of(), incidents, ImpactModel.PROPORTIONAL, 0);
        assertEquals(TreeSweepReference.measure(fiveYears, asOf, List.of(), incidents, ImpactModel.PROPORTIONAL, 0),
                availability);
        // a owns [2020-01-01, 2022-06-01 + 1 µs) at 0.99999999; b, heavier, the rest up to asOf; c nothing.
        long aMicros = Micros.of(Instant.parse("2022-06-01T00:00:00.000001Z")) - Micros.of(start);
        long bMicros = Micros.of(asOf) - Micros.of(Instant.parse("2022-06-01T00:00:00.000001Z"));
        BigDecimal expected = new BigDecimal("0.99999999").multiply(BigDecimal.valueOf(aMicros))
                .add(BigDecimal.valueOf(bMicros)).movePointLeft(6);
        assertEquals(0, expected.compareTo(availability.downtimeSeconds()), availability.downtimeSeconds()::toString);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTwoLongSumsAddUpExactly(long seed) {
        Random random = new Random(seed);
        int count = random.nextInt(2_000);
        long[] units = new long[count];
        long[] micros = new long[count];
        BigDecimal expected = BigDecimal.ZERO;
        for (int k = 0; k < count; k++) {
            units[k] = random.nextBoolean() ? Availability.WEIGHT_UNITS_PER_ONE
                    : (long) (random.nextDouble() * Availability.WEIGHT_UNITS_PER_ONE);
            // Up to 2^52 µs each (about 140 years): the sum of micros still fits, the products do not.
            micros[k] = random.nextBoolean() ? random.nextLong() >>> 12 : random.nextInt(100_000_000);
            expected = expected.add(BigDecimal.valueOf(units[k]).multiply(BigDecimal.valueOf(micros[k])));
        }
        BigDecimal sum = expected.movePointLeft(Availability.WEIGHT_DECIMALS);
        Seeds.check(seed, () -> count + " terms", () ->
                assertEquals(0, sum.compareTo(Availability.weightedMicros(units, micros))));
    }

    @Test
    void theSweepRefusesStartsOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> HeaviestSweep.sweep(
                new long[] {10, 0}, new long[] {20, 5}, new long[] {0, 1}));
    }

    @Test
    void theSweepHandsOverAtEveryStartOfAHeavierIntervalAndBackWhenItEnds() {
        // 0: [0,100) key 5; 1: [10,20) key 1 (wins); 2: [10,30) key 3; 3: [20,20) empty, key 0.
        HeaviestSweep.Pieces pieces = HeaviestSweep.sweep(new long[] {0, 10, 10, 20}, new long[] {100, 20, 30, 20},
                new long[] {5, 1, 3, 0});
        assertEquals(4, pieces.count());
        assertEquals(List.of(0L, 10L, 20L, 30L), LongStream.of(pieces.starts()).limit(4).boxed().toList());
        assertEquals(List.of(10L, 20L, 30L, 100L), LongStream.of(pieces.ends()).limit(4).boxed().toList());
        assertEquals(List.of(0, 1, 2, 0), IntStream.of(pieces.winners()).limit(4).boxed().toList());
    }
}
