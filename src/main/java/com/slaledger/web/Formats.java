package com.slaledger.web;

import com.slaledger.analytics.Money;
import com.slaledger.analytics.Percent;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write figures. Every instant is shown with the zone it is read in, since a time
 * without its zone is how a 10:00 outage becomes a 09:00 one in a client call.
 */
@TemplateExtension(namespace = Formats.NAMESPACE)
public final class Formats {

    /** Templates call these as {@code fmt:duration(incident.timeToRestoreSeconds)}; each takes null for "none". */
    public static final String NAMESPACE = "fmt";
    static final String NONE = "—";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** {@code 2024-01-16 10:00 Europe/Berlin (UTC+01:00)}; {@code 2024-01-16 09:00 UTC} in UTC. */
    public static String inZone(Instant instant, String zone) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(zoneOf(zone));
        return local.format(local.getSecond() == 0 ? DATE_TIME : DATE_TIME_SECONDS) + " " + zoneLabel(local);
    }

    /** Date and time without the zone, for a table whose header names it: {@code 2024-01-16 10:00}. */
    public static String localDateTime(Instant instant, String zone) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(zoneOf(zone));
        return local.format(local.getSecond() == 0 ? DATE_TIME : DATE_TIME_SECONDS);
    }

    /** Time of day alone, for lists within one day: {@code 10:05}. */
    public static String localTime(Instant instant, String zone) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(zoneOf(zone));
        return local.format(local.getSecond() == 0 ? TIME : TIME_SECONDS);
    }

    /** The machine-readable form for {@code <time datetime="...">}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code UTC}, or {@code Europe/Berlin (UTC+01:00)} with the offset in force at that instant. */
    static String zoneLabel(ZonedDateTime local) {
        ZoneId zone = local.getZone();
        if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC")) {
            return "UTC";
        }
        String offset = local.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : local.getOffset().getId();
        return zone.getId() + " (UTC" + offset + ")";
    }

    /** A zone name as the user gave it; an unknown one falls back to UTC rather than failing a page. */
    static ZoneId zoneOf(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * A duration in seconds as people say it: {@code 45 s}, {@code 22 min}, {@code 22 min 30 s},
     * {@code 1 h 05 min}, {@code 2 d 3 h 05 min}; a missing one is a dash. Parts below a second are dropped.
     */
    public static String duration(BigDecimal seconds) {
        if (seconds == null) {
            return NONE;
        }
        long total = seconds.setScale(0, RoundingMode.DOWN).longValueExact();
        String sign = total < 0 ? "−" : "";
        Duration d = Duration.ofSeconds(Math.abs(total));
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        int secs = d.toSecondsPart();
        if (days > 0) {
            return sign + days + " d " + hours + " h " + twoDigits(minutes) + " min";
        } else if (hours > 0) {
            return sign + hours + " h " + twoDigits(minutes) + " min";
        } else if (minutes > 0) {
            return sign + minutes + " min" + (secs > 0 ? " " + secs + " s" : "");
        } else if (secs > 0) {
            return sign + secs + " s";
        }
        return "0 min";
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    public static String duration(Duration duration) {
        return duration == null ? NONE : duration(BigDecimal.valueOf(duration.getSeconds()));
    }

    /** A share in percent as entered: {@code 40 %}, {@code 12.5 %}. */
    public static String percent(BigDecimal percent) {
        return percent == null ? NONE : percent.stripTrailingZeros().toPlainString() + " %";
    }

    /**
     * An availability: three decimals, floored, so a page never rounds a client up to a target it
     * missed ({@code 99.9499…} shows {@code 99.949 %}).
     */
    public static String availability(BigDecimal percent) {
        return percent == null ? NONE : Percent.display(percent) + " %";
    }

    /** {@code EUR 1,200.00}, {@code JPY 5,000}, {@code BHD 12.345}: the currency's own minor unit, grouped. */
    public static String money(Money money) {
        if (money == null) {
            return NONE;
        }
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return money.currency().getCurrencyCode() + " " + format.format(money.amount());
    }

    /** Money given as an amount and a currency code, as the contract API carries it. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return NONE;
        }
        try {
            return money(Money.rounded(amount, java.util.Currency.getInstance(currency)));
        } catch (IllegalArgumentException e) {
            return currency + " " + amount.toPlainString();
        }
    }

    /** Severity as a CSS modifier: {@code SEV1} becomes {@code sev1}. */
    public static String cssName(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    /** Enum constants as words: {@code ACKNOWLEDGED} becomes {@code Acknowledged}. */
    public static String label(Enum<?> value) {
        if (value == null) {
            return NONE;
        }
        String name = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
