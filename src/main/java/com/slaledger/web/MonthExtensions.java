package com.slaledger.web;

import io.quarkus.qute.TemplateExtension;
import java.time.YearMonth;

/** Month arithmetic for the month picker: {@code {month.previous}} and {@code {month.next}}. */
@TemplateExtension
public final class MonthExtensions {

    private MonthExtensions() {
    }

    public static YearMonth previous(YearMonth month) {
        return month.minusMonths(1);
    }

    public static YearMonth next(YearMonth month) {
        return month.plusMonths(1);
    }
}
