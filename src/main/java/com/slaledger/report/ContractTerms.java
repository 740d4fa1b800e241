package com.slaledger.report;

import com.slaledger.analytics.CreditPolicy;
import com.slaledger.analytics.CreditTier;
import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.Money;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.contract.ContractResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A contract version in the terms the analytics core computes with. */
record ContractTerms(ContractResponse contract, ZoneId zone, ImpactModel impactModel, CreditPolicy creditPolicy,
        Money monthlyFee) {

    static ContractTerms of(ContractResponse contract) {
        ImpactModel model = switch (contract.impactModel()) {
            case PROPORTIONAL -> ImpactModel.PROPORTIONAL;
            case FULL -> ImpactModel.FULL;
            case THRESHOLD -> ImpactModel.threshold(contract.impactThresholdPercent());
        };
        List<CreditTier> tiers = contract.creditTiers().stream()
                .map(tier -> new CreditTier(tier.belowPercent(), tier.creditPercent()))
                .toList();
        return new ContractTerms(contract, ZoneId.of(contract.clientTimeZone()), model,
                new CreditPolicy(contract.targetPercent(), tiers, contract.creditCapPercent()),
                Money.of(contract.monthlyFee().amount().toPlainString(), contract.monthlyFee().currency()));
    }

    String clientKey() {
        return contract.clientKey();
    }

    List<String> coveredServices() {
        return contract.coveredServices();
    }

    boolean coversAny(Collection<String> serviceKeys) {
        return serviceKeys.stream().anyMatch(contract::covers);
    }

    /** The calendar month in the client's zone, clipped to the days this version is in force; empty if none. */
    Optional<TimeWindow> window(YearMonth month) {
        return TimeWindow.month(month, zone).clipToContract(contract.effectiveFrom(), contract.effectiveTo(), zone);
    }

    /** Whether this version is in force on at least one day of the month. */
    boolean inForceDuring(YearMonth month) {
        return window(month).isPresent();
    }
}
