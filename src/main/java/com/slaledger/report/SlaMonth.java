package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ErrorBudget;
import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.IntervalSet;
import com.slaledger.analytics.SlaOutcome;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.incident.IncidentFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One client's SLA month, measured: the figures of SPEC "Availability" and "SLA breach and credit".
 *
 * @param window    the calendar month in the client's zone, clipped to the contract (not cut at asOf)
 * @param incidents the incidents behind the figures, by start, in the order of the availability's contributions
 */
record SlaMonth(ContractTerms terms, YearMonth month, TimeWindow window, List<TimeWindow> maintenance,
        Availability availability, ErrorBudget budget, SlaOutcome outcome, List<IncidentFacts> incidents,
        List<TimeWindow> outsideServiceHours) {

    /**
     * The time outside the contract's service hours within the measured window (cut at asOf), exact seconds;
     * 0 without a calendar. The availability's excluded time is this plus {@link #maintenanceSeconds}.
     */
    BigDecimal outsideServiceHoursSeconds() {
        long micros = IntervalSet.ofWindows(outsideServiceHours).clip(availability.measuredWindow().toInterval())
                .totalMicros();
        return Decimals.plain(BigDecimal.valueOf(micros).movePointLeft(6));
    }

    /** Announced maintenance inside the measured window and inside service hours (all hours without a calendar). */
    BigDecimal maintenanceSeconds() {
        return Decimals.plain(availability.maintenanceSeconds().subtract(outsideServiceHoursSeconds()));
    }

    /** Empty when the contract is in force on no day of the month. */
    static Optional<SlaMonth> measure(ContractTerms terms, YearMonth month, Instant asOf,
            MaintenanceIndex maintenanceIndex, IncidentIndex incidentIndex) {
        return terms.window(month).map(window -> measure(terms, month, window, asOf, maintenanceIndex, incidentIndex));
    }

    /**
     * The figures over {@code window}, a month or a part of one (the edge of a longer window): within it the
     * contract terms of {@code month} apply. The budget is that of {@code window}.
     */
    static SlaMonth measure(ContractTerms terms, YearMonth month, TimeWindow window, Instant asOf,
            MaintenanceIndex maintenanceIndex, IncidentIndex incidentIndex) {
        Inputs inputs = Inputs.of(terms, window, maintenanceIndex, incidentIndex);
        return of(terms, month, inputs, inputs.measure(asOf, incidentIndex));
    }

    /**
     * The month from figures measured for {@code inputs}, possibly shared with other clients: the
     * budget and the credit, which depend on this client's target, tiers and fee, are its own.
     */
    static SlaMonth of(ContractTerms terms, YearMonth month, Inputs inputs, Shared shared) {
        ErrorBudget budget = ErrorBudget.of(terms.creditPolicy().targetPercent(), inputs.window(),
                inputs.excluded(), shared.availability());
        SlaOutcome outcome = terms.creditPolicy().assess(shared.availability(), terms.monthlyFee());
        return new SlaMonth(terms, month, inputs.window(), inputs.maintenance(), shared.availability(), budget,
                outcome, shared.incidents(), inputs.outsideServiceHours());
    }

    /**
     * Everything a client's incidents and availability depend on, for one asOf and one index: clients
     * with equal inputs have equal incidents and availability, so a fleet report measures each distinct
     * one once. A client named by incidents or concerned by client-scoped maintenance has inputs of its
     * own unless another client is named and concerned by exactly the same ones.
     *
     * @param coveredServices the contract's services as a set (the order in the contract changes nothing)
     * @param maintenance     the client's announced maintenance, as {@link MaintenanceIndex#forClient} lists it
     * @param naming          the incidents that name the client ({@link IncidentIndex#naming})
     * @param outsideServiceHours the window's time outside the contract's service calendar, in the client's
     *                        zone (empty without one): clients with different calendars never share a measurement
     */
    record Inputs(TimeWindow window, Set<String> coveredServices, ImpactModel impactModel, long minimumOutageSeconds,
            List<TimeWindow> maintenance, IncidentIndex.Selection naming,
            List<TimeWindow> outsideServiceHours) {

        /**
         * What the measured window leaves out: announced maintenance and the time outside service hours, so
         * the measured window is {@code W ∩ SH ∖ M} (docs/service-hours.md).
         */
        List<TimeWindow> excluded() {
            if (outsideServiceHours.isEmpty()) {
                return maintenance;
            }
            List<TimeWindow> excluded = new java.util.ArrayList<>(maintenance);
            excluded.addAll(outsideServiceHours);
            return excluded;
        }

        static Inputs of(ContractTerms terms, TimeWindow window, MaintenanceIndex maintenanceIndex,
                IncidentIndex incidentIndex) {
            return new Inputs(window, Set.copyOf(terms.coveredServices()), terms.impactModel(),
                    terms.contract().minimumOutageSeconds(),
                    List.copyOf(maintenanceIndex.forClient(terms.clientKey(), terms.coveredServices())),
                    incidentIndex.naming(terms.clientKey()),
                    maintenanceIndex.outsideServiceHours(terms.contract().serviceCalendar(), window, terms.zone()));
        }

        /** The incidents on the month's page and the availability they leave (SPEC "Availability"). */
        Shared measure(Instant asOf, IncidentIndex incidentIndex) {
            TimeWindow measured = window.measuredAsOf(asOf).window();
            IncidentIndex.Selection incidents = incidentIndex.concerning(naming, coveredServices, measured, asOf);
            Availability availability = Availability.measure(window, asOf, excluded(), incidentIndex.impacts(),
                    incidents.positions(), impactModel, minimumOutageSeconds);
            return new Shared(incidents, availability);
        }
    }

    /** What clients with equal {@link Inputs} share: the incidents behind the figures, by start, and availability. */
    record Shared(List<IncidentFacts> incidents, Availability availability) {
    }

    /**
     * Whether the incident belongs on the client's month page: its impact (an ongoing one's running to
     * asOf) overlaps the measured part of the window, or it starts there without lasting any time. The
     * query reads a wider range (the widest zone's month, and beyond asOf), so this narrows it per client.
     */
    static boolean concerns(IncidentFacts incident, TimeWindow measured, Instant asOf) {
        if (measured.contains(incident.startedAt())) {
            return true;
        }
        Instant end = incident.ongoing() ? asOf : incident.impactEndedAt();
        return incident.startedAt().isBefore(measured.end()) && end.isAfter(measured.start());
    }
}
