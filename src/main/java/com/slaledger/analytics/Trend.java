package com.slaledger.analytics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Whether a monthly series is getting better: an ordinary least-squares line through the
 * points, and a verdict only when its slope is significant at p &lt; {@value #SIGNIFICANCE_LEVEL}.
 *
 * <p>Statistics are the one place doubles are used: a p-value decides no money.
 *
 * @param points        the series in month order, months without a value included
 * @param slopePerMonth change of the value per calendar month; null with fewer than two values
 * @param pValue        two-sided p-value of the slope; null with fewer than three values, or when
 *                      it is undefined (every value identical)
 */
public record Trend(TrendMetric metric, List<MonthlyValue> points, Double slopePerMonth, Double pValue,
                    TrendVerdict verdict) {

    public static final double SIGNIFICANCE_LEVEL = 0.05;

    public Trend {
        Objects.requireNonNull(metric, "metric");
        points = List.copyOf(points);
    }

    public static Trend of(TrendMetric metric, List<MonthlyValue> series) {
        List<MonthlyValue> points = series.stream()
                .sorted(Comparator.comparing(MonthlyValue::month))
                .toList();
        List<MonthlyValue> withValues = points.stream().filter(point -> point.value() != null).toList();
        if (withValues.size() < 2) {
            return new Trend(metric, points, null, null, TrendVerdict.NO_SIGNIFICANT_CHANGE);
        }
        // x counts calendar months from the first value, so a month without data leaves a gap.
        YearMonth first = withValues.get(0).month();
        SimpleRegression regression = new SimpleRegression();
        for (MonthlyValue point : withValues) {
            regression.addData(ChronoUnit.MONTHS.between(first, point.month()), point.value().doubleValue());
        }
        double slope = regression.getSlope();
        if (Double.isNaN(slope)) {
            // Every value in the same month: there is no time axis to fit a line along.
            return new Trend(metric, points, null, null, TrendVerdict.NO_SIGNIFICANT_CHANGE);
        }
        if (withValues.size() < 3) {
            return new Trend(metric, points, slope, null, TrendVerdict.NO_SIGNIFICANT_CHANGE);
        }
        double significance = regression.getSignificance();
        Double pValue = Double.isNaN(significance) ? null : significance;
        TrendVerdict verdict = TrendVerdict.NO_SIGNIFICANT_CHANGE;
        if (pValue != null && pValue < SIGNIFICANCE_LEVEL && slope != 0) {
            verdict = (slope > 0) == metric.higherIsBetter() ? TrendVerdict.IMPROVING : TrendVerdict.WORSENING;
        }
        return new Trend(metric, points, slope, pValue, verdict);
    }
}
