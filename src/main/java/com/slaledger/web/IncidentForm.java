package com.slaledger.web;

import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.Severity;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.TimeZones;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The incident form exactly as typed: every field a string, so a form with mistakes comes back with
 * everything the user entered. Times are {@code datetime-local} values read in the zone chosen
 * beside them; the timeline is one entry a line, {@code 2024-01-16 10:05 Rolled back} or
 * {@code 10:05 Rolled back} on the day the incident started.
 */
public class IncidentForm implements TimeFieldForm {

    static final String DEFAULT_SOURCE = "manual";
    static final Map<String, String> ITEM_NAMES = Map.of(
            "affectedServices", "service", "affectedClients", "client",
            "preventiveActions", "action", "timeline", "line");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm",
            Locale.ROOT);
    private static final DateTimeFormatter LOCAL_INPUT_SECONDS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIMELINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
            Locale.ROOT);
    private static final DateTimeFormatter TIMELINE_TIME_SECONDS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern TIMELINE_LINE = Pattern.compile(
            "^(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s+(.+)$");

    @RestForm
    public String source;
    @RestForm
    public String externalId;
    @RestForm
    public String title;
    @RestForm
    public String severity;
    @RestForm
    public List<String> affectedServices = new ArrayList<>();
    @RestForm
    public List<String> affectedClients = new ArrayList<>();
    @RestForm
    public String impactPercent;
    @RestForm
    public String excluded;
    @RestForm
    public String exclusionReason;
    @RestForm
    public String summary;
    @RestForm
    public String rootCause;
    @RestForm
    public String preventiveActions;
    @RestForm
    public String timeline;
    @RestForm
    public String zone;
    @RestForm
    public String startedAt;
    @RestForm
    public String detectedAt;
    @RestForm
    public String acknowledgedAt;
    @RestForm
    public String mitigatedAt;
    @RestForm
    public String resolvedAt;

    /** What a form turned into: the request for the service, and what could not even be read. */
    public record Parsed(IncidentRequest request, FormErrors errors) {
    }

    /** A new incident: recorded by hand, with a fresh external id that makes a double submit harmless. */
    static IncidentForm empty(String externalId) {
        IncidentForm form = new IncidentForm();
        form.source = DEFAULT_SOURCE;
        form.externalId = externalId;
        form.severity = "";
        form.impactPercent = "100";
        form.zone = "UTC";
        return form;
    }

    /** The form of a stored incident, its instants written in {@code zone}. */
    static IncidentForm of(IncidentResponse incident, String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        IncidentForm form = new IncidentForm();
        form.source = incident.source();
        form.externalId = incident.externalId();
        form.title = incident.title();
        form.severity = incident.severity().name();
        form.affectedServices = new ArrayList<>(incident.affectedServices());
        form.affectedClients = new ArrayList<>(incident.affectedClients());
        form.impactPercent = incident.impactPercent().toPlainString();
        form.excluded = incident.excluded() ? "true" : null;
        form.exclusionReason = incident.exclusionReason();
        form.summary = incident.summary();
        form.rootCause = incident.rootCause();
        form.preventiveActions = String.join("\n", incident.preventiveActions());
        form.timeline = String.join("\n", incident.timeline().stream()
                .map(e -> timelineTime(e.at(), zoneId) + " " + e.text()).toList());
        form.zone = zone;
        form.startedAt = localInput(incident.startedAt(), zoneId);
        form.detectedAt = localInput(incident.detectedAt(), zoneId);
        form.acknowledgedAt = localInput(incident.acknowledgedAt(), zoneId);
        form.mitigatedAt = localInput(incident.mitigatedAt(), zoneId);
        form.resolvedAt = localInput(incident.resolvedAt(), zoneId);
        return form;
    }

    /** The request this form asks for. */
    Parsed parse() {
        return parse(null);
    }

    /**
     * The request this form asks for. Editing {@code original}, an instant whose field still shows
     * what the form was filled with keeps its stored value, so the seconds and microseconds an input
     * cannot show are not lost by saving the form.
     */
    Parsed parse(IncidentResponse original) {
        FormErrors errors = FormErrors.none();
        ZoneId zoneId = ZoneId.of("UTC");
        if (TimeZones.isKnown(trim(zone))) {
            zoneId = ZoneId.of(trim(zone));
        } else {
            errors.add("zone", "must be a time zone such as UTC or Europe/Berlin");
        }
        Severity parsedSeverity = null;
        if (!isBlank(severity)) {
            try {
                parsedSeverity = Severity.valueOf(severity.strip());
            } catch (IllegalArgumentException e) {
                errors.add("severity", "must be one of " + Arrays.toString(Severity.values()));
            }
        }
        BigDecimal impact = null;
        if (!isBlank(impactPercent)) {
            try {
                if (!ContractForm.ASCII_NUMBER.matcher(impactPercent.strip()).matches()) {
                    throw new NumberFormatException("not written with the digits 0-9");
                }
                impact = new BigDecimal(impactPercent.strip());
            } catch (NumberFormatException e) {
                errors.add("impactPercent", "must be a number such as 40 or 12.5");
            }
        }
        Instant started = instant("startedAt", startedAt, zoneId, original == null ? null : original.startedAt(),
                errors);
        Instant detected = instant("detectedAt", detectedAt, zoneId,
                original == null ? null : original.detectedAt(), errors);
        Instant acknowledged = instant("acknowledgedAt", acknowledgedAt, zoneId,
                original == null ? null : original.acknowledgedAt(), errors);
        Instant mitigated = instant("mitigatedAt", mitigatedAt, zoneId,
                original == null ? null : original.mitigatedAt(), errors);
        Instant resolved = instant("resolvedAt", resolvedAt, zoneId,
                original == null ? null : original.resolvedAt(), errors);
        List<TimelineEntryRequest> entries = timelineEntries(started, zoneId, original, errors);
        IncidentRequest request = new IncidentRequest(trim(source), trim(externalId), trim(title), parsedSeverity,
                nonBlank(affectedServices), nonBlank(affectedClients), impact, "true".equals(excluded),
                exclusionReason, summary, rootCause, lines(preventiveActions), entries, started, detected,
                acknowledged, mitigated, resolved);
        return new Parsed(request, errors);
    }

    @Override
    public String field(String name) {
        String value = switch (name) {
            case "startedAt" -> startedAt;
            case "detectedAt" -> detectedAt;
            case "acknowledgedAt" -> acknowledgedAt;
            case "mitigatedAt" -> mitigatedAt;
            case "resolvedAt" -> resolvedAt;
            default -> throw new IllegalArgumentException("no time field " + name);
        };
        return value == null ? "" : value;
    }

    public boolean isExcluded() {
        return "true".equals(excluded);
    }

    /**
     * The instant a {@code datetime-local} value means in {@code zone}, or null (with the reason in {@code errors}
     * under {@code field}) when it is blank, unreadable or skipped by the clocks. A value still showing
     * {@code original} as the form was filled gives {@code original} back, seconds and microseconds included.
     */
    static Instant instant(String field, String value, ZoneId zone, Instant original, FormErrors errors) {
        if (isBlank(value)) {
            return null;
        }
        if (original != null && value.strip().equals(localInput(original, zone))) {
            return original;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date and time such as 2024-01-16T10:00");
            return null;
        }
        return inZone(field, local, zone, errors);
    }

    private static Instant inZone(String field, LocalDateTime local, ZoneId zone, FormErrors errors) {
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
        if (!zoned.toLocalDateTime().equals(local)) {
            errors.add(field, local.toString().replace('T', ' ') + " does not exist in " + zone.getId()
                    + ": the clocks skip it");
            return null;
        }
        return zoned.toInstant();
    }

    private List<TimelineEntryRequest> timelineEntries(Instant started, ZoneId zone, IncidentResponse original,
            FormErrors errors) {
        List<TimelineEntryRequest> entries = new ArrayList<>();
        List<String> lines = lines(timeline);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher matcher = TIMELINE_LINE.matcher(line);
            if (!matcher.matches()) {
                errors.add("timeline", "line " + (i + 1) + ": must start with a time, such as "
                        + "'2024-01-16 10:05 Rolled back' or '10:05 Rolled back'");
                continue;
            }
            String text = matcher.group(3).strip();
            if (original != null && i < original.timeline().size()) {
                IncidentResponse.TimelineEntryResponse before = original.timeline().get(i);
                if (line.startsWith(timelineTime(before.at(), zone) + " ")) {
                    entries.add(new TimelineEntryRequest(before.at(), text));
                    continue;
                }
            }
            LocalDate date;
            if (matcher.group(1) != null) {
                Optional<LocalDate> parsed = InputLimits.date(matcher.group(1));
                if (parsed.isEmpty()) {
                    errors.add("timeline", "line " + (i + 1) + ": " + InputLimits.echo(matcher.group(1))
                            + " is not a date from year 1900 to 9999");
                    continue;
                }
                date = parsed.get();
            } else if (started != null) {
                date = started.atZone(zone).toLocalDate();
            } else {
                errors.add("timeline", "line " + (i + 1) + ": give the date too, or the start of the incident");
                continue;
            }
            LocalTime time;
            try {
                String written = matcher.group(2);
                time = LocalTime.parse(written.length() == 4 || written.length() == 7 ? "0" + written : written);
            } catch (DateTimeException e) {
                errors.add("timeline", "line " + (i + 1) + ": " + matcher.group(2) + " is not a time of day");
                continue;
            }
            Instant at = inZone("timeline", LocalDateTime.of(date, time), zone, errors);
            if (at != null) {
                entries.add(new TimelineEntryRequest(at, text));
            }
        }
        return entries;
    }

    static String localInput(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        return local.format(local.getSecond() == 0 && local.getNano() == 0 ? LOCAL_INPUT : LOCAL_INPUT_SECONDS);
    }

    private static String timelineTime(Instant instant, ZoneId zone) {
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        return local.format(local.getSecond() == 0 && local.getNano() == 0 ? TIMELINE_TIME : TIMELINE_TIME_SECONDS);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The values typed, stripped, without the blank ones (unticked or empty inputs). */
    static List<String> nonBlank(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
