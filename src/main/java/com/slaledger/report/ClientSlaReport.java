package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.DowntimeContribution;
import com.slaledger.analytics.ErrorBudget;
import com.slaledger.analytics.SlaOutcome;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.Money;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client lived through in one month: availability against the target, the error budget, the
 * credit owed, the contract that decided it and the incidents behind it.
 *
 * <p>{@code availabilityPercent} and {@code creditAmount} travel as strings: the first is exact to 15
 * decimals and the second is money, and neither may pass through a client's floating-point parser.
 *
 * @param window      the calendar month in the client's zone, clipped to the contract's effective dates
 * @param provisional the month reaches past {@code asOf}: every figure, breach and credit too, may change
 * @param measurable  false when announced maintenance covers the whole window; availability then reads 100
 * @param creditPercent        the tier earned (SPEC "SLA breach and credit": the largest tier whose
 *                             {@code belowPercent} the availability is under; 0 if none), before the cap
 * @param maintenanceWindows the announced windows that concern the client and overlap the month, by start
 * @param appliedCreditPercent the percent of the fee actually credited: {@code min(creditPercent, cap)}
 * @param serviceCalendar     the key of the contract's service calendar, null when every hour counts; with one,
 *                            {@code measuredSeconds} is {@code |W ∩ SH ∖ M|} and {@code maintenanceSeconds} only
 *                            the maintenance inside service hours (docs/service-hours.md)
 * @param outsideServiceHoursSeconds the window's time (cut at asOf) outside service hours; 0 without a calendar
 * @param responseTimes       MTTA and MTTR of the incidents starting in the month, on the wall clock and, with a
 *                            service calendar, in business time
 * @param notes               what a reader should know about how the figures were made, in sentences; empty when
 *                            nothing: e.g. a maintenance window concerning the client whose stored recurrence rule
 *                            is refused today, so only its first occurrence was left out of the measured time
 */
public record ClientSlaReport(Client client, String month, Window window, Instant asOf, boolean provisional,
        boolean measurable, BigDecimal targetPercent, String availabilityPercent, String availabilityDisplay,
        BigDecimal downtimeSeconds, BigDecimal measuredSeconds, BigDecimal maintenanceSeconds, boolean breached,
        BigDecimal creditPercent, BigDecimal appliedCreditPercent, String creditAmount, String currency,
        Budget budget, Contract contract,
        List<IncidentLine> incidents, List<Maintenance> maintenanceWindows,
        String serviceCalendar,
        BigDecimal outsideServiceHoursSeconds,
        ResponseTimesInHours responseTimes,
        List<String> notes) {

    /**
     * An announced maintenance window that concerns this client and overlaps the month: excluded from it. A
     * recurring window is listed once per occurrence (same id), with its RRULE in {@code recurrence}, else null.
     */
    public record Maintenance(long id, String title, Instant startsAt, Instant endsAt,
            String recurrence) {
    }

    public record Client(String key, String name, String timeZone) {
    }

    public record Window(Instant from, Instant to) {
    }

    /**
     * @param burnRate for a provisional month, how fast the budget burns relative to the month (above 1: it
     *                 runs out before the month does); null for a complete month
     */
    public record Budget(BigDecimal allowedSeconds, BigDecimal consumedSeconds, BigDecimal remainingSeconds,
            BigDecimal burnRate) {
    }

    public record Contract(long id, LocalDate effectiveFrom, LocalDate effectiveTo, List<String> coveredServices,
            BigDecimal targetPercent, String impactModel, BigDecimal impactThresholdPercent,
            int minimumOutageSeconds, List<ContractResponse.Tier> creditTiers, Money monthlyFee,
            BigDecimal creditCapPercent) {
    }

    /**
     * @param impactEndedAt   null while the incident is ongoing (its impact then runs to {@code asOf})
     * @param weight          the share of an outage the contract's impact model makes of it, 0 to 1
     * @param downtimeSeconds this incident's share of the month's downtime; the shares add up to the total
     */
    public record IncidentLine(long id, String title, Severity severity, Instant startedAt, Instant impactEndedAt,
            boolean ongoing, BigDecimal impactPercent, BigDecimal weight, boolean excluded,
            BigDecimal downtimeSeconds) {
    }

    static ClientSlaReport of(SlaMonth month, Client client, Instant asOf, List<Maintenance> maintenanceWindows,
            ResponseTimesInHours responseTimes, List<String> notes) {
        Availability availability = month.availability();
        SlaOutcome outcome = month.outcome();
        ErrorBudget budget = month.budget();
        ContractResponse contract = month.terms().contract();
        List<IncidentLine> incidents = new ArrayList<>();
        for (int i = 0; i < month.incidents().size(); i++) {
            IncidentFacts incident = month.incidents().get(i);
            DowntimeContribution contribution = availability.contributions().get(i);
            incidents.add(new IncidentLine(incident.id(), incident.title(), incident.severity(),
                    incident.startedAt(), incident.impactEndedAt(), incident.ongoing(), incident.impactPercent(),
                    Decimals.plain(month.terms().impactModel().weight(incident.impactPercent())),
                    incident.excluded(), contribution.downtimeSeconds()));
        }
        return new ClientSlaReport(client, month.month().toString(),
                new Window(month.window().start(), month.window().end()), asOf, availability.provisional(),
                availability.measurable(), outcome.targetPercent(), availability.availabilityPercent().toPlainString(),
                availability.availabilityDisplay(), availability.downtimeSeconds(), availability.measuredSeconds(),
                month.maintenanceSeconds(), outcome.breached(), Decimals.plain(outcome.tierCreditPercent()),
                Decimals.plain(outcome.creditPercent()),
                outcome.credit().amount().toPlainString(), outcome.credit().currency().getCurrencyCode(),
                new Budget(budget.allowedSeconds(), budget.consumedSeconds(), budget.remainingSeconds(),
                        budget.burnRate()),
                new Contract(contract.id(), contract.effectiveFrom(), contract.effectiveTo(),
                        contract.coveredServices(), contract.targetPercent(), month.terms().impactModel().toString(),
                        contract.impactThresholdPercent(), contract.minimumOutageSeconds(), contract.creditTiers(),
                        contract.monthlyFee(), contract.creditCapPercent()),
                incidents, List.copyOf(maintenanceWindows), contract.serviceCalendar(),
                month.outsideServiceHoursSeconds(), responseTimes, List.copyOf(notes));
    }
}
