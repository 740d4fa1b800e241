package com.slaledger.platform;

import java.time.ZoneId;

/** Time zones as users write them: IANA names, which {@link ZoneId} knows. */
public final class TimeZones {

    private TimeZones() {
    }

    /** Only region ids such as {@code Europe/Berlin} or {@code UTC}; offsets like {@code +01:00} have no DST rules to follow. */
    public static boolean isKnown(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
