package com.slaledger.web;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.ReliabilityGrouping;
import com.slaledger.report.ReliabilityReport;
import com.slaledger.report.ReliabilityReportService;
import com.slaledger.report.TrendReport;
import com.slaledger.report.TrendReportService;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SRE's view: MTTD, MTTA and MTTR (median, p90, mean) over the incidents started in a range of UTC days, grouped. */
@Path("/reliability")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReliabilityPages {

    static final int DEFAULT_DAYS = 90;
    static final List<ReliabilityGrouping> GROUPINGS = List.of(ReliabilityGrouping.SERVICE,
            ReliabilityGrouping.SEVERITY, ReliabilityGrouping.MONTH, ReliabilityGrouping.NONE);

    static final int TREND_MONTHS = 12;

    private final ReliabilityReportService reliability;
    private final TrendReportService trends;

    public ReliabilityPages(ReliabilityReportService reliability, TrendReportService trends) {
        this.reliability = reliability;
        this.trends = trends;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reliability(ReliabilityPage page);
    }

    /** {@code from} and {@code to} are UTC days, both included. */
    public record ReliabilityPage(LocalDate from, LocalDate to, String groupBy, List<ReliabilityGrouping> groupings,
            ReliabilityReport report, List<Sparkline> trends) {
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
        Instant now = Instant.now();
        ReliabilityReport report = reliability.report(start, end, grouping, now);
        return Templates.reliability(new ReliabilityPage(first, last, grouping.name().toLowerCase(Locale.ROOT),
                GROUPINGS, report, sparklines(trends.report(TREND_MONTHS, null, null, now))));
    }

    /** The fleet's last twelve months, one small chart per series, with the regression's verdict. */
    static List<Sparkline> sparklines(TrendReport report) {
        return report.series().stream().map(series -> switch (series.metric()) {
            case INCIDENT_COUNT -> Sparkline.of(series, "Incidents", value -> value.toPlainString());
            case DOWNTIME_SECONDS -> Sparkline.of(series, "Downtime", value -> Formats.duration(value));
            case AVAILABILITY_PERCENT -> Sparkline.of(series, "Availability",
                    value -> Formats.availability(value));
            case MTTA_SECONDS -> Sparkline.of(series, "MTTA (mean)", value -> Formats.duration(value));
            case MTTR_SECONDS -> Sparkline.of(series, "MTTR (mean)", value -> Formats.duration(value));
        }).toList();
    }

    private static LocalDate day(String name, String value, LocalDate otherwise, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Optional<LocalDate> day = InputLimits.date(value);
        if (day.isEmpty()) {
            bad.add(new FieldViolation(name, "must be " + InputLimits.dateRange()));
        }
        return day.orElse(otherwise);
    }
}
