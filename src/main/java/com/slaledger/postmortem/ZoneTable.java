package com.slaledger.postmortem;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zones as postmortems write them: offsets ({@code GMT + 1}, {@code UTC+03:00}, {@code +0530}),
 * IANA names ({@code Africa/Nairobi}) and a fixed table of abbreviations. An abbreviation is a fixed
 * offset (EST is always UTC−5, even in July); the generic US names ET, CT, MT and PT are the IANA
 * zones with their daylight saving time. Abbreviations with several meanings resolve to the first one
 * listed in {@code docs/postmortem-import.md} and are flagged ambiguous.
 */
public final class ZoneTable {

    /** A zone as read, and whether its abbreviation could have meant something else. */
    public record ReadZone(ZoneId zone, String written, String ambiguity) {
    }

    private static final Map<String, ZoneId> ABBREVIATIONS = new LinkedHashMap<>();
    private static final Map<String, String> AMBIGUOUS = Map.of(
            "IST", "India Standard Time (UTC+05:30); also Irish Standard Time (UTC+01:00) and Israel Standard Time (UTC+02:00)",
            "CST", "US Central Standard Time (UTC−06:00); also China Standard Time (UTC+08:00)",
            "BST", "British Summer Time (UTC+01:00); also Bangladesh Standard Time (UTC+06:00)",
            "AST", "Atlantic Standard Time (UTC−04:00); also Arabia Standard Time (UTC+03:00)",
            "GST", "Gulf Standard Time (UTC+04:00); also South Georgia Time (UTC−02:00)");
    /** Zones whose documents usually write dates month first (03/04 = 4 March is unusual there). */
    private static final Set<String> MONTH_FIRST = Set.of("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
            "AKST", "AKDT", "HST", "ET", "CT", "MT", "PT");

    static {
        offset("UTC", 0, 0);
        offset("GMT", 0, 0);
        offset("WET", 0, 0);
        offset("WEST", 1, 0);
        offset("BST", 1, 0);
        offset("IST", 5, 30);
        offset("CET", 1, 0);
        offset("CEST", 2, 0);
        offset("MET", 1, 0);
        offset("MEST", 2, 0);
        offset("EET", 2, 0);
        offset("EEST", 3, 0);
        offset("MSK", 3, 0);
        offset("WAT", 1, 0);
        offset("CAT", 2, 0);
        offset("EAT", 3, 0);
        offset("SAST", 2, 0);
        offset("GST", 4, 0);
        offset("PKT", 5, 0);
        offset("NPT", 5, 45);
        offset("ICT", 7, 0);
        offset("WIB", 7, 0);
        offset("SGT", 8, 0);
        offset("HKT", 8, 0);
        offset("AWST", 8, 0);
        offset("JST", 9, 0);
        offset("KST", 9, 0);
        offset("ACST", 9, 30);
        offset("ACDT", 10, 30);
        offset("AEST", 10, 0);
        offset("AEDT", 11, 0);
        offset("NZST", 12, 0);
        offset("NZDT", 13, 0);
        offset("AST", -4, 0);
        offset("ADT", -3, 0);
        offset("EST", -5, 0);
        offset("EDT", -4, 0);
        offset("CST", -6, 0);
        offset("CDT", -5, 0);
        offset("MST", -7, 0);
        offset("MDT", -6, 0);
        offset("PST", -8, 0);
        offset("PDT", -7, 0);
        offset("AKST", -9, 0);
        offset("AKDT", -8, 0);
        offset("HST", -10, 0);
        offset("BRT", -3, 0);
        offset("ART", -3, 0);
        offset("NST", -3, -30);
        offset("NDT", -2, -30);
        ABBREVIATIONS.put("ET", ZoneId.of("America/New_York"));
        ABBREVIATIONS.put("CT", ZoneId.of("America/Chicago"));
        ABBREVIATIONS.put("MT", ZoneId.of("America/Denver"));
        ABBREVIATIONS.put("PT", ZoneId.of("America/Los_Angeles"));
    }

    private static void offset(String abbreviation, int hours, int minutes) {
        ABBREVIATIONS.put(abbreviation, ZoneOffset.ofHoursMinutes(hours, hours < 0 && minutes > 0 ? -minutes : minutes));
    }

    /** An offset from UTC or GMT: {@code GMT + 1}, {@code UTC-05:00}, {@code UTC+0530}. */
    static final String OFFSET = "(?:UTC|GMT)\\s*[+\\-−–]\\s*\\d{1,2}(?::?\\d{2})?";
    static final String IANA = "(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
            + "/[A-Za-z_]+(?:/[A-Za-z_]+)?";
    /** Any zone token: offsets, IANA names and upper-case abbreviations (checked against the table). */
    static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z])(" + OFFSET + "|" + IANA + "|[A-Z]{2,5})(?![A-Za-z])");
    private static final Pattern OFFSET_PARTS = Pattern.compile(
            "(?:UTC|GMT)?\\s*([+\\-−–])\\s*(\\d{1,2})(?::?(\\d{2}))?");

    private ZoneTable() {
    }

    /** The zone a token names, or null when it names none (an unknown abbreviation is no zone). */
    public static ReadZone read(String token) {
        String written = token.strip();
        String upper = written.toUpperCase(Locale.ROOT);
        if (written.contains("/")) {
            try {
                return ZoneId.getAvailableZoneIds().contains(written) ? new ReadZone(ZoneId.of(written), written, null)
                        : null;
            } catch (DateTimeException e) {
                return null;
            }
        }
        if ((upper.startsWith("UTC") || upper.startsWith("GMT")) && upper.length() > 3
                || upper.startsWith("+") || upper.startsWith("-")) {
            Matcher parts = OFFSET_PARTS.matcher(written);
            if (!parts.matches()) {
                return null;
            }
            int hours = Integer.parseInt(parts.group(2));
            int minutes = parts.group(3) == null ? 0 : Integer.parseInt(parts.group(3));
            if (hours > 14 || minutes > 59) {
                return null;
            }
            int sign = parts.group(1).equals("+") ? 1 : -1;
            return new ReadZone(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes), written, null);
        }
        ZoneId zone = ABBREVIATIONS.get(written);
        if (zone == null) {
            return written.equals("Z") ? new ReadZone(ZoneOffset.UTC, written, null) : null;
        }
        return new ReadZone(zone, written, AMBIGUOUS.get(written));
    }

    /** Whether a zone suggests month-first dates (the US zones). */
    static boolean monthFirst(ReadZone zone) {
        return zone != null && (MONTH_FIRST.contains(zone.written()) || zone.written().startsWith("America/"));
    }

    /** The table, abbreviation to zone, for the documentation and tests. */
    public static Map<String, ZoneId> abbreviations() {
        return Map.copyOf(ABBREVIATIONS);
    }

    /** A zone as people write it: {@code UTC+01:00}, or the IANA name. */
    public static String describe(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId();
    }
}
