package com.slaledger.web;

import com.slaledger.report.TrendReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a small monthly line chart for a trend series: SVG polyline points, computed here so
 * the template only draws (and Qute escapes every text). Months without a value leave a gap.
 */
public record Sparkline(TrendReport.Series series, String label, List<String> segments, String firstMonth,
        String lastMonth, String lastValue) {

    static final int WIDTH = 240;
    static final int HEIGHT = 48;
    private static final int PAD = 4;

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public String verdict() {
        return series.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String pValue() {
        return series.pValue() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", series.pValue());
    }

    static Sparkline of(TrendReport.Series series, String label, java.util.function.Function<BigDecimal, String> format) {
        List<TrendReport.Point> points = series.points();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (TrendReport.Point point : points) {
            if (point.value() != null) {
                min = Math.min(min, point.value().doubleValue());
                max = Math.max(max, point.value().doubleValue());
            }
        }
        double span = max > min ? max - min : 1;
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            BigDecimal value = points.get(i).value();
            if (value == null) {
                if (!segment.isEmpty()) {
                    segments.add(segment.toString().strip());
                    segment.setLength(0);
                }
                continue;
            }
            double x = points.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (points.size() - 1);
            double y = HEIGHT - PAD - (value.doubleValue() - min) / span * (HEIGHT - 2.0 * PAD);
            segment.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (!segment.isEmpty()) {
            segments.add(segment.toString().strip());
        }
        BigDecimal last = points.isEmpty() ? null : points.get(points.size() - 1).value();
        return new Sparkline(series, label, segments, points.isEmpty() ? "" : points.get(0).month(),
                points.isEmpty() ? "" : points.get(points.size() - 1).month(), last == null ? "—" : format.apply(last));
    }
}
