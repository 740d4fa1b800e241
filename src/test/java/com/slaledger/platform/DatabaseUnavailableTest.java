package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A database that cannot be reached answers 503 with Retry-After and a problem, whichever layer reports it:
 * Hibernate's connection exception (SQLSTATE class 08), the PostgreSQL driver's refused connection wrapped
 * by JPA, or the Agroal pool's acquisition timeout. So do a transaction rolled back for its timeout and a
 * read the database cancelled (SQLSTATE 40001, a hot standby's conflict with recovery). The exceptions are
 * the real types those libraries throw.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static PSQLException refused() {
        return new PSQLException("Connection to 127.0.0.1:1 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
    }

    private static void assertUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals("10", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(new Problem("about:blank", "Service Unavailable", 503,
                "The database cannot be reached; retry in 10 seconds", null, List.of()), problem);
    }

    @Test
    void hibernatesConnectionExceptionIsAServiceUnavailable() {
        assertUnavailable(mappers.databaseUnreachable(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused()), null));
    }

    @Test
    void aRefusedConnectionUnderAPersistenceExceptionIsAServiceUnavailable() {
        assertUnavailable(mappers.persistence(new PersistenceException("could not prepare statement",
                new GenericJDBCException("wrapped", refused())), null));
    }

    @Test
    void thePoolsAcquisitionTimeoutIsAServiceUnavailable() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection");
        assertUnavailable(mappers.jdbc(timeout, null));
        assertUnavailable(mappers.persistence(new GenericJDBCException("Unable to acquire JDBC Connection", timeout),
                null));
    }

    private static void assertUnavailable(Response response, String detail) {
        assertEquals(503, response.getStatus());
        assertEquals("10", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(new Problem("about:blank", "Service Unavailable", 503, detail, null, List.of()),
                response.getEntity());
    }

    @Test
    void aReportReadTheStandbyCancelledAgainIsAServiceUnavailableNotAServerError() {
        // what the reports' second read on a hot standby fails with (IncidentImpactQuery read it once more already)
        PSQLException conflict = new PSQLException("ERROR: canceling statement due to conflict with recovery\n"
                + "  Detail: User query might have needed to see row versions that must be removed.",
                PSQLState.SERIALIZATION_FAILURE);
        String detail = "The database cancelled this read to apply newer changes (a read replica catching up with"
                + " the primary); retry in 10 seconds";
        assertUnavailable(mappers.persistence(new LockAcquisitionException("could not execute query", conflict),
                null), detail);
        assertUnavailable(mappers.persistence(new PersistenceException("Report read on the reports datasource failed",
                conflict), null), detail);
        assertUnavailable(mappers.jdbc(conflict, null), detail);
    }

    @Test
    void aTransactionTheTransactionManagerRolledBackForItsTimeoutIsAServiceUnavailable() {
        // Narayana's commit of a transaction its reaper rolled back, wrapped by CDI (a checked exception that
        // the @Transactional method does not declare) or by QuarkusTransaction
        RollbackException rolledBack = new RollbackException(
                "ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:a4e1:674b0b01:2f");
        String detail = "The request took longer than one transaction may last and was rolled back; nothing was"
                + " changed. Retry in 10 seconds";
        assertUnavailable(mappers.transactionEnded(new ArcUndeclaredThrowableException(rolledBack), null), detail);
        assertUnavailable(mappers.transactionEnded(new QuarkusTransactionException(rolledBack), null), detail);
        assertUnavailable(mappers.transactionEnded(rolledBack, null), detail);
    }

    @Test
    void anotherUndeclaredFailureStaysAServerError() {
        Response response = mappers.transactionEnded(new ArcUndeclaredThrowableException(
                new RollbackException("ARJUNA016053: Could not commit transaction.")), null);
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals("The request failed on the server", ((Problem) response.getEntity()).detail());
    }

    @Test
    void anyOtherDatabaseFailureStaysAServerErrorWithoutDetail() {
        Response response = mappers.persistence(new GenericJDBCException("bad grammar",
                new SQLException("syntax error at or near \"selec\"", "42601")), null);
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals("The request failed on the server", ((Problem) response.getEntity()).detail());
    }
}
