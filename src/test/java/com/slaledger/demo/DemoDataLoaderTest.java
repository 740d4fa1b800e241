package com.slaledger.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
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
            assertFalse(loader.loadOnce(Instant.parse("2026-11-24T09:30:00Z")), "a second start loads nothing");
        } finally {
            transaction.rollback();
        }
    }
}
