package com.slaledger.web;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** The time zones a form offers: UTC first, then every IANA region (no fixed offsets, no legacy names). */
final class Zones {

    static final List<String> ALL = Stream.concat(Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                    .filter(id -> Character.isUpperCase(id.charAt(0)))
                    .sorted())
            .toList();

    private Zones() {
    }
}
