package com.slaledger.analytics;

/**
 * The part of a requested window that has already happened.
 *
 * @param window      the requested window cut at {@code asOf}
 * @param provisional true when the requested window reaches past {@code asOf}: the figures
 *                    measured on it (breach and credit too) may still change
 */
public record MeasuredWindow(TimeWindow window, boolean provisional) {
}
