package com.slaledger.postmortem;

import java.util.List;

/**
 * The services and clients SLA Ledger knows, by key and display name, against which the names in a
 * postmortem are matched (case-insensitively, ignoring spaces, hyphens and punctuation).
 */
public record Catalog(List<Entry> services, List<Entry> clients) {

    /** One known service or client. */
    public record Entry(String key, String name) {
    }

    public Catalog {
        services = services == null ? List.of() : List.copyOf(services);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of());
    }
}
