package com.slaledger.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report reads run with PostgreSQL's JIT and parallel workers off, for their own transaction only
 * ({@code set local}): read back with {@code current_setting} inside the transaction and after it.
 */
@QuarkusTest
class IncidentImpactQueryTest {

    @Inject
    IncidentImpactQuery incidents;

    @Inject
    EntityManager entityManager;

    @Test
    void jitAndParallelWorkersAreOffInsideTheReportTransactionOnly() {
        assertEquals(List.of("off", "0"), readInside());
        // the session's own values are untouched once the transaction is over
        assertEquals("on", setting("jit"));
    }

    @Transactional
    List<String> readInside() {
        incidents.duringForClient(Instant.parse("2022-03-01T00:00:00Z"), Instant.parse("2022-04-01T00:00:00Z"),
                "no-such-client", List.of("no-such-service"));
        return List.of(setting("jit"), setting("max_parallel_workers_per_gather"));
    }

    @Transactional
    String setting(String name) {
        return (String) entityManager.createNativeQuery("select current_setting(:name)").setParameter("name", name)
                .getSingleResult();
    }
}
