package com.slaledger.ingest;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.WebhookSecrets;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The webhook endpoints. Each authenticates by its source's secret, not by a user: Alertmanager, Grafana
 * and Opsgenie send {@code Authorization: Bearer <secret>}; PagerDuty signs the body
 * ({@code X-PagerDuty-Signature}). A refused delivery is answered 401 and only counted
 * ({@code sla_ledger_ingest_refused_total}); a body above {@code sla-ledger.ingest.max-body-bytes} is
 * answered 413. Everything else is kept in the inbox: 200 when applied or ignored, 202 when unmapped,
 * 400 when malformed.
 */
@Path("/api/ingest")
@Tag(name = "Ingest webhooks")
@PermitAll
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    /** Request headers kept with a delivery; never Authorization. */
    private static final List<String> KEPT_HEADERS = List.of("Content-Type", "User-Agent", "X-PagerDuty-Signature",
            "X-Webhook-Id", "X-Request-Id", "X-Grafana-Alerting-Signature");
    private static final int MAX_HEADER_LENGTH = 500;

    private final IngestService ingest;
    private final WebhookSecrets secrets;
    private final IngestConfig config;

    public IngestResource(IngestService ingest, WebhookSecrets secrets, IngestConfig config) {
        this.ingest = ingest;
        this.secrets = secrets;
        this.config = config;
    }

    @POST
    @Path("/alertmanager")
    @Operation(summary = "Prometheus Alertmanager webhook (payload version 4); Authorization: Bearer <secret>")
    public Response alertmanager(HttpHeaders headers, InputStream body) {
        return bearerDelivery("alertmanager", headers, body);
    }

    @POST
    @Path("/grafana")
    @Operation(summary = "Grafana unified alerting webhook contact point; Authorization: Bearer <secret>")
    public Response grafana(HttpHeaders headers, InputStream body) {
        return bearerDelivery("grafana", headers, body);
    }

    @POST
    @Path("/opsgenie")
    @Operation(summary = "Opsgenie outgoing webhook; custom header Authorization: Bearer <secret>")
    public Response opsgenie(HttpHeaders headers, InputStream body) {
        return bearerDelivery("opsgenie", headers, body);
    }

    @POST
    @Path("/pagerduty")
    @Operation(summary = "PagerDuty V3 webhook subscription; X-PagerDuty-Signature: v1=<HMAC-SHA256 of the body>")
    public Response pagerduty(HttpHeaders headers, InputStream body) {
        byte[] bytes = read(headers, body);
        if (!secrets.signatureMatches("pagerduty", bytes, headers.getHeaderString("X-PagerDuty-Signature"))) {
            ingest.countRefused("pagerduty", "signature");
            throw new ProblemException(401, "Unauthorized",
                    "X-PagerDuty-Signature carries no valid v1 signature of this body", List.of());
        }
        return answer(ingest.receive("pagerduty", kept(headers), bytes));
    }

    private Response bearerDelivery(String source, HttpHeaders headers, InputStream body) {
        if (!secrets.matches(source, bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
            ingest.countRefused(source, "secret");
            throw new ProblemException(401, "Unauthorized",
                    "Send the " + source + " webhook secret as Authorization: Bearer <secret>", List.of());
        }
        return answer(ingest.receive(source, kept(headers), read(headers, body)));
    }

    private static Response answer(IngestService.Receipt receipt) {
        int status = receipt.outcome() == IngestDelivery.Outcome.UNMAPPED ? 202 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(receipt).build();
    }

    /** The body, refused with 413 once it is longer than the limit (announced or actual). */
    private byte[] read(HttpHeaders headers, InputStream body) {
        int limit = config.maxBodyBytes();
        String announced = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (announced != null) {
            try {
                if (Long.parseLong(announced.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException ignored) {
                // the server refuses a malformed Content-Length before we get here; count while reading
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = body) {
            int read;
            while (in != null && (read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    throw tooLarge(limit);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(int limit) {
        return new ProblemException(413, "Payload too large",
                "A webhook body may have at most " + limit + " bytes (sla-ledger.ingest.max-body-bytes)", List.of());
    }

    private static Map<String, String> kept(HttpHeaders headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                String clean = value.replace("\u0000", "");
                kept.put(name.toLowerCase(Locale.ROOT),
                        clean.length() <= MAX_HEADER_LENGTH ? clean : clean.substring(0, MAX_HEADER_LENGTH) + "…");
            }
        }
        return kept;
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.substring(0, 7).equalsIgnoreCase("bearer ")) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
