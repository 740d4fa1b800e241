package com.slaledger.report;

import com.slaledger.platform.KnownQueryParametersOnly;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reports over REST. Thin on purpose: parameters are read and checked here (every bad one named in a
 * single 400 problem; a parameter no endpoint reads, such as a misspelt one, is refused rather than ignored),
 * everything else happens in the report services.
 */
@Path("/api/reports")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Reports")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@KnownQueryParametersOnly
public class ReportResource {

    static final int DEFAULT_TREND_MONTHS = 12;
    static final Duration DEFAULT_RELIABILITY_RANGE = Duration.ofDays(90);

    private final SlaReportService sla;
    private final ReliabilityReportService reliability;
    private final TrendReportService trends;

    public ReportResource(SlaReportService sla, ReliabilityReportService reliability, TrendReportService trends) {
        this.sla = sla;
        this.reliability = reliability;
        this.trends = trends;
    }

    @GET
    @Path("/clients/{clientKey}/sla")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A client's SLA month (month=YYYY-MM), or any window of whole days in its zone "
            + "(from=YYYY-MM-DD&to=YYYY-MM-DD, half-open, at most 10 years): availability, downtime, "
            + "breach-free months and credits built from the exact month figures")
    @APIResponse(responseCode = "200", description = "ClientSlaReport for a month; SlaWindowReport for from/to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {ClientSlaReport.class, SlaWindowReport.class})))
    public Response clientSla(@PathParam("clientKey") String clientKey, @QueryParam("month") String month,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        ReportParameters parameters = new ReportParameters();
        YearMonth wantedMonth = parameters.month("month", month);
        Instant wantedAsOf = parameters.instant("asOf", asOf);
        Optional<ReportParameters.DateWindow> window = parameters.dateWindow(from, to, SlaReportService.MAX_WINDOW_YEARS);
        if (wantedMonth != null && (from != null || to != null)) {
            parameters.add("month", "give either month or from and to, not both");
        }
        parameters.throwIfAny();
        Instant at = wantedAsOf != null ? wantedAsOf : Instant.now();
        Object report = window.isPresent()
                ? sla.clientWindow(clientKey, window.get().from(), window.get().to(), at)
                : sla.clientMonth(clientKey, wantedMonth, at);
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/sla")
    @Operation(summary = "Every client's SLA month for finance, with credit totals per currency (JSON or CSV)")
    public Response allClients(@QueryParam("month") String month, @QueryParam("asOf") String asOf,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportParameters parameters = new ReportParameters();
        YearMonth wantedMonth = parameters.month("month", month);
        Instant wantedAsOf = parameters.instant("asOf", asOf);
        boolean csv = parameters.csv(format, headers);
        parameters.throwIfAny();
        Instant at = wantedAsOf != null ? wantedAsOf : Instant.now();
        // clients live in different zones; with no month named, the month asOf falls in at UTC is meant
        FleetSlaReport report = sla.allClients(wantedMonth != null ? wantedMonth : YearMonth.from(at.atOffset(ZoneOffset.UTC)), at);
        return csv ? csv(Csv.of(FleetSlaReport.Row.class, report.clients()), "sla-" + report.month())
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/sla/ledger")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Every client's SLA month as a ledger-ready CSV: headers in words, the month in each "
            + "client's zone; part=lines (default) or totals (per currency); separator=semicolon for "
            + "comma-decimal spreadsheets (decimal comma, UTF-8 byte order mark)")
    public Response ledger(@QueryParam("month") String month, @QueryParam("asOf") String asOf,
            @QueryParam("part") String part, @QueryParam("separator") String separator) {
        ReportParameters parameters = new ReportParameters();
        YearMonth wantedMonth = parameters.month("month", month);
        Instant wantedAsOf = parameters.instant("asOf", asOf);
        LedgerCsv.Part wantedPart = parameters.choice("part", part, LedgerCsv.Part.class, LedgerCsv.Part.LINES);
        LedgerCsv.Separator wantedSeparator = parameters.choice("separator", separator, LedgerCsv.Separator.class,
                LedgerCsv.Separator.COMMA);
        parameters.throwIfAny();
        Instant at = wantedAsOf != null ? wantedAsOf : Instant.now();
        FleetSlaReport report = sla.allClients(wantedMonth != null ? wantedMonth : YearMonth.from(at.atOffset(ZoneOffset.UTC)), at);
        return ledgerCsv(report, wantedPart, wantedSeparator);
    }

    /** The ledger file as a download; shared with the credits page. */
    public static Response ledgerCsv(FleetSlaReport report, LedgerCsv.Part part, LedgerCsv.Separator separator) {
        return Response.ok(LedgerCsv.of(report, part, separator), Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + LedgerCsv.fileName(report, part) + "\"")
                .build();
    }

    @GET
    @Path("/reliability")
    @RolesAllowed({Role.SRE, Role.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "MTTD, MTTA, MTTR, MTTResolve and MTBF over incidents started in [from, to), grouped")
    public ReliabilityReport reliability(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        ReportParameters parameters = new ReportParameters();
        Instant fromInstant = parameters.instant("from", from);
        Instant toInstant = parameters.instant("to", to);
        ReliabilityGrouping grouping = parameters.choice("groupBy", groupBy, ReliabilityGrouping.class,
                ReliabilityGrouping.NONE);
        Instant end = toInstant != null ? toInstant : Instant.now();
        Instant start = fromInstant != null ? fromInstant : end.minus(DEFAULT_RELIABILITY_RANGE);
        if (!start.isBefore(end)) {
            parameters.add(fromInstant != null ? "from" : "to", "must be before to (" + end + ")");
        }
        parameters.throwIfAny();
        return reliability.report(start, end, grouping, Instant.now());
    }

    @GET
    @Path("/trends")
    @RolesAllowed({Role.SRE, Role.ADMIN})
    @Operation(summary = "Monthly series with least-squares slope, p-value and verdict, for the fleet, a service or a client")
    public Response trends(@QueryParam("months") String months, @QueryParam("service") String service,
            @QueryParam("client") String client, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportParameters parameters = new ReportParameters();
        int monthCount = parameters.wholeNumber("months", months, DEFAULT_TREND_MONTHS, 2, 60);
        boolean csv = parameters.csv(format, headers);
        parameters.throwIfAny();
        TrendReport report = trends.report(monthCount, blankToNull(service), blankToNull(client), Instant.now());
        return csv ? csv(Csv.of(TrendReport.Row.class, report.rows()), "trends-" + report.lastMonth())
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response csv(String body, String fileName) {
        return Response.ok(body, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
