package com.slaledger.report;

import com.slaledger.analytics.Money;
import com.slaledger.analytics.SlaOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A proposed contract tried on one client's past months: month by month the figures under the contract
 * version that was in force (exactly those of the client's month report) and under the proposal, side by
 * side, then the credit per currency under each and the difference (proposal − current). Nothing is written.
 * Amounts in different currencies are never added: a proposal in another currency than the contract gives
 * two totals, each with its own difference.
 *
 * @param from        the first month, {@code YYYY-MM}, inclusive
 * @param to          the last month, {@code YYYY-MM}, inclusive
 * @param provisional some month reaches past {@code asOf}: its figures may still change
 * @param months      every month from {@code from} to {@code to}, in order, with or without a contract
 * @param totals      one line per currency either side pays in, by currency code
 */
public record WhatIfReport(ClientSlaReport.Client client, String from, String to, Instant asOf,
        boolean provisional, List<Month> months, List<CurrencyTotal> totals) {

    /**
     * One month of the client's zone.
     *
     * @param inForce  false when no contract version is in force on any day of the month: then both
     *                 figures are null (nothing to try the proposal on)
     * @param current  the month as its report gives it, under the version in force
     * @param proposed the same month under that version with the proposal's fields in place of its own
     */
    public record Month(String month, boolean inForce, Figures current, Figures proposed) {
    }

    /**
     * One side of a month. {@code availabilityPercent} (exact, 15 decimals) and {@code creditAmount} (money,
     * at the currency's minor unit) travel as strings.
     *
     * @param creditPercent        the tier earned, before the cap
     * @param appliedCreditPercent {@code min(creditPercent, cap)}, the percent of the fee credited
     */
    public record Figures(long contractId, boolean provisional, BigDecimal targetPercent, String impactModel,
            int minimumOutageSeconds, String availabilityPercent, String availabilityDisplay,
            BigDecimal downtimeSeconds, BigDecimal measuredSeconds, boolean breached, BigDecimal creditPercent,
            BigDecimal appliedCreditPercent, String creditAmount, String currency, String monthlyFee) {

        static Figures of(SlaMonth month) {
            SlaOutcome outcome = month.outcome();
            return new Figures(month.terms().contract().id(), month.availability().provisional(),
                    outcome.targetPercent(), month.terms().impactModel().toString(),
                    month.terms().contract().minimumOutageSeconds(),
                    month.availability().availabilityPercent().toPlainString(),
                    month.availability().availabilityDisplay(), month.availability().downtimeSeconds(),
                    month.availability().measuredSeconds(), outcome.breached(),
                    Decimals.plain(outcome.tierCreditPercent()), Decimals.plain(outcome.creditPercent()),
                    outcome.credit().amount().toPlainString(), outcome.credit().currency().getCurrencyCode(),
                    month.terms().monthlyFee().amount().toPlainString());
        }
    }

    /**
     * The credit in one currency over the months, under each side, at the currency's minor unit.
     *
     * @param difference       {@code proposedCredit − currentCredit}; negative when the proposal would pay less
     * @param currentBreaches  months breached under the current contracts whose fee is in this currency
     * @param proposedBreaches the same under the proposal
     */
    public record CurrencyTotal(String currency, String currentCredit, String proposedCredit, String difference,
            int currentBreaches, int proposedBreaches) {

        /** Totals of months, each a (current, proposed) pair, per currency, by currency code. */
        static List<CurrencyTotal> of(List<Figures[]> pairs) {
            Map<String, Sums> sums = new TreeMap<>();
            for (Figures[] pair : pairs) {
                sums.computeIfAbsent(pair[0].currency(), Sums::new).addCurrent(pair[0]);
                sums.computeIfAbsent(pair[1].currency(), Sums::new).addProposed(pair[1]);
            }
            return sums.values().stream().map(Sums::total).toList();
        }

        private static final class Sums {
            private Money current;
            private Money proposed;
            private int currentBreaches;
            private int proposedBreaches;

            Sums(String code) {
                current = Money.rounded(BigDecimal.ZERO, Currency.getInstance(code));
                proposed = current;
            }

            void addCurrent(Figures month) {
                current = current.plus(Money.of(month.creditAmount(), month.currency()));
                currentBreaches += month.breached() ? 1 : 0;
            }

            void addProposed(Figures month) {
                proposed = proposed.plus(Money.of(month.creditAmount(), month.currency()));
                proposedBreaches += month.breached() ? 1 : 0;
            }

            CurrencyTotal total() {
                return new CurrencyTotal(current.currency().getCurrencyCode(), current.amount().toPlainString(),
                        proposed.amount().toPlainString(), proposed.amount().subtract(current.amount()).toPlainString(),
                        currentBreaches, proposedBreaches);
            }
        }
    }
}
