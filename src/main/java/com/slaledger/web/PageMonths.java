package com.slaledger.web;

import com.slaledger.platform.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code month} parameter of the month pages: {@code YYYY-MM}, or the current month at UTC when absent. */
final class PageMonths {

    private PageMonths() {
    }

    static YearMonth parse(String month, Instant now) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(now.atOffset(ZoneOffset.UTC));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("month", "must be a month as YYYY-MM");
        }
    }
}
