package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ErrorBudget;
import com.slaledger.analytics.Money;
import com.slaledger.analytics.SlaOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Every client's SLA month for finance: one row per client with a contract in force that month (each in
 * its own zone's calendar month), and the credit owed per currency. Amounts in different currencies are
 * never added.
 */
public record FleetSlaReport(String month, Instant asOf, List<Row> clients, List<CurrencyTotal> creditTotals) {

    /**
     * One client's month, flat so that the same fields make the CSV's columns. Exact decimals that decide
     * money ({@code availabilityPercent}) and money itself ({@code creditAmount}) are strings.
     * {@code creditPercent} is the tier earned; {@code appliedCreditPercent} what the cap leaves of it, the
     * percent the amount is computed from (SPEC "SLA breach and credit").
     */
    public record Row(String clientKey, String clientName, String timeZone, long contractId, Instant windowFrom,
            Instant windowTo, boolean provisional, BigDecimal targetPercent, String availabilityPercent,
            String availabilityDisplay, BigDecimal downtimeSeconds, BigDecimal measuredSeconds,
            BigDecimal maintenanceSeconds, boolean breached, BigDecimal creditPercent, BigDecimal appliedCreditPercent,
            String creditAmount,
            String currency, String monthlyFee, BigDecimal budgetAllowedSeconds, BigDecimal budgetRemainingSeconds,
            BigDecimal burnRate, int incidentCount) {

        static Row of(SlaMonth month, String clientName) {
            Availability availability = month.availability();
            SlaOutcome outcome = month.outcome();
            ErrorBudget budget = month.budget();
            return new Row(month.terms().clientKey(), clientName, month.terms().zone().getId(),
                    month.terms().contract().id(), month.window().start(), month.window().end(),
                    availability.provisional(), outcome.targetPercent(),
                    availability.availabilityPercent().toPlainString(), availability.availabilityDisplay(),
                    availability.downtimeSeconds(), availability.measuredSeconds(), month.maintenanceSeconds(),
                    outcome.breached(), Decimals.plain(outcome.tierCreditPercent()),
                    Decimals.plain(outcome.creditPercent()),
                    outcome.credit().amount().toPlainString(), outcome.credit().currency().getCurrencyCode(),
                    month.terms().monthlyFee().amount().toPlainString(), budget.allowedSeconds(),
                    budget.remainingSeconds(), budget.burnRate(), month.incidents().size());
        }
    }

    /**
     * @param provisional some of the credit comes from a month that is not over yet
     */
    public record CurrencyTotal(String currency, String creditAmount, int clients, int breached,
            boolean provisional) {
    }

    static List<CurrencyTotal> totals(List<SlaMonth> months) {
        Map<Currency, Money> credit = Money.totalsByCurrency(
                months.stream().map(month -> month.outcome().credit()).toList());
        return credit.values().stream()
                .map(total -> {
                    List<SlaMonth> inCurrency = months.stream()
                            .filter(month -> month.outcome().credit().currency().equals(total.currency()))
                            .toList();
                    return new CurrencyTotal(total.currency().getCurrencyCode(), total.amount().toPlainString(),
                            inCurrency.size(), (int) inCurrency.stream().filter(m -> m.outcome().breached()).count(),
                            inCurrency.stream().anyMatch(m -> m.availability().provisional()));
                })
                .sorted(Comparator.comparing(CurrencyTotal::currency))
                .toList();
    }
}
