package com.slaledger.web;

import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.ReliabilityGrouping;
import com.slaledger.report.ReliabilityReport;
import com.slaledger.report.ReliabilityReportService;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SRE's view: MTTD, MTTA and MTTR (median, p90, mean) over the incidents started in a range of UTC days, grouped. */
@Path("/reliability")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReliabilityPages {

    static final int DEFAULT_DAYS = 90;
    static final List<ReliabilityGrouping> GROUPINGS = List.of(ReliabilityGrouping.SERVICE,
            ReliabilityGrouping.SEVERITY, ReliabilityGrouping.MONTH, ReliabilityGrouping.NONE);

    private final ReliabilityReportService reliability;

    public ReliabilityPages(ReliabilityReportService reliability) {
        this.reliability = reliability;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reliability(ReliabilityPage page);
    }

    /** {@code from} and {@code to} are UTC days, both included. */
    public record ReliabilityPage(LocalDate from, LocalDate to, String groupBy, List<ReliabilityGrouping> groupings,
            ReliabilityReport report) {
    }

    @GET
    public TemplateInstance reliability(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        List<FieldViolation> bad = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = day("to", to, today, bad);
        LocalDate first = day("from", from, last.minusDays(DEFAULT_DAYS - 1L), bad);
        ReliabilityGrouping grouping = ReliabilityGrouping.SERVICE;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                grouping = ReliabilityGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad.add(new FieldViolation("groupBy", "must be one of service, severity, month, none"));
            }
        }
        if (bad.isEmpty() && first.isAfter(last)) {
            bad.add(new FieldViolation("from", "must not be after to (" + last + ")"));
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ReliabilityReport report = reliability.report(start, end, grouping, Instant.now());
        return Templates.reliability(new ReliabilityPage(first, last, grouping.name().toLowerCase(Locale.ROOT),
                GROUPINGS, report));
    }

    private static LocalDate day(String name, String value, LocalDate otherwise, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            bad.add(new FieldViolation(name, "must be a date as YYYY-MM-DD"));
            return otherwise;
        }
    }
}
