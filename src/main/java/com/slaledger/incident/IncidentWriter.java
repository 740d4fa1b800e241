package com.slaledger.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.audit.AuditTrail;
import com.slaledger.audit.AuditTrail.Change;
import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.incident.IncidentRules.References;
import com.slaledger.incident.IncidentService.BatchItemResult;
import com.slaledger.incident.IncidentService.BatchResult;
import com.slaledger.incident.IncidentService.Outcome;
import com.slaledger.incident.IncidentService.Saved;
import com.slaledger.platform.JsonMergePatch;
import com.slaledger.platform.JsonProblems;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writing incidents: create, upsert by key, batches, merge patches and deletes, each audited. Every
 * write goes through the request's normal form ({@link IncidentRequest#normalized()}): a request whose
 * normal form equals the stored incident's is a retry and changes nothing, not even {@code updatedAt}
 * or the audit trail.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class IncidentWriter {

    static final String AUDIT_ENTITY = "incident";

    private final IncidentRepository incidents;
    private final IncidentRules rules;
    private final IncidentQueries queries;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final IncidentBulkInsert bulkInsert;

    IncidentWriter(IncidentRepository incidents, IncidentRules rules, IncidentQueries queries, ObjectMapper json,
            AuditTrail audit, IncidentBulkInsert bulkInsert) {
        this.bulkInsert = bulkInsert;
        this.incidents = incidents;
        this.rules = rules;
        this.queries = queries;
        this.json = json;
        this.audit = audit;
    }

    /**
     * Requests checked one by one: per item its normal form (null when it has violations) and its
     * violations, with field names relative to the item; the services and clients of all good items.
     */
    record Checked(List<IncidentRequest> normalized, List<List<FieldViolation>> violations, References references) {

        boolean valid() {
            return violations.stream().allMatch(List::isEmpty);
        }
    }

    @Transactional(Transactional.TxType.REQUIRED)
    Saved create(IncidentRequest request) {
        IncidentRequest normalized = rules.validated(request);
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
        Incident incident = new Incident();
        apply(normalized, incident, rules.references(List.of(normalized)));
        incidents.persistAndFlush(incident);
        IncidentResponse created = IncidentResponse.of(incident);
        audit.record(AUDIT_ENTITY, created.id(), "create", null, audit.snapshot(created));
        return new Saved(created, Outcome.CREATED);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    Saved upsert(String source, String externalId, IncidentRequest request) {
        Violations violations = new Violations();
        if (request.source() != null && !request.source().strip().equals(source)) {
            violations.add("source", "must match the path ('" + source + "') or be left out");
        }
        if (request.externalId() != null && !request.externalId().strip().equals(externalId)) {
            violations.add("externalId", "must match the path ('" + externalId + "') or be left out");
        }
        violations.throwIfAny();
        BatchResult result = saveAll(List.of(withKey(request, source, externalId)), "");
        BatchItemResult item = result.items().get(0);
        return new Saved(queries.find(item.id()).orElseThrow(), item.outcome());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    BatchResult batch(List<IncidentRequest> items) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.badParameter("incidents", "must list at least one incident");
        }
        if (items.size() > IncidentService.MAX_BATCH_SIZE) {
            throw ProblemException.badParameter("incidents",
                    "must list at most " + IncidentService.MAX_BATCH_SIZE + " incidents, got " + items.size());
        }
        return saveAll(items, "incidents");
    }

    /** All items or none; violations named {@code listName[index].field} (just {@code field} without a list). */
    private BatchResult saveAll(List<IncidentRequest> items, String listName) {
        Checked checked = check(items);
        Violations violations = new Violations();
        Map<IncidentKey, Integer> firstIndexOfKey = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            String prefix = listName.isEmpty() ? "" : listName + "[" + index + "].";
            if (items.get(index) == null) {
                violations.add(listName + "[" + index + "]", "must be an incident, not null");
                continue;
            }
            checked.violations().get(index).forEach(v -> violations.add(prefix + v.field(), v.message()));
            IncidentRequest clean = checked.normalized().get(index);
            if (clean != null) {
                Integer earlier = firstIndexOfKey.putIfAbsent(keyOf(clean), index);
                if (earlier != null) {
                    violations.add(prefix + "externalId", "repeats the source and externalId of "
                            + listName + "[" + earlier + "]");
                }
            }
        }
        violations.throwIfAny();
        return write(checked);
    }

    /**
     * What can be told of one item without the database: its violations of the bean constraints and the order
     * rules (field names relative to the item), and its normal form when it has none. Touches no state and
     * no transaction, so any thread may call it; {@link #resolve} finishes the check.
     */
    record Prepared(IncidentRequest item, IncidentRequest normalized, List<FieldViolation> violations) {
    }

    /** The first half of {@link #check}, for one item (null is refused as "must be an incident"). */
    Prepared prepare(IncidentRequest item) {
        if (item == null) {
            return new Prepared(null, null, List.of(new FieldViolation("", "must be an incident, not null")));
        }
        List<FieldViolation> found = rules.violationsOf(item, "");
        return new Prepared(item, found.isEmpty() ? item.normalized() : null, found);
    }

    /**
     * Checks every item without writing: bean constraints and order rules first; services and clients
     * (loaded once for all) for the items that passed those. A null item is refused as "must be an incident".
     */
    Checked check(List<IncidentRequest> items) {
        List<Prepared> prepared = new ArrayList<>(items.size());
        for (IncidentRequest item : items) {
            prepared.add(prepare(item));
        }
        return resolve(prepared);
    }

    /**
     * The second half of {@link #check}: the services and clients of the prepared items that passed the rules,
     * loaded once for all of them; an item naming one that does not exist gets those violations instead.
     */
    Checked resolve(List<Prepared> prepared) {
        List<IncidentRequest> normalized = new ArrayList<>(prepared.size());
        List<List<FieldViolation>> violations = new ArrayList<>(prepared.size());
        for (Prepared item : prepared) {
            normalized.add(item.normalized());
            violations.add(item.violations());
        }
        References references = rules.references(normalized.stream().filter(Objects::nonNull).toList());
        for (int index = 0; index < normalized.size(); index++) {
            IncidentRequest clean = normalized.get(index);
            if (clean != null) {
                List<FieldViolation> unknown = references.unknown(prepared.get(index).item(), "");
                if (!unknown.isEmpty()) {
                    violations.set(index, unknown);
                    normalized.set(index, null);
                }
            }
        }
        return new Checked(normalized, violations, references);
    }

    /**
     * Writes checked items (which must all be valid and of distinct keys): new keys are created (in JDBC
     * batches, {@link IncidentBulkInsert}), known keys with other content replaced through the ORM, retries
     * left alone. The creations are audited by one compact entry ({@link AuditTrail#recordCreated}), each change
     * by one entry with both states.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    BatchResult write(Checked checked) {
        if (!checked.valid()) {
            throw new IllegalArgumentException("write() takes only valid items");
        }
        List<IncidentRequest> normalized = checked.normalized();
        List<IncidentKey> keys = normalized.stream().map(IncidentWriter::keyOf).toList();
        incidents.lockKeys(keys);
        Map<IncidentKey, Incident> existing = incidents.findByKeys(keys);
        Outcome[] outcomes = new Outcome[normalized.size()];
        long[] ids = new long[normalized.size()];
        List<Integer> createdIndexes = new ArrayList<>();
        List<Incident> updated = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (int index = 0; index < normalized.size(); index++) {
            IncidentRequest request = normalized.get(index);
            Incident incident = existing.get(keys.get(index));
            if (incident == null) {
                createdIndexes.add(index);
                outcomes[index] = Outcome.CREATED;
                continue;
            }
            ids[index] = incident.id;
            IncidentResponse current = IncidentResponse.of(incident);
            if (current.asRequest().equals(request)) {
                outcomes[index] = Outcome.UNCHANGED;
            } else {
                before.add(audit.snapshot(current));
                incidents.writable(incident);
                apply(request, incident, checked.references());
                outcomes[index] = Outcome.UPDATED;
                updated.add(incident);
            }
        }
        List<Change> changes = new ArrayList<>();
        if (!createdIndexes.isEmpty()) {
            IncidentBulkInsert.Created created = bulkInsert.insert(createdIndexes.stream()
                    .map(index -> new IncidentBulkInsert.NewIncident(normalized.get(index),
                            checked.references().services(), checked.references().clients())).toList());
            for (int i = 0; i < createdIndexes.size(); i++) {
                ids[createdIndexes.get(i)] = created.ids().get(i);
            }
            audit.recordCreated(AUDIT_ENTITY, created.ids());
        }
        if (!updated.isEmpty()) {
            incidents.flush();
        }
        for (int i = 0; i < updated.size(); i++) {
            Incident incident = updated.get(i);
            changes.add(new Change(AUDIT_ENTITY, incident.id, "update", before.get(i),
                    audit.snapshot(IncidentResponse.of(incident))));
        }
        audit.recordAll(changes);
        List<BatchItemResult> results = new ArrayList<>(normalized.size());
        for (int index = 0; index < normalized.size(); index++) {
            results.add(new BatchItemResult(index, ids[index], outcomes[index]));
        }
        List<Outcome> all = List.of(outcomes);
        return new BatchResult(count(all, Outcome.CREATED), count(all, Outcome.UPDATED),
                count(all, Outcome.UNCHANGED), results);
    }

    /** Waits until no other CSV import is writing, then holds that place until the transaction ends ({@link IncidentRepository#lockImports}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockImports() {
        incidents.lockImports();
    }

    /** What {@link #write} would do to each valid item, writing nothing: for previews. */
    List<Outcome> outcomes(Checked checked) {
        List<IncidentKey> keys = checked.normalized().stream().map(r -> r == null ? null : keyOf(r)).toList();
        Map<IncidentKey, Incident> existing = incidents.findByKeys(keys.stream().filter(Objects::nonNull).toList());
        List<Outcome> outcomes = new ArrayList<>(keys.size());
        for (int index = 0; index < keys.size(); index++) {
            Incident incident = keys.get(index) == null ? null : existing.get(keys.get(index));
            if (keys.get(index) == null) {
                outcomes.add(null);
            } else if (incident == null) {
                outcomes.add(Outcome.CREATED);
            } else {
                outcomes.add(IncidentResponse.of(incident).asRequest().equals(checked.normalized().get(index))
                        ? Outcome.UNCHANGED : Outcome.UPDATED);
            }
        }
        return outcomes;
    }

    /**
     * Lets go of the entities read or written so far, so a long import holds one chunk at a time. Nothing is
     * pending: {@link #write} flushes what it changed, and what it and {@link #outcomes} read is read-only.
     */
    void detachAll() {
        incidents.getEntityManager().clear();
    }

    /** Applies a JSON merge patch (RFC 7396), then checks the result as a whole; a patch that changes nothing writes nothing. */
    @Transactional(Transactional.TxType.REQUIRED)
    Optional<IncidentResponse> patch(long id, JsonNode patch) {
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
        JsonMergePatch.apply(merged, (ObjectNode) patch);
        IncidentRequest changed;
        try {
            changed = json.treeToValue(merged, IncidentRequest.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        Violations violations = new Violations();
        if (!Objects.equals(changed.source(), current.source())) {
            violations.add("source", "cannot change; it identifies the incident across retries");
        }
        if (!Objects.equals(changed.externalId(), current.externalId())) {
            violations.add("externalId", "cannot change; it identifies the incident across retries");
        }
        violations.addAll(rules.violationsOf(changed, ""));
        violations.throwIfAny();
        IncidentRequest normalized = changed.normalized();
        References references = rules.references(List.of(normalized));
        new Violations().addAll(references.unknown(changed, "")).throwIfAny();
        if (normalized.equals(current)) {
            return Optional.of(original);
        }
        apply(normalized, incident, references);
        incidents.flush();
        IncidentResponse patched = IncidentResponse.of(incident);
        audit.record(AUDIT_ENTITY, id, "update", audit.snapshot(original), audit.snapshot(patched));
        return Optional.of(patched);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    boolean delete(long id) {
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

    static IncidentKey keyOf(IncidentRequest normalized) {
        return new IncidentKey(normalized.source(), normalized.externalId());
    }

    private static IncidentRequest withKey(IncidentRequest r, String source, String externalId) {
        return new IncidentRequest(source, externalId, r.title(), r.severity(), r.affectedServices(),
                r.affectedClients(), r.impactPercent(), r.excluded(), r.exclusionReason(), r.summary(),
                r.rootCause(), r.preventiveActions(), r.timeline(), r.startedAt(), r.detectedAt(),
                r.acknowledgedAt(), r.mitigatedAt(), r.resolvedAt());
    }


    private static int count(List<Outcome> outcomes, Outcome wanted) {
        return (int) outcomes.stream().filter(o -> o == wanted).count();
    }
}
