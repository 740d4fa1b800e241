package com.slaledger.web;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The {@code month} parameter of the month pages: {@code YYYY-MM}, or the current month at UTC when absent. */
final class PageMonths {

    private PageMonths() {
    }

    static YearMonth parse(String month, Instant now) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(now.atOffset(ZoneOffset.UTC));
        }
        return InputLimits.month(month)
                .orElseThrow(() -> ProblemException.badParameter("month", "must be " + InputLimits.monthRange()));
    }
}
