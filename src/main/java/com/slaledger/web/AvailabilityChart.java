package com.slaledger.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's availability month by month against the target, as coordinates for an inline SVG drawn by
 * the template: one bar per month with a contract, and the target as a line. The scale starts a little
 * below the lowest of the figures and the target, so a miss of hundredths of a percent is visible.
 */
public record AvailabilityChart(ChartFrame frame, List<Bar> bars, List<ChartFrame.Tick> ticks, Double targetY,
        String floorLabel) {

    /** One month; {@code y} and {@code barHeight} in SVG units; {@code breached} colours the bar. */
    public record Bar(String month, String label, double x, double y, double barWidth, double barHeight,
            String display, boolean breached, double labelX, boolean provisional, String href) {
    }

    /**
     * A month's figures; {@code availability} null when no contract was in force; {@code provisional} for the
     * month under way (drawn apart, "so far"); {@code href} where the bar leads: the incidents behind it.
     */
    public record Month(String month, BigDecimal availability, String display, BigDecimal target, boolean breached,
            boolean provisional, String href) {
    }

    /** Room left of the plot for the value labels ("99.95%"). */
    static final int LEFT_MARGIN = 64;

    static AvailabilityChart of(List<Month> months) {
        BigDecimal floor = new BigDecimal("100");
        for (Month m : months) {
            if (m.availability() != null) {
                floor = floor.min(m.availability()).min(m.target());
            }
        }
        // a span of at least 0.1 points below 100, rounded down to a tenth
        BigDecimal span = new BigDecimal("100").subtract(floor).max(new BigDecimal("0.05")).multiply(new BigDecimal("1.2"));
        BigDecimal low = new BigDecimal("100").subtract(span).setScale(1, RoundingMode.FLOOR).max(BigDecimal.ZERO);
        double lowValue = low.doubleValue();
        ChartFrame frame = ChartFrame.withLeftMargin(LEFT_MARGIN);
        double slot = frame.slot(months.size());
        List<Bar> bars = new ArrayList<>();
        Double targetY = null;
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double x = frame.left() + i * slot + slot * 0.15;
            if (m.availability() == null) {
                bars.add(new Bar(m.month(), m.month().substring(2), x, frame.bottom(), slot * 0.7, 0, "no contract",
                        false, frame.middle(i, months.size()), false, null));
                continue;
            }
            double y = y(frame, m.availability().doubleValue(), lowValue);
            bars.add(new Bar(m.month(), m.month().substring(2), x, round(y), round(slot * 0.7),
                    round(frame.bottom() - y), m.display(), m.breached(), frame.middle(i, months.size()),
                    m.provisional(), m.href()));
            targetY = round(y(frame, m.target().doubleValue(), lowValue));
        }
        List<ChartFrame.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = lowValue + (100 - lowValue) * i / 4;
            ticks.add(new ChartFrame.Tick(round(y(frame, value, lowValue)),
                    BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%"));
        }
        return new AvailabilityChart(frame, bars, ticks, targetY, low.toPlainString());
    }

    private static double y(ChartFrame frame, double value, double low) {
        double clamped = Math.max(low, Math.min(100, value));
        return frame.top() + frame.plotHeight() * (100 - clamped) / (100 - low);
    }

    private static double round(double value) {
        return ChartFrame.round(value);
    }
}
