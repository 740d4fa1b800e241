package com.slaledger.web;

import com.slaledger.report.WhatIfReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if's credit month by month, current contract against proposal, as coordinates for an inline SVG
 * drawn by the template: two bars per month, the percent of the monthly fee credited (after the cap), so
 * months and sides in different currencies share one scale. The scale runs from 0 to the largest credit
 * rounded up to a multiple of 10 %, at least 10 %.
 */
public record WhatIfChart(int width, int height, int left, int right, int top, int bottom, List<Pair> months,
        List<Tick> ticks) {

    /** One month: {@code current} and {@code proposed} null where no contract was in force. */
    public record Pair(String month, String label, double labelX, Bar current, Bar proposed, String href) {
    }

    /** A bar in SVG units; {@code percent} as the page writes it; {@code breached} marks the side's SLA miss. */
    public record Bar(double x, double y, double barWidth, double barHeight, String percent, boolean breached) {
    }

    public record Tick(double y, String label) {

        public double labelY() {
            return y + 4;
        }
    }

    public int tickLabelX() {
        return left - 4;
    }

    public int monthLabelY() {
        return bottom + 16;
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    static WhatIfChart of(WhatIfReport report, String clientKey) {
        BigDecimal highest = BigDecimal.TEN;
        for (WhatIfReport.Month month : report.months()) {
            if (month.inForce()) {
                highest = highest.max(month.current().appliedCreditPercent()).max(month.proposed().appliedCreditPercent());
            }
        }
        double scale = Math.ceil(highest.doubleValue() / 10) * 10;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, report.months().size());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < report.months().size(); i++) {
            WhatIfReport.Month month = report.months().get(i);
            double start = LEFT + i * slot;
            String label = report.months().size() > 18 ? month.month().substring(5) : month.month().substring(2);
            if (!month.inForce()) {
                pairs.add(new Pair(month.month(), label, round(start + slot / 2), null, null, null));
                continue;
            }
            pairs.add(new Pair(month.month(), label, round(start + slot / 2),
                    bar(month.current(), start + slot * 0.1, slot * 0.4, scale, plotHeight),
                    bar(month.proposed(), start + slot * 0.5, slot * 0.4, scale, plotHeight),
                    "/clients/" + clientKey + "?month=" + month.month()));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = scale * i / 4;
            ticks.add(new Tick(round(HEIGHT - BOTTOM - plotHeight * i / 4),
                    BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%"));
        }
        return new WhatIfChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, pairs, ticks);
    }

    private static Bar bar(WhatIfReport.Figures figures, double x, double width, double scale, double plotHeight) {
        double height = plotHeight * figures.appliedCreditPercent().doubleValue() / scale;
        return new Bar(round(x), round(HEIGHT - BOTTOM - height), round(width), round(height),
                Formats.percent(figures.appliedCreditPercent()), figures.breached());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
