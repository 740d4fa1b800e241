package com.slaledger.maintenance;

import com.slaledger.client.Client;
import com.slaledger.client.ClientService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.Violations;
import com.slaledger.service.Service;
import com.slaledger.service.ServiceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import com.slaledger.platform.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maintenance windows for the API and the pages alike, so both refuse the same requests: start before end
 * (half-open {@code [startsAt, endsAt)}), the clients or services the scope names existing (SPEC "Entities",
 * maintenance window), a title of at most 300 characters. Refusals are {@link ProblemException}s naming each field.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MaintenanceWindowService {

    private final MaintenanceWindowRepository windows;
    private final ClientService clients;
    private final ServiceCatalog services;
    private final Validator validator;

    public MaintenanceWindowService(MaintenanceWindowRepository windows, ClientService clients,
            ServiceCatalog services, Validator validator) {
        this.windows = windows;
        this.clients = clients;
        this.services = services;
        this.validator = validator;
    }

    /**
     * Windows overlapping {@code [from, to)}, ordered by start; any argument may be null. A client or service
     * filter also returns the windows for all clients, since those concern everyone; a SERVICES window is
     * matched by its services, not by the contracts that cover them.
     */
    public List<MaintenanceWindowResponse> list(Instant from, Instant to, String clientKey, String serviceKey) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (clientKey != null) {
            clients.require(clientKey);
        }
        if (serviceKey != null) {
            services.require(serviceKey);
        }
        return windows.search(from, to, clientKey, serviceKey).stream().map(MaintenanceWindowResponse::of).toList();
    }

    /**
     * Every announced window overlapping {@code [from, to)}, with what it names: the maintenance an SLA report
     * excludes. A recurring window is expanded in its zone into one entry per occurrence intersecting
     * {@code [from, to)} (same id, the occurrence's {@code startsAt}/{@code endsAt}), so every report (client
     * month and window, fleet, ledger CSV, trends) sees the occurrences as ordinary windows. A stored rule refused
     * today is not expanded: only its first occurrence counts (see {@link #announcedWithRefusedRules}).
     */
    public List<MaintenanceWindowResponse> announcedDuring(Instant from, Instant to) {
        return announcedWithRefusedRules(from, to).occurrences();
    }

    /**
     * The announced maintenance of {@code [from, to)}: the occurrences {@link #announcedDuring} lists, and the
     * announced windows whose stored rule is refused today and whose series reaches into {@code [from, to)},
     * each once, by start: occurrences after the first may be missing there, which a report says in its notes.
     */
    public record Announced(List<MaintenanceWindowResponse> occurrences,
            List<MaintenanceWindowResponse> refusedRules) {
    }

    /** See {@link Announced}; one query, as {@link #announcedDuring}. */
    public Announced announcedWithRefusedRules(Instant from, Instant to) {
        List<MaintenanceWindowResponse> announced = new ArrayList<>();
        List<MaintenanceWindowResponse> refused = new ArrayList<>();
        for (MaintenanceWindow window : windows.search(from, to, null, null)) {
            if (!window.announced) {
                continue;
            }
            MaintenanceWindowResponse response = MaintenanceWindowResponse.of(window);
            if (response.ruleRefused()) {
                refused.add(response);
            }
            response.recurrenceRule().ifPresentOrElse(
                    rule -> rule.overlapping(from, to).forEach(occurrence ->
                            announced.add(response.occurrence(occurrence.start(), occurrence.end()))),
                    () -> {
                        // a one-off window, or the first occurrence of a rule that is not expanded
                        if (response.startsAt().isBefore(to) && response.endsAt().isAfter(from)) {
                            announced.add(response);
                        }
                    });
        }
        announced.sort(Comparator.comparing(MaintenanceWindowResponse::startsAt)
                .thenComparing(MaintenanceWindowResponse::id));
        return new Announced(List.copyOf(announced), List.copyOf(refused));
    }

    /** One page of windows, newest start first, and how many match in all. */
    public record WindowPage(List<MaintenanceWindowResponse> items, long totalItems, int totalPages) {
    }

    /**
     * The windows overlapping {@code [from, to)} and, when {@code endedBy} is given, ended by then (any argument
     * may be null), newest start first: page {@code pageIndex} (from 0) of {@code pageSize} windows.
     */
    public WindowPage newestFirst(Instant from, Instant to, Instant endedBy, int pageIndex, int pageSize) {
        MaintenanceWindowRepository.Page page = windows.newestFirst(from, to, endedBy, pageIndex, pageSize);
        int totalPages = (int) ((page.totalItems() + pageSize - 1) / pageSize);
        return new WindowPage(page.items().stream().map(MaintenanceWindowResponse::of).toList(), page.totalItems(),
                totalPages);
    }

    public Optional<MaintenanceWindowResponse> find(long id) {
        return windows.findWithScope(id).map(MaintenanceWindowResponse::of);
    }

    /** A created window, or the identical one that a retried request had created before. */
    public record Saved(MaintenanceWindowResponse window, boolean created) {
    }

    /**
     * Records a window. Windows have no natural key, so an identical window (same title, times, scope,
     * targets and announcement) is taken for a retry of the same request and answered, not duplicated.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Saved create(MaintenanceWindowRequest request) {
        MaintenanceWindow window = new MaintenanceWindow();
        apply(request, window);
        windows.lockCreates();
        Optional<MaintenanceWindow> identical = windows.search(window.startsAt, window.endsAt, null, null).stream()
                .filter(existing -> existing.sameWindowAs(window))
                .findFirst();
        if (identical.isPresent()) {
            return new Saved(MaintenanceWindowResponse.of(identical.get()), false);
        }
        windows.persistAndFlush(window);
        return new Saved(MaintenanceWindowResponse.of(window), true);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<MaintenanceWindowResponse> update(long id, MaintenanceWindowRequest request) {
        return windows.findWithScope(id).map(window -> {
            apply(request, window);
            windows.flush();
            return MaintenanceWindowResponse.of(window);
        });
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(long id) {
        return windows.deleteById(id);
    }

    /**
     * Every violation {@link #create} or {@link #update} would refuse the request with, by field, without writing
     * anything: a form whose other fields could not even be read still hears about these at once.
     */
    public List<FieldViolation> check(MaintenanceWindowRequest request) {
        return resolve(request).violations().list();
    }

    /** A request checked, with the clients and services it names that exist. */
    private record Resolved(Violations violations, Map<String, Client> clients, Map<String, Service> services,
            MaintenanceRecurrence recurrence) {
    }

    /** Validates the whole request before touching the window, so a refused update leaves it as it was. */
    private void apply(MaintenanceWindowRequest request, MaintenanceWindow window) {
        Resolved resolved = resolve(request);
        resolved.violations().throwIfAny();

        window.title = request.title().strip();
        // PostgreSQL keeps microseconds: compare and echo what is stored
        window.startsAt = request.startsAt().truncatedTo(ChronoUnit.MICROS);
        window.endsAt = request.endsAt().truncatedTo(ChronoUnit.MICROS);
        window.scope = request.scope();
        window.announced = request.announced() == null || request.announced();
        window.recurrence = resolved.recurrence() == null ? null : resolved.recurrence().text();
        window.timeZone = resolved.recurrence() == null ? null : resolved.recurrence().zone().getId();
        window.exceptionDates = request.exceptionsOrEmpty().stream().distinct().sorted().toArray(LocalDate[]::new);
        window.seriesEndsAt = resolved.recurrence() == null ? window.endsAt
                : resolved.recurrence().seriesEnd().orElse(null);
        window.clients.clear();
        window.clients.addAll(resolved.clients().values());
        window.services.clear();
        window.services.addAll(resolved.services().values());
    }

    private Resolved resolve(MaintenanceWindowRequest request) {
        Violations violations = new Violations().addAll(validator.validate(request), "");
        // A title shown on the pages and in reports must not read as another (TextSanity#unfit).
        TextSanity.check("title", request.title(), false, violations);
        if (request.startsAt() != null && request.endsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
            violations.add("endsAt", "must be after startsAt");
        }
        MaintenanceScope scope = request.scope();
        Map<String, Client> namedClients = Map.of();
        Map<String, Service> namedServices = Map.of();
        if (scope == MaintenanceScope.CLIENTS) {
            namedClients = existing("clients", request.clientsOrEmpty(), "client", scope,
                    keys -> clients.findByKeys(keys).stream()
                            .collect(Collectors.toMap(client -> client.key, Function.identity())), violations);
        } else if (!request.clientsOrEmpty().isEmpty() && scope != null) {
            violations.add("clients", "must be empty for scope " + scope);
        }
        if (scope == MaintenanceScope.SERVICES) {
            namedServices = existing("services", request.servicesOrEmpty(), "service", scope,
                    keys -> services.findByKeys(keys).stream()
                            .collect(Collectors.toMap(service -> service.key, Function.identity())), violations);
        } else if (!request.servicesOrEmpty().isEmpty() && scope != null) {
            violations.add("services", "must be empty for scope " + scope);
        }
        return new Resolved(violations, namedClients, namedServices, recurrence(request, violations));
    }

    /**
     * The recurrence a request asks for, null for a one-off window. A time zone is required with a rule and
     * refused without one, as are exception dates; exception dates lie in the years 1900-9999 like the window. An
     * occurrence lasts at most {@link MaintenanceRecurrence#MAX_LENGTH}.
     */
    private static MaintenanceRecurrence recurrence(MaintenanceWindowRequest request, Violations violations) {
        boolean hasRule = request.recurrence() != null && !request.recurrence().isBlank();
        String zone = request.timeZone() == null || request.timeZone().isBlank() ? null : request.timeZone().strip();
        if (!hasRule) {
            if (zone != null) {
                violations.add("timeZone", "must be empty without a recurrence");
            }
            if (!request.exceptionsOrEmpty().isEmpty()) {
                violations.add("exceptions", "must be empty without a recurrence");
            }
            return null;
        }
        boolean zoneKnown = zone != null && TimeZones.isKnown(zone);
        if (zone == null) {
            violations.add("timeZone", "is required with a recurrence");
        } else if (!zoneKnown) {
            violations.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        List<LocalDate> exceptions = request.exceptionsOrEmpty();
        if (exceptions.size() <= MaintenanceRecurrence.MAX_EXCEPTIONS) {
            for (int i = 0; i < exceptions.size(); i++) {
                LocalDate date = exceptions.get(i);
                if (date != null && (date.getYear() < 1900 || date.getYear() > 9999)) {
                    violations.add("exceptions[" + i + "]", "must be a date in the years 1900-9999");
                }
            }
        }
        if (request.startsAt() != null && request.endsAt() != null && request.endsAt().isAfter(request.startsAt())
                && java.time.Duration.between(request.startsAt(), request.endsAt())
                        .compareTo(MaintenanceRecurrence.MAX_LENGTH) > 0) {
            // a year-long daily occurrence would overlap 365 others: every report would expand them all
            violations.add("endsAt", "must be at most " + MaintenanceRecurrence.MAX_LENGTH.toDays()
                    + " days after startsAt for a recurring window (every occurrence lasts as long)");
            return null;
        }
        if (!zoneKnown || request.startsAt() == null || request.endsAt() == null
                || !request.endsAt().isAfter(request.startsAt()) || request.recurrence().length()
                > MaintenanceRecurrence.MAX_RULE_LENGTH) {
            return null; // reported above or by the field checks
        }
        try {
            return MaintenanceRecurrence.of(request.recurrence(), ZoneId.of(zone),
                    request.startsAt().truncatedTo(ChronoUnit.MICROS), request.endsAt().truncatedTo(ChronoUnit.MICROS),
                    exceptions.stream().filter(java.util.Objects::nonNull).toList());
        } catch (MaintenanceRecurrence.InvalidRule refused) {
            violations.add("recurrence", refused.getMessage());
            return null;
        }
    }

    /** Resolves the listed keys, reporting an empty list, each unknown key and each repeat by its index. */
    private static <T> Map<String, T> existing(String field, List<String> keys, String what, MaintenanceScope scope,
            Function<Collection<String>, Map<String, T>> lookUp, Violations violations) {
        if (keys.isEmpty()) {
            violations.add(field, "must name at least one " + what + " for scope " + scope);
            return Map.of();
        }
        Set<String> wanted = keys.stream().filter(key -> key != null && !key.isBlank()).collect(Collectors.toSet());
        Map<String, T> found = lookUp.apply(wanted);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.isBlank()) {
                continue;
            }
            if (!seen.add(key)) {
                violations.add(field + "[" + i + "]", "'" + key + "' is listed twice");
            } else if (!found.containsKey(key)) {
                violations.add(field + "[" + i + "]", "no " + what + " '" + key + "'");
            }
        }
        return found;
    }
}
