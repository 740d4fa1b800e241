package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.maintenance;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Reports run a fixed number of statements: adding clients, incidents and maintenance windows adds rows to
 * the same queries, never queries. Counted with Hibernate's statistics (on in the test profile).
 */
@QuarkusTest
class ReportQueryCountTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theAllClientsMonthRunsTenStatementsWhateverItsSize() {
        String service = Fixtures.service("counted");
        addClients(service, 2);
        long small = statements(() -> api().queryParam("month", "2022-08").get("/api/reports/sla").then().statusCode(200));
        addClients(service, 5);
        maintenance("2022-08-03T00:00:00Z", "2022-08-03T01:00:00Z", "SERVICES", null, List.of(service), true);
        long larger = statements(() -> api().queryParam("month", "2022-08").get("/api/reports/sla").then().statusCode(200));

        // every request: the sign-in limits check (1), the signed-in user and their roles (2); then clients,
        // contracts, maintenance windows; incidents: a planner setting, the rows, their services' and clients' keys
        assertEquals(9, small);
        assertEquals(small, larger);
    }

    @Test
    void theClientMonthReliabilityAndTrendsRunAFixedNumberOfStatements() {
        // each count below includes the sign-in limits check and the two statements that load the signed-in
        // user and their roles
        String service = Fixtures.service("counted-one");
        String client = addClients(service, 1).get(0);
        // client, its contracts, maintenance, and the incident read's three (planner setting, rows, the keys
        // of their services and clients)
        assertEquals(9, statements(() -> api().queryParam("month", "2022-08")
                .get("/api/reports/clients/" + client + "/sla").then().statusCode(200)));
        // incidents (three), contracts
        assertEquals(7, statements(() -> api().queryParam("from", "2022-08-01T00:00:00Z")
                .queryParam("to", "2022-09-01T00:00:00Z").queryParam("groupBy", "client")
                .get("/api/reports/reliability").then().statusCode(200)));
        // client, its contracts (two), incidents (three), maintenance
        assertEquals(10, statements(() -> api().queryParam("client", client).queryParam("months", 24)
                .get("/api/reports/trends").then().statusCode(200)));
        // service, incidents (three)
        assertEquals(7, statements(() -> api().queryParam("service", service).queryParam("months", 24)
                .get("/api/reports/trends").then().statusCode(200)));
    }

    private List<String> addClients(String service, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String client = Fixtures.client("counted", i % 2 == 0 ? "UTC" : "America/New_York");
            contract(client, terms("2022-01-01", List.of(service), "99.9", "100.00", "EUR", List.of()));
            Map<String, Object> named = incident("for " + client, List.of(service), "2022-08-10T00:00:00Z",
                    "2022-08-10T00:10:00Z");
            named.put("affectedClients", List.of(client));
            record(named);
            record(incident("service-wide", List.of(service), "2022-08-1" + i % 10 + "T05:00:00Z", "2022-08-1" + i % 10 + "T05:01:00Z"));
            keys.add(client);
        }
        return keys;
    }

    private long statements(Runnable report) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        report.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
