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
public record WhatIfChart(ChartFrame frame, List<Pair> months, List<ChartFrame.Tick> ticks) {

    /** One month: {@code current} and {@code proposed} null where no contract was in force. */
    public record Pair(String month, String label, double labelX, Bar current, Bar proposed, String href) {
    }

    /** A bar in SVG units; {@code percent} as the page writes it; {@code breached} marks the side's SLA miss. */
    public record Bar(double x, double y, double barWidth, double barHeight, String percent, boolean breached) {
    }

    /** Room left of the plot for the value labels ("100%"). */
    static final int LEFT_MARGIN = 48;

    static WhatIfChart of(WhatIfReport report, String clientKey) {
        BigDecimal highest = BigDecimal.TEN;
        for (WhatIfReport.Month month : report.months()) {
            if (month.inForce()) {
                highest = highest.max(month.current().appliedCreditPercent()).max(month.proposed().appliedCreditPercent());
            }
        }
        double scale = Math.ceil(highest.doubleValue() / 10) * 10;
        ChartFrame frame = ChartFrame.withLeftMargin(LEFT_MARGIN);
        int count = report.months().size();
        double slot = frame.slot(count);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WhatIfReport.Month month = report.months().get(i);
            double start = frame.left() + i * slot;
            String label = count > 18 ? month.month().substring(5) : month.month().substring(2);
            if (!month.inForce()) {
                pairs.add(new Pair(month.month(), label, frame.middle(i, count), null, null, null));
                continue;
            }
            pairs.add(new Pair(month.month(), label, frame.middle(i, count),
                    bar(frame, month.current(), start + slot * 0.1, slot * 0.4, scale),
                    bar(frame, month.proposed(), start + slot * 0.5, slot * 0.4, scale),
                    "/clients/" + clientKey + "?month=" + month.month()));
        }
        List<ChartFrame.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = scale * i / 4;
            ticks.add(new ChartFrame.Tick(ChartFrame.round(frame.bottom() - frame.plotHeight() * i / 4),
                    BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%"));
        }
        return new WhatIfChart(frame, pairs, ticks);
    }

    private static Bar bar(ChartFrame frame, WhatIfReport.Figures figures, double x, double width, double scale) {
        double height = frame.plotHeight() * figures.appliedCreditPercent().doubleValue() / scale;
        return new Bar(ChartFrame.round(x), ChartFrame.round(frame.bottom() - height), ChartFrame.round(width),
                ChartFrame.round(height), Formats.percent(figures.appliedCreditPercent()), figures.breached());
    }
}
