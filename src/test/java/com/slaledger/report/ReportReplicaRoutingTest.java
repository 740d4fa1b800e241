package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.platform.ReportDatabase;
import com.slaledger.testing.Fixtures;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Report reads go to the reports datasource when one is configured, and nothing else does. The stand-in
 * "replica" is the test database itself reached by other connections named {@value #REPLICA_NAME}; what each
 * incident read saw is asked of PostgreSQL on that very connection, inside the read's transaction.
 */
@QuarkusTest
class ReportReplicaRoutingTest {

    private static final String REPLICA_NAME = "report-replica-test";

    @Test
    void withoutAReportsUrlThereIsNoSecondPoolAndReportsReadThePrimary() {
        // the test profile configures no SLA_LEDGER_REPORTS_JDBC_URL, as a fresh clone does not
        assertEquals(Optional.empty(), new ReportDatabase().replica());
        assertEquals(Set.of("<default>"), AgroalDataSourceUtil.activeDataSourceNames());
    }

    @Test
    void theIncidentReadOfAReportRunsOnTheReportsDatasourceAndWritesDoNot() {
        String service = Fixtures.service("replica");
        String client = Fixtures.client("replica", "UTC");
        contract(client, terms("2022-01-01", List.of(service), "99.9", "100.00", "EUR", List.of()));
        record(incident("ten minutes", List.of(service), "2022-08-10T00:00:00Z", "2022-08-10T00:10:00Z"));

        RecordingReplica replica = installed(new RecordingReplica());

        // August 2022 is 2,678,400 s; 600 s down: 100 · (1 − 600 / 2,678,400) = 99.97759856630824...
        api().queryParam("month", "2022-08").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", number(600))
                .body("measuredSeconds", number(2678400))
                .body("availabilityPercent", startsWith("99.97759856630824"))
                .body("incidents", hasSize(1));
        // the one incident read: on the replica's connection, read-only, with the report's planner settings
        assertEquals(List.of(REPLICA_NAME + " read-only=on jit=off"), replica.incidentReads);
        // the rows and the keys of their services and clients, after the planner settings; nothing else
        assertEquals(3, replica.statements.size(), replica.statements::toString);

        // a write (and its duplicate check on source and external id) never touches the replica
        int before = replica.statements.size();
        record(incident("five more minutes", List.of(service), "2022-08-11T00:00:00Z", "2022-08-11T00:05:00Z"));
        assertEquals(before, replica.statements.size(), replica.statements::toString);

        // the all-clients month reads its incidents there too, and sees the committed write: 900 s down
        api().queryParam("month", "2022-08").get("/api/reports/sla").then().statusCode(200);
        assertEquals(2, replica.incidentReads.size());
        api().queryParam("month", "2022-08").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", number(900));
    }

    @Test
    void aReadTheStandbyCancelsForAConflictWithReplayRunsOnceMore() {
        String service = Fixtures.service("replica-conflict");
        String client = Fixtures.client("replica-conflict", "UTC");
        contract(client, terms("2022-01-01", List.of(service), "99.9", "100.00", "EUR", List.of()));
        record(incident("twenty minutes", List.of(service), "2022-08-10T00:00:00Z", "2022-08-10T00:20:00Z"));
        RecordingReplica replica = installed(new RecordingReplica());

        replica.conflictsToCome.set(1);
        // 100 · (1 − 1,200 / 2,678,400) = 99.95519713261648...
        api().queryParam("month", "2022-08").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", number(1200))
                .body("availabilityPercent", startsWith("99.95519713261648"));
        assertEquals(List.of(REPLICA_NAME + " read-only=on jit=off"), replica.incidentReads);

        // twice in a row is not retried again, nor read on the primary: the report asks to be retried later
        replica.conflictsToCome.set(2);
        api().queryParam("month", "2022-08").get("/api/reports/clients/" + client + "/sla").then().statusCode(503)
                .header("Retry-After", equalTo("10")).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503)).body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("The database cancelled this read to apply newer changes (a read replica"
                        + " catching up with the primary); retry in 10 seconds"));
        assertEquals(List.of(REPLICA_NAME + " read-only=on jit=off"), replica.incidentReads);
    }

    private static <T extends DataSource> T installed(T replica) {
        QuarkusMock.installMockForType(new ReportDatabase() {
            @Override
            public Optional<DataSource> replica() {
                return Optional.of(replica);
            }
        }, ReportDatabase.class);
        return replica;
    }

    @Test
    void aReportsDatasourceThatCannotBeReachedFailsTheReportWith503NotTheWrites() throws Exception {
        String service = Fixtures.service("replica-down");
        String client = Fixtures.client("replica-down", "UTC");
        contract(client, terms("2022-01-01", List.of(service), "99.9", "100.00", "EUR", List.of()));
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            // a port nobody listens on once the socket is closed
            unreachable.setURL("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres");
        }
        unreachable.setConnectTimeout(2);
        installed(unreachable);

        api().queryParam("month", "2022-08").get("/api/reports/clients/" + client + "/sla").then().statusCode(503)
                .header("Retry-After", equalTo("10"))
                .body("status", equalTo(503))
                .body("detail", startsWith("The database cannot be reached"));
        // the primary still takes writes
        record(incident("still recorded", List.of(service), "2022-08-10T00:00:00Z", "2022-08-10T00:10:00Z"));
    }

    /**
     * Connections of their own to the test database, named {@value #REPLICA_NAME}; records every statement
     * prepared on them and, for the incident read, what PostgreSQL says of the connection at that moment.
     */
    private static final class RecordingReplica implements DataSource {

        final List<String> statements = new CopyOnWriteArrayList<>();
        /** Incident reads still to fail as a standby fails a query that conflicts with replay. */
        final AtomicInteger conflictsToCome = new AtomicInteger();
        final List<String> incidentReads = new CopyOnWriteArrayList<>();
        private final PGSimpleDataSource target = new PGSimpleDataSource();

        RecordingReplica() {
            var config = ConfigProvider.getConfig();
            target.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
            target.setUser(config.getValue("quarkus.datasource.username", String.class));
            target.setPassword(config.getValue("quarkus.datasource.password", String.class));
            target.setApplicationName(REPLICA_NAME);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = target.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            String sql = (String) args[0];
                            statements.add(sql);
                            if (sql.contains("from incident i")) {
                                if (conflictsToCome.getAndDecrement() > 0) {
                                    throw new SQLException("canceling statement due to conflict with recovery",
                                            "40001");
                                }
                                incidentReads.add(describe(connection));
                            }
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private static String describe(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select current_setting('application_name'),"
                            + " current_setting('transaction_read_only'), current_setting('jit')")) {
                row.next();
                return row.getString(1) + " read-only=" + row.getString(2) + " jit=" + row.getString(3);
            }
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
