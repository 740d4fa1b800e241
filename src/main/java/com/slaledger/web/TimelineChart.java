package com.slaledger.web;

import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentResponse.TimelineEntryResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The geometry of an incident's timeline, drawn by {@code IncidentPages/detail.html} as inline SVG:
 * a time axis with ticks in the reader's zone, the span of customer impact, the five lifecycle
 * markers above the axis and the numbered timeline entries below it. Labels that would overlap move
 * to another row. Only numbers and texts leave here; the template escapes the texts.
 */
public record TimelineChart(int width, int height, int axisY, int tickLabelY, int plotLeft, int plotRight,
        Band impact, List<Tick> ticks, List<Marker> markers, List<Dot> entries, String caption) {

    /** Customer impact, from started to mitigated (or resolved); to now, hatched, while it goes on. */
    public record Band(double x, double width, boolean ongoing) {
    }

    /** The top of the impact band, and the end of the tick marks (labels sit at the bottom, below the dots). */
    public int bandTop() {
        return axisY - 6;
    }

    public int tickBottom() {
        return tickLabelY - 12;
    }

    public record Tick(double x, String label) {
    }

    /** A lifecycle instant: a line down to the axis, its label in one of the rows above. */
    public record Marker(String kind, String name, String time, double x, int labelY, double textX, String anchor) {

        public int lineTop() {
            return labelY + 4;
        }
    }

    /** A timeline entry: a numbered dot below the axis, listed with its text under the chart. */
    public record Dot(int number, double x, int y) {

        public int textY() {
            return y + 4;
        }
    }

    static final int WIDTH = 960;
    static final int PADDING = 28;
    static final int ROW_HEIGHT = 18;
    static final double CHAR_WIDTH = 6.6;
    private static final long[] TICK_STEPS_SECONDS = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
        43200, 86400, 172800, 604800, 1209600, 2592000};
    private static final int MAX_TICKS = 8;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HOUR_MINUTE_SECOND = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** The chart of an incident read in {@code zone}; an ongoing incident's impact runs to {@code now}. */
    public static TimelineChart of(IncidentResponse incident, ZoneId zone, Instant now) {
        Instant impactEnd = incident.mitigatedAt() != null ? incident.mitigatedAt() : incident.resolvedAt();
        boolean ongoing = impactEnd == null;
        Instant drawnImpactEnd = ongoing ? max(now, incident.startedAt()) : impactEnd;

        List<Instant> all = Stream.concat(
                Stream.of(incident.startedAt(), incident.detectedAt(), incident.acknowledgedAt(),
                        incident.mitigatedAt(), incident.resolvedAt(), drawnImpactEnd),
                incident.timeline().stream().map(TimelineEntryResponse::at))
                .filter(Objects::nonNull).toList();
        Instant first = all.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = all.stream().max(Comparator.naturalOrder()).orElseThrow();
        Duration span = Duration.between(first, last);
        if (span.compareTo(Duration.ofMinutes(10)) < 0) {
            span = Duration.ofMinutes(10);
        }
        // a little room on both sides, so the first and last markers are not on the frame
        long paddingMillis = span.toMillis() / 25;
        Scale scale = new Scale(first.minusMillis(paddingMillis), span.toMillis() + 2 * paddingMillis,
                PADDING, WIDTH - PADDING);

        boolean oneDay = all.stream().map(i -> i.atZone(zone).toLocalDate()).distinct().count() == 1;

        // markers above the axis, each label in the first row where it does not touch its neighbour
        List<Marker> markers = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<PlacedLabel> placed = new ArrayList<>();
        addMarker(placed, "started", "Started", incident.startedAt());
        addMarker(placed, "detected", "Detected", incident.detectedAt());
        addMarker(placed, "acknowledged", "Acknowledged", incident.acknowledgedAt());
        addMarker(placed, "mitigated", "Mitigated", incident.mitigatedAt());
        addMarker(placed, "resolved", "Resolved", incident.resolvedAt());
        placed.sort(Comparator.comparing(PlacedLabel::at));
        List<Integer> markerRows = new ArrayList<>();
        for (PlacedLabel label : placed) {
            double x = scale.x(label.at());
            String time = timeLabel(label.at(), zone, oneDay);
            double textWidth = (label.name().length() + 1 + time.length()) * CHAR_WIDTH;
            boolean rightAligned = x + 4 + textWidth > WIDTH - 4;
            double left = rightAligned ? x - 4 - textWidth : x + 4;
            double right = rightAligned ? x - 4 : x + 4 + textWidth;
            markerRows.add(rowFor(rows, left, right, 10));
            markers.add(new Marker(label.kind(), label.name(), time, round(x), 0,
                    round(rightAligned ? x - 4 : x + 4), rightAligned ? "end" : "start"));
        }
        int markerRowCount = Math.max(1, rows.size());
        int top = 14;
        int axisY = top + markerRowCount * ROW_HEIGHT + 12;
        List<Marker> positioned = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            // the earliest row sits nearest the axis, so lines to far rows cross no label of their own
            int row = markerRows.get(i);
            int labelY = axisY - 16 - row * ROW_HEIGHT;
            positioned.add(new Marker(m.kind(), m.name(), m.time(), m.x(), labelY, m.textX(), m.anchor()));
        }

        double impactX = scale.x(incident.startedAt());
        Band band = new Band(round(impactX), round(Math.max(2, scale.x(drawnImpactEnd) - impactX)), ongoing);

        List<Tick> ticks = ticks(scale, zone);

        // entry dots hang below the axis; the tick labels go under the lowest row, so no line crosses them
        List<Dot> dots = new ArrayList<>();
        List<double[]> dotRows = new ArrayList<>();
        int number = 1;
        for (TimelineEntryResponse entry : incident.timeline()) {
            double x = scale.x(entry.at());
            int row = rowFor(dotRows, x - 10, x + 10, 2);
            dots.add(new Dot(number++, round(x), axisY + 24 + row * (ROW_HEIGHT + 4)));
        }
        int tickLabelY = dots.stream().mapToInt(Dot::y).max().orElse(axisY) + 28;
        int bottom = tickLabelY + 10;

        String caption = "Times in " + Formats.zoneLabel(first.atZone(zone))
                + (oneDay ? ", " + first.atZone(zone).toLocalDate().format(DAY)
                        : ", " + first.atZone(zone).toLocalDate().format(DAY) + " to "
                                + last.atZone(zone).toLocalDate().format(DAY));
        return new TimelineChart(WIDTH, bottom, axisY, tickLabelY, PADDING, WIDTH - PADDING, band, ticks, positioned,
                dots, caption);
    }

    private record PlacedLabel(String kind, String name, Instant at) {
    }

    private static void addMarker(List<PlacedLabel> placed, String kind, String name, Instant at) {
        if (at != null) {
            placed.add(new PlacedLabel(kind, name, at));
        }
    }

    /** The first row whose last label ends before {@code left}; a new row when none has room. */
    private static int rowFor(List<double[]> rows, double left, double right, double gap) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0] + gap <= left) {
                rows.get(i)[0] = right;
                return i;
            }
        }
        rows.add(new double[] {right});
        return rows.size() - 1;
    }

    private static String timeLabel(Instant at, ZoneId zone, boolean oneDay) {
        ZonedDateTime local = at.atZone(zone);
        if (!oneDay) {
            return local.format(DAY_HOUR_MINUTE);
        }
        return local.format(local.getSecond() == 0 ? HOUR_MINUTE : HOUR_MINUTE_SECOND);
    }

    /** Ticks on round local times (every 5 min, every hour, every day...), at most {@value #MAX_TICKS}. */
    static List<Tick> ticks(Scale scale, ZoneId zone) {
        long rangeSeconds = scale.rangeMillis() / 1000;
        // past the longest step (an incident open for years), whole days such that the ticks stay few
        long step = (rangeSeconds / MAX_TICKS / 86400 + 1) * 86400;
        for (long candidate : TICK_STEPS_SECONDS) {
            if (rangeSeconds / candidate <= MAX_TICKS) {
                step = candidate;
                break;
            }
        }
        boolean years = rangeSeconds > 366L * 86400;
        Instant end = scale.start().plusMillis(scale.rangeMillis());
        ZonedDateTime startLocal = scale.start().atZone(zone);
        LocalDate day = startLocal.toLocalDate();
        List<Tick> ticks = new ArrayList<>();
        if (step >= 86400) {
            long days = step / 86400;
            for (LocalDate d = day; !d.atStartOfDay(zone).toInstant().isAfter(end); d = d.plusDays(days)) {
                Instant at = d.atStartOfDay(zone).toInstant();
                if (!at.isBefore(scale.start())) {
                    ticks.add(new Tick(round(scale.x(at)), d.format(DateTimeFormatter.ofPattern(years ? "yyyy-MM-dd" : "MM-dd"))));
                }
            }
            return ticks;
        }
        ZonedDateTime midnight = day.atStartOfDay(zone);
        long sinceMidnight = Duration.between(midnight, startLocal).getSeconds();
        ZonedDateTime tick = midnight.plusSeconds((sinceMidnight / step + 1) * step);
        LocalDate previousDay = null;
        while (!tick.toInstant().isAfter(end)) {
            LocalDate tickDay = tick.toLocalDate();
            boolean showDay = previousDay != null && !tickDay.equals(previousDay);
            ticks.add(new Tick(round(scale.x(tick.toInstant())),
                    tick.format(showDay ? DAY_HOUR_MINUTE : HOUR_MINUTE)));
            previousDay = tickDay;
            tick = tick.plusSeconds(step);
        }
        return ticks;
    }

    /** Instants to x coordinates. */
    record Scale(Instant start, long rangeMillis, double left, double right) {
        double x(Instant at) {
            double fraction = (double) Duration.between(start, at).toMillis() / rangeMillis;
            return left + fraction * (right - left);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
