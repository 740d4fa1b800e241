package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transaction PostgreSQL ended to break a deadlock (SQLSTATE 40P01) wrote nothing and may be retried: a 503
 * with Retry-After (RFC 9110 section 15.6.4), as Hibernate hands it over, not a 500.
 */
class ProblemMappersDeadlockTest {

    @Test
    void aDeadlockIsA503WithRetryAfterNotA500() {
        var deadlock = new PessimisticLockException("could not execute statement",
                new org.hibernate.PessimisticLockException("select count(pg_advisory_xact_lock(1306, slot))",
                        new SQLException("ERROR: deadlock detected", "40P01"), "select ..."));
        Response response = new ProblemMappers().persistence(deadlock, null);
        assertEquals(503, response.getStatus());
        assertEquals("10", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals("This write waited on another that waited on it (a deadlock), and the database ended it;"
                + " nothing was written; retry in 10 seconds", problem.detail());
        assertEquals(List.of(), problem.violations());
    }

    @Test
    void anotherFailureOfTheDatabaseStaysA500() {
        var other = new PessimisticLockException("could not execute statement",
                new SQLException("ERROR: something else", "XX000"));
        assertEquals(500, new ProblemMappers().persistence(other, null).getStatus());
    }

    @Test
    void aRefusalOfTheServiceSaysWhenToRetry() {
        Response response = new ProblemMappers().problem(ProblemException.unavailable("busy"), null);
        assertEquals(503, response.getStatus());
        assertEquals("10", response.getHeaderString("Retry-After"));
        assertEquals(400, new ProblemMappers().problem(ProblemException.badParameter("x", "bad"), null).getStatus());
        assertEquals(null, new ProblemMappers().problem(ProblemException.badParameter("x", "bad"), null)
                .getHeaderString("Retry-After"));
    }
}
