package com.slaledger.contract;

import com.slaledger.platform.InputLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller sends to create or replace a contract version. Percentages are kept to six decimals,
 * as the database stores them, so nothing is rounded silently. Omitted: {@code creditCapPercent} 100,
 * {@code impactModel} PROPORTIONAL, {@code minimumOutageSeconds} 0, no credit tiers, {@code claimRule} AUTOMATIC
 * (then {@code claimWindowDays} must be omitted; with {@code CLAIM_WITHIN_DAYS} it is required, 1 to 366), no
 * {@code serviceCalendar} (every hour counts; with the key of a service calendar only its service hours are measured).
 */
public record ContractRequest(
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @NotEmpty @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> coveredServices,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS)
        BigDecimal targetPercent,
        @Size(max = 100) List<@NotNull @Valid Tier> creditTiers,
        @NotNull @Valid Money monthlyFee,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS) BigDecimal creditCapPercent,
        ImpactModel impactModel,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS)
        BigDecimal impactThresholdPercent,
        @PositiveOrZero Integer minimumOutageSeconds,
        ClaimRule claimRule,
        @Min(1) @Max(366) Integer claimWindowDays,
        @Size(max = 64) String serviceCalendar) {

    public record Tier(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS)
            BigDecimal belowPercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 6, message = InputLimits.PERCENT_DIGITS)
            BigDecimal creditPercent) {
    }

    List<Tier> tiersOrEmpty() {
        return creditTiers == null ? List.of() : creditTiers;
    }

    BigDecimal capOrDefault() {
        return creditCapPercent == null ? new BigDecimal("100") : creditCapPercent;
    }

    ImpactModel impactModelOrDefault() {
        return impactModel == null ? ImpactModel.PROPORTIONAL : impactModel;
    }

    String serviceCalendarOrNull() {
        return serviceCalendar == null || serviceCalendar.isBlank() ? null : serviceCalendar.strip();
    }

    int minimumOutageSecondsOrDefault() {
        return minimumOutageSeconds == null ? 0 : minimumOutageSeconds;
    }

    ClaimRule claimRuleOrDefault() {
        return claimRule == null ? ClaimRule.AUTOMATIC : claimRule;
    }
}
