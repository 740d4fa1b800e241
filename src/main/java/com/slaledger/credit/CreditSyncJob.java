package com.slaledger.credit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps credits in line without anyone asking: on {@code sla-ledger.credits.sync-cron} it syncs the current month
 * and the {@code sla-ledger.credits.sync-months} before it (client-months not over yet are skipped by the sync),
 * then expires every owed credit past its deadline. {@code off} disables it (tests sync on demand instead).
 */
@ApplicationScoped
public class CreditSyncJob {

    private static final Logger LOG = Logger.getLogger(CreditSyncJob.class);

    private final CreditService credits;
    private final int months;

    public CreditSyncJob(CreditService credits, @ConfigProperty(name = "sla-ledger.credits.sync-months") int months) {
        this.credits = credits;
        this.months = months;
    }

    @Scheduled(cron = "{sla-ledger.credits.sync-cron}", identity = "credit-sync",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = Instant.now();
        for (YearMonth month : CreditService.recentMonths(now, months)) {
            try {
                CreditService.SyncResult result = credits.sync(month, now);
                if (result.created() + result.recomputed() + result.flagged() + result.expired() > 0) {
                    LOG.infof("Credits of %s: %d created, %d recomputed, %d flagged for review, %d expired", month,
                            result.created(), result.recomputed(), result.flagged(), result.expired());
                }
            } catch (RuntimeException e) {
                // one month's failure (a database hiccup) must not keep the others from syncing; the next run retries
                LOG.errorf(e, "Credits of %s could not be synced", month);
            }
        }
        int expired = credits.expireOverdue(now);
        if (expired > 0) {
            LOG.infof("Credits: %d expired unclaimed", expired);
        }
    }
}
