package com.slaledger.maintenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MaintenanceWindowResourceTest {

    /** Each test gets its own day far in the future, so time filters see no other test's windows. */
    private static final AtomicLong DAYS = new AtomicLong();
    private static final Instant FAR_FUTURE = Instant.parse("2090-01-01T00:00:00Z");

    @Inject
    MaintenanceWindowService windows;

    private static Instant ownDay() {
        return FAR_FUTURE.plus(Duration.ofDays(DAYS.incrementAndGet() * 2));
    }

    private static RequestSpecification api() {
        return given().contentType(ContentType.JSON);
    }

    private static Map<String, Object> window(String title, Instant startsAt, Instant endsAt, String scope,
            List<String> clients, List<String> services) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startsAt", startsAt == null ? null : startsAt.toString());
        body.put("endsAt", endsAt == null ? null : endsAt.toString());
        body.put("scope", scope);
        body.put("clients", clients);
        body.put("services", services);
        return body;
    }

    private static long create(Map<String, Object> body) {
        return api().body(body).when().post("/api/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void assertNoWindowTitled(String title) {
        api().when().get("/api/maintenance-windows").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void createsReadsUpdatesAndDeletesAWindow() {
        String db = Fixtures.service("db");
        String client = Fixtures.client("maint", "UTC");
        Map<String, Object> body = window("DB upgrade", Instant.parse("2024-03-02T01:00:00Z"),
                Instant.parse("2024-03-02T03:00:00Z"), "SERVICES", List.of(), List.of(db));
        body.put("announced", true);

        long id = api().body(body).when().post("/api/maintenance-windows")
                .then().statusCode(201)
                .body("title", equalTo("DB upgrade"))
                .body("startsAt", equalTo("2024-03-02T01:00:00Z"))
                .body("endsAt", equalTo("2024-03-02T03:00:00Z"))
                .body("scope", equalTo("SERVICES"))
                .body("services", contains(db))
                .body("clients", empty())
                .body("announced", equalTo(true))
                .body("createdAt", notNullValue())
                .extract().jsonPath().getLong("id");
        // a retried create finds the identical window instead of recording it twice
        api().body(body).when().post("/api/maintenance-windows").then().statusCode(200)
                .body("id", equalTo((int) id));
        Map<String, Object> later = new HashMap<>(body);
        later.put("endsAt", "2024-03-02T03:30:00Z");
        io.restassured.response.Response created = api().body(later).when().post("/api/maintenance-windows");
        long other = created.then().statusCode(201).extract().jsonPath().getLong("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/maintenance-windows/" + other));
        api().body(later).when().post("/api/maintenance-windows").then().statusCode(200).body("id", equalTo((int) other));
        api().when().delete("/api/maintenance-windows/" + other).then().statusCode(204);

        api().when().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("services", contains(db));

        Map<String, Object> changed = window("Client migration", Instant.parse("2024-03-03T01:00:00Z"),
                Instant.parse("2024-03-03T05:00:00Z"), "CLIENTS", List.of(client), null);
        changed.put("announced", false);
        api().body(changed).when().put("/api/maintenance-windows/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Client migration"))
                .body("endsAt", equalTo("2024-03-03T05:00:00Z"))
                .body("scope", equalTo("CLIENTS"))
                .body("clients", contains(client))
                .body("services", empty())
                .body("announced", equalTo(false));
        api().when().get("/api/maintenance-windows/" + id).then().body("clients", contains(client));

        api().when().delete("/api/maintenance-windows/" + id).then().statusCode(204);
        api().when().get("/api/maintenance-windows/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No maintenance window '" + id + "'"));
        api().when().delete("/api/maintenance-windows/" + id).then().statusCode(404);
    }

    @Test
    void aWindowForAllClientsIsAnnouncedUnlessSaidOtherwise() {
        Instant day = ownDay();
        api().body(window("Network", day, day.plusSeconds(3600), "ALL_CLIENTS", null, null))
                .when().post("/api/maintenance-windows")
                .then().statusCode(201)
                .body("announced", equalTo(true))
                .body("clients", empty())
                .body("services", empty());
    }

    @Test
    void rejectsEveryMissingFieldAtOnceAndStoresNothing() {
        String title = TestData.uniqueKey("incomplete");
        Map<String, Object> body = new HashMap<>();
        body.put("title", " ");
        api().body(body).when().post("/api/maintenance-windows")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("title", "startsAt", "endsAt", "scope"));
        Instant day = ownDay();
        api().body(window(title, day, day, "ALL_CLIENTS", null, null)).when().post("/api/maintenance-windows")
                .then().statusCode(400)
                .body("violations.field", contains("endsAt"))
                .body("violations[0].message", equalTo("must be after startsAt"));
        assertNoWindowTitled(title);
    }

    @Test
    void refusesAWindowFromBeforeTheYear1900OrAfter9999AndStoresNothing() {
        // a window from year 1 to now would exclude every month of every client from measurement
        String title = TestData.uniqueKey("centuries");
        api().body(window(title, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                "ALL_CLIENTS", null, null)).when().post("/api/maintenance-windows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("startsAt"));
        api().body(window(title, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                "ALL_CLIENTS", null, null)).when().post("/api/maintenance-windows")
                .then().statusCode(400).body("violations.field", contains("endsAt"));
        assertNoWindowTitled(title);
    }

    @Test
    void refusesARecurringWindowWhoseOccurrencesLastLongerThan31DaysAndStoresNothing() {
        // a daily rule whose every occurrence lasted from 1900 to 9000 made each client month expand 45,000
        // overlapping occurrences of it
        String title = TestData.uniqueKey("endless-daily");
        Map<String, Object> body = window(title, Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("9000-01-01T00:00:00Z"), "ALL_CLIENTS", null, null);
        body.put("recurrence", "FREQ=DAILY");
        body.put("timeZone", "UTC");
        api().body(body).when().post("/api/maintenance-windows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("endsAt"))
                .body("violations.message", contains("must be at most 31 days after startsAt for a recurring window"
                        + " (every occurrence lasts as long)"));
        // 31 days exactly is accepted: 2090-03-01 to 2090-04-01 (31 days of March), the first of every month
        Instant start = Instant.parse("2090-03-01T00:00:00Z");
        body = window(title, start, start.plus(Duration.ofDays(31)), "ALL_CLIENTS", null, null);
        body.put("recurrence", "FREQ=MONTHLY;COUNT=2");
        body.put("timeZone", "UTC");
        long id = create(body);
        api().when().get("/api/maintenance-windows/" + id).then().statusCode(200)
                .body("endsAt", org.hamcrest.Matchers.equalTo("2090-04-01T00:00:00Z"));
        api().when().delete("/api/maintenance-windows/" + id).then().statusCode(204);
        assertNoWindowTitled(title);
    }

    @Test
    void aClientsWindowNamesExistingClientsOnlyOnce() {
        String client = Fixtures.client("named", "UTC");
        String service = Fixtures.service("api");
        Instant day = ownDay();
        String title = TestData.uniqueKey("clients");
        api().body(window(title, day, day.plusSeconds(60), "CLIENTS", List.of(), null))
                .when().post("/api/maintenance-windows")
                .then().statusCode(400).body("violations.field", contains("clients"));
        api().body(window(title, day, day.plusSeconds(60), "CLIENTS", List.of(client, "no-such-client", client),
                        List.of(service)))
                .when().post("/api/maintenance-windows")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("clients[1]", "clients[2]", "services"))
                .body("violations.find { it.field == 'clients[1]' }.message", equalTo("no client 'no-such-client'"))
                .body("violations.find { it.field == 'services' }.message", equalTo("must be empty for scope CLIENTS"));
        assertNoWindowTitled(title);
    }

    @Test
    void aServicesWindowNamesExistingServicesAndNoClients() {
        String client = Fixtures.client("named", "UTC");
        String service = Fixtures.service("api");
        Instant day = ownDay();
        String title = TestData.uniqueKey("services");
        api().body(window(title, day, day.plusSeconds(60), "SERVICES", null, null))
                .when().post("/api/maintenance-windows")
                .then().statusCode(400).body("violations.field", contains("services"));
        api().body(window(title, day, day.plusSeconds(60), "SERVICES", List.of(client),
                        List.of("no-such-service", service, service)))
                .when().post("/api/maintenance-windows")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("clients", "services[0]", "services[2]"));
        assertNoWindowTitled(title);
    }

    @Test
    void aWindowForAllClientsNamesNeitherClientsNorServices() {
        String client = Fixtures.client("named", "UTC");
        String service = Fixtures.service("api");
        Instant day = ownDay();
        String title = TestData.uniqueKey("everyone");
        api().body(window(title, day, day.plusSeconds(60), "ALL_CLIENTS", List.of(client), List.of(service)))
                .when().post("/api/maintenance-windows")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("clients", "services"));
        assertNoWindowTitled(title);
    }

    @Test
    void aRefusedUpdateLeavesTheWindowAsItWas() {
        String service = Fixtures.service("api");
        Instant day = ownDay();
        long id = create(window("Before", day, day.plusSeconds(600), "SERVICES", null, List.of(service)));
        api().body(window("After", day, day.plusSeconds(600), "SERVICES", null, List.of("no-such-service")))
                .when().put("/api/maintenance-windows/" + id)
                .then().statusCode(400).body("violations.field", contains("services[0]"));
        api().when().get("/api/maintenance-windows/" + id).then()
                .body("title", equalTo("Before")).body("services", contains(service));
    }

    @Test
    void filtersByOverlapClientAndServiceInStartOrder() {
        String client = Fixtures.client("filtered", "UTC");
        String other = Fixtures.client("other", "UTC");
        String service = Fixtures.service("db");
        Instant day = ownDay();
        long forEveryone = create(window("All", day.plusSeconds(7200), day.plusSeconds(10800), "ALL_CLIENTS",
                null, null));
        long forService = create(window("Service", day.plusSeconds(3600), day.plusSeconds(7200), "SERVICES",
                null, List.of(service)));
        long forClient = create(window("Client", day, day.plusSeconds(3600), "CLIENTS", List.of(client), null));
        create(window("Other", day, day.plusSeconds(3600), "CLIENTS", List.of(other), null));

        String from = day.toString();
        String to = day.plus(Duration.ofDays(1)).toString();
        api().queryParam("from", from).queryParam("to", to).queryParam("client", client)
                .when().get("/api/maintenance-windows")
                .then().statusCode(200).body("id", contains((int) forClient, (int) forEveryone));
        api().queryParam("from", from).queryParam("to", to).queryParam("service", service)
                .when().get("/api/maintenance-windows")
                .then().statusCode(200).body("id", contains((int) forService, (int) forEveryone));
        // [from, to) is half-open on both sides: a window ending at 'from' or starting at 'to' is outside
        api().queryParam("from", day.plusSeconds(3600).toString()).queryParam("to", day.plusSeconds(7200).toString())
                .when().get("/api/maintenance-windows")
                .then().statusCode(200).body("id", contains((int) forService));
        api().queryParam("from", day.plusSeconds(3599).toString()).queryParam("to", day.plusSeconds(3601).toString())
                .queryParam("client", client)
                .when().get("/api/maintenance-windows")
                .then().statusCode(200).body("id", contains((int) forClient));
    }

    @Test
    void refusesUnreadableOrBackwardFilters() {
        api().queryParam("from", "yesterday").when().get("/api/maintenance-windows")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        api().queryParam("from", "2024-03-02T00:00:00Z").queryParam("to", "2024-03-01T00:00:00Z")
                .when().get("/api/maintenance-windows")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        api().queryParam("client", "no-such-client").when().get("/api/maintenance-windows")
                .then().statusCode(404).body("detail", equalTo("No client 'no-such-client'"));
    }

    @Test
    void announcedDuringLeavesOutUnannouncedWindows() {
        String service = Fixtures.service("api");
        Instant day = ownDay();
        long announced = create(window("Planned", day, day.plusSeconds(600), "SERVICES", null, List.of(service)));
        Map<String, Object> unannounced = window("Unplanned", day, day.plusSeconds(600), "ALL_CLIENTS", null, null);
        unannounced.put("announced", false);
        create(unannounced);

        List<MaintenanceWindowResponse> found = windows.announcedDuring(day, day.plus(Duration.ofDays(1)));
        assertThat(found.stream().map(MaintenanceWindowResponse::id).toList(), contains(announced));
        assertThat(found.get(0).services(), contains(service));
    }
}
