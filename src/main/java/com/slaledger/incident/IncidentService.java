package com.slaledger.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.platform.Problem.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident feature as other features and the resources see it: one entry point that hands each call
 * to the part responsible for it: {@link IncidentQueries} (reading, within what the caller may see),
 * {@link IncidentWriter} (create, upsert, batch, patch, delete, with retries recognised in one normal
 * form), {@link IncidentLifecycle} (acknowledge, mitigate, resolve) and {@link IncidentRules} (checks).
 */
@ApplicationScoped
public class IncidentService {

    /** Most incidents in one batch request. */
    public static final int MAX_BATCH_SIZE = 10_000;

    static final String AUDIT_ENTITY = IncidentWriter.AUDIT_ENTITY;

    private final IncidentQueries queries;
    private final IncidentWriter writer;
    private final IncidentLifecycle lifecycle;
    private final IncidentRules rules;

    public IncidentService(IncidentQueries queries, IncidentWriter writer, IncidentLifecycle lifecycle,
            IncidentRules rules) {
        this.queries = queries;
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.rules = rules;
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

    /** The lifecycle steps a responder takes; each stamps one instant. */
    public enum Step {
        ACKNOWLEDGE("acknowledgedAt"), MITIGATE("mitigatedAt"), RESOLVE("resolvedAt");

        final String field;

        Step(String field) {
            this.field = field;
        }
    }

    /** The incident if the caller may see it; one outside an account manager's clients is as unknown as a missing one. */
    public Optional<IncidentResponse> find(long id) {
        return queries.find(id);
    }

    public Optional<IncidentResponse> findByKey(String source, String externalId) {
        return queries.findByKey(source, externalId);
    }

    /** The stored incidents of these keys that the caller may see, in a few queries for any number of keys. */
    public Map<IncidentKey, IncidentResponse> findByKeys(
            Collection<IncidentKey> keys) {
        return queries.findByKeys(keys);
    }

    /** One page (0-based, {@code size} items) of the incidents the filter matches, newest first. */
    public IncidentPage list(IncidentFilter filter, int page, int size) {
        return queries.list(filter, page, size);
    }

    /**
     * Everything wrong with a request, saving nothing: a form shows every problem at once, even while
     * some of its fields could not be read. Unknown services and clients are checked once the rest is valid.
     */
    public List<FieldViolation> check(IncidentRequest request) {
        return rules.check(request);
    }

    /**
     * Records a new incident. A retry of the same request (the same normal form, see
     * {@link IncidentRequest#normalized()}) answers with the incident it created and changes nothing; the
     * same key with other content is a 409 conflict (use the upsert to replace).
     */
    public Saved create(IncidentRequest request) {
        return writer.create(request);
    }

    /** Creates the incident of this key, or replaces its content; identical retries change nothing. */
    public Saved upsert(String source, String externalId, IncidentRequest request) {
        return writer.upsert(source, externalId, request);
    }

    /** Upserts every item or none: one bad item refuses the whole batch, naming each bad field by index. */
    public BatchResult batch(List<IncidentRequest> items) {
        return writer.batch(items);
    }

    /** Applies a JSON merge patch (RFC 7396) to the incident, then checks the result as a whole. */
    public Optional<IncidentResponse> patch(long id, JsonNode patch) {
        return writer.patch(id, patch);
    }

    /**
     * Stamps the instant of a step (now when none is given). Repeating a step with the same instant is a
     * harmless retry; another instant, or one that breaks the order of the instants, is a conflict.
     */
    public Optional<IncidentResponse> stamp(long id, Step step, Instant at) {
        return lifecycle.stamp(id, step, at);
    }

    public boolean delete(long id) {
        return writer.delete(id);
    }
}
