package com.slaledger.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiDocumentsTheIncidentApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("SLA Ledger API"))
                .body("paths.'/api/incidents/batch'.post", notNullValue())
                .body("paths.'/api/incidents/by-key/{source}/{externalId}'.put", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/api/clients").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void unknownPathsAnswerWithProblemJsonWithoutInternals() {
        given().when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }

    @Test
    void migrationsBuiltTheSchemaOnAnEmptyDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select version, success from flyway_schema_history where version is not null order by installed_rank")) {
                assertTrue(rows.next(), "no migration recorded");
                assertEquals("1", rows.getString("version"));
                assertTrue(rows.getBoolean("success"));
            }
            List<String> constraints = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select conname from pg_constraint where conname in "
                    + "('incident_source_external_id_unique', 'client_key_unique', 'service_key_unique', "
                    + "'incident_impact_range', 'incident_resolved_after_mitigated') order by conname")) {
                while (rows.next()) {
                    constraints.add(rows.getString(1));
                }
            }
            assertEquals(List.of("client_key_unique", "incident_impact_range", "incident_resolved_after_mitigated",
                    "incident_source_external_id_unique", "service_key_unique"), constraints);
        }
    }

    @Test
    void theDatabaseItselfRefusesAnIncidentWhoseInstantsAreOutOfOrder() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String insert = "insert into incident (id, source, external_id, title, severity, started_at, resolved_at)"
                    + " values (nextval('incident_seq'), 'sql', 'order-check', 't', 'SEV1',"
                    + " '2024-01-01T10:00Z', '2024-01-01T09:00Z')";
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> statement.executeUpdate(insert));
            assertTrue(refused.getMessage().contains("incident_resolved_after_start"), refused.getMessage());
        }
    }
}
