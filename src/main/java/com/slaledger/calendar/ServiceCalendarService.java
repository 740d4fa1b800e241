package com.slaledger.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.audit.AuditTrail;
import com.slaledger.calendar.ServiceHours.WeeklyRange;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service calendars for the API, the pages and the reports. Refuses, naming each field: an unknown weekday, a
 * time not {@code HH:MM} (00:00-23:59, or 24:00 as an end), an empty or reversed range, two ranges of one day
 * that overlap, an unknown holiday country or subdivision, a subdivision without a country, custom holidays
 * outside the years 1900-9999, a name holding a control character, half a surrogate pair or a bidirectional
 * control ({@link TextSanity#unfit}: it would read as another name on the pages). A calendar named by a
 * contract cannot be deleted (409). Every creation, change and deletion is audited in the transaction of the
 * change, with the calendar before and after ({@link #AUDIT_ENTITY}), as contracts are.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceCalendarService {

    private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
    private static final Pattern STORED = Pattern.compile("([A-Z]+) (\\d\\d:\\d\\d)-(\\d\\d:\\d\\d)");

    /** The audit trail's name for a service calendar ({@code GET /api/audit?entity=service-calendar}). */
    public static final String AUDIT_ENTITY = "service-calendar";
    /** The most changes a calendar's history shows, newest first. */
    static final int HISTORY_LIMIT = 100;
    /** Snapshot fields a change does not show: timestamps, and the weekly total that follows from the hours. */
    private static final Set<String> NOT_SHOWN = Set.of("createdAt", "updatedAt", "weeklyServiceSeconds");

    private final ServiceCalendarRepository calendars;
    private final Validator validator;
    private final AuditTrail audit;

    public ServiceCalendarService(ServiceCalendarRepository calendars, Validator validator, AuditTrail audit) {
        this.calendars = calendars;
        this.validator = validator;
        this.audit = audit;
    }

    /** Every calendar, by key. */
    public List<ServiceCalendarResponse> list() {
        return calendars.listOrdered().stream().map(ServiceCalendarService::response).toList();
    }

    public Optional<ServiceCalendarResponse> find(String key) {
        return calendars.findByKey(key).map(ServiceCalendarService::response);
    }

    /** Whether a calendar with this key exists: what a contract naming it needs. */
    public boolean exists(String key) {
        return calendars.findByKey(key).isPresent();
    }

    /**
     * The service hours of the named calendars with their holidays for the local dates {@code [from, to]}
     * (widen by a day each side for zones): one query, whatever the number of calendars. Keys not found are
     * missing from the answer.
     */
    public Map<String, ServiceHours> serviceHours(Collection<String> keys, LocalDate from, LocalDate to) {
        Map<String, ServiceHours> hours = new HashMap<>();
        for (ServiceCalendar calendar : calendars.findByKeys(Set.copyOf(keys))) {
            hours.put(calendar.key, serviceHours(calendar, from, to));
        }
        return hours;
    }

    private static ServiceHours serviceHours(ServiceCalendar calendar, LocalDate from, LocalDate to) {
        Set<LocalDate> off = new HashSet<>(Arrays.asList(calendar.customHolidays));
        if (calendar.holidayCountry != null) {
            off.addAll(Holidays.publicHolidays(calendar.holidayCountry, calendar.holidaySubdivision, from, to));
        }
        return new ServiceHours(stored(calendar.weeklyHours), off);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public ServiceCalendarResponse create(ServiceCalendarRequest request) {
        List<WeeklyRange> ranges = validate(request);
        if (calendars.findByKey(request.key()).isPresent()) {
            throw ProblemException.conflict("A service calendar with key '" + request.key() + "' exists already");
        }
        ServiceCalendar calendar = new ServiceCalendar();
        calendar.key = request.key();
        apply(request, ranges, calendar);
        calendars.persistAndFlush(calendar);
        ServiceCalendarResponse created = response(calendar);
        audit.record(AUDIT_ENTITY, calendar.id, "create", null, audit.snapshot(created));
        return created;
    }

    /**
     * Replaces the calendar; the key cannot change (contracts name it). A replacement that changes something is
     * audited with both states; one that changes nothing (a form saved again as it was) records nothing.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ServiceCalendarResponse> update(String key, ServiceCalendarRequest request) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badParameter("key", "cannot change; it is '" + key + "'");
        }
        ServiceCalendarRequest withKey = new ServiceCalendarRequest(key, request.name(), request.weeklyHours(),
                request.holidayCountry(), request.holidaySubdivision(), request.customHolidays());
        List<WeeklyRange> ranges = validate(withKey);
        return calendars.findByKey(key).map(calendar -> {
            String before = audit.snapshot(response(calendar));
            apply(withKey, ranges, calendar);
            calendars.flush();
            ServiceCalendarResponse updated = response(calendar);
            String after = audit.snapshot(updated);
            if (!AuditTrail.changedFields(audit.tree(before), audit.tree(after), NOT_SHOWN).isEmpty()) {
                audit.record(AUDIT_ENTITY, calendar.id, "update", before, after);
            }
            return updated;
        });
    }

    /** Deletes the calendar, audited with its last state; false when there is none with this key. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String key) {
        Optional<ServiceCalendar> calendar = calendars.findByKey(key);
        if (calendar.isEmpty()) {
            return false;
        }
        long id = calendar.get().id;
        String before = audit.snapshot(response(calendar.get()));
        try {
            calendars.delete(calendar.get());
            calendars.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Service calendar '" + key + "' is named by contracts; it cannot be"
                    + " deleted while they refer to it");
        }
        audit.record(AUDIT_ENTITY, id, "delete", before, null);
        return true;
    }

    /**
     * The calendar's recorded changes, newest first (at most {@value #HISTORY_LIMIT}), each with the fields it
     * changed; empty when there is no calendar with this key. A calendar deleted and created again under the
     * same key starts a new history; the old one stays in {@code GET /api/audit?entity=service-calendar}.
     */
    public Optional<List<ServiceCalendarChange>> history(String key) {
        return calendars.findByKey(key).map(calendar -> audit.list(AUDIT_ENTITY, calendar.id, HISTORY_LIMIT)
                .stream().map(ServiceCalendarService::change).toList());
    }

    private static ServiceCalendarChange change(AuditTrail.AuditEntry entry) {
        return new ServiceCalendarChange(entry.occurredAt(), entry.actor(), entry.action(),
                AuditTrail.changedFields(entry.before(), entry.after(), NOT_SHOWN).stream()
                        .sorted(Comparator.comparing(field -> ServiceCalendarChange.position(field.field())))
                        .map(field -> new ServiceCalendarChange.Field(field.field(), lines(field.field(),
                                field.before()), lines(field.field(), field.after())))
                        // an empty list and no value read the same: a creation without custom holidays set none
                        .filter(field -> !field.before().equals(field.after()))
                        .toList());
    }

    /** A snapshot's value as the history shows it (see {@link ServiceCalendarChange.Field}). */
    private static List<String> lines(String field, JsonNode value) {
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value.asText());
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            items.add(item.isObject() ? item.path("day").asText() + " " + item.path("from").asText() + "-"
                    + item.path("to").asText() : item.asText());
        }
        if (items.isEmpty()) {
            return List.of();
        }
        return field.equals("weeklyHours") ? items : List.of(String.join(", ", items));
    }

    /** Every violation by field, without writing anything: for a form. */
    public List<com.slaledger.platform.Problem.FieldViolation> check(ServiceCalendarRequest request) {
        Violations violations = new Violations();
        ranges(request, violations);
        return violations.list();
    }

    private List<WeeklyRange> validate(ServiceCalendarRequest request) {
        Violations violations = new Violations();
        List<WeeklyRange> ranges = ranges(request, violations);
        violations.throwIfAny();
        return ranges;
    }

    /** The request checked, every violation added; the ranges that could be read. */
    private List<WeeklyRange> ranges(ServiceCalendarRequest request, Violations violations) {
        violations.addAll(validator.validate(request), "");
        TextSanity.check("name", request.name(), false, violations);
        List<WeeklyRange> ranges = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<ServiceCalendarRequest.Range> typed = request.weeklyHours() == null ? List.of() : request.weeklyHours();
        if (typed.size() <= ServiceCalendarRequest.MAX_RANGES) {
            for (int i = 0; i < typed.size(); i++) {
                ServiceCalendarRequest.Range range = typed.get(i);
                if (range == null || range.day() == null || range.from() == null || range.to() == null) {
                    continue; // reported by the field checks
                }
                String field = "weeklyHours[" + i + "]";
                DayOfWeek day = null;
                try {
                    day = DayOfWeek.valueOf(range.day().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    violations.add(field + ".day", "must be a weekday, MONDAY to SUNDAY");
                }
                Integer from = minute(range.from(), false);
                Integer to = minute(range.to(), true);
                if (from == null) {
                    violations.add(field + ".from", "must be a local time HH:MM from 00:00 to 23:59");
                }
                if (to == null) {
                    violations.add(field + ".to", "must be a local time HH:MM from 00:01 to 24:00");
                }
                if (from != null && to != null && from >= to) {
                    violations.add(field + ".to", "must be after from");
                } else if (day != null && from != null && to != null) {
                    ranges.add(new WeeklyRange(day, from, to));
                    indexes.add(i);
                }
            }
        }
        // ranges of one day must not overlap; touching ones ([08:00, 12:00) and [12:00, 18:00)) are fine
        for (int a = 0; a < ranges.size(); a++) {
            for (int b = a + 1; b < ranges.size(); b++) {
                WeeklyRange first = ranges.get(a);
                WeeklyRange second = ranges.get(b);
                if (first.day() == second.day() && first.fromMinute() < second.toMinute()
                        && second.fromMinute() < first.toMinute()) {
                    violations.add("weeklyHours[" + indexes.get(b) + "]", "overlaps weeklyHours[" + indexes.get(a)
                            + "] (" + first + ")");
                }
            }
        }
        String country = blankToNull(request.holidayCountry());
        String subdivision = blankToNull(request.holidaySubdivision());
        if (country != null && country.length() <= 8) {
            if (!Holidays.knowsCountry(country)) {
                violations.add("holidayCountry", "must be an ISO 3166 country code with holidays, such as DE or US");
            } else if (subdivision != null && subdivision.length() <= 16
                    && !Holidays.subdivisions(country).contains(subdivision.toLowerCase(Locale.ROOT))) {
                violations.add("holidaySubdivision", "must be one of " + String.join(", ",
                        Holidays.subdivisions(country)) + " for " + country.toUpperCase(Locale.ROOT));
            }
        } else if (subdivision != null) {
            violations.add("holidaySubdivision", "must be empty without a holidayCountry");
        }
        List<LocalDate> custom = request.customHolidaysOrEmpty();
        if (custom.size() <= ServiceCalendarRequest.MAX_CUSTOM_HOLIDAYS) {
            for (int i = 0; i < custom.size(); i++) {
                LocalDate date = custom.get(i);
                if (date != null && (date.getYear() < 1900 || date.getYear() > 9999)) {
                    violations.add("customHolidays[" + i + "]", "must be a date in the years 1900-9999");
                }
            }
        }
        return ranges;
    }

    /** Minutes after midnight of {@code HH:MM}; 24:00 only as an end. Null when unreadable. */
    private static Integer minute(String clock, boolean end) {
        Matcher matcher = CLOCK.matcher(clock.strip());
        if (!matcher.matches()) {
            return null;
        }
        int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        if (minute > ServiceHours.MINUTES_A_DAY || (!end && minute == ServiceHours.MINUTES_A_DAY)) {
            return null;
        }
        return minute;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void apply(ServiceCalendarRequest request, List<WeeklyRange> ranges, ServiceCalendar calendar) {
        calendar.name = request.name().strip();
        calendar.weeklyHours = String.join("\n", new ServiceHours(ranges, Set.of()).ranges().stream()
                .map(WeeklyRange::toString).toList());
        String country = blankToNull(request.holidayCountry());
        String subdivision = blankToNull(request.holidaySubdivision());
        calendar.holidayCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
        calendar.holidaySubdivision = subdivision == null ? null : subdivision.toLowerCase(Locale.ROOT);
        calendar.customHolidays = request.customHolidaysOrEmpty().stream().distinct().sorted()
                .toArray(LocalDate[]::new);
    }

    /** The stored lines read back: they were written by {@link #apply}, so each matches. */
    static List<WeeklyRange> stored(String lines) {
        List<WeeklyRange> ranges = new ArrayList<>();
        for (String line : lines.split("\n")) {
            Matcher matcher = STORED.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalStateException("stored weekly hours line '" + line + "'");
            }
            ranges.add(new WeeklyRange(DayOfWeek.valueOf(matcher.group(1)), minute(matcher.group(2), false),
                    minute(matcher.group(3), true)));
        }
        return ranges;
    }

    static ServiceCalendarResponse response(ServiceCalendar calendar) {
        List<WeeklyRange> ranges = stored(calendar.weeklyHours);
        long minutes = ranges.stream().mapToLong(range -> range.toMinute() - range.fromMinute()).sum();
        return new ServiceCalendarResponse(calendar.key, calendar.name, ranges.stream()
                .map(range -> new ServiceCalendarRequest.Range(range.day().name(),
                        WeeklyRange.clock(range.fromMinute()), WeeklyRange.clock(range.toMinute())))
                .toList(), calendar.holidayCountry, calendar.holidaySubdivision, List.of(calendar.customHolidays),
                minutes * 60,
                calendar.createdAt, calendar.updatedAt);
    }
}
