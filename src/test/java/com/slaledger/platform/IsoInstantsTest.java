package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reading of ISO-8601 instants accepts exactly what {@code OffsetDateTime.parse} accepts, with the same value. */
class IsoInstantsTest {

    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void commonShapesAreReadByTheFastPathToTheNanosecond() {
        // 2024-01-16T10:00:00.5+01:00 is 09:00:00.5 UTC
        assertEquals(Instant.parse("2024-01-16T09:00:00.500Z"), IsoInstants.fast("2024-01-16T10:00:00.5+01:00"));
        assertEquals(Instant.parse("2024-02-29T23:59:59.123456789Z"), IsoInstants.fast("2024-02-29T23:59:59.123456789Z"));
        // -05:30 is added back: 2023-12-31T20:00Z
        assertEquals(Instant.parse("2024-01-01T01:30:00Z"), IsoInstants.fast("2023-12-31T20:00:00-05:30"));
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), IsoInstants.fast("0001-01-01T00:00:00Z"));
    }

    @Test
    void textsTheFastPathLeavesAloneStillReadAsJavaTimeReadsThem() {
        for (String text : new String[] {"2024-01-16t09:00:00z", "2024-01-16T09:00Z", "2024-01-16T09:00:00+01:00:30",
                "+12024-01-16T09:00:00Z", "2024-01-16T09:00:00.1234567890Z"}) {
            assertNull(IsoInstants.fast(text), text);
            assertEquals(reference(text), IsoInstants.parseOrNull(text), text);
        }
        assertNotNull(IsoInstants.parseOrNull("2024-01-16t09:00Z"));
        // java.time takes a decimal point with no digits after it (a fraction of 0 to 9 digits)
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), IsoInstants.parseOrNull("2024-01-01T00:00:00.Z"));
    }

    @Test
    void impossibleDatesTimesAndOffsetsAreRefused() {
        for (String text : new String[] {"2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z",
                "2024-01-01T23:59:60Z", "2024-01-01T00:00:00+18:01", "2024-01-01T00:00:00+19:00",
                "2024-01-01T00:00:00", "2024-01-01T00:00:00Y", "2024-01-01T00:00:00+0100",
                "2024-01-01 00:00:00Z", "2024-1-01T00:00:00Z", "２０２４-01-01T00:00:00Z", "2024-01-01T00:00:00Z "}) {
            assertNull(IsoInstants.parseOrNull(text), text);
        }
    }

    @Test
    void randomTextsNearTheShapeAgreeWithJavaTime() {
        Random random = new Random(20261130);
        String alphabet = "0123456789-T:.Z+ zt";
        for (int round = 0; round < 200_000; round++) {
            char[] text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + "123456789012".substring(0, random.nextInt(12)),
                    switch (random.nextInt(4)) {
                        case 0 -> "Z";
                        case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(61));
                        case 2 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(61));
                        default -> "";
                    }).toCharArray();
            if (random.nextInt(4) == 0) { // and now and then one character changed
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = new String(text);
            assertEquals(reference(candidate), IsoInstants.parseOrNull(candidate), candidate);
        }
    }
}
