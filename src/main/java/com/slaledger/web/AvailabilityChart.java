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
public record AvailabilityChart(int width, int height, int left, int right, int top, int bottom, List<Bar> bars,
        List<Tick> ticks, Double targetY, String floorLabel) {

    /** One month; {@code y} and {@code barHeight} in SVG units; {@code breached} colours the bar. */
    public record Bar(String month, String label, double x, double y, double barWidth, double barHeight,
            String display, boolean breached, double labelX, boolean provisional, String href) {
    }

    public record Tick(double y, String label) {

        public double labelY() {
            return y + 4;
        }
    }

    /**
     * A month's figures; {@code availability} null when no contract was in force; {@code provisional} for the
     * month under way (drawn apart, "so far"); {@code href} where the bar leads: the incidents behind it.
     */
    public record Month(String month, BigDecimal availability, String display, BigDecimal target, boolean breached,
            boolean provisional, String href) {
    }

    public int tickLabelX() {
        return left - 4;
    }

    public int monthLabelY() {
        return bottom + 16;
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 64;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

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
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double slot = plotWidth / Math.max(1, months.size());
        List<Bar> bars = new ArrayList<>();
        Double targetY = null;
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            if (m.availability() == null) {
                bars.add(new Bar(m.month(), m.month().substring(2), x, HEIGHT - BOTTOM, slot * 0.7, 0, "no contract",
                        false, LEFT + i * slot + slot / 2, false, null));
                continue;
            }
            double y = y(m.availability().doubleValue(), lowValue, plotHeight);
            bars.add(new Bar(m.month(), m.month().substring(2), x, round(y), round(slot * 0.7),
                    round(HEIGHT - BOTTOM - y), m.display(), m.breached(), round(LEFT + i * slot + slot / 2),
                    m.provisional(), m.href()));
            targetY = round(y(m.target().doubleValue(), lowValue, plotHeight));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = lowValue + (100 - lowValue) * i / 4;
            ticks.add(new Tick(round(y(value, lowValue, plotHeight)),
                    BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%"));
        }
        return new AvailabilityChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, bars, ticks, targetY,
                low.toPlainString());
    }

    private static double y(double value, double low, double plotHeight) {
        double clamped = Math.max(low, Math.min(100, value));
        return TOP + plotHeight * (100 - clamped) / (100 - low);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
