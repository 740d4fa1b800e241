package com.slaledger.web;

import com.slaledger.incident.IncidentResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When an open incident has been forgotten: it is not resolved and started more than
 * {@code sla-ledger.incidents.stale-after-days} days ago (default 7). The incident list and the dashboard
 * flag such incidents so someone closes them or says why they stay open.
 */
@ApplicationScoped
public class StaleRule {

    private final int staleAfterDays;

    public StaleRule(@ConfigProperty(name = "sla-ledger.incidents.stale-after-days", defaultValue = "7")
            int staleAfterDays) {
        if (staleAfterDays < 1 || staleAfterDays > 3650) {
            throw new IllegalArgumentException("sla-ledger.incidents.stale-after-days must be from 1 to 3650, was "
                    + staleAfterDays);
        }
        this.staleAfterDays = staleAfterDays;
    }

    public int days() {
        return staleAfterDays;
    }

    /** Open incidents that started before this instant are stale. */
    public Instant startedBefore(Instant now) {
        return now.minus(Duration.ofDays(staleAfterDays));
    }

    public boolean isStale(IncidentResponse incident, Instant now) {
        return incident.resolvedAt() == null && incident.startedAt().isBefore(startedBefore(now));
    }
}
