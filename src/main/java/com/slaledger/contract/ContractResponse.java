package com.slaledger.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A contract version as the API shows it and as other features read it: with the client's key and
 * time zone, so a report can place the version's dates on the time line without another look-up.
 * Tiers come highest {@code belowPercent} first; covered services ordered by key. {@code claimWindowDays} is
 * null unless {@code claimRule} is {@code CLAIM_WITHIN_DAYS}. {@code serviceCalendar} is the key of the service
 * calendar whose hours alone are measured, null when every hour counts.
 */
public record ContractResponse(long id, String clientKey, String clientTimeZone, LocalDate effectiveFrom,
        LocalDate effectiveTo, List<String> coveredServices, BigDecimal targetPercent, List<Tier> creditTiers,
        Money monthlyFee, BigDecimal creditCapPercent, ImpactModel impactModel, BigDecimal impactThresholdPercent,
        int minimumOutageSeconds, Instant createdAt, Instant updatedAt,
        ClaimRule claimRule, Integer claimWindowDays, String serviceCalendar) {

    public record Tier(BigDecimal belowPercent, BigDecimal creditPercent) {
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    public boolean covers(String serviceKey) {
        return coveredServices.contains(serviceKey);
    }

    static ContractResponse of(Contract contract) {
        List<String> services = contract.services.stream().map(service -> service.key).sorted().toList();
        List<Tier> tiers = contract.creditTiers.stream()
                .sorted(Comparator.comparing((CreditTier tier) -> tier.belowPercent).reversed())
                .map(tier -> new Tier(plain(tier.belowPercent), plain(tier.creditPercent)))
                .toList();
        return new ContractResponse(contract.id, contract.client.key, contract.client.timeZone,
                contract.effectiveFrom, contract.effectiveTo, services, plain(contract.targetPercent), tiers,
                Money.inMinorUnits(contract.monthlyFee, contract.currency), plain(contract.creditCapPercent),
                contract.impactModel, plain(contract.impactThresholdPercent), contract.minimumOutageSeconds,
                contract.createdAt, contract.updatedAt,
                contract.claimRule, contract.claimWindowDays, contract.serviceCalendarKey);
    }

    /** 99.900000 as stored reads 99.9, and 100 never turns into 1E+2. */
    private static BigDecimal plain(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
