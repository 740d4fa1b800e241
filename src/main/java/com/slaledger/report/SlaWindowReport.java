package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.Money;
import com.slaledger.analytics.WindowAvailability;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A client's SLA over any window of whole days in its zone, {@code [from, to)}: a quarter, a year, or a
 * custom range of up to {@value SlaReportService#MAX_WINDOW_YEARS} years. Built from the exact figures of
 * the months it covers (SPEC.md "Availability": an explicit window, clipped to the contract's effective
 * dates, provisional past {@code asOf}).
 *
 * <p>Breach and credit belong to whole months (SPEC.md "SLA breach and credit"; fees are not prorated), so
 * only the months the window covers entirely count towards {@code breachFreeMonths} and the credit totals. A
 * month cut by the window's edge still adds its downtime and measured time to the window's availability, and
 * is listed with {@code wholeMonth} false and no breach or credit of its own.
 *
 * @param from                first day of the window, in the client's zone (inclusive)
 * @param to                  the day after the last, in the client's zone (exclusive)
 * @param window              {@code [from, to)} as instants
 * @param provisional         the window reaches past {@code asOf}: figures may still change
 * @param measurable          false when there was no time to measure (all maintenance, or all in the future)
 * @param targetPercent       the target, when every month in the window has the same one; null otherwise
 * @param availabilityPercent {@code 100 · (1 − ΣD/Σ|W∖M|)} over the months, exact (string: do not parse as
 *                            a float)
 * @param uncoveredDays       days of the window with no contract in force; they are not measured
 * @param wholeMonths         months entirely inside the window (and its contract)
 * @param breachFreeMonths    whole, complete months whose availability met the target
 * @param breachedMonths      whole, complete months that missed it
 * @param provisionalMonths   whole months not over at {@code asOf}; neither breach-free nor breached yet
 * @param creditTotals        credits of the whole months, per currency (never added across currencies)
 * @param months              each month of the window in order, with its figures
 */
public record SlaWindowReport(ClientSlaReport.Client client, LocalDate from, LocalDate to,
        ClientSlaReport.Window window, Instant asOf, boolean provisional, boolean measurable,
        BigDecimal targetPercent, String availabilityPercent, String availabilityDisplay, BigDecimal downtimeSeconds,
        BigDecimal measuredSeconds, BigDecimal maintenanceSeconds, long uncoveredDays, int wholeMonths,
        int breachFreeMonths, int breachedMonths, int provisionalMonths, List<CreditTotal> creditTotals,
        List<MonthLine> months) {

    /**
     * One month of the window.
     *
     * @param wholeMonth   the window covers the whole month (as far as the contract is in force in it)
     * @param breached     null for a month cut by the window's edge: breach is decided per whole month
     * @param creditPercent        the tier earned (SPEC "SLA breach and credit"); null for a cut month
     * @param appliedCreditPercent what the contract's cap leaves of it, the percent the amount is computed from
     * @param creditAmount null for a month cut by the window's edge; money as a string otherwise
     */
    public record MonthLine(String month, Instant from, Instant to, boolean wholeMonth, boolean provisional,
            boolean measurable, long contractId, BigDecimal targetPercent, String availabilityPercent,
            String availabilityDisplay, BigDecimal downtimeSeconds, BigDecimal measuredSeconds, Boolean breached,
            BigDecimal creditPercent, BigDecimal appliedCreditPercent, String creditAmount, String currency,
            int incidentCount) {

        static MonthLine of(SlaMonth month, boolean wholeMonth) {
            Availability availability = month.availability();
            return new MonthLine(month.month().toString(), month.window().start(), month.window().end(), wholeMonth,
                    availability.provisional(), availability.measurable(), month.terms().contract().id(),
                    month.outcome().targetPercent(), availability.availabilityPercent().toPlainString(),
                    availability.availabilityDisplay(), availability.downtimeSeconds(),
                    availability.measuredSeconds(), wholeMonth ? month.outcome().breached() : null,
                    wholeMonth ? Decimals.plain(month.outcome().tierCreditPercent()) : null,
                    wholeMonth ? Decimals.plain(month.outcome().creditPercent()) : null,
                    wholeMonth ? month.outcome().credit().amount().toPlainString() : null,
                    month.outcome().credit().currency().getCurrencyCode(), month.incidents().size());
        }
    }

    /** @param provisional some of the credit comes from a month not over yet */
    public record CreditTotal(String currency, String creditAmount, int months, boolean provisional) {
    }

    static SlaWindowReport of(ClientSlaReport.Client client, LocalDate from, LocalDate to,
            ClientSlaReport.Window window, Instant asOf, List<SlaMonth> measured, List<Boolean> whole,
            long uncoveredDays) {
        WindowAvailability availability = WindowAvailability.of(measured.stream().map(SlaMonth::availability).toList());
        List<MonthLine> lines = new java.util.ArrayList<>();
        List<SlaMonth> wholeMonths = new java.util.ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            lines.add(MonthLine.of(measured.get(i), whole.get(i)));
            if (whole.get(i)) {
                wholeMonths.add(measured.get(i));
            }
        }
        int breachFree = 0;
        int breached = 0;
        int provisional = 0;
        for (SlaMonth month : wholeMonths) {
            if (month.availability().provisional()) {
                provisional++;
            } else if (month.outcome().breached()) {
                breached++;
            } else {
                breachFree++;
            }
        }
        List<BigDecimal> targets = measured.stream().map(month -> month.outcome().targetPercent())
                .map(Decimals::plain).distinct().toList();
        return new SlaWindowReport(client, from, to, window, asOf, availability.provisional(),
                availability.measurable(), targets.size() == 1 ? targets.get(0) : null,
                availability.availabilityPercent().toPlainString(), availability.availabilityDisplay(),
                availability.downtimeSeconds(), availability.measuredSeconds(), availability.maintenanceSeconds(),
                uncoveredDays, wholeMonths.size(), breachFree, breached, provisional, creditTotals(wholeMonths),
                lines);
    }

    private static List<CreditTotal> creditTotals(List<SlaMonth> wholeMonths) {
        Map<Currency, Money> totals = Money.totalsByCurrency(
                wholeMonths.stream().map(month -> month.outcome().credit()).toList());
        return totals.values().stream()
                .map(total -> {
                    List<SlaMonth> inCurrency = wholeMonths.stream()
                            .filter(month -> month.outcome().credit().currency().equals(total.currency()))
                            .toList();
                    return new CreditTotal(total.currency().getCurrencyCode(), total.amount().toPlainString(),
                            inCurrency.size(), inCurrency.stream().anyMatch(m -> m.availability().provisional()));
                })
                .sorted(Comparator.comparing(CreditTotal::currency))
                .toList();
    }
}
