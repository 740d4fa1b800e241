package com.slaledger.postmortem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times of day and zones as people write them in postmortems. Dates: {@code 2024-01-16},
 * {@code 16 th January 2024}, {@code 16th Jan 2024}, {@code 5 th of September 2020},
 * {@code January 16, 2024}, {@code Tuesday, 16 January 2024}, {@code 16/01/2024} (day and month
 * order decided by the caller), and without a year ({@code Jan 17}). Times: 24-hour ({@code 10:00},
 * {@code 10.00}, {@code 10:00:05}) and 12-hour ({@code 10:00AM}, {@code 9:45 am}, {@code 3pm},
 * {@code noon}, {@code midnight}), optionally followed by a zone.
 */
final class WrittenWhen {

    private WrittenWhen() {
    }

    /**
     * A date as written. Either {@code month} and {@code day} are known, or only two numbers
     * {@code first/second} whose order is for the document to decide. {@code year} is null when not written.
     */
    record WrittenDate(Integer year, Integer month, Integer day, Integer first, Integer second, int start, int end) {

        boolean numeric() {
            return month == null;
        }

        /** Whether the two numbers of a numeric date could be read both ways. */
        boolean ambiguous() {
            return numeric() && first <= 12 && second <= 12 && !first.equals(second);
        }

        /** The date, reading numeric dates day-first or month-first; null when no such day exists. */
        LocalDate resolve(boolean dayFirst, int defaultYear) {
            int y = year == null ? defaultYear : year;
            int m = numeric() ? (dayFirst ? second : first) : month;
            int d = numeric() ? (dayFirst ? first : second) : day;
            try {
                return LocalDate.of(y, m, d);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** A time of day as written, and where it ends in the text. */
    record WrittenTime(LocalTime time, int start, int end) {
    }

    /** A zone written right after a time, and where it ends. */
    record WrittenZone(ZoneTable.ReadZone zone, int end) {
    }

    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String DATE = WEEKDAY + "(?:"
            + "(?<isoY>\\d{4})[-/](?<isoM>\\d{1,2})[-/](?<isoD>\\d{1,2})(?!\\d)"
            + "|(?<numA>\\d{1,2})[/.](?<numB>\\d{1,2})[/.](?<numY>\\d{4}|\\d{2})(?![\\d.:/])"
            + "|(?<dmD>\\d{1,2})\\s*(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?<dmM>" + MONTHS + ")\\.?(?![a-z])(?:,?\\s+(?<dmY>" + YEAR + ")(?!\\d))?"
            + "|(?<mdM>" + MONTHS + ")\\.?\\s+(?<mdD>\\d{1,2})(?:\\s*(?:st|nd|rd|th))?(?![\\d:.])(?:,?\\s+(?<mdY>" + YEAR + ")(?!\\d))?"
            + ")";
    private static final Pattern DATE_AT = Pattern.compile(DATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_FIND = Pattern.compile("(?<![\\w/.-])" + DATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_AT = Pattern.compile(
            "(?:(?<h>\\d{1,2})(?:[:.](?<m>[0-5]\\d)(?::(?<s>[0-5]\\d)(?:[.,]\\d{1,9})?)?)?"
                    + "(?:\\s*(?<ap>[ap])\\.?\\s?m\\.?(?![a-z]))?(?!\\d|:\\d)"
                    + "|(?<word>noon|midday|midnight)(?![a-z]))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_FIND = Pattern.compile(
            "(?<![\\d:.])(?:(?<h>\\d{1,2})(?:[:.](?<m>[0-5]\\d)(?::(?<s>[0-5]\\d))?)?"
                    + "(?:\\s*(?<ap>[ap])\\.?\\s?m\\.?(?![a-z]))?(?!\\d|:\\d|\\.\\d)"
                    + "|(?<word>noon|midday|midnight)(?![a-z]))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE_AT = Pattern.compile(
            "\\s*\\(?\\s*(" + ZoneTable.OFFSET + "|" + ZoneTable.IANA + "|[+\\-]\\d{2}:?\\d{2}|Z(?![A-Za-z])|[A-Z]{2,5}(?![A-Za-z]))\\s*\\)?");
    private static final Pattern AFTER_DATE = Pattern.compile("(?:T|,?\\s+(?:at\\s+)?|,\\s*)", Pattern.CASE_INSENSITIVE);

    /** The date written at {@code from}, or null. */
    static WrittenDate dateAt(String text, int from) {
        Matcher m = DATE_AT.matcher(text);
        m.region(from, text.length());
        return m.lookingAt() ? date(m) : null;
    }

    /** Every date written in the text, in order; dates without a year included. */
    static List<WrittenDate> findDates(String text) {
        List<WrittenDate> found = new ArrayList<>();
        if (!containsDigit(text)) {
            return found;
        }
        Matcher m = DATE_FIND.matcher(text);
        while (m.find()) {
            WrittenDate date = date(m);
            if (date != null) {
                found.add(date);
            }
        }
        return found;
    }

    private static WrittenDate date(Matcher m) {
        if (m.group("isoY") != null) {
            int month = Integer.parseInt(m.group("isoM"));
            int day = Integer.parseInt(m.group("isoD"));
            return valid(month, day) ? new WrittenDate(Integer.parseInt(m.group("isoY")), month, day, null, null,
                    m.start(), m.end()) : null;
        }
        if (m.group("numA") != null) {
            int a = Integer.parseInt(m.group("numA"));
            int b = Integer.parseInt(m.group("numB"));
            int year = Integer.parseInt(m.group("numY"));
            if (year < 100) {
                year += 2000;
            }
            if (a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) {
                return null;
            }
            return new WrittenDate(year, null, null, a, b, m.start(), m.end());
        }
        String monthName = m.group("dmM") != null ? m.group("dmM") : m.group("mdM");
        String dayText = m.group("dmD") != null ? m.group("dmD") : m.group("mdD");
        String yearText = m.group("dmY") != null ? m.group("dmY") : m.group("mdY");
        int month = month(monthName);
        int day = Integer.parseInt(dayText);
        if (!valid(month, day)) {
            return null;
        }
        return new WrittenDate(yearText == null ? null : Integer.parseInt(yearText), month, day, null, null,
                m.start(), m.end());
    }

    /** The time of day written at {@code from} (a bare number is no time), or null. */
    static WrittenTime timeAt(String text, int from) {
        Matcher m = TIME_AT.matcher(text);
        m.region(from, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        LocalTime time = time(m);
        return time == null ? null : new WrittenTime(time, m.start(), m.end());
    }

    /** Every time of day written in the text (with minutes, or with am/pm), in order. */
    static List<WrittenTime> findTimes(String text) {
        List<WrittenTime> found = new ArrayList<>();
        if (!containsDigit(text) && !text.toLowerCase(Locale.ROOT).contains("noon")
                && !text.toLowerCase(Locale.ROOT).contains("mid")) {
            return found;
        }
        Matcher m = TIME_FIND.matcher(text);
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            LocalTime time = time(m);
            if (time != null) {
                found.add(new WrittenTime(time, m.start(), m.end()));
            }
        }
        return found;
    }

    private static LocalTime time(Matcher m) {
        String word = m.group("word");
        if (word != null) {
            return word.equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON;
        }
        if (m.group("h") == null) {
            return null;
        }
        int hour = Integer.parseInt(m.group("h"));
        String ap = m.group("ap");
        if (m.group("m") == null && ap == null) {
            return null;
        }
        int minute = m.group("m") == null ? 0 : Integer.parseInt(m.group("m"));
        int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        if (ap != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = ap.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (hour > 23) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    /** A zone written right after a time (at {@code from}), or null. */
    static WrittenZone zoneAt(String text, int from) {
        Matcher m = ZONE_AT.matcher(text);
        m.region(from, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        ZoneTable.ReadZone zone = ZoneTable.read(m.group(1));
        return zone == null ? null : new WrittenZone(zone, m.end());
    }

    /** Where a time may start after a date: after a {@code T}, a space, a comma or "at". */
    static int afterDate(String text, int from) {
        Matcher m = AFTER_DATE.matcher(text);
        m.region(from, text.length());
        return m.lookingAt() ? m.end() : from;
    }

    /** The zones a line names anywhere (offsets, IANA names and table abbreviations). */
    static List<ZoneTable.ReadZone> findZones(String text) {
        List<ZoneTable.ReadZone> found = new ArrayList<>();
        Matcher m = ZoneTable.TOKEN.matcher(text);
        while (m.find()) {
            ZoneTable.ReadZone zone = ZoneTable.read(m.group(1));
            if (zone != null) {
                found.add(zone);
            }
        }
        return found;
    }

    private static boolean valid(int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static int month(String name) {
        return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static boolean containsDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
