package com.slaledger.web;

/**
 * The frame the pages' month-by-month bar charts share: an inline SVG of {@value #WIDTH} × {@value #HEIGHT}
 * units, its plot area inside margins ({@code left} leaves room for the value labels, {@code bottom} for the
 * month labels), the value ticks drawn across it and the month labels under it. The charts place their bars
 * in it ({@link AvailabilityChart}, {@link WhatIfChart}); the templates draw it from these numbers.
 *
 * @param left   the x of the plot area's left edge, right of the value labels
 * @param right  the x of its right edge
 * @param top    the y of its top edge
 * @param bottom the y of its bottom edge, the axis the bars stand on
 */
public record ChartFrame(int width, int height, int left, int right, int top, int bottom) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int RIGHT_MARGIN = 12;
    static final int TOP_MARGIN = 12;
    static final int BOTTOM_MARGIN = 36;

    /** A value drawn as a line across the plot, labelled at its left. */
    public record Tick(double y, String label) {

        /** The baseline of the label: a little below the line, so the line runs through its middle. */
        public double labelY() {
            return y + 4;
        }
    }

    /** The frame of the usual size whose value labels take {@code leftMargin} units. */
    static ChartFrame withLeftMargin(int leftMargin) {
        return new ChartFrame(WIDTH, HEIGHT, leftMargin, WIDTH - RIGHT_MARGIN, TOP_MARGIN, HEIGHT - BOTTOM_MARGIN);
    }

    /** Where the value labels end (they are right-aligned). */
    public int tickLabelX() {
        return left - 4;
    }

    /** The baseline of the month labels, under the axis. */
    public int monthLabelY() {
        return bottom + 16;
    }

    double plotHeight() {
        return bottom - top;
    }

    /** The width each of {@code months} months takes along the axis. */
    double slot(int months) {
        return (double) (right - left) / Math.max(1, months);
    }

    /** The x of the middle of month {@code index}'s slot (0-based), where its label goes. */
    double middle(int index, int months) {
        return round(left + index * slot(months) + slot(months) / 2);
    }

    /** SVG coordinates to a tenth of a unit: enough for any screen, and short to write. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
