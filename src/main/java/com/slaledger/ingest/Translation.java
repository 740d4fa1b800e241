package com.slaledger.ingest;

import java.util.List;

/**
 * What an adapter made of a payload: the incident events it carries, why some could not be mapped
 * (then the whole delivery waits as unmapped), warnings worth keeping, or why the delivery is not about
 * incidents at all ({@code ignoredReason}, e.g. a PagerDuty ping).
 */
public record Translation(List<IngestEvent> events, List<String> unmapped, List<String> warnings,
        String ignoredReason) {

    static Translation ignored(String reason) {
        return new Translation(List.of(), List.of(), List.of(), reason);
    }
}
