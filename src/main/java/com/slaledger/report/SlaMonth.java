package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ErrorBudget;
import com.slaledger.analytics.SlaOutcome;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.incident.IncidentFacts;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One client's SLA month, measured: the figures of SPEC "Availability" and "SLA breach and credit".
 *
 * @param window    the calendar month in the client's zone, clipped to the contract (not cut at asOf)
 * @param incidents the incidents behind the figures, by start, in the order of the availability's contributions
 */
record SlaMonth(ContractTerms terms, YearMonth month, TimeWindow window, List<TimeWindow> maintenance,
        Availability availability, ErrorBudget budget, SlaOutcome outcome, List<IncidentFacts> incidents) {

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
        List<TimeWindow> maintenance = maintenanceIndex.forClient(terms.clientKey(), terms.coveredServices());
        TimeWindow measured = window.measuredAsOf(asOf).window();
        List<IncidentFacts> incidents = incidentIndex.affecting(terms.clientKey(), terms.coveredServices())
                .stream().filter(incident -> concerns(incident, measured, asOf)).toList();
        Availability availability = Availability.measure(window, asOf, maintenance,
                incidents.stream().map(incidentIndex::impactOf).toList(), terms.impactModel(),
                terms.contract().minimumOutageSeconds());
        ErrorBudget budget = ErrorBudget.of(terms.creditPolicy().targetPercent(), window, maintenance, availability);
        SlaOutcome outcome = terms.creditPolicy().assess(availability, terms.monthlyFee());
        return new SlaMonth(terms, month, window, maintenance, availability, budget, outcome, incidents);
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
