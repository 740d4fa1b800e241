package com.slaledger.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever the table style, whitespace, 12- or 24-hour clock and zone, the parsed timeline
 * and instants equal the generated ones. Timelines may cross midnight (steps are under 2 hours, so a
 * time earlier than the one before is always the next day). Each case prints its seed on failure.
 */
class GeneratedTimelinesTest {

    private static final String[] NEUTRAL = {"Deploy of release 42 began", "Checked the dashboards",
            "Escalated to the database team", "Posted an update for customers", "Drained the canary pool"};
    private static final String[] STARTED = {"Outage began", "Errors started on checkout", "Site went down"};
    private static final String[] DETECTED = {"Pager alerted the on-call", "Monitoring alert fired",
            "Customer reported errors"};
    private static final String[] ACKNOWLEDGED = {"On-call acknowledged", "Acknowledged by the SRE"};
    private static final String[] RESTORED = {"Service restored", "Traffic back online", "Error rate back to normal"};
    private static final String[] RESOLVED = {"Incident resolved", "All clear given"};
    /** Zones as written, and what they mean. */
    private static final Object[][] ZONES = {{"UTC", ZoneOffset.UTC}, {"GMT + 1", ZoneOffset.ofHours(1)},
            {"UTC+03:00", ZoneOffset.ofHours(3)}, {"EAT", ZoneOffset.ofHours(3)}, {"PDT", ZoneOffset.ofHours(-7)},
            {"Europe/Berlin", ZoneId.of("Europe/Berlin")}, {"UTC-05:30", ZoneOffset.ofHoursMinutes(-5, -30)}};

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    private record Generated(String text, List<Instant> instants, int started, int detected, int acknowledged,
            int restored, int resolved) {
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parsedInstantsEqualTheGeneratedOnes(long seed) {
        Generated g = generate(new Random(seed));
        ParseResult result = PostmortemParser.parse(g.text(), PostmortemParser.Options.none(), Catalog.empty());
        String context = "seed " + seed + ":\n" + g.text();
        assertTrue(result.found(), () -> context + "\nrefused: " + result.refusal());
        PostmortemDraft d = result.draft();
        assertEquals(g.instants(), d.timeline().stream().map(TimelineItem::at).toList(), context);
        assertEquals(g.instants().get(g.started()), d.startedAt().at(), context);
        assertEquals(g.instants().get(g.detected()), d.detectedAt().at(), context);
        assertEquals(g.instants().get(g.acknowledged()), d.acknowledgedAt().at(), context);
        assertEquals(g.instants().get(g.restored()), d.mitigatedAt().at(), context);
        assertEquals(g.instants().get(g.resolved()), d.resolvedAt().at(), context);
    }

    private static Generated generate(Random random) {
        LocalDate date = LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Object[] zone = ZONES[random.nextInt(ZONES.length)];
        ZoneId zoneId = (ZoneId) zone[1];
        // neutral lines around the five meaningful ones, in the order an incident has them
        List<String> texts = new ArrayList<>();
        int[] index = new int[5];
        String[][] kinds = {STARTED, DETECTED, ACKNOWLEDGED, RESTORED, RESOLVED};
        for (int k = 0; k < kinds.length; k++) {
            for (int n = random.nextInt(3); n > 0; n--) {
                texts.add(NEUTRAL[random.nextInt(NEUTRAL.length)]);
            }
            index[k] = texts.size();
            texts.add(kinds[k][random.nextInt(kinds[k].length)]);
        }
        boolean twelveHour = random.nextBoolean();
        boolean seconds = random.nextInt(4) == 0;
        int style = random.nextInt(6);
        LocalDateTime local = date.atTime(random.nextInt(24), random.nextInt(60), seconds ? random.nextInt(60) : 0);
        StringBuilder text = new StringBuilder();
        text.append(random.nextBoolean() ? "# " : "").append("Incident report\n\n");
        text.append("On ").append(writtenDate(date, random)).append(" we had an outage.")
                .append(space(random)).append("All times ").append(zone[0]).append(".\n\n");
        switch (style) {
            case 0 -> text.append("| Time | Event |\n|---|---|\n");
            case 1 -> text.append("Time\tEvent\n");
            case 2 -> text.append("Time      Event\n");
            default -> text.append("## Timeline\n");
        }
        List<Instant> instants = new ArrayList<>();
        for (String entry : texts) {
            String time = writtenTime(local, twelveHour, seconds, random);
            String line = switch (style) {
                case 0 -> "|" + space(random) + time + space(random) + "|" + space(random) + entry + space(random) + "|";
                case 1 -> time + "\t".repeat(1 + random.nextInt(2)) + entry;
                case 2 -> time + " ".repeat(2 + random.nextInt(6)) + entry;
                case 3 -> "- " + time + " - " + entry;
                case 4 -> "* **" + time + "**" + space(random) + entry;
                default -> time + ":" + space(random) + entry;
            };
            text.append(random.nextBoolean() ? "" : " ").append(line).append(space(random)).append('\n');
            instants.add(local.atZone(zoneId).toInstant());
            local = local.plusMinutes(1 + random.nextInt(110));
        }
        return new Generated(text.toString(), instants, index[0], index[1], index[2], index[3], index[4]);
    }

    private static String writtenDate(LocalDate date, Random random) {
        String month = date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        return switch (random.nextInt(4)) {
            case 0 -> date.toString();
            case 1 -> date.getDayOfMonth() + " " + month + " " + date.getYear();
            case 2 -> month + " " + date.getDayOfMonth() + ", " + date.getYear();
            default -> date.getDayOfMonth() + "th " + month.substring(0, 3) + " " + date.getYear();
        };
    }

    private static String writtenTime(LocalDateTime local, boolean twelveHour, boolean seconds, Random random) {
        int hour = local.getHour();
        String minutes = String.format("%02d", local.getMinute()) + (seconds ? String.format(":%02d", local.getSecond()) : "");
        if (!twelveHour) {
            return (hour < 10 && random.nextBoolean() ? "0" + hour : String.valueOf(hour)) + ":" + minutes;
        }
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        String suffix = hour < 12 ? (random.nextBoolean() ? "AM" : "am") : (random.nextBoolean() ? "PM" : "pm");
        return h12 + ":" + minutes + (random.nextBoolean() ? " " : "") + suffix;
    }

    private static String space(Random random) {
        return " ".repeat(1 + random.nextInt(3));
    }
}
