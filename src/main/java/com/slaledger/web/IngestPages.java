package com.slaledger.web;

import com.slaledger.ingest.IngestDelivery.Outcome;
import com.slaledger.ingest.IngestService;
import com.slaledger.ingest.IngestService.DeliveryDetail;
import com.slaledger.ingest.IngestService.DeliverySummary;
import com.slaledger.ingest.IngestService.Receipt;
import com.slaledger.ingest.IngestService.ReplayAllResult;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admin's page of the ingest inbox: every webhook delivery, newest first, why one was not applied,
 * the body as received, and a replay button for the unmapped ones (one, or all of them).
 */
@Path("/admin/ingest")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class IngestPages {

    static final int PAGE_SIZE = 50;

    private final IngestService ingest;

    public IngestPages(IngestService ingest) {
        this.ingest = ingest;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(DeliveriesPage page);

        static native TemplateInstance detail(DeliveryDetail delivery, String notice);
    }

    /** The list with its filters as chosen; {@code notice} reports a replay just done. */
    public record DeliveriesPage(List<DeliverySummary> deliveries, List<String> sources, List<String> outcomes,
            String source, String outcome, int page, int totalPages, long totalItems, long unmapped, String notice) {

        public String previousHref() {
            return page > 1 ? href(page - 1) : null;
        }

        public String nextHref() {
            return page < totalPages ? href(page + 1) : null;
        }

        private String href(int target) {
            return "/admin/ingest?source=" + source + "&outcome=" + outcome + "&page=" + target;
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("source") String source, @QueryParam("outcome") String outcome,
            @QueryParam("page") String page, @QueryParam("replayed") String replayed,
            @QueryParam("applied") String applied) {
        String wantedSource = source != null && IngestService.SOURCES.contains(source) ? source : null;
        Outcome wantedOutcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcome)).findFirst()
                .orElse(null);
        int pageNumber = parsePage(page);
        IngestService.DeliveryPage found = ingest.list(wantedSource, wantedOutcome, pageNumber - 1, PAGE_SIZE);
        long unmapped = ingest.list(null, Outcome.UNMAPPED, 0, 1).totalItems();
        String notice = replayed == null ? null
                : "Replayed " + parsePage(replayed) + " unmapped deliveries: " + parsePage(applied) + " applied.";
        return Templates.list(new DeliveriesPage(found.items(), IngestService.SOURCES,
                Arrays.stream(Outcome.values()).map(Enum::name).toList(), wantedSource == null ? "" : wantedSource,
                wantedOutcome == null ? "" : wantedOutcome.name(), pageNumber, Math.max(1, found.totalPages()),
                found.totalItems(), unmapped, notice));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return Templates.detail(ingest.find(id).orElseThrow(() -> ProblemException.notFound("delivery", id)), null);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") long id, @RestForm String unused) {
        try {
            Receipt receipt = ingest.replay(id);
            if (receipt.outcome() != Outcome.APPLIED) {
                return Response.ok(Templates.detail(ingest.find(id).orElseThrow(),
                        "Still unmapped: " + receipt.reason())).build();
            }
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return Response.status(refused.status()).entity(Templates.detail(ingest.find(id).orElseThrow(),
                    refused.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/ingest/" + id)).build();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replayAll(@RestForm String unused) {
        ReplayAllResult result = ingest.replayAllUnmapped(null);
        return Response.seeOther(URI.create("/admin/ingest?outcome=UNMAPPED&replayed=" + result.replayed()
                + "&applied=" + result.applied())).build();
    }

    static int parsePage(String value) {
        try {
            int parsed = Integer.parseInt(value == null ? "1" : value.strip().toLowerCase(Locale.ROOT));
            return Math.max(1, Math.min(parsed, 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
