package com.slaledger.demo;

import com.slaledger.calendar.ServiceCalendarRequest;
import com.slaledger.client.ClientRequest;
import com.slaledger.contract.ClaimRule;
import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractRequest.Tier;
import com.slaledger.contract.ImpactModel;
import com.slaledger.contract.Money;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.Severity;
import com.slaledger.maintenance.MaintenanceScope;
import com.slaledger.maintenance.MaintenanceWindowRequest;
import com.slaledger.report.ContractProposal;
import com.slaledger.security.Role;
import com.slaledger.service.ServiceRequest;
import com.slaledger.whatif.SaveWhatIfRequest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the demo set as the same requests a user would send, so it passes every rule of the API.
 * Besides ordinary months it holds the cases the figures must get right: the outage of the 0x19
 * postmortem (the SPEC worked example), overlapping incidents of different impact, an incident across
 * a month edge, an ongoing one, partial impacts, an excluded one and announced and unannounced
 * maintenance.
 */
public final class DemoData {

    static final int MONTHS_OF_INCIDENTS = 18;
    static final String SOURCE = "demo";
    static final LocalDate CONTRACTS_FROM = LocalDate.of(2024, 1, 1);

    /** Everything to load, in loading order. */
    public record DemoSet(List<ServiceRequest> services, List<ClientRequest> clients,
            List<ClientContract> contracts, List<MaintenanceWindowRequest> maintenanceWindows,
            List<IncidentRequest> incidents,
            List<ClientWhatIf> whatIfs, List<ServiceCalendarRequest> serviceCalendars) {
    }

    /** A saved what-if of a demo client. */
    public record ClientWhatIf(String clientKey, SaveWhatIfRequest whatIf) {
    }

    /** Germany, Monday to Friday 08:00-18:00 with German public holidays and the two office days off at year end. */
    static final String GERMAN_OFFICE_HOURS = "germany-office-hours";

    public record ClientContract(String clientKey, ContractRequest contract) {
    }

    private static final String[][] SERVICES = {
        {"api", "Public API", "REST API used by client integrations"},
        {"web", "Web app", "Customer-facing web application"},
        {"checkout", "Checkout", "Basket and order placement"},
        {"payments", "Payments", "Card and bank payment processing"},
        {"search", "Search", "Catalogue and document search"},
        {"auth", "Authentication", "Login, SSO and tokens"},
        {"db", "Primary database", "PostgreSQL cluster behind every service"},
        {"cache", "Cache", "Shared Redis cache"},
        {"queue", "Job queue", "Background jobs and webhooks out"},
        {"cdn", "CDN", "Static assets and media delivery"},
        {"email", "Email", "Transactional email"},
        {"reporting", "Reporting", "Exports and scheduled reports"},
    };

    private static final String[] TITLES = {
        "Elevated 5xx on %s", "%s latency above SLO", "%s unavailable after deploy", "Partial %s outage in one zone",
        "%s timeouts under load", "Certificate expiry broke %s", "%s degraded: dependency failing",
        "Connection pool exhaustion in %s", "%s returning stale data", "Bad config push to %s",
    };

    private static final String[] CAUSES = {
        "A configuration change was rolled out to all nodes at once without a canary.",
        "A database migration took a lock on a hot table during peak traffic.",
        "A dependency's connection pool was exhausted by retry storms.",
        "An expired TLS certificate was not covered by monitoring.",
        "A memory leak in a new release exhausted the heap after a few hours.",
        "A noisy neighbour saturated the shared disk of the availability zone.",
    };

    private static final String[] ACTIONS = {
        "Roll out configuration with a canary stage", "Alert on certificate expiry 21 days ahead",
        "Add circuit breakers with jittered retries", "Run migrations in a low-traffic window",
        "Load-test releases before promotion", "Add a dashboard for pool saturation",
    };

    /**
     * One demo user per role, username = role, for trying the product; printed in the README. Never
     * created without demo data, so a production instance has none of these well-known passwords.
     */
    public static final Map<String, String> DEMO_USERS = Map.of(
            Role.SRE, "sre-demo-password",
            Role.ACCOUNT_MANAGER, "account-manager-demo-password",
            Role.FINANCE, "finance-demo-password",
            Role.ADMIN, "admin-demo-password");

    /** The demo account manager looks after three of the eight demo clients. */
    static final String DEMO_ACCOUNT_MANAGER = Role.ACCOUNT_MANAGER;

    private DemoData() {
    }

    /** The demo set for a service started at {@code now}: incidents up to now, none in the future. */
    public static DemoSet build(Instant now) {
        Random random = new Random(20240116L);
        List<ServiceRequest> services = new ArrayList<>();
        for (String[] service : SERVICES) {
            services.add(new ServiceRequest(service[0], service[1], service[2]));
        }
        List<ClientRequest> clients = List.of(
                new ClientRequest("casual-cartoon", "CasualCartoon Ltd", "Ian Muhwanga", "UTC", true,
                        DEMO_ACCOUNT_MANAGER),
                new ClientRequest("acme-retail", "Acme Retail GmbH", "Dana Fischer", "Europe/Berlin", true,
                        DEMO_ACCOUNT_MANAGER),
                new ClientRequest("sakura-trading", "Sakura Trading K.K.", "Kenji Watanabe", "Asia/Tokyo", true),
                new ClientRequest("northwind-logistics", "Northwind Logistics Inc.", "Maria Lopez",
                        "America/New_York", true),
                new ClientRequest("kiwi-health", "Kiwi Health Ltd", "Aroha Ngata", "Pacific/Auckland", true),
                new ClientRequest("bluefin-bank", "Bluefin Bank B.S.C.", "Omar Haddad", "Asia/Bahrain", true),
                new ClientRequest("maple-media", "Maple Media Corp.", "Dana Fischer", "America/Toronto", true,
                        DEMO_ACCOUNT_MANAGER),
                new ClientRequest("fjord-energy", "Fjord Energy AS", "Ingrid Solberg", "Europe/Oslo", true));
        return new DemoSet(services, clients, contracts(), maintenance(now),
                incidents(now, random, clients.stream().map(ClientRequest::key).toList()),
                whatIfs(), serviceCalendars(now));
    }

    /**
     * The worked example's client tried on target 99.9 with its tiers moved down to match: January 2024's
     * 22-minute outage (99.950717 %) breaches 99.99 for EUR 1,200.00 and meets 99.9, so that breach turns
     * into none (SPEC "Worked example").
     */
    private static List<ClientWhatIf> whatIfs() {
        return List.of(new ClientWhatIf("casual-cartoon", new SaveWhatIfRequest("Target 99.9, tiers moved down",
                "2024-01", "2024-12", new ContractProposal(new BigDecimal("99.9"),
                        tiers("99.9", "10", "99.0", "30", "95.0", "100"), null, null, null, null, null))));
    }

    private static List<ServiceCalendarRequest> serviceCalendars(Instant now) {
        List<ServiceCalendarRequest.Range> weekdays = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new ServiceCalendarRequest.Range(day.name(), "08:00", "18:00"));
        }
        List<LocalDate> yearEnds = new ArrayList<>();
        for (int year = CONTRACTS_FROM.getYear(); year <= now.atZone(ZoneOffset.UTC).getYear(); year++) {
            yearEnds.add(LocalDate.of(year, 12, 24));
            yearEnds.add(LocalDate.of(year, 12, 31));
        }
        return List.of(new ServiceCalendarRequest(GERMAN_OFFICE_HOURS, "Germany office hours (Mon-Fri 08:00-18:00)",
                weekdays, "DE", null, yearEnds));
    }

    private static List<ClientContract> contracts() {
        List<String> allServices = new ArrayList<>();
        for (String[] service : SERVICES) {
            allServices.add(service[0]);
        }
        return List.of(
                // the worked example of the SPEC: EUR 12,000.00 a month, 99.99 with AWS-like tiers
                new ClientContract("casual-cartoon", contract(CONTRACTS_FROM, null, allServices, "99.99",
                        tiers("99.99", "10", "99.0", "30", "95.0", "100"), "12000.00", "EUR", "100",
                        ImpactModel.PROPORTIONAL, null, 0)),
                // Atlassian-style: claims within 15 days of month end; only German office hours are measured
                new ClientContract("acme-retail", claimWithin(15, contract(CONTRACTS_FROM, null,
                        List.of("api", "web", "checkout", "payments", "auth"), "99.9",
                        tiers("99.9", "10", "99.5", "25", "99.0", "50"), "8000.00", "EUR", "50",
                        ImpactModel.PROPORTIONAL, null, 0, GERMAN_OFFICE_HOURS))),
                new ClientContract("sakura-trading", contract(CONTRACTS_FROM, null,
                        List.of("api", "search", "db", "auth"), "99.95", tiers("99.95", "10", "99.0", "25"),
                        "1800000", "JPY", "100", ImpactModel.FULL, null, 0)),
                new ClientContract("northwind-logistics", contract(CONTRACTS_FROM, null,
                        List.of("api", "queue", "reporting", "email"), "99.5",
                        // no middle tier between 99.0 and 95.0: a list that skips a level
                        tiers("99.5", "5", "99.0", "15", "95.0", "40"), "9500.00", "USD", "100",
                        ImpactModel.THRESHOLD, "50", 0)),
                // Google-style: outages shorter than a minute do not count
                // credits only on a claim within 90 days of month end: recent ones owed, older ones expired
                new ClientContract("kiwi-health", claimWithin(90, contract(LocalDate.of(2024, 3, 15), null,
                        List.of("api", "auth", "db", "cache"), "99.99",
                        tiers("99.99", "10", "99.0", "25", "95.0", "50"), "6400.00", "NZD", "100",
                        ImpactModel.PROPORTIONAL, null, 60))),
                new ClientContract("bluefin-bank", contract(CONTRACTS_FROM, null,
                        List.of("payments", "auth", "db", "api"), "99.95",
                        tiers("99.95", "10", "99.9", "20", "99.0", "50"), "2750.500", "BHD", "100",
                        ImpactModel.FULL, null, 0)),
                new ClientContract("maple-media", contract(CONTRACTS_FROM, null, List.of("cdn", "web", "search"),
                        "99.0", tiers("99.0", "10", "95.0", "25"), "4200.00", "CAD", "100",
                        ImpactModel.PROPORTIONAL, null, 0)),
                // a renegotiated SLA: the stricter version starts on the first of a month
                new ClientContract("fjord-energy", contract(CONTRACTS_FROM, LocalDate.of(2025, 9, 1),
                        List.of("api", "reporting", "queue", "db"), "99.5", tiers("99.5", "10"), "65000.00", "NOK",
                        "100", ImpactModel.PROPORTIONAL, null, 0)),
                new ClientContract("fjord-energy", contract(LocalDate.of(2025, 9, 1), null,
                        List.of("api", "reporting", "queue", "db"), "99.9", tiers("99.9", "10", "99.5", "20"),
                        "72000.00", "NOK", "100", ImpactModel.PROPORTIONAL, null, 0)));
    }

    private static List<MaintenanceWindowRequest> maintenance(Instant now) {
        List<MaintenanceWindowRequest> windows = new ArrayList<>();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        for (int back = MONTHS_OF_INCIDENTS - 1; back >= -1; back--) {
            YearMonth month = current.minusMonths(back);
            LocalDate firstSunday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY));
            Instant start = firstSunday.atTime(2, 0).toInstant(ZoneOffset.UTC);
            windows.add(new MaintenanceWindowRequest("Monthly database patching", start,
                    start.plus(Duration.ofMinutes(90)), MaintenanceScope.SERVICES, List.of(), List.of("db"), true, null,
                    null, null));
        }
        // one rule instead of a window a week: every Sunday 02:00-04:00 in Oslo, for Fjord Energy, with
        // one Sunday (the first of the current month) called off
        YearMonth ruleFrom = current.minusMonths(MONTHS_OF_INCIDENTS - 1);
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        Instant firstSunday = ruleFrom.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY)).atTime(2, 0)
                .atZone(oslo).toInstant();
        windows.add(new MaintenanceWindowRequest("Weekly Sunday patching of the Fjord Energy stack", firstSunday,
                firstSunday.plus(Duration.ofHours(2)), MaintenanceScope.CLIENTS, List.of("fjord-energy"), List.of(),
                true, "FREQ=WEEKLY;BYDAY=SU", oslo.getId(),
                List.of(current.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY)))));
        YearMonth lastMonth = current.minusMonths(1);
        Instant acme = lastMonth.atDay(12).atTime(21, 0).toInstant(ZoneOffset.UTC);
        windows.add(new MaintenanceWindowRequest("Acme checkout migration (agreed with Acme)", acme,
                acme.plus(Duration.ofHours(3)), MaintenanceScope.CLIENTS, List.of("acme-retail"), List.of(), true, null,
                null, null));
        Instant emergency = current.minusMonths(3).atDay(20).atTime(13, 0).toInstant(ZoneOffset.UTC);
        windows.add(new MaintenanceWindowRequest("Emergency kernel patching (not announced: counts as downtime)",
                emergency, emergency.plus(Duration.ofMinutes(40)), MaintenanceScope.ALL_CLIENTS, List.of(), List.of(),
                false, null, null, null));
        return windows;
    }

    private static List<IncidentRequest> incidents(Instant now, Random random, List<String> clientKeys) {
        List<IncidentRequest> incidents = new ArrayList<>();
        incidents.add(seedOutage(clientKeys));
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        int number = 0;
        for (int back = MONTHS_OF_INCIDENTS - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            int count = 5 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .plusSeconds((long) (random.nextDouble() * month.lengthOfMonth() * 86_400L));
                if (start.isAfter(now.minus(Duration.ofHours(6)))) {
                    continue;
                }
                incidents.add(ordinary(++number, start, random));
            }
            if (back == 6) {
                incidents.addAll(overlappingPair(month, ++number));
                number++;
            }
        }
        // across the edge of two months: its downtime splits between them
        YearMonth edge = current.minusMonths(4);
        Instant edgeStart = edge.atEndOfMonth().atTime(23, 20).toInstant(ZoneOffset.UTC);
        incidents.add(incident("edge-" + edge, "Queue backlog across the month end", Severity.SEV2,
                List.of("queue", "api"), List.of(), "100", edgeStart, Duration.ofMinutes(3), Duration.ofMinutes(9),
                Duration.ofMinutes(95), Duration.ofMinutes(120), CAUSES[2], List.of(ACTIONS[2])));
        // caused by the client's own load test: recorded, and excluded from their SLA
        Instant excluded = current.minusMonths(2).atDay(9).atTime(15, 0).toInstant(ZoneOffset.UTC);
        IncidentRequest loadTest = incident("excluded-load-test", "Load test by Northwind saturated the API",
                Severity.SEV3, List.of("api"), List.of("northwind-logistics"), "100", excluded, Duration.ofMinutes(1),
                Duration.ofMinutes(4), Duration.ofMinutes(35), Duration.ofMinutes(50),
                "The client ran an unannounced load test against production.", List.of());
        incidents.add(new IncidentRequest(loadTest.source(), loadTest.externalId(), loadTest.title(),
                loadTest.severity(), loadTest.affectedServices(), loadTest.affectedClients(),
                loadTest.impactPercent(), true, "Caused by the client (unannounced load test)", loadTest.summary(),
                loadTest.rootCause(), loadTest.preventiveActions(), loadTest.timeline(), loadTest.startedAt(),
                loadTest.detectedAt(), loadTest.acknowledgedAt(), loadTest.mitigatedAt(), loadTest.resolvedAt()));
        // still going on: its impact runs to the report's asOf
        Instant ongoingStart = now.minus(Duration.ofMinutes(95)).truncatedTo(ChronoUnit.MINUTES);
        incidents.add(new IncidentRequest(SOURCE, "ongoing-search-degradation", "Search results degraded",
                Severity.SEV3, List.of("search"), List.of(), new BigDecimal("30"), false, null,
                "Around a third of search queries time out.", null, List.of(),
                List.of(new TimelineEntryRequest(ongoingStart.plus(Duration.ofMinutes(4)), "Latency alert fired"),
                        new TimelineEntryRequest(ongoingStart.plus(Duration.ofMinutes(12)), "On-call acknowledged")),
                ongoingStart, ongoingStart.plus(Duration.ofMinutes(4)), ongoingStart.plus(Duration.ofMinutes(12)),
                null, null));
        return incidents;
    }

    /** The 0x19 postmortem: 16 January 2024, 10:00 to 10:22 at GMT+1, pagers at 10:00, acknowledged at 10:10. */
    private static IncidentRequest seedOutage(List<String> clientKeys) {
        Instant start = Instant.parse("2024-01-16T09:00:00Z");
        return new IncidentRequest("postmortem", "0x19", "Server outage on all server infrastructure",
                Severity.SEV1, List.of("api", "web", "db"), clientKeys, new BigDecimal("100"), false, null,
                "Clients got HTTP 500 on every request for 22 minutes after an untested upgrade.",
                "Files shipped by the CI/CD pipeline needed authentication through third-party software that the"
                        + " installed server version did not support, so database transactions failed.",
                List.of("Push every change to a test environment before production",
                        "Lower the performance thresholds that page on-call engineers"),
                List.of(new TimelineEntryRequest(Instant.parse("2024-01-16T08:45:00Z"), "Upgrades implementation begins"),
                        new TimelineEntryRequest(start, "Server outage begins"),
                        new TimelineEntryRequest(start, "Pagers alerted on-call team"),
                        new TimelineEntryRequest(Instant.parse("2024-01-16T09:10:00Z"), "On-call team acknowledgement"),
                        new TimelineEntryRequest(Instant.parse("2024-01-16T09:15:00Z"), "Rollback initiation begins"),
                        new TimelineEntryRequest(Instant.parse("2024-01-16T09:20:00Z"), "Successful rollback"),
                        new TimelineEntryRequest(Instant.parse("2024-01-16T09:20:00Z"), "Server restart initiated"),
                        new TimelineEntryRequest(Instant.parse("2024-01-16T09:22:00Z"), "100% of traffic back online")),
                start, start, Instant.parse("2024-01-16T09:10:00Z"), Instant.parse("2024-01-16T09:22:00Z"),
                Instant.parse("2024-01-16T09:22:00Z"));
    }

    /** Two incidents at once on the same services, of different impact: the heavier one counts. */
    private static List<IncidentRequest> overlappingPair(YearMonth month, int number) {
        Instant start = month.atDay(18).atTime(14, 0).toInstant(ZoneOffset.UTC);
        return List.of(
                incident("overlap-" + number + "-a", "Checkout slow: payment provider degraded", Severity.SEV2,
                        List.of("checkout", "payments"), List.of(), "40", start, Duration.ofMinutes(2),
                        Duration.ofMinutes(6), Duration.ofMinutes(70), Duration.ofMinutes(90), CAUSES[2],
                        List.of(ACTIONS[2])),
                incident("overlap-" + number + "-b", "Payments down: provider outage", Severity.SEV1,
                        List.of("payments"), List.of(), "100", start.plus(Duration.ofMinutes(20)),
                        Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(25), Duration.ofMinutes(40),
                        "The payment provider had a regional outage.", List.of("Add a second payment provider")));
    }

    private static IncidentRequest ordinary(int number, Instant start, Random random) {
        String service = SERVICES[random.nextInt(SERVICES.length)][0];
        List<String> services = random.nextInt(4) == 0
                ? List.of(service, SERVICES[random.nextInt(SERVICES.length)][0]).stream().distinct().toList()
                : List.of(service);
        int roll = random.nextInt(100);
        Severity severity = roll < 8 ? Severity.SEV1 : roll < 30 ? Severity.SEV2 : roll < 70 ? Severity.SEV3
                : Severity.SEV4;
        String impact = switch (severity) {
            case SEV1 -> "100";
            case SEV2 -> String.valueOf(40 + random.nextInt(61));
            case SEV3 -> String.valueOf(10 + random.nextInt(40));
            case SEV4 -> String.valueOf(1 + random.nextInt(10));
        };
        Duration detect = Duration.ofSeconds(random.nextInt(severity == Severity.SEV1 ? 180 : 900));
        Duration acknowledge = detect.plusSeconds(30 + random.nextInt(severity == Severity.SEV1 ? 400 : 1500));
        // restore times spread over minutes to hours, a few long ones as real fleets have
        long restoreMinutes = 4 + (long) Math.floor(Math.exp(random.nextDouble() * 5.2));
        Duration mitigate = acknowledge.plus(Duration.ofMinutes(restoreMinutes));
        Duration resolve = mitigate.plus(Duration.ofMinutes(5 + random.nextInt(240)));
        String title = TITLES[random.nextInt(TITLES.length)].formatted(service);
        String cause = CAUSES[random.nextInt(CAUSES.length)];
        List<String> actions = random.nextBoolean() ? List.of(ACTIONS[random.nextInt(ACTIONS.length)]) : List.of();
        return incident(String.format("INC-%04d", number), Character.toUpperCase(title.charAt(0)) + title.substring(1),
                severity, services, List.of(), impact, start, detect, acknowledge, mitigate, resolve, cause, actions);
    }

    private static IncidentRequest incident(String externalId, String title, Severity severity, List<String> services,
            List<String> clients, String impactPercent, Instant start, Duration detect, Duration acknowledge,
            Duration mitigate, Duration resolve, String rootCause, List<String> actions) {
        Instant detected = start.plus(detect);
        Instant acknowledged = start.plus(acknowledge);
        Instant mitigated = start.plus(mitigate);
        Instant resolved = start.plus(resolve);
        List<TimelineEntryRequest> timeline = List.of(
                new TimelineEntryRequest(detected, "Alert fired and paged on-call"),
                new TimelineEntryRequest(acknowledged, "On-call engineer acknowledged"),
                new TimelineEntryRequest(mitigated, "Mitigation in place, customer impact ended"),
                new TimelineEntryRequest(resolved, "Incident resolved"));
        return new IncidentRequest(SOURCE, externalId, title, severity, services, clients, new BigDecimal(impactPercent),
                false, null, null, rootCause, actions, timeline, start, detected, acknowledged, mitigated, resolved);
    }

    private static ContractRequest contract(LocalDate from, LocalDate to, List<String> services, String target,
            List<Tier> tiers, String fee, String currency, String cap, ImpactModel model, String threshold,
            int minimumOutageSeconds) {
        return contract(from, to, services, target, tiers, fee, currency, cap, model, threshold,
                minimumOutageSeconds, null);
    }

    private static ContractRequest contract(LocalDate from, LocalDate to, List<String> services, String target,
            List<Tier> tiers, String fee, String currency, String cap, ImpactModel model, String threshold,
            int minimumOutageSeconds, String serviceCalendar) {
        return new ContractRequest(from, to, services, new BigDecimal(target), tiers,
                new Money(new BigDecimal(fee), currency), new BigDecimal(cap), model,
                threshold == null ? null : new BigDecimal(threshold), minimumOutageSeconds, null, null, serviceCalendar);
    }

    /** The contract with a claim rule: credits are due only on a claim within {@code days} of month end. */
    private static ContractRequest claimWithin(int days, ContractRequest c) {
        return new ContractRequest(c.effectiveFrom(), c.effectiveTo(), c.coveredServices(), c.targetPercent(),
                c.creditTiers(), c.monthlyFee(), c.creditCapPercent(), c.impactModel(), c.impactThresholdPercent(),
                c.minimumOutageSeconds(), ClaimRule.CLAIM_WITHIN_DAYS, days, c.serviceCalendar());
    }

    /**
     * An outage reported late: CasualCartoon's CDN down 40 hours from the 14th of {@code month}, 02:00 UTC, recorded
     * after the month's credit was issued, so the credit is flagged for review (see {@code DemoCredits}).
     * 40 h = 144,000 s of a month of at most 2,678,400 s: availability at most 94.63 %, the 100 % tier.
     */
    public static IncidentRequest lateIncident(YearMonth month) {
        Instant start = month.atDay(14).atTime(2, 0).toInstant(ZoneOffset.UTC);
        return incident("late-cdn-" + month, "CDN outage reported late by the CDN provider", Severity.SEV1,
                List.of("cdn"), List.of("casual-cartoon"), "100", start, Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(40), Duration.ofHours(41), "The CDN provider's status page missed a regional outage.",
                List.of());
    }

    private static List<Tier> tiers(String... belowThenCredit) {
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < belowThenCredit.length; i += 2) {
            tiers.add(new Tier(new BigDecimal(belowThenCredit[i]), new BigDecimal(belowThenCredit[i + 1])));
        }
        return tiers;
    }
}
