package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One point of a monthly series; {@code value} is null for a month without data (no MTTA without incidents). */
public record MonthlyValue(YearMonth month, BigDecimal value) {
}
