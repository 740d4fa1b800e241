package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A database that cannot be reached answers 503 with Retry-After and a problem, whichever layer reports it:
 * Hibernate's connection exception (SQLSTATE class 08), the PostgreSQL driver's refused connection wrapped
 * by JPA, or the Agroal pool's acquisition timeout. The exceptions are the real types those libraries throw.
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

    @Test
    void anyOtherDatabaseFailureStaysAServerErrorWithoutDetail() {
        Response response = mappers.persistence(new GenericJDBCException("bad grammar",
                new SQLException("syntax error at or near \"selec\"", "42601")), null);
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals("The request failed on the server", ((Problem) response.getEntity()).detail());
    }
}
