package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntervalAlgebraTest {

    private static Interval iv(long start, long end) {
        return new Interval(start, end);
    }

    private static WeightedInterval<String> weighted(long start, long end, String weight, String owner) {
        return new WeightedInterval<>(iv(start, end), new BigDecimal(weight), owner);
    }

    @Test
    void unionMergesOverlappingAndTouchingIntervalsInAnyOrderAndDropsEmptyOnes() {
        IntervalSet union = IntervalSet.union(List.of(iv(40, 50), iv(20, 30), iv(0, 10), iv(5, 20),
                iv(45, 46), iv(60, 60)));
        assertEquals(List.of(iv(0, 30), iv(40, 50)), union.intervals());
        assertEquals(40L, union.totalMicros());
    }

    @Test
    void setRejectsUnsortedOrTouchingIntervals() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalSet(List.of(iv(0, 10), iv(10, 20))));
        assertThrows(IllegalArgumentException.class, () -> new IntervalSet(List.of(iv(20, 30), iv(0, 10))));
    }

    @Test
    void clipKeepsOnlyThePartsInsideTheBounds() {
        IntervalSet set = IntervalSet.union(List.of(iv(0, 10), iv(20, 30), iv(40, 50)));
        assertEquals(List.of(iv(5, 10), iv(20, 25)), set.clip(iv(5, 25)).intervals());
    }

    @Test
    void subtractingMaintenanceCutsHolesAndTrimsEnds() {
        IntervalSet outages = IntervalSet.union(List.of(iv(0, 100)));
        IntervalSet maintenance = IntervalSet.union(List.of(iv(10, 20), iv(30, 40), iv(90, 120)));
        assertEquals(List.of(iv(0, 10), iv(20, 30), iv(40, 90)), outages.minus(maintenance).intervals());
    }

    @Test
    void oneMaintenanceWindowSpanningSeveralOutagesTrimsEachOfThem() {
        IntervalSet outages = IntervalSet.union(List.of(iv(0, 10), iv(20, 30), iv(40, 50)));
        IntervalSet maintenance = IntervalSet.union(List.of(iv(5, 45)));
        assertEquals(List.of(iv(0, 5), iv(45, 50)), outages.minus(maintenance).intervals());
    }

    @Test
    void intersectKeepsCommonTime() {
        IntervalSet a = IntervalSet.union(List.of(iv(0, 10), iv(20, 30)));
        IntervalSet b = IntervalSet.union(List.of(iv(5, 25)));
        assertEquals(List.of(iv(5, 10), iv(20, 25)), a.intersect(b).intervals());
    }

    @Test
    void minimumOutageKeepsStretchesExactlyAsLongAsTheMinimum() {
        IntervalSet stretches = IntervalSet.union(List.of(iv(0, 60), iv(100, 159), iv(200, 300)));
        assertEquals(List.of(iv(0, 60), iv(200, 300)), stretches.withoutStretchesShorterThan(60).intervals());
    }

    @Test
    void heaviestUnionCountsOnlyTheHeaviestWeightAtEachInstant() {
        // A 0.5 over [0,100); B and C full over [20,40) and [30,60): B wins the tie on [30,40) by order.
        List<WeightedInterval<String>> union = WeightedInterval.heaviestUnion(List.of(
                weighted(0, 100, "0.5", "A"), weighted(30, 60, "1", "C"), weighted(20, 40, "1", "B")),
                Comparator.naturalOrder());
        assertEquals(List.of(weighted(0, 20, "0.5", "A"), weighted(20, 40, "1", "B"),
                weighted(40, 60, "1", "C"), weighted(60, 100, "0.5", "A")), union);
        // 20·0.5 + 20 + 20 + 40·0.5 = 70, where a plain sum of weights would give 110.
        assertEquals(0, union.stream().map(WeightedInterval::weightedMicros)
                .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.valueOf(70)));
    }

    @Test
    void heaviestUnionIgnoresWeightZeroAndLeavesGapsUncovered() {
        List<WeightedInterval<String>> union = WeightedInterval.heaviestUnion(List.of(
                weighted(0, 10, "0.2", "A"), weighted(5, 50, "0", "Z"), weighted(20, 30, "0.3", "B")),
                Comparator.naturalOrder());
        assertEquals(List.of(weighted(0, 10, "0.2", "A"), weighted(20, 30, "0.3", "B")), union);
    }
}
