package com.slaledger.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractService;
import com.slaledger.credit.CreditRepository;
import com.slaledger.credit.CreditResponse;
import com.slaledger.credit.CreditService;
import com.slaledger.credit.CreditState;
import com.slaledger.incident.IncidentService;
import com.slaledger.report.WhatIfReport;
import com.slaledger.whatif.SavedWhatIfResponse;
import com.slaledger.whatif.SavedWhatIfService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader writes the whole demo set through the same services as the API; rolled back, so other tests never see it. */
@QuarkusTest
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;
    @Inject
    ClientService clients;
    @Inject
    ContractService contracts;
    @Inject
    IncidentService incidents;
    @Inject
    UserTransaction transaction;
    @Inject
    CreditService credits;
    @Inject
    SavedWhatIfService savedWhatIfs;

    /** Credits in every state, made by the sync and the transitions; one issued credit flagged for review. */
    private void assertCreditsInEveryState() {
        for (CreditState state : CreditState.values()) {
            long count = credits.list(new CreditRepository.Filter(state, null, null, null, null, null), 0, 1).total();
            assertTrue(count > 0, "no demo credit is " + state.value());
        }
        List<CreditResponse> flagged = credits.list(new CreditRepository.Filter(CreditState.ISSUED, null, null,
                "casual-cartoon", true, null), 0, 10).items();
        assertEquals(1, flagged.size());
        // 40 hours down in a month of at most 31 days: below 95 % → the 100 % tier, the whole EUR 12,000.00 fee
        assertEquals("12000.00", flagged.get(0).review().recomputedAmount());
        // the SPEC's worked example stays as it is: January 2024, 1,320 s down → 10 % → EUR 1,200.00, issued
        CreditResponse january = credits.list(new CreditRepository.Filter(null, "2024-01", null, "casual-cartoon",
                null, null), 0, 1).items().get(0);
        assertEquals("1200.00", january.amount());
        assertEquals(CreditState.ISSUED, january.state());
    }

    @Test
    void loadsTheDemoSetOnceThroughTheApiRules() throws Exception {
        transaction.begin();
        try {
            assertTrue(loader.loadOnce(Instant.parse("2026-11-24T09:30:00Z")));
            assertEquals("Asia/Tokyo", clients.find("sakura-trading").orElseThrow().timeZone());
            assertEquals("99.99", contracts.inForce("casual-cartoon", LocalDate.of(2024, 1, 16)).orElseThrow()
                    .targetPercent().toPlainString());
            assertEquals(1320, incidents.findByKey("postmortem", "0x19").orElseThrow().timeToRestoreSeconds()
                    .intValueExact());
            assertCreditsInEveryState();
            // the saved what-if turns January 2024's breach (EUR 1,200.00 under 99.99) into none under 99.9
            SavedWhatIfResponse whatIf = savedWhatIfs.list("casual-cartoon").get(0);
            WhatIfReport report = savedWhatIfs.open(whatIf.id(), Instant.parse("2026-11-24T09:30:00Z"))
                    .orElseThrow().report();
            assertEquals("2024-01", report.months().get(0).month());
            assertTrue(report.months().get(0).current().breached());
            assertEquals("1200.00", report.months().get(0).current().creditAmount());
            assertFalse(report.months().get(0).proposed().breached());
            assertEquals("0.00", report.months().get(0).proposed().creditAmount());
            assertFalse(loader.loadOnce(Instant.parse("2026-11-24T09:30:00Z")), "a second start loads nothing");
        } finally {
            transaction.rollback();
        }
    }
}
