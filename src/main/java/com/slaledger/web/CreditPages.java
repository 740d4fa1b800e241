package com.slaledger.web;

import com.slaledger.contract.ContractService;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.Csv;
import com.slaledger.report.LedgerCsv;
import com.slaledger.report.ReportResource;
import com.slaledger.report.FleetSlaReport;
import com.slaledger.report.SlaReportService;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finance's month: every client's availability, breach and credit, the totals per currency, and the same rows as CSV. */
@Path("/credits")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class CreditPages {

    private final SlaReportService sla;
    private final SecurityIdentity identity;
    private final ContractService contracts;

    public CreditPages(SlaReportService sla, SecurityIdentity identity, ContractService contracts) {
        this.sla = sla;
        this.identity = identity;
        this.contracts = contracts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance credits(CreditsPage page);
    }

    public record Line(FleetSlaReport.Row row, String credit, String fee) {

        /** The contract's cap cut the tier earned down. */
        public boolean capped() {
            return row.appliedCreditPercent().compareTo(row.creditPercent()) < 0;
        }
    }

    public record Total(FleetSlaReport.CurrencyTotal total, String credit) {
    }

    public record CreditsPage(YearMonth month, FleetSlaReport report, List<Line> lines, List<Total> totals,
            PageMonths.Nav monthNav, boolean readsIncidents) {

        public boolean provisional() {
            return report.clients().stream().anyMatch(FleetSlaReport.Row::provisional);
        }
    }

    @GET
    @Produces({MediaType.TEXT_HTML, Csv.MEDIA_TYPE})
    public Response credits(@QueryParam("month") String month, @QueryParam("format") String format) {
        Instant now = Instant.now();
        // finance settles closed months: without a month, it opens on the last one that is over
        YearMonth wanted = (month == null || month.isBlank()) && identity.hasRole(Role.FINANCE)
                ? PageMonths.lastClosed(now) : PageMonths.parse(month, now);
        FleetSlaReport report = sla.allClients(wanted, now);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(Csv.of(FleetSlaReport.Row.class, report.clients()), Csv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"credits-" + report.month() + ".csv\"")
                    .build();
        }
        List<Line> lines = report.clients().stream()
                .map(row -> new Line(row, money(row.creditAmount(), row.currency()), money(row.monthlyFee(), row.currency())))
                .toList();
        List<Total> totals = report.creditTotals().stream()
                .map(total -> new Total(total, money(total.creditAmount(), total.currency())))
                .toList();
        return Response.ok(Templates.credits(new CreditsPage(wanted, report, lines, totals,
                PageMonths.Nav.of(wanted, contracts.firstContractMonth().orElse(null), PageMonths.latestStarted(now)),
                identity.hasRole(Role.ACCOUNT_MANAGER) || identity.hasRole(Role.ADMIN) || identity.hasRole(Role.SRE))), MediaType.TEXT_HTML_TYPE)
                .build();
    }

    /**
     * The ledger-ready CSV of the month (see {@link LedgerCsv}): {@code part=lines|totals},
     * {@code separator=comma|semicolon}. A bad value is a 400 naming it.
     */
    @GET
    @Path("/ledger")
    @Produces({Csv.MEDIA_TYPE, MediaType.TEXT_HTML})
    public Response ledger(@QueryParam("month") String month, @QueryParam("part") String part,
            @QueryParam("separator") String separator) {
        Instant now = Instant.now();
        YearMonth wanted = PageMonths.parse(month, now);
        LedgerCsv.Part wantedPart = choice("part", part, LedgerCsv.Part.class, LedgerCsv.Part.LINES);
        LedgerCsv.Separator wantedSeparator = choice("separator", separator, LedgerCsv.Separator.class,
                LedgerCsv.Separator.COMMA);
        return ReportResource.ledgerCsv(sla.allClients(wanted, now), wantedPart, wantedSeparator);
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    static String money(String amount, String currency) {
        return amount == null ? Formats.NONE : Formats.money(new BigDecimal(amount), currency);
    }
}
