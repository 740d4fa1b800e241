package com.slaledger.postmortem.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostmortemResourceTest {

    static String seed() throws IOException {
        try (InputStream in = PostmortemResourceTest.class.getResourceAsStream("/postmortems/0x19-postmortem.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The seed with a first line (its file name) of its own, so each test's document and external id are new. */
    private static String uniqueSeed() throws IOException {
        return seed().replaceFirst("0x19-postmortem", TestData.uniqueKey("0x19-postmortem"));
    }

    private static void notSaved(String externalId) {
        given().get("/api/incidents/by-key/postmortem/" + externalId).then().statusCode(404);
    }

    @Test
    void thePreviewOfTheSeedShowsItsInstantsAndSourceLinesAndSavesNothing() throws IOException {
        String text = uniqueSeed();
        String externalId = PostmortemText.externalId(text);
        given().contentType("text/plain; charset=UTF-8").body(text).post("/api/postmortems/preview")
                .then().statusCode(200)
                .body("incident.source", equalTo("postmortem"))
                .body("incident.externalId", equalTo(externalId))
                .body("incident.title", equalTo("Server Outage Incident report"))
                .body("incident.severity", nullValue())
                .body("incident.impactPercent", equalTo(100))
                .body("incident.startedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("incident.detectedAt", equalTo("2024-01-16T09:00:00Z"))
                .body("incident.acknowledgedAt", equalTo("2024-01-16T09:10:00Z"))
                .body("incident.mitigatedAt", equalTo("2024-01-16T09:22:00Z"))
                .body("incident.resolvedAt", nullValue())
                .body("incident.timeline", hasSize(8))
                .body("incident.preventiveActions", hasSize(2))
                .body("instants.startedAt.line", equalTo(14))
                .body("instants.startedAt.lineText", equalTo("10:00AM\tServer Outage begins"))
                .body("instants.mitigatedAt.line", equalTo(20))
                .body("instants.mitigatedAt.lineText", equalTo("10:22AM\t100% of traffic back online"))
                .body("instants.resolvedAt", nullValue())
                .body("timeline.line", contains(13, 14, 15, 16, 17, 18, 19, 20))
                .body("zone", equalTo("UTC+01:00"))
                .body("date", equalTo("2024-01-16"))
                .body("warnings.code", hasItems("DATE_CONFLICT", "END_DISAGREES", "NO_SEVERITY"));
        notSaved(externalId);
    }

    @Test
    void theImportedSeedGivesTheSpecWorkedExampleForItsClientsMonth() throws IOException {
        String service = Fixtures.service("servers");
        String client = Fixtures.client("cartoon", "UTC");
        Map<String, Object> contract = new HashMap<>();
        contract.put("effectiveFrom", "2024-01-01");
        contract.put("coveredServices", List.of(service));
        contract.put("targetPercent", new BigDecimal("99.99"));
        contract.put("creditTiers", List.of(
                Map.of("belowPercent", new BigDecimal("99.99"), "creditPercent", BigDecimal.TEN),
                Map.of("belowPercent", new BigDecimal("99.0"), "creditPercent", new BigDecimal("30")),
                Map.of("belowPercent", new BigDecimal("95.0"), "creditPercent", new BigDecimal("100"))));
        contract.put("monthlyFee", Map.of("amount", "12000.00", "currency", "EUR"));
        given().contentType(ContentType.JSON).body(contract).post("/api/clients/" + client + "/contracts")
                .then().statusCode(201);
        String externalId = TestData.uniqueKey("0x19");
        Map<String, Object> body = Map.of("text", seed(), "externalId", externalId,
                // no client listed (the demo's casual-cartoon, named in the byline, may be in the catalog):
                // the incident reaches the client through its contract's service
                "incident", Map.of("severity", "SEV1", "affectedServices", List.of(service),
                        "affectedClients", List.of()));

        int id = given().contentType(ContentType.JSON).body(body).post("/api/postmortems/import")
                .then().statusCode(201)
                .body("created", equalTo(true))
                .body("incident.source", equalTo("postmortem"))
                .body("incident.externalId", equalTo(externalId))
                .body("incident.timeToDetectSeconds", equalTo(0))
                .body("incident.timeToAcknowledgeSeconds", equalTo(600))
                .body("incident.timeToRestoreSeconds", equalTo(1320))
                .body("warnings.code", hasItem("DATE_CONFLICT"))
                .extract().path("incident.id");

        // SPEC worked example: D = 1,320 s of 2,678,400 s, 99.950 %, below 99.99: 10 % of EUR 12,000.00
        given().queryParam("month", "2024-01").get("/api/reports/clients/" + client + "/sla").then().statusCode(200)
                .body("downtimeSeconds", equalTo(1320))
                .body("measuredSeconds", equalTo(2678400))
                .body("availabilityDisplay", equalTo("99.950"))
                .body("breached", equalTo(true))
                .body("creditPercent", equalTo(10))
                .body("creditAmount", equalTo("1200.00"))
                .body("currency", equalTo("EUR"))
                .body("incidents[0].id", equalTo(id));

        // the same document imported again changes nothing
        given().contentType(ContentType.JSON).body(body).post("/api/postmortems/import")
                .then().statusCode(200).body("created", equalTo(false)).body("incident.id", equalTo(id));
    }

    @Test
    void aPlainTextImportIsKeyedByTheHashOfTheTextAndRepeatsHarmlessly() throws IOException {
        String service = Fixtures.service("md");
        String text = "# Checkout down, 2024-03-12 (times UTC)\nSeverity: SEV3\nAffected services: " + service
                + "\n\n| 14:05 | Checkout errors began |\n| 14:07 | Alert fired |\n| 14:31 | Checkout restored |\n"
                + TestData.uniqueKey("ref") + "\n";
        String externalId = PostmortemText.externalId(text);
        int id = given().contentType("text/markdown; charset=UTF-8").body(text).post("/api/postmortems/import")
                .then().statusCode(201)
                .body("incident.externalId", equalTo(externalId))
                .body("incident.severity", equalTo("SEV3"))
                .body("incident.affectedServices", contains(service))
                .body("incident.startedAt", equalTo("2024-03-12T14:05:00Z"))
                .body("incident.mitigatedAt", equalTo("2024-03-12T14:31:00Z"))
                .extract().path("incident.id");
        // Windows line endings and a byte-order mark are the same document
        String windows = "\uFEFF" + text.replace("\n", "\r\n");
        given().contentType("text/markdown; charset=UTF-8").body(windows.getBytes(StandardCharsets.UTF_8))
                .post("/api/postmortems/import").then().statusCode(200).body("incident.id", equalTo(id));
    }

    @Test
    void aDraftWithoutSeverityOrServiceIsRefusedNamingTheFieldsAndNothingIsSaved() throws IOException {
        // a document naming no severity and nothing of the catalog (the seed's words would match services
        // such as the demo set's "db" once another test has loaded it)
        String text = "# Outage report, 2024-03-12 (times UTC)\n\n| 14:05 | Errors began |\n| 14:07 | Alert fired |\n"
                + "| 14:31 | Restored |\n" + TestData.uniqueKey("ref") + "\n";
        given().contentType("text/plain; charset=UTF-8").body(text).post("/api/postmortems/import")
                .then().statusCode(400)
                .body("violations.field", hasItems("incident.severity", "incident.affectedServices"));
        notSaved(PostmortemText.externalId(text));
    }

    @Test
    void textsWithoutAnIncidentAreRefusedWithAProblem() {
        String guide = "# How to write a postmortem\n\n## Timeline\nList each event with its time.\n";
        given().contentType("text/markdown").body(guide).post("/api/postmortems/preview")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("No incident in the document"))
                .body("violations[0].field", equalTo("text"))
                .body("detail", startsWith("No timeline found"));
        given().contentType("text/plain").body("https://example.com/postmortems/42").post("/api/postmortems/import")
                .then().statusCode(422);
        notSaved(PostmortemText.externalId("https://example.com/postmortems/42"));
        given().contentType("text/plain").body(new byte[0]).post("/api/postmortems/preview")
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("text", "  ")).post("/api/postmortems/preview")
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
    }

    @Test
    void binaryAndOversizedUploadsAreRefusedClearly() {
        byte[] pdfLike = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2, (byte) 0xff};
        given().contentType("text/plain").body(pdfLike).post("/api/postmortems/preview")
                .then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("Not a text document"))
                .body("violations[0].field", equalTo("text"));
        byte[] latin1 = "Caf\u00e9 outage 10:00 began".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("text/plain").body(latin1).post("/api/postmortems/import").then().statusCode(415);
        given().contentType(ContentType.JSON).body(Map.of("text", "10:00 Outage\u0000began"))
                .post("/api/postmortems/preview").then().statusCode(415);
        byte[] big = ("10:00 Outage began on 2024-01-16\n" + "x".repeat(PostmortemText.MAX_BYTES))
                .getBytes(StandardCharsets.UTF_8);
        String detail = given().contentType("text/plain").body(big).post("/api/postmortems/preview")
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text")).extract().path("detail");
        assertTrue(detail.length() < 200, "the refusal does not echo the document: " + detail);
    }

    @Test
    void badOptionsAreNamedAllAtOnce() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "10:00 Outage began\n", "zone", "Mars/Olympus", "date", "16/01/2024",
                        "incident", List.of("x")))
                .post("/api/postmortems/import").then().statusCode(400)
                .body("violations.field", contains("zone", "date", "incident"));
        given().contentType(ContentType.JSON).body(Map.of("text", "10:00 Outage began\n", "colour", "red"))
                .post("/api/postmortems/preview").then().statusCode(400)
                .body("violations[0].field", equalTo("colour"));
    }

    @Test
    void theZoneAndDateOptionsPlaceATimelineThatHasNeither() {
        String text = "10:00 Outage began\n10:20 Service restored\n";
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/postmortems/preview")
                .then().statusCode(422).body("violations[0].message", startsWith("gives times but no date"));
        given().contentType(ContentType.JSON).body(Map.of("text", text, "zone", "EAT", "date", "2024-01-16"))
                .post("/api/postmortems/preview").then().statusCode(200)
                .body("incident.startedAt", equalTo("2024-01-16T07:00:00Z"))
                .body("incident.mitigatedAt", equalTo("2024-01-16T07:20:00Z"))
                .body("zone", equalTo("UTC+03:00"))
                .body("warnings.code", hasItem("NO_ZONE"));
    }

    @Test
    void aServiceAndAClientNamedInTheDocumentAreRecognised() {
        String service = Fixtures.service("search");
        String client = Fixtures.client("globex");
        String text = "Search outage for Client " + client + " on 2024-05-02 (UTC)\n\n- 08:00 " + service
                + " outage began\n- 08:30 restored\n";
        given().contentType("text/plain").body(text).post("/api/postmortems/preview").then().statusCode(200)
                .body("incident.affectedServices", contains(service))
                .body("incident.affectedClients", contains(client))
                .body("affectedServices[0].line", equalTo(3))
                .body("affectedClients[0].line", equalTo(1));
        assertEquals(3, text.lines().toList().indexOf("- 08:00 " + service + " outage began") + 1);
    }
}
