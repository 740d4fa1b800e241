package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.security.Role;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestPagesTest {

    /** An Alertmanager delivery naming a service that does not exist yet: kept as unmapped. */
    static long unmappedDelivery(String service, String fingerprint) {
        String body = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"service\":\""
                + service + "\",\"alertname\":\"<b>HighLatency</b>\"},\"annotations\":{},\"startsAt\":\"2024-09-01T10:00:00Z\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"" + fingerprint + "\"}]}";
        return given().auth().none().header("Authorization", "Bearer test-alertmanager-secret")
                .contentType("application/json").body(body).post("/api/ingest/alertmanager")
                .then().statusCode(202).extract().jsonPath().getLong("deliveryId");
    }

    @Test
    void anAdminSeesWhyADeliveryIsUnmappedAndReplaysItOnceTheServiceExists() {
        String service = TestData.uniqueKey("page-later");
        long id = unmappedDelivery(service, TestData.uniqueKey("fp"));

        String list = given().accept("text/html").queryParam("outcome", "UNMAPPED").queryParam("source", "alertmanager")
                .get("/admin/ingest").then().statusCode(200).extract().asString();
        assertThat(list, containsString("<a href=\"/admin/ingest/" + id + "\">" + id + "</a>"));
        assertThat(list, containsString("no service &#39;" + service + "&#39;"));
        assertThat(list, containsString("action=\"/admin/ingest/" + id + "/replay\""));

        FormSession session = FormSession.open("/admin/ingest/" + id);
        // the body as received, escaped: the label's markup is text, not HTML
        assertThat(session.page, containsString("&lt;b&gt;HighLatency&lt;/b&gt;"));
        assertThat(session.page, not(containsString("<b>HighLatency</b>")));
        Response stillUnmapped = session.post("/admin/ingest/" + id + "/replay", Map.of());
        assertEquals(200, stillUnmapped.statusCode());
        assertThat(stillUnmapped.asString(), containsString("Still unmapped: incident 0: affectedServices[0]: no service"));

        given().contentType("application/json").body(Map.of("key", service, "name", "Later")).post("/api/services")
                .then().statusCode(201);
        Response replayed = session.post("/admin/ingest/" + id + "/replay", Map.of());
        assertEquals(303, replayed.statusCode());
        String detail = given().accept("text/html").get("/admin/ingest/" + id).then().statusCode(200).extract().asString();
        assertThat(detail, containsString(">Applied</span>"));
        assertThat(detail, containsString("replayed 2×"));
    }

    @Test
    void aReplayWithoutTheCsrfTokenIsRefusedAndOthersThanAdminsMayNotOpenTheInbox() {
        long id = unmappedDelivery(TestData.uniqueKey("page-csrf"), TestData.uniqueKey("fp"));
        given().accept("text/html").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("x", "y").post("/admin/ingest/" + id + "/replay").then().statusCode(400);
        given().get("/api/ingest/deliveries/" + id).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("UNMAPPED"));
        TestUsers.withRole(Role.SRE).given().accept("text/html").get("/admin/ingest").then().statusCode(403);
    }

    @Test
    void replayAllReportsWhatItDid() {
        String service = TestData.uniqueKey("page-all");
        unmappedDelivery(service, TestData.uniqueKey("fp"));
        given().contentType("application/json").body(Map.of("key", service, "name", "All")).post("/api/services")
                .then().statusCode(201);
        FormSession session = FormSession.open("/admin/ingest");
        Response replayed = session.post("/admin/ingest/replay", Map.of());
        assertEquals(303, replayed.statusCode());
        String location = replayed.getHeader("Location");
        assertThat(location, containsString("/admin/ingest?outcome=UNMAPPED&replayed="));
        String page = given().accept("text/html").get(location.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString();
        assertThat(page, containsString("unmapped deliveries: "));
    }
}
