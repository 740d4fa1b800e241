package com.slaledger.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A maintenance window repeating by an RFC 5545 recurrence rule ({@code RRULE} value such as
 * {@code FREQ=WEEKLY;BYDAY=SU}), expanded by lib-recur, never by hand.
 *
 * <p>The first occurrence is {@code [firstStart, firstStart + length)}; its local start in {@code zone} is DTSTART,
 * and every occurrence lasts {@code length}, exact elapsed time (RFC 5545 3.3.6 and 3.8.2.5: a duration given in
 * hours, minutes and seconds is exact, so on a DST change night a 2-hour window still lasts 7,200 s and ends at a
 * different local time). The rule yields local start times (lib-recur iterates floating date-times); each becomes
 * an instant in {@code zone} by RFC 5545 3.3.5:
 * <ul>
 *   <li>a local time in the spring-forward gap is read with the UTC offset before the gap: in Europe/Berlin on
 *       2024-03-31, 02:00 becomes 01:00Z (shown as 03:00 CEST), 02:30 becomes 01:30Z (03:30 CEST);</li>
 *   <li>a local time the fall-back night has twice takes its first (earlier) occurrence: 02:00 on 2024-10-27
 *       becomes 00:00Z (02:00 CEST), not 01:00Z.</li>
 * </ul>
 * That is {@link ZonedDateTime#ofLocal} with no preferred offset. lib-recur's own zoned iteration takes the later
 * occurrence on the fall-back night, which is why the zone is applied here and not by the library.
 *
 * <p>Bounds that keep an expansion small whatever a caller sends: FREQ is DAILY or coarser and the time of day
 * comes from DTSTART only (no BYHOUR, BYMINUTE, BYSECOND), so there is at most one occurrence a local day; INTERVAL
 * keeps two occurrences at most ten years apart (DAILY 3,652, WEEKLY 521, MONTHLY 120, YEARLY 10); COUNT
 * is at most {@value #MAX_COUNT}; UNTIL is a UTC date-time ({@code 20250101T000000Z}) or a local one; at most
 * {@value #MAX_EXCEPTIONS} exception dates. A report window is at most ten years, so an expansion yields at most
 * about 3,700 occurrences.
 */
public final class MaintenanceRecurrence {

    /** The longest rule text accepted. */
    public static final int MAX_RULE_LENGTH = 300;
    /** The most exception dates a window may list. */
    public static final int MAX_EXCEPTIONS = 1000;
    /** The largest COUNT accepted. */
    public static final int MAX_COUNT = 10_000;
    /**
     * The longest occurrence: 31 days, so that a report window meets at most 31 more occurrences of a daily rule
     * than it has days, however long the window a caller sends.
     */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);
    /** The most years between two occurrences: a report window is at most ten years. */
    public static final int MAX_INTERVAL_YEARS = 10;
    /** {@link #MAX_INTERVAL_YEARS} in days, for FREQ=DAILY (and, divided by 7, FREQ=WEEKLY). */
    private static final int MAX_INTERVAL_DAYS = 3_652;
    /** The last local date an occurrence may start on: instants lie in the years 1900-9999. */
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private final RecurrenceRule rule;
    private final String text;
    private final ZoneId zone;
    private final LocalDateTime localStart;
    private final Duration length;
    private final Set<LocalDate> exceptions;

    private MaintenanceRecurrence(RecurrenceRule rule, String text, ZoneId zone, LocalDateTime localStart,
            Duration length, Set<LocalDate> exceptions) {
        this.rule = rule;
        this.text = text;
        this.zone = zone;
        this.localStart = localStart;
        this.length = length;
        this.exceptions = exceptions;
    }

    /** A refused rule: the message says what is wrong in the words of the field {@code recurrence}. */
    public static final class InvalidRule extends Exception {
        InvalidRule(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The recurrence of a window whose first occurrence is {@code [firstStart, firstEnd)} with its local start in
     * {@code zone}. Refused (with a message for the field {@code recurrence}) when the text is no RFC 5545 RRULE
     * value, breaks a bound above, or does not have {@code firstStart} as its first occurrence.
     */
    public static MaintenanceRecurrence of(String ruleText, ZoneId zone, Instant firstStart, Instant firstEnd,
            Collection<LocalDate> exceptions) throws InvalidRule {
        if (ruleText == null || ruleText.isBlank()) {
            throw new InvalidRule("must not be blank");
        }
        if (ruleText.length() > MAX_RULE_LENGTH) {
            throw new InvalidRule("must be at most " + MAX_RULE_LENGTH + " characters");
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(ruleText.strip(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | RuntimeException e) {
            throw new InvalidRule("is not an RFC 5545 recurrence rule such as FREQ=WEEKLY;BYDAY=SU ("
                    + describe(e) + ")");
        }
        Freq freq = rule.getFreq();
        if (freq == Freq.SECONDLY || freq == Freq.MINUTELY || freq == Freq.HOURLY) {
            throw new InvalidRule("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        for (RecurrenceRule.Part part : List.of(RecurrenceRule.Part.BYHOUR, RecurrenceRule.Part.BYMINUTE,
                RecurrenceRule.Part.BYSECOND)) {
            if (rule.hasPart(part)) {
                throw new InvalidRule("must not have " + part + ": the time of day is that of the start");
            }
        }
        int maxInterval = switch (freq) {
            case DAILY -> MAX_INTERVAL_DAYS;
            case WEEKLY -> MAX_INTERVAL_DAYS / 7;
            case MONTHLY -> MAX_INTERVAL_YEARS * 12;
            default -> MAX_INTERVAL_YEARS;
        };
        if (rule.getInterval() < 1 || rule.getInterval() > maxInterval) {
            // lib-recur walks a huge INTERVAL for minutes before giving up (INTERVAL=2147483647 took 70 s)
            throw new InvalidRule("INTERVAL must be from 1 to " + maxInterval + " with FREQ=" + freq
                    + ": occurrences at most " + MAX_INTERVAL_YEARS + " years apart");
        }
        if (rule.getCount() != null && (rule.getCount() < 1 || rule.getCount() > MAX_COUNT)) {
            throw new InvalidRule("COUNT must be from 1 to " + MAX_COUNT);
        }
        LocalDateTime localStart = firstStart.atZone(zone).toLocalDateTime();
        if (!ZonedDateTime.ofLocal(localStart, zone, null).toInstant().equals(firstStart)) {
            // the second pass of a fall-back hour: every occurrence would take the first pass instead
            throw new InvalidRule("must start at a local time that happens once; " + localStart.toLocalTime()
                    + " on " + localStart.toLocalDate() + " happens twice in " + zone + ", and a rule takes the first");
        }
        DateTime until = rule.getUntil();
        if (until != null) {
            if (until.isAllDay()) {
                throw new InvalidRule("UNTIL must be a date-time such as 20250101T000000Z");
            }
            if (!until.isFloating()) {
                // RFC 5545 3.3.10: with a zoned DTSTART, UNTIL is UTC; compare it as the local time it is in the zone
                LocalDateTime local = Instant.ofEpochMilli(until.getTimestamp()).atZone(zone).toLocalDateTime();
                rule.setUntil(floating(local));
            }
        }
        MaintenanceRecurrence recurrence = new MaintenanceRecurrence(rule, ruleText.strip(), zone, localStart,
                Duration.between(firstStart, firstEnd), new TreeSet<>(exceptions));
        Optional<LocalDateTime> first;
        try {
            RecurrenceRuleIterator iterator = rule.iterator(floating(localStart));
            first = iterator.hasNext() ? Optional.of(local(iterator.nextDateTime(), localStart)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            // lib-recur's sanity filter: a rule such as FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 never matches
            first = Optional.empty();
        }
        if (first.isEmpty()) {
            throw new InvalidRule("has no occurrence from the start on");
        }
        if (!first.get().equals(localStart)) {
            throw new InvalidRule("must have the start (" + localStart.toLocalDate() + " " + localStart.toLocalTime()
                    + " in " + zone + ") as its first occurrence; the rule's first is " + first.get().toLocalDate()
                    + " " + first.get().toLocalTime());
        }
        return recurrence;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    /** One occurrence, {@code [start, end)}, and the local date of the rule instance it comes from. */
    public record Occurrence(LocalDate localDate, Instant start, Instant end) {
    }

    /**
     * The occurrences whose {@code [start, start + length)} intersects {@code [from, to)}, by start, leaving out
     * those on an exception date (the local date of the rule's instance, before any gap shift).
     */
    public List<Occurrence> overlapping(Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        RecurrenceRuleIterator iterator = skippedTo(from);
        while (iterator.hasNext()) {
            LocalDateTime local = local(iterator.nextDateTime(), localStart);
            Instant start = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            if (!start.isBefore(to)) {
                break;
            }
            Instant end = start.plus(length);
            if (end.isAfter(from) && !exceptions.contains(local.toLocalDate())) {
                found.add(new Occurrence(local.toLocalDate(), start, end));
            }
        }
        return found;
    }

    /**
     * The next {@code count} occurrences (at most 100) not yet ended at {@code now}, by start; none starting after
     * the year 9999.
     */
    public List<Occurrence> next(Instant now, int count) {
        int wanted = Math.min(count, 100);
        List<Occurrence> found = new ArrayList<>();
        RecurrenceRuleIterator iterator = skippedTo(now);
        // bounded: at most one instance a day, and exception dates are at most 1,000
        for (int seen = 0; seen < MAX_COUNT && found.size() < wanted && iterator.hasNext(); seen++) {
            LocalDateTime local = local(iterator.nextDateTime(), localStart);
            if (local.toLocalDate().isAfter(LAST_DATE)) {
                break;
            }
            Instant start = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            Instant end = start.plus(length);
            if (end.isAfter(now) && !exceptions.contains(local.toLocalDate())) {
                found.add(new Occurrence(local.toLocalDate(), start, end));
            }
        }
        return found;
    }

    /**
     * An iterator from DTSTART moved on to a little before the first occurrence that could end after {@code from}:
     * two days of margin cover any UTC offset. A COUNT rule is iterated from its start (at most 10,000 instances),
     * so its count is never in doubt.
     */
    private RecurrenceRuleIterator skippedTo(Instant from) {
        RecurrenceRuleIterator iterator = rule.iterator(floating(localStart));
        LocalDateTime skipTo = from.minus(length).minus(Duration.ofDays(2)).atZone(zone).toLocalDateTime();
        if (rule.getCount() == null && skipTo.isAfter(localStart)) {
            iterator.fastForward(floating(skipTo));
        }
        return iterator;
    }

    /**
     * An instant by which every occurrence has ended: exact for a COUNT rule, an upper bound (a day of margin)
     * for an UNTIL rule; empty when the rule repeats for ever.
     */
    public Optional<Instant> seriesEnd() {
        if (rule.getCount() != null) {
            RecurrenceRuleIterator iterator = rule.iterator(floating(localStart));
            LocalDateTime last = localStart;
            while (iterator.hasNext()) {
                last = local(iterator.nextDateTime(), localStart);
            }
            return Optional.of(ZonedDateTime.ofLocal(last, zone, null).toInstant().plus(length));
        }
        if (rule.getUntil() != null) {
            LocalDateTime until = local(rule.getUntil(), LocalDateTime.MIN);
            return Optional.of(until.atZone(zone).toInstant().plus(length).plus(Duration.ofDays(1)));
        }
        return Optional.empty();
    }

    /** The rule text as stored: the RRULE value, trimmed. */
    public String text() {
        return text;
    }

    /** The zone the rule's local times are in. */
    public ZoneId zone() {
        return zone;
    }

    /** The length of every occurrence, exact. */
    public Duration length() {
        return length;
    }

    private static DateTime floating(LocalDateTime local) {
        return new DateTime(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(),
                local.getMinute(), local.getSecond());
    }

    /** The local date-time of a floating instance, with DTSTART's fraction of a second (RRULEs count in seconds). */
    private static LocalDateTime local(DateTime instance, LocalDateTime start) {
        LocalDateTime local = LocalDateTime.of(instance.getYear(), instance.getMonth() + 1, instance.getDayOfMonth(),
                instance.getHours(), instance.getMinutes(), instance.getSeconds());
        return start.equals(LocalDateTime.MIN) ? local : local.withNano(start.getNano());
    }
}
