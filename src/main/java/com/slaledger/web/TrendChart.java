package com.slaledger.web;

import com.slaledger.analytics.TrendMetric;
import com.slaledger.analytics.TrendVerdict;
import com.slaledger.report.TrendReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A trend series as a small line chart with axes: the value scale on the left (three labelled ticks), the
 * months along the bottom, one point per month carrying its value for hover and keyboard focus (an SVG
 * {@code <title>} and a label the stylesheet shows on focus: the CSP allows no inline script), and the
 * regression's verdict in words with its p-value for a tooltip. Geometry is computed here so the template
 * only draws and Qute escapes every text.
 *
 * @param soFar the month under way, shown apart ("so far") and not part of the series or the regression;
 *              null when not known
 */
public record TrendChart(TrendReport.Series series, String label, List<Point> points, List<String> segments,
        List<Tick> ticks, List<MonthLabel> months, String verdictText, String pValueText, String soFar) {

    static final int WIDTH = 360;
    static final int HEIGHT = 170;
    static final int LEFT = 62;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 30;

    /** A month's point; {@code text} the value as people read it; {@code labelAnchor} keeps its label inside. */
    public record Point(String month, double x, double y, String text, String labelAnchor) {
    }

    public record Tick(double y, String label) {
    }

    public record MonthLabel(double x, String label) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public int top() {
        return TOP;
    }

    public int tickLabelX() {
        return LEFT - 6;
    }

    public int monthLabelY() {
        return HEIGHT - BOTTOM + 18;
    }

    public String firstMonth() {
        return points.isEmpty() ? "" : points.get(0).month();
    }

    public String lastMonth() {
        return points.isEmpty() ? "" : points.get(points.size() - 1).month();
    }

    /** "improving", "worsening" or "no significant change": the SPEC's verdict, for a CSS class. */
    public String verdict() {
        return series.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param current the month under way (null if none): shown apart, formatted like the series
     */
    static TrendChart of(TrendReport.Series series, String label, Function<BigDecimal, String> format,
            TrendReport.Series current) {
        List<TrendReport.Point> values = series.points();
        boolean availability = series.metric() == TrendMetric.AVAILABILITY_PERCENT;
        double min = availability ? Double.MAX_VALUE : 0;
        double max = availability ? 100 : -Double.MAX_VALUE;
        for (TrendReport.Point point : values) {
            if (point.value() != null) {
                min = Math.min(min, point.value().doubleValue());
                max = Math.max(max, point.value().doubleValue());
            }
        }
        if (min == Double.MAX_VALUE) {
            min = availability ? 99 : 0;
        }
        if (max <= min) {
            max = min + (availability ? 1 : 1);
            if (availability) {
                min = 99;
                max = 100;
            }
        }
        if (availability) {
            // a little room below the lowest month, so a small miss still shows
            min = Math.max(0, min - (max - min) * 0.1);
        } else {
            max = niceMaximum(series.metric(), max);
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = values.size();
        List<Point> points = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<MonthLabel> months = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < n; i++) {
            TrendReport.Point point = values.get(i);
            double x = n == 1 ? LEFT + plotWidth / 2 : LEFT + 8 + i * (plotWidth - 16) / (n - 1);
            YearMonth month = YearMonth.parse(point.month());
            if (i % 3 == (n - 1) % 3) {
                String name = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                months.add(new MonthLabel(round(x), name + " " + String.format(Locale.ROOT, "%02d", month.getYear() % 100)));
            }
            if (point.value() == null) {
                if (!segment.isEmpty()) {
                    segments.add(segment.toString().strip());
                    segment.setLength(0);
                }
                continue;
            }
            double y = TOP + plotHeight * (max - point.value().doubleValue()) / (max - min);
            segment.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            String anchor = i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            points.add(new Point(point.month(), round(x), round(y), format.apply(point.value()), anchor));
        }
        if (!segment.isEmpty()) {
            segments.add(segment.toString().strip());
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            double value = min + (max - min) * i / 2;
            double y = TOP + plotHeight * (max - value) / (max - min);
            BigDecimal tickValue = BigDecimal.valueOf(value).setScale(availability ? 3 : 0, RoundingMode.HALF_UP);
            ticks.add(new Tick(round(y), availability ? tickValue.toPlainString() + " %"
                    : series.metric() == TrendMetric.INCIDENT_COUNT ? tickValue.toPlainString()
                    : compactDuration(value)));
        }
        String soFar = null;
        if (current != null && !current.points().isEmpty()) {
            TrendReport.Point now = current.points().get(current.points().size() - 1);
            soFar = now.month() + " so far: " + (now.value() == null ? "—" : format.apply(now.value()));
        }
        return new TrendChart(series, label, points, segments, ticks, months, verdictText(series),
                series.pValue() == null ? "p-value: not enough months to tell"
                        : "p = " + String.format(Locale.ROOT, "%.3f", series.pValue())
                                + " (the chance of a slope this steep if nothing changed)",
                soFar);
    }

    /**
     * The verdict in words: "getting better: about 4 min faster a month; 95 % confident". Confident means
     * p &lt; 0.05 (SPEC "Trends"); 99 % where p &lt; 0.01.
     */
    static String verdictText(TrendReport.Series series) {
        if (series.verdict() == TrendVerdict.NO_SIGNIFICANT_CHANGE || series.slopePerMonth() == null) {
            long known = series.points().stream().filter(p -> p.value() != null).count();
            if (series.pValue() != null) {
                return "no clear trend";
            }
            // with three months or more, a missing p-value means every month had the same value
            return known >= 3 ? "no change" : "too few months to tell a trend";
        }
        double slope = series.slopePerMonth();
        double size = Math.abs(slope);
        boolean up = slope > 0;
        String change = switch (series.metric()) {
            case INCIDENT_COUNT -> "about " + oneDecimal(size) + (up ? " more" : " fewer") + " incidents a month";
            case DOWNTIME_SECONDS -> "about " + Formats.duration(BigDecimal.valueOf(size).setScale(0, RoundingMode.HALF_UP))
                    + (up ? " more" : " less") + " downtime a month";
            case AVAILABILITY_PERCENT -> "about " + String.format(Locale.ROOT, "%.3f", size)
                    + (up ? " points higher" : " points lower") + " a month";
            case MTTA_SECONDS, MTTR_SECONDS -> "about "
                    + Formats.duration(BigDecimal.valueOf(size).setScale(0, RoundingMode.HALF_UP))
                    + (up ? " slower" : " faster") + " a month";
        };
        String confidence = series.pValue() != null && series.pValue() < 0.01 ? "99 % confident" : "95 % confident";
        return (series.verdict() == TrendVerdict.IMPROVING ? "getting better: " : "getting worse: ") + change + "; "
                + confidence;
    }

    /**
     * A top for the scale whose half is a round figure: an even count of incidents (at least 2), or a
     * duration of whole minutes, hours or days (at least 2 minutes).
     */
    static double niceMaximum(TrendMetric metric, double max) {
        if (metric == TrendMetric.INCIDENT_COUNT) {
            double even = Math.ceil(max / 2) * 2;
            return Math.max(2, even);
        }
        double[] units = {120, 600, 1800, 7200, 21600, 86400 * 2};
        for (double unit : units) {
            if (max <= unit * 10 || unit == units[units.length - 1]) {
                return Math.max(unit, Math.ceil(max / unit) * unit);
            }
        }
        return max;
    }

    /** A duration short enough for an axis: {@code 45 s}, {@code 12 min}, {@code 3.5 h}, {@code 15.5 d}. */
    static String compactDuration(double seconds) {
        if (seconds >= 86400) {
            return oneDecimal(seconds / 86400) + " d";
        } else if (seconds >= 3600) {
            return oneDecimal(seconds / 3600) + " h";
        } else if (seconds >= 60) {
            return oneDecimal(seconds / 60) + " min";
        }
        return oneDecimal(seconds) + " s";
    }

    private static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
