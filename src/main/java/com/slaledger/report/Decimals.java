package com.slaledger.report;

import java.math.BigDecimal;

/** Exact decimals as people write them: {@code 10} rather than {@code 10.000000}, never {@code 1E+1}. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
