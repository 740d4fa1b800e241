package com.slaledger.report;

import com.slaledger.analytics.MonthlyValue;
import com.slaledger.analytics.Trend;
import com.slaledger.analytics.TrendMetric;
import com.slaledger.analytics.TrendVerdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Monthly series for the fleet, a service or a client, each with its least-squares slope, p-value and
 * verdict. {@code rows} holds the same numbers month by month (the CSV's rows).
 *
 * @param zone       the zone whose calendar months these are: UTC, or the client's
 * @param service    the service the series are limited to; null for every service
 * @param client     the client whose SLA view this is; null for the fleet
 * @param availabilityBasis how availability and downtime were measured (see {@link TrendReportService})
 */
public record TrendReport(String zone, String service, String client, String firstMonth, String lastMonth,
        Instant asOf, String availabilityBasis, List<Row> rows, List<Series> series) {

    /**
     * One month. Availability is an exact string; it and downtime are null for a client month without a
     * contract in force, MTTA and MTTR when no incident of the month has them.
     *
     * @param provisional the month is not over: it is measured up to {@code asOf}
     */
    public record Row(String month, boolean provisional, int incidentCount, BigDecimal downtimeSeconds,
            String availabilityPercent, BigDecimal mttaSeconds, BigDecimal mttrSeconds) {
    }

    /**
     * @param slopePerMonth change per month by ordinary least squares; null with fewer than two values
     * @param pValue        two-sided p-value of the slope; null with fewer than three values or no variation
     * @param verdict       improving or worsening only when p &lt; 0.05
     */
    public record Series(TrendMetric metric, Double slopePerMonth, Double pValue, TrendVerdict verdict,
            List<Point> points) {

        static Series of(Trend trend) {
            return new Series(trend.metric(), trend.slopePerMonth(), trend.pValue(), trend.verdict(),
                    trend.points().stream().map(Point::of).toList());
        }
    }

    public record Point(String month, BigDecimal value) {

        static Point of(MonthlyValue value) {
            return new Point(value.month().toString(), value.value());
        }
    }
}
