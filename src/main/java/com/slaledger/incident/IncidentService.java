package com.slaledger.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.audit.AuditTrail;
import com.slaledger.audit.AuditTrail.Change;
import com.slaledger.client.Client;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.platform.JsonPaths;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import com.slaledger.service.Service;
import com.slaledger.service.ServiceCatalog;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IncidentService {

    public static final int MAX_BATCH_SIZE = 10_000;

    private final IncidentRepository incidents;
    private final ServiceCatalog serviceCatalog;
    private final ClientService clientService;
    private final Validator validator;
    private final ObjectMapper json;
    private final ContractService contracts;
    private final AccessScope scope;
    private final AuditTrail audit;

    public IncidentService(IncidentRepository incidents, ServiceCatalog serviceCatalog, ClientService clientService,
            Validator validator, ObjectMapper json, ContractService contracts, AccessScope scope, AuditTrail audit) {
        this.incidents = incidents;
        this.serviceCatalog = serviceCatalog;
        this.clientService = clientService;
        this.validator = validator;
        this.json = json;
        this.contracts = contracts;
        this.scope = scope;
        this.audit = audit;
    }

    static final String AUDIT_ENTITY = "incident";

    /**
     * What an account manager (who is not also sre or admin) may see: incidents naming one of their
     * clients, or naming no client but a service that one of their clients' contracts covers (any
     * version: a little wider than "in force at the time", never narrower). Empty: no bound.
     */
    private Optional<Visibility> visibility() {
        return scope.accountManagerBound(Role.SRE, Role.ADMIN).map(manager -> {
            List<String> clientKeys = clientService.keysManagedBy(manager);
            return new Visibility(Set.copyOf(clientKeys), Set.copyOf(contracts.coveredServiceKeys(clientKeys)));
        });
    }

    private record Visibility(Set<String> clientKeys, Set<String> serviceKeys) {

        boolean allows(Incident incident) {
            if (!incident.clients.isEmpty()) {
                return incident.clients.stream().anyMatch(client -> clientKeys.contains(client.key));
            }
            return incident.services.stream().anyMatch(service -> serviceKeys.contains(service.key));
        }
    }

    /** What a write did, so the resource can answer 201 for a new incident and 200 for a known one. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record Saved(IncidentResponse incident, Outcome outcome) {
    }

    public record BatchItemResult(int index, long id, Outcome outcome) {
    }

    public record BatchResult(int created, int updated, int unchanged, List<BatchItemResult> items) {
    }

    public record IncidentPage(List<IncidentResponse> items, int page, int size, long totalItems, int totalPages) {
    }

    /** The orders the incident list can be read in. */
    public enum IncidentOrder {
        /** Newest start first (the default). */
        STARTED,
        /** Longest impact first: start to mitigation, else resolution, else now (ongoing). */
        DURATION,
        /** SEV1 first, newest first within a severity. */
        SEVERITY
    }

    /** The longest text a search may be: longer text matches nothing a title or summary could hold usefully. */
    public static final int MAX_SEARCH_LENGTH = 200;

    /**
     * Filters of the incident list; null means "any".
     *
     * @param open  true: not resolved yet; false: resolved ("closed only"); null: either
     * @param text  words to find, case-insensitively, in the title or the summary (at most
     *              {@value #MAX_SEARCH_LENGTH} characters); null for no search
     * @param order the order of the list; null for {@link IncidentOrder#STARTED}
     */
    public record IncidentFilter(String client, String service, Severity severity, Instant from, Instant to,
            Boolean open, String text, IncidentOrder order) {

        /** The filter without search or order; {@code openOnly} false means "open or closed". */
        public IncidentFilter(String client, String service, Severity severity, Instant from, Instant to,
                boolean openOnly) {
            this(client, service, severity, from, to, openOnly ? Boolean.TRUE : null, null, null);
        }
    }

    /** The incident if the caller may see it; one outside an account manager's clients is as unknown as a missing one. */
    public Optional<IncidentResponse> find(long id) {
        Optional<Visibility> visibility = visibility();
        return incidents.findByIdOptional(id).filter(i -> visibility.isEmpty() || visibility.get().allows(i))
                .map(IncidentResponse::of);
    }

    public Optional<IncidentResponse> findByKey(String source, String externalId) {
        Optional<Visibility> visibility = visibility();
        return incidents.findByKey(source, externalId).filter(i -> visibility.isEmpty() || visibility.get().allows(i))
                .map(IncidentResponse::of);
    }

    public IncidentPage list(IncidentFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        Optional<Visibility> visibility = visibility();
        if (visibility.isPresent()) {
            if (visibility.get().clientKeys().isEmpty()) {
                return new IncidentPage(List.of(), page, size, 0, 0);
            }
            where.append(" and (exists (select c from Incident iv join iv.clients c where iv = i and c.key in :scopeClients)");
            parameters.and("scopeClients", visibility.get().clientKeys());
            if (!visibility.get().serviceKeys().isEmpty()) {
                where.append(" or (not exists (select c from Incident iw join iw.clients c where iw = i)"
                        + " and exists (select s from Incident ix join ix.services s where ix = i and s.key in :scopeServices))");
                parameters.and("scopeServices", visibility.get().serviceKeys());
            }
            where.append(")");
        }
        if (filter.severity() != null) {
            where.append(" and severity = :severity");
            parameters.and("severity", filter.severity());
        }
        if (filter.service() != null) {
            where.append(" and exists (select s from Incident i2 join i2.services s where i2 = i and s.key = :service)");
            parameters.and("service", filter.service());
        }
        if (filter.client() != null) {
            where.append(" and (").append(affectsClient(filter.client(), parameters)).append(")");
        }
        if (filter.to() != null) {
            where.append(" and startedAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.from() != null) {
            // the incident's impact overlaps the range: it ended after `from`, or has not ended
            where.append(" and (coalesce(mitigatedAt, resolvedAt) is null or coalesce(mitigatedAt, resolvedAt) > :from"
                    + " or startedAt >= :from)");
            parameters.and("from", filter.from());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" and resolvedAt is null");
        } else if (Boolean.FALSE.equals(filter.open())) {
            where.append(" and resolvedAt is not null");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(i.title) like :text escape '\\' or lower(coalesce(i.summary, '')) like :text escape '\\')");
            parameters.and("text", "%" + likeEscaped(filter.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        String order = switch (filter.order() == null ? IncidentOrder.STARTED : filter.order()) {
            case STARTED -> " order by i.startedAt desc, i.id desc";
            // ongoing incidents run to now, as in the reports
            case DURATION -> " order by (extract(epoch from coalesce(i.mitigatedAt, i.resolvedAt, current_timestamp))"
                    + " - extract(epoch from i.startedAt)) desc, i.startedAt desc, i.id desc";
            case SEVERITY -> " order by i.severity asc, i.startedAt desc, i.id desc";
        };
        PanacheQuery<Incident> query = incidents.find("from Incident i where " + where + order, parameters)
                .page(Page.of(page, size));
        List<IncidentResponse> items = query.list().stream().map(IncidentResponse::of).toList();
        long total = query.count();
        return new IncidentPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** The text as a LIKE pattern that matches it literally: {@code %}, {@code _} and the escape are escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The SPEC's rule as a query condition: the client is listed, or no client is listed and a service
     * is covered by the client's contract version in force when the incident started.
     */
    private String affectsClient(String clientKey, Parameters parameters) {
        ZoneId zone = clientService.require(clientKey).zone();
        StringBuilder condition = new StringBuilder(
                "exists (select c from Incident i3 join i3.clients c where i3 = i and c.key = :client)");
        parameters.and("client", clientKey);
        List<ContractResponse> versions = contracts.list(clientKey);
        for (int n = 0; n < versions.size(); n++) {
            ContractResponse version = versions.get(n);
            condition.append(" or (i.clients is empty and i.startedAt >= :versionFrom").append(n);
            parameters.and("versionFrom" + n, version.effectiveFrom().atStartOfDay(zone).toInstant());
            if (version.effectiveTo() != null) {
                condition.append(" and i.startedAt < :versionTo").append(n);
                parameters.and("versionTo" + n, version.effectiveTo().atStartOfDay(zone).toInstant());
            }
            condition.append(" and exists (select s from Incident i4 join i4.services s where i4 = i")
                    .append(" and s.key in :versionServices").append(n).append("))");
            parameters.and("versionServices" + n, version.coveredServices());
        }
        return condition.toString();
    }

    /**
     * Everything wrong with a request, saving nothing: a form shows every problem at once, even while
     * some of its fields could not be read. Unknown services and clients are checked once the rest is valid.
     */
    public List<FieldViolation> check(IncidentRequest request) {
        List<FieldViolation> found = violationsOf(request, "");
        if (!found.isEmpty()) {
            return found;
        }
        IncidentRequest normalized = request.normalized();
        return references(List.of(normalized)).unknown(normalized, "");
    }

    /**
     * Records a new incident. A retry of the same request answers with the incident it created; the
     * same key with other content is a conflict (use the upsert to replace).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Saved create(IncidentRequest request) {
        IncidentRequest normalized = validated(request);
        IncidentKey key = new IncidentKey(normalized.source(), normalized.externalId());
        incidents.lockKeys(List.of(key));
        Optional<Incident> existing = incidents.findByKey(key.source(), key.externalId());
        if (existing.isPresent()) {
            IncidentResponse current = IncidentResponse.of(existing.get());
            if (current.asRequest().equals(normalized)) {
                return new Saved(current, Outcome.UNCHANGED);
            }
            throw ProblemException.conflict("An incident with source '" + key.source() + "' and externalId '"
                    + key.externalId() + "' exists already (id " + current.id()
                    + ") with other content; PUT /api/incidents/by-key/{source}/{externalId} replaces it",
                    List.of(new FieldViolation("externalId", "is taken by incident " + current.id())));
        }
        IncidentResponse created = IncidentResponse.of(insert(normalized, references(List.of(normalized))));
        audit.record(AUDIT_ENTITY, created.id(), "create", null, audit.snapshot(created));
        return new Saved(created, Outcome.CREATED);
    }

    /** Creates the incident of this key, or replaces its content; identical retries change nothing. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Saved upsert(String source, String externalId, IncidentRequest request) {
        Violations violations = new Violations();
        if (request.source() != null && !request.source().strip().equals(source)) {
            violations.add("source", "must match the path ('" + source + "') or be left out");
        }
        if (request.externalId() != null && !request.externalId().strip().equals(externalId)) {
            violations.add("externalId", "must match the path ('" + externalId + "') or be left out");
        }
        violations.throwIfAny();
        IncidentRequest keyed = withKey(request, source, externalId);
        BatchResult result = saveAll(List.of(keyed), "");
        BatchItemResult item = result.items().get(0);
        return new Saved(find(item.id()).orElseThrow(), item.outcome());
    }

    /** Upserts every item or none: one bad item refuses the whole batch, naming each bad field by index. */
    @Transactional(Transactional.TxType.REQUIRED)
    public BatchResult batch(List<IncidentRequest> items) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.badParameter("incidents", "must list at least one incident");
        }
        if (items.size() > MAX_BATCH_SIZE) {
            throw ProblemException.badParameter("incidents",
                    "must list at most " + MAX_BATCH_SIZE + " incidents, got " + items.size());
        }
        return saveAll(items, "incidents");
    }

    private BatchResult saveAll(List<IncidentRequest> items, String listName) {
        Violations violations = new Violations();
        List<IncidentRequest> normalized = new ArrayList<>(items.size());
        Map<IncidentKey, Integer> firstIndexOfKey = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            String prefix = listName.isEmpty() ? "" : listName + "[" + index + "].";
            IncidentRequest item = items.get(index);
            if (item == null) {
                violations.add(listName + "[" + index + "]", "must be an incident, not null");
                normalized.add(null);
                continue;
            }
            List<FieldViolation> found = violationsOf(item, prefix);
            violations.addAll(found);
            IncidentRequest clean = found.isEmpty() ? item.normalized() : null;
            normalized.add(clean);
            if (clean != null) {
                IncidentKey key = new IncidentKey(clean.source(), clean.externalId());
                Integer earlier = firstIndexOfKey.putIfAbsent(key, index);
                if (earlier != null) {
                    violations.add(prefix + "externalId", "repeats the source and externalId of "
                            + listName + "[" + earlier + "]");
                }
            }
        }
        References references = references(normalized.stream().filter(Objects::nonNull).toList());
        for (int index = 0; index < normalized.size(); index++) {
            IncidentRequest clean = normalized.get(index);
            if (clean != null) {
                String prefix = listName.isEmpty() ? "" : listName + "[" + index + "].";
                violations.addAll(references.unknown(clean, prefix));
            }
        }
        violations.throwIfAny();

        List<IncidentKey> keys = normalized.stream().map(r -> new IncidentKey(r.source(), r.externalId())).toList();
        incidents.lockKeys(keys);
        Map<IncidentKey, Incident> existing = incidents.findByKeys(keys);
        List<Incident> written = new ArrayList<>(normalized.size());
        List<Outcome> outcomes = new ArrayList<>(normalized.size());
        List<String> before = new ArrayList<>(normalized.size());
        for (int index = 0; index < normalized.size(); index++) {
            IncidentRequest request = normalized.get(index);
            Incident incident = existing.get(keys.get(index));
            if (incident == null) {
                incident = new Incident();
                apply(request, incident, references);
                incidents.persist(incident);
                outcomes.add(Outcome.CREATED);
                before.add(null);
            } else {
                IncidentResponse current = IncidentResponse.of(incident);
                if (current.asRequest().equals(request)) {
                    outcomes.add(Outcome.UNCHANGED);
                    before.add(null);
                } else {
                    before.add(audit.snapshot(current));
                    apply(request, incident, references);
                    outcomes.add(Outcome.UPDATED);
                }
            }
            written.add(incident);
        }
        incidents.flush();
        List<BatchItemResult> results = new ArrayList<>(written.size());
        List<Change> changes = new ArrayList<>();
        for (int index = 0; index < written.size(); index++) {
            Incident incident = written.get(index);
            Outcome outcome = outcomes.get(index);
            results.add(new BatchItemResult(index, incident.id, outcome));
            if (outcome != Outcome.UNCHANGED) {
                changes.add(new Change(AUDIT_ENTITY, incident.id, outcome == Outcome.CREATED ? "create" : "update",
                        before.get(index), audit.snapshot(IncidentResponse.of(incident))));
            }
        }
        audit.recordAll(changes);
        return new BatchResult(count(outcomes, Outcome.CREATED), count(outcomes, Outcome.UPDATED),
                count(outcomes, Outcome.UNCHANGED), results);
    }

    /** Applies a JSON merge patch (RFC 7396) to the incident, then checks the result as a whole. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<IncidentResponse> patch(long id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "Malformed request body", "A merge patch must be a JSON object",
                    List.of());
        }
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = found.get();
        IncidentResponse original = IncidentResponse.of(incident);
        IncidentRequest current = original.asRequest();
        ObjectNode merged = json.valueToTree(current);
        mergePatch(merged, (ObjectNode) patch);
        IncidentRequest changed;
        try {
            changed = json.treeToValue(merged, IncidentRequest.class);
        } catch (JsonMappingException e) {
            String field = JsonPaths.of(e);
            throw ProblemException.invalid(List.of(new FieldViolation(field.isEmpty() ? "body" : field,
                    firstLine(e.getOriginalMessage()))));
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Malformed request body", firstLine(e.getOriginalMessage()), List.of());
        }
        Violations violations = new Violations();
        if (!Objects.equals(changed.source(), current.source())) {
            violations.add("source", "cannot change; it identifies the incident across retries");
        }
        if (!Objects.equals(changed.externalId(), current.externalId())) {
            violations.add("externalId", "cannot change; it identifies the incident across retries");
        }
        violations.addAll(violationsOf(changed, ""));
        violations.throwIfAny();
        IncidentRequest normalized = changed.normalized();
        References references = references(List.of(normalized));
        new Violations().addAll(references.unknown(normalized, "")).throwIfAny();
        apply(normalized, incident, references);
        incidents.flush();
        IncidentResponse patched = IncidentResponse.of(incident);
        if (!patched.asRequest().equals(current)) {
            audit.record(AUDIT_ENTITY, id, "update", audit.snapshot(original), audit.snapshot(patched));
        }
        return Optional.of(patched);
    }

    /** The lifecycle steps a responder takes; each stamps one instant. */
    public enum Step {
        ACKNOWLEDGE("acknowledgedAt"), MITIGATE("mitigatedAt"), RESOLVE("resolvedAt");

        final String field;

        Step(String field) {
            this.field = field;
        }
    }

    /**
     * Stamps the instant of a step (now when none is given). Repeating a step with the same instant is a
     * harmless retry; another instant, or one that breaks the order of the instants, is a conflict.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<IncidentResponse> stamp(long id, Step step, Instant at) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = found.get();
        Instant when = IncidentRequest.micros(at == null ? Instant.now() : at);
        Instant already = switch (step) {
            case ACKNOWLEDGE -> incident.acknowledgedAt;
            case MITIGATE -> incident.mitigatedAt;
            case RESOLVE -> incident.resolvedAt;
        };
        if (already != null) {
            if (at == null || already.equals(when)) {
                return Optional.of(IncidentResponse.of(incident));
            }
            throw ProblemException.conflict("Incident " + id + " has " + step.field + " " + already
                    + " already; change it with PATCH if it was wrong",
                    List.of(new FieldViolation(step.field, "is " + already + " already")));
        }
        Instant detected = incident.detectedAt;
        Instant acknowledged = incident.acknowledgedAt;
        Instant mitigated = incident.mitigatedAt;
        Instant resolved = incident.resolvedAt;
        switch (step) {
            case ACKNOWLEDGE -> {
                acknowledged = when;
                // whoever acknowledges was paged: without an alert on record, detection is the same moment
                detected = detected == null && !when.isBefore(incident.startedAt) ? when : detected;
            }
            case MITIGATE -> mitigated = when;
            case RESOLVE -> resolved = when;
        }
        List<FieldViolation> broken = orderViolations("", incident.startedAt, detected, acknowledged, mitigated,
                resolved);
        if (!broken.isEmpty()) {
            throw ProblemException.conflict("Stamping " + step.field + " at " + when
                    + " breaks the order of the incident's instants", broken);
        }
        String before = audit.snapshot(IncidentResponse.of(incident));
        incident.detectedAt = detected;
        incident.acknowledgedAt = acknowledged;
        incident.mitigatedAt = mitigated;
        incident.resolvedAt = resolved;
        incidents.flush();
        IncidentResponse stamped = IncidentResponse.of(incident);
        audit.record(AUDIT_ENTITY, id, step.name().toLowerCase(java.util.Locale.ROOT), before, audit.snapshot(stamped));
        return Optional.of(stamped);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(long id) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return false;
        }
        String before = audit.snapshot(IncidentResponse.of(found.get()));
        incidents.delete(found.get());
        incidents.flush();
        audit.record(AUDIT_ENTITY, id, "delete", before, null);
        return true;
    }

    private IncidentRequest validated(IncidentRequest request) {
        new Violations().addAll(violationsOf(request, "")).throwIfAny();
        IncidentRequest normalized = request.normalized();
        new Violations().addAll(references(List.of(normalized)).unknown(normalized, "")).throwIfAny();
        return normalized;
    }

    /** Everything wrong with one request that can be told without the database. */
    private List<FieldViolation> violationsOf(IncidentRequest request, String prefix) {
        Violations violations = new Violations().addAll(validator.validate(request), prefix);
        boolean noServices = request.affectedServices() == null || request.affectedServices().isEmpty();
        boolean noClients = request.affectedClients() == null || request.affectedClients().isEmpty();
        if (noServices && noClients) {
            violations.add(prefix + "affectedServices", "name at least one affected service or client");
        }
        if (Boolean.TRUE.equals(request.excluded())
                && (request.exclusionReason() == null || request.exclusionReason().isBlank())) {
            violations.add(prefix + "exclusionReason", "must say why the incident is excluded");
        }
        violations.addAll(orderViolations(prefix, IncidentRequest.micros(request.startedAt()),
                IncidentRequest.micros(request.detectedAt()), IncidentRequest.micros(request.acknowledgedAt()),
                IncidentRequest.micros(request.mitigatedAt()), IncidentRequest.micros(request.resolvedAt())));
        return violations.list();
    }

    private static List<FieldViolation> orderViolations(String prefix, Instant startedAt, Instant detectedAt,
            Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {
        if (startedAt == null) {
            return List.of();
        }
        return IncidentTimeline.orderViolations(startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt)
                .stream().map(v -> new FieldViolation(prefix + v.field(), v.message())).toList();
    }

    private References references(Collection<IncidentRequest> requests) {
        Set<String> serviceKeys = new HashSet<>();
        Set<String> clientKeys = new HashSet<>();
        for (IncidentRequest request : requests) {
            serviceKeys.addAll(request.affectedServices());
            clientKeys.addAll(request.affectedClients());
        }
        return new References(
                serviceCatalog.findByKeys(serviceKeys).stream().collect(Collectors.toMap(s -> s.key, Function.identity())),
                clientService.findByKeys(clientKeys).stream().collect(Collectors.toMap(c -> c.key, Function.identity())));
    }

    /** The services and clients a set of requests names, loaded once for all of them. */
    private record References(Map<String, Service> services, Map<String, Client> clients) {

        List<FieldViolation> unknown(IncidentRequest request, String prefix) {
            List<FieldViolation> found = new ArrayList<>();
            List<String> serviceKeys = request.affectedServices();
            for (int i = 0; i < serviceKeys.size(); i++) {
                if (!services.containsKey(serviceKeys.get(i))) {
                    found.add(new FieldViolation(prefix + "affectedServices[" + i + "]",
                            "no service '" + serviceKeys.get(i) + "'"));
                }
            }
            List<String> clientKeys = request.affectedClients();
            for (int i = 0; i < clientKeys.size(); i++) {
                if (!clients.containsKey(clientKeys.get(i))) {
                    found.add(new FieldViolation(prefix + "affectedClients[" + i + "]",
                            "no client '" + clientKeys.get(i) + "'"));
                }
            }
            return found;
        }
    }

    private Incident insert(IncidentRequest request, References references) {
        Incident incident = new Incident();
        apply(request, incident, references);
        incidents.persistAndFlush(incident);
        return incident;
    }

    private static void apply(IncidentRequest request, Incident incident, References references) {
        incident.source = request.source();
        incident.externalId = request.externalId();
        incident.title = request.title();
        incident.severity = request.severity();
        incident.impactPercent = request.impactPercent();
        incident.excluded = request.excluded();
        incident.exclusionReason = request.exclusionReason();
        incident.summary = request.summary();
        incident.rootCause = request.rootCause();
        incident.startedAt = request.startedAt();
        incident.detectedAt = request.detectedAt();
        incident.acknowledgedAt = request.acknowledgedAt();
        incident.mitigatedAt = request.mitigatedAt();
        incident.resolvedAt = request.resolvedAt();
        incident.services = request.affectedServices().stream().map(references.services()::get)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        incident.clients = request.affectedClients().stream().map(references.clients()::get)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        incident.preventiveActions.clear();
        incident.preventiveActions.addAll(request.preventiveActions());
        incident.timeline.clear();
        int position = 0;
        for (IncidentRequest.TimelineEntryRequest entry : request.timeline()) {
            TimelineEntry row = new TimelineEntry();
            row.incident = incident;
            row.position = position++;
            row.occurredAt = entry.at();
            row.text = entry.text();
            incident.timeline.add(row);
        }
    }

    private static IncidentRequest withKey(IncidentRequest r, String source, String externalId) {
        return new IncidentRequest(source, externalId, r.title(), r.severity(), r.affectedServices(),
                r.affectedClients(), r.impactPercent(), r.excluded(), r.exclusionReason(), r.summary(),
                r.rootCause(), r.preventiveActions(), r.timeline(), r.startedAt(), r.detectedAt(),
                r.acknowledgedAt(), r.mitigatedAt(), r.resolvedAt());
    }

    /** RFC 7396: null removes, objects merge, anything else replaces. */
    private static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.putNull(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                mergePatch(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        });
    }

    private static int count(List<Outcome> outcomes, Outcome wanted) {
        return (int) outcomes.stream().filter(o -> o == wanted).count();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "The patch cannot be applied";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
