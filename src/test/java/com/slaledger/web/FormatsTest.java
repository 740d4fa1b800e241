package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.analytics.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("0 min", Formats.duration(BigDecimal.ZERO));
        assertEquals("45 s", Formats.duration(new BigDecimal("45.999999")));
        assertEquals("10 min", Formats.duration(new BigDecimal("600")));
        assertEquals("22 min 30 s", Formats.duration(new BigDecimal("1350")));
        assertEquals("1 h 05 min", Formats.duration(new BigDecimal("3900")));
        assertEquals("1 h 00 min", Formats.duration(new BigDecimal("3659")));
        assertEquals("2 d 3 h 05 min", Formats.duration(new BigDecimal(2 * 86400 + 3 * 3600 + 5 * 60)));
        assertEquals("—", Formats.duration((BigDecimal) null));
    }

    @Test
    void instantsAreShownWithTheirZoneNamed() {
        Instant outage = Instant.parse("2024-01-16T09:00:00Z");
        assertEquals("2024-01-16 09:00 UTC", Formats.inZone(outage, "UTC"));
        assertEquals("2024-01-16 10:00 Europe/Berlin (UTC+01:00)", Formats.inZone(outage, "Europe/Berlin"));
        // summer time is the offset in force at that instant, not the zone's standard one
        assertEquals("2024-07-16 11:00:30 Europe/Berlin (UTC+02:00)",
                Formats.inZone(Instant.parse("2024-07-16T09:00:30Z"), "Europe/Berlin"));
        assertEquals("2024-01-16 18:00", Formats.localDateTime(outage, "Asia/Tokyo"));
        assertEquals("—", Formats.inZone(null, "UTC"));
        assertEquals("2024-01-16 09:00 UTC", Formats.inZone(outage, "Not/AZone"));
    }

    @Test
    void percentagesAndAvailabilityNeverRoundUp() {
        assertEquals("40 %", Formats.percent(new BigDecimal("40.00")));
        assertEquals("12.5 %", Formats.percent(new BigDecimal("12.50")));
        assertEquals("99.949 %", Formats.availability(new BigDecimal("99.949999999")));
        assertEquals("99.950 %", Formats.availability(new BigDecimal("99.950717")));
    }

    @Test
    void moneyKeepsTheCurrencysMinorUnit() {
        assertEquals("EUR 1,200.00", Formats.money(Money.of("1200.00", "EUR")));
        assertEquals("JPY 5,000", Formats.money(Money.of("5000", "JPY")));
        assertEquals("BHD 12.345", Formats.money(Money.of("12.345", "BHD")));
        assertEquals("EUR 12,000.00", Formats.money(new BigDecimal("12000"), "EUR"));
        assertEquals("—", Formats.money(null));
    }
}
