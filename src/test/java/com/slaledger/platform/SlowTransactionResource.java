package com.slaledger.platform;

import com.slaledger.security.Role;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: a request whose transaction outlives its timeout ({@value #TIMEOUT_SECONDS} s, the work takes
 * {@value #WORK_MILLIS} ms), on an API path and on a page path. Hidden from the OpenAPI document, so the
 * security matrix and the fuzzing, which read it, do not see it.
 */
@Path("/")
@RolesAllowed(Role.ADMIN)
public class SlowTransactionResource {

    static final int TIMEOUT_SECONDS = 1;
    static final long WORK_MILLIS = 2_500;

    private final SlowWork work;

    public SlowTransactionResource(SlowWork work) {
        this.work = work;
    }

    @GET
    @Path("/api/test-only/slow-transaction")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String api() {
        return work.outliveTheTimeout();
    }

    @GET
    @Path("/test-only/slow-transaction")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String page() {
        return work.outliveTheTimeout();
    }

    /** Reads the database inside a transaction, then works on past the transaction's timeout. */
    @ApplicationScoped
    public static class SlowWork {

        private final EntityManager entityManager;

        public SlowWork(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        @Transactional
        @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
        public String outliveTheTimeout() {
            Object one = entityManager.createNativeQuery("select 1").getSingleResult();
            try {
                Thread.sleep(WORK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{\"read\":" + one + "}";
        }
    }
}
