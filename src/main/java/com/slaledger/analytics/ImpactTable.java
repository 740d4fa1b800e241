package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incidents prepared once for measuring the availability of many clients over them (SPEC.md "Availability"
 * step 3). An incident is known by its position in the list given; the table keeps, by position, what step 3
 * reads of it: its impact interval in microseconds, whether it is excluded, its place in step 3's order and,
 * for each impact model asked for, its weight. A fleet report measuring a thousand clients over the same
 * incidents so works each incident's figures out once, not once per client it affects.
 *
 * <p>Immutable apart from the weights, which are computed on first use per impact model; safe to share
 * between threads.
 */
public final class ImpactTable {

    /** In {@link Weights#units}: the weight is no whole number of {@value Availability#WEIGHT_UNITS_PER_ONE}ths. */
    static final long NOT_WHOLE_UNITS = -1;

    private final List<IncidentImpact> incidents;
    private final String[] incidentIds;
    private final long[] startMicros;
    private final long[] impactEndMicros;
    private final boolean[] ongoing;
    private final boolean[] excluded;
    /** Each position's rank in step 3's order, or null when the positions are already in that order. */
    private final int[] orderRank;
    private final Map<ImpactModel, Weights> weights = new ConcurrentHashMap<>();

    private ImpactTable(List<IncidentImpact> incidents) {
        this.incidents = List.copyOf(incidents);
        int n = this.incidents.size();
        startMicros = new long[n];
        impactEndMicros = new long[n];
        ongoing = new boolean[n];
        excluded = new boolean[n];
        incidentIds = new String[n];
        for (int p = 0; p < n; p++) {
            IncidentImpact incident = this.incidents.get(p);
            incidentIds[p] = incident.incidentId();
            startMicros[p] = Micros.of(incident.startedAt());
            ongoing[p] = incident.ongoing();
            impactEndMicros[p] = ongoing[p] ? startMicros[p] : Micros.of(incident.impactEnd());
            excluded[p] = incident.excluded();
        }
        orderRank = ranksInStepThreeOrder();
    }

    /** The incidents, each at its position in {@code incidents}. */
    public static ImpactTable of(List<IncidentImpact> incidents) {
        return new ImpactTable(incidents);
    }

    public int size() {
        return incidents.size();
    }

    /** The incident at {@code position}. */
    public IncidentImpact incident(int position) {
        return incidents.get(position);
    }

    /** The id of the incident at {@code position}, as its contribution names it. */
    String incidentId(int position) {
        return incidentIds[position];
    }

    long startMicros(int position) {
        return startMicros[position];
    }

    /** Where the impact ends: {@link IncidentImpact#impactInterval}'s end, an ongoing one's at {@code asOf}. */
    long impactEndMicros(int position, long asOfMicros) {
        return ongoing[position] ? Math.max(startMicros[position], asOfMicros) : impactEndMicros[position];
    }

    boolean excluded(int position) {
        return excluded[position];
    }

    /**
     * The position's rank in step 3's order: earliest {@code startedAt}, then id; incidents equal in both have
     * equal ranks (a table of incidents given by start and id, as a report reads them, stores no ranks).
     */
    int orderRank(int position) {
        return orderRank == null ? position : orderRank[position];
    }

    /** Every incident's weight under {@code impactModel}, worked out on first use. */
    Weights weights(ImpactModel impactModel) {
        return weights.computeIfAbsent(impactModel, this::weigh);
    }

    /**
     * The incidents' weights under one impact model, by position.
     *
     * @param exact the weight as the model gives it, from 0 to 1
     * @param units the same in whole {@value Availability#WEIGHT_UNITS_PER_ONE}ths, or {@link #NOT_WHOLE_UNITS}:
     *              every weight the models give for an impact percent with at most 6 decimals (the stored
     *              precision, {@code numeric(9, 6)}) is whole, since {@code PROPORTIONAL} divides it by 100
     */
    record Weights(BigDecimal[] exact, long[] units) {

        /** Whether the incident's weight is above 0, from its units where it has them (no decimal read). */
        boolean positive(int position) {
            return units[position] == NOT_WHOLE_UNITS ? exact[position].signum() > 0 : units[position] > 0;
        }
    }

    private Weights weigh(ImpactModel impactModel) {
        BigDecimal[] exact = new BigDecimal[size()];
        long[] units = new long[size()];
        for (int p = 0; p < exact.length; p++) {
            exact[p] = impactModel.weight(incidents.get(p).impactPercent());
            units[p] = wholeUnits(exact[p]);
        }
        return new Weights(exact, units);
    }

    private static long wholeUnits(BigDecimal weight) {
        BigDecimal scaled = weight.movePointRight(Availability.WEIGHT_DECIMALS);
        if (scaled.scale() > 0 && scaled.stripTrailingZeros().scale() > 0
                || scaled.compareTo(BigDecimal.valueOf(Availability.WEIGHT_UNITS_PER_ONE)) > 0) {
            return NOT_WHOLE_UNITS;
        }
        return scaled.longValueExact();
    }

    /**
     * Null when the positions are in step 3's order already, each incident strictly after the one before (the
     * usual case); else each position's rank, equal for incidents equal in start and id, which the caller's
     * order then breaks.
     */
    private int[] ranksInStepThreeOrder() {
        Comparator<Integer> stepThreeOrder = Comparator.comparingLong((Integer p) -> startMicros[p])
                .thenComparing(p -> incidents.get(p).incidentId());
        boolean strictlyInOrder = true;
        for (int p = 1; p < size() && strictlyInOrder; p++) {
            strictlyInOrder = startMicros[p - 1] < startMicros[p] || stepThreeOrder.compare(p - 1, p) < 0;
        }
        if (strictlyInOrder) {
            return null;
        }
        Integer[] byOrder = new Integer[size()];
        Arrays.setAll(byOrder, p -> p);
        Arrays.sort(byOrder, stepThreeOrder);
        int[] ranks = new int[size()];
        for (int i = 1; i < byOrder.length; i++) {
            ranks[byOrder[i]] = ranks[byOrder[i - 1]] + (stepThreeOrder.compare(byOrder[i - 1], byOrder[i]) < 0 ? 1 : 0);
        }
        return ranks;
    }
}
