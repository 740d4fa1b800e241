package com.slaledger.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.ingest.IngestDelivery.Outcome;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The ingest inbox: receives a delivery, stores it as received in the transaction of its effect (or alone
 * when it cannot be mapped), lists and replays deliveries, and prunes them after the retention.
 * Outcomes: APPLIED (incidents saved, answered 200), UNMAPPED (kept with the reason, answered 202, replayable),
 * REJECTED (malformed, answered 400), IGNORED (not about incidents, answered 200).
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);
    public static final int MAX_PAGE_SIZE = 200;
    /** Deliveries one "replay all" call takes on, oldest first; call again for the rest. */
    public static final int MAX_REPLAY_ALL = 1000;
    private static final int MAX_REASON_LENGTH = 4000;

    public static final List<String> SOURCES = List.of("alertmanager", "grafana", "pagerduty", "opsgenie");

    private final ObjectMapper json;
    private final IngestWriter writer;
    private final IngestInbox inbox;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final AlertmanagerAdapter alertmanager;
    private final AlertmanagerAdapter grafana;
    private final PagerDutyAdapter pagerDuty;
    private final OpsgenieAdapter opsgenie;

    public IngestService(ObjectMapper json, IngestWriter writer, IngestInbox inbox, IngestConfig config,
            MeterRegistry metrics) {
        this.json = json;
        this.inbox = inbox;
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
        this.alertmanager = new AlertmanagerAdapter("alertmanager", config.alerts());
        this.grafana = new AlertmanagerAdapter("grafana", config.alerts());
        this.pagerDuty = new PagerDutyAdapter(config.pagerduty());
        this.opsgenie = new OpsgenieAdapter(config.opsgenie());
        this.groups = new GroupCommit<>(this::writeGroup, job -> job.translation().events().size(), MAX_GROUP_EVENTS,
                GROUP_LANES);
    }

    /** A group commit stops growing at this many incident events (one delivery may bring more on its own). */
    static final int MAX_GROUP_EVENTS = 500;
    /** Groups written at the same time: one computes while the other waits for the database. */
    static final int GROUP_LANES = 2;

    /** A delivery that maps to incident events, on its way to being written. */
    private record Job(IngestDelivery delivery, Translation translation) {
    }

    /** Deliveries received at the same time are written together, one transaction per group. */
    private final GroupCommit<Job, Receipt> groups;

    /** What became of a delivery: the answer to the sender and to an admin's replay. */
    public record Receipt(long deliveryId, Outcome outcome, List<Long> incidentIds, int created, int updated,
            int unchanged, String reason, List<String> warnings) {
    }

    public record DeliverySummary(long id, String source, Instant receivedAt, Outcome outcome, String reason,
            List<String> warnings, List<Long> incidentIds, int bodyBytes, int replayCount, Instant lastReplayedAt) {

    }

    /** One delivery in full; the body as UTF-8 text (bytes that are not UTF-8 show as U+FFFD). */
    public record DeliveryDetail(long id, String source, Instant receivedAt, Outcome outcome, String reason,
            List<String> warnings, List<Long> incidentIds, int replayCount, Instant lastReplayedAt,
            Map<String, String> headers, String body) {

        static DeliveryDetail of(IngestDelivery d) {
            return new DeliveryDetail(d.id, d.source, d.receivedAt, d.outcome, d.reason, List.copyOf(d.warnings),
                    List.copyOf(d.incidentIds), d.replayCount, d.lastReplayedAt, Map.copyOf(d.headers),
                    new String(d.body, StandardCharsets.UTF_8));
        }
    }

    public record DeliveryPage(List<DeliverySummary> items, int page, int size, long totalItems, int totalPages) {
    }

    public record ReplayAllResult(int replayed, int applied, int stillUnmapped, List<Receipt> receipts) {
    }

    /**
     * Takes a delivery that passed its source's authentication. Throws a 400 problem for a malformed
     * payload (kept as REJECTED, with the delivery id in the detail).
     */
    public Receipt receive(String source, Map<String, String> headers, byte[] body) {
        IngestDelivery delivery = new IngestDelivery();
        delivery.source = source;
        delivery.receivedAt = Instant.now();
        delivery.headers = headers;
        delivery.body = body;
        return process(delivery, true);
    }

    /** Unknown deliveries are 404; only an unmapped one can be replayed (409 otherwise). */
    public Receipt replay(long id) {
        IngestDelivery delivery = QuarkusTransaction.requiringNew().call(() -> IngestDelivery
                .<IngestDelivery>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("delivery", id)));
        if (delivery.outcome != Outcome.UNMAPPED) {
            throw ProblemException.conflict("Delivery " + id + " is " + delivery.outcome
                    + "; only an UNMAPPED delivery can be replayed",
                    List.of(new FieldViolation("outcome", "is " + delivery.outcome)));
        }
        delivery.replayCount++;
        delivery.lastReplayedAt = Instant.now();
        return process(delivery, false);
    }

    /** Replays the oldest {@value #MAX_REPLAY_ALL} unmapped deliveries (of one source, when given). */
    public ReplayAllResult replayAllUnmapped(String source) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> IngestDelivery
                .<IngestDelivery>find("outcome = ?1" + (source == null ? "" : " and source = ?2"),
                        Sort.ascending("id"), source == null ? new Object[] {Outcome.UNMAPPED}
                                : new Object[] {Outcome.UNMAPPED, source})
                .page(Page.ofSize(MAX_REPLAY_ALL)).list().stream().map(d -> d.id).toList());
        List<Receipt> receipts = new ArrayList<>();
        for (long id : ids) {
            receipts.add(replay(id));
        }
        int applied = (int) receipts.stream().filter(r -> r.outcome() == Outcome.APPLIED).count();
        return new ReplayAllResult(receipts.size(), applied, receipts.size() - applied, receipts);
    }

    /**
     * Translates and stores a delivery; a mappable one is written in a group with the deliveries received
     * at the same time ({@code grouped}) or in a transaction of its own (replays).
     */
    private Receipt process(IngestDelivery delivery, boolean grouped) {
        Translation translation;
        try {
            translation = translate(delivery.source, delivery.body);
        } catch (MalformedPayload malformed) {
            List<FieldViolation> violations = malformed.violations();
            delivery.outcome = Outcome.REJECTED;
            delivery.reason = violations.stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
            long id = storeAlone(delivery);
            throw new ProblemException(400, "Malformed webhook payload", "Delivery " + id + " was kept as REJECTED: "
                    + bounded(delivery.reason), violations);
        }
        if (translation.ignoredReason() != null) {
            delivery.outcome = Outcome.IGNORED;
            delivery.reason = translation.ignoredReason();
            delivery.warnings = new ArrayList<>(translation.warnings());
            return receipt(delivery, storeAlone(delivery), null);
        }
        if (!translation.unmapped().isEmpty()) {
            return unmapped(delivery, translation.unmapped(), translation.warnings());
        }
        Job job = new Job(delivery, translation);
        return grouped ? groups.submit(job) : writeAlone(job);
    }

    /**
     * Writes a group of deliveries in one transaction, as if one after the other. When an incident of the
     * group cannot be saved (an unknown service, an invalid field), nothing of the group is kept and each
     * delivery is written alone, so only the one at fault waits as unmapped.
     */
    private List<Receipt> writeGroup(List<Job> jobs) {
        if (jobs.size() == 1) {
            return List.of(writeAlone(jobs.get(0)));
        }
        List<IngestDelivery> stored;
        List<IngestWriter.Written> written;
        try {
            written = new ArrayList<>();
            stored = QuarkusTransaction.requiringNew().call(() -> {
                written.addAll(writer.writeAll(jobs.stream().map(job -> job.translation().events()).toList()));
                List<IngestDelivery> kept = new ArrayList<>(jobs.size());
                for (int i = 0; i < jobs.size(); i++) {
                    kept.add(applied(jobs.get(i), written.get(i)));
                }
                store(kept);
                return kept;
            });
        } catch (ProblemException refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            // grouped deliveries are new ones (replays are written alone): none of them was kept
            jobs.forEach(job -> job.delivery().id = null);
            return jobs.stream().map(this::writeAlone).toList();
        }
        List<Receipt> receipts = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            count(stored.get(i));
            receipts.add(receipt(stored.get(i), stored.get(i).id, written.get(i)));
        }
        return receipts;
    }

    /** Writes one delivery in its own transaction; one that cannot be saved is kept as unmapped. */
    private Receipt writeAlone(Job job) {
        boolean isNew = job.delivery().id == null;
        try {
            IngestWriter.Written[] written = new IngestWriter.Written[1];
            IngestDelivery stored = QuarkusTransaction.requiringNew().call(() -> {
                written[0] = writer.write(job.translation().events());
                IngestDelivery kept = applied(job, written[0]);
                store(List.of(kept));
                return kept;
            });
            count(stored);
            return receipt(stored, stored.id, written[0]);
        } catch (ProblemException refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            if (isNew) {
                job.delivery().id = null; // its transaction was rolled back
            }
            List<String> reasons = refused.violations().isEmpty() ? List.of(refused.getMessage())
                    : refused.violations().stream().map(v -> v.field().replaceFirst("^incidents\\[(\\d+)]\\.",
                            "incident $1: ") + ": " + v.message()).toList();
            return unmapped(job.delivery(), reasons, job.translation().warnings());
        }
    }

    /**
     * Stores deliveries in the caller's transaction: new ones in one JDBC batch ({@link IngestInbox}), replayed
     * ones (stored already) through the ORM. Every new delivery takes its id that way, never from the ORM's
     * pre-allocated block, so ids keep the order deliveries were stored in and the inbox lists newest first by id.
     */
    private void store(List<IngestDelivery> deliveries) {
        inbox.insertNew(deliveries.stream().filter(d -> d.id == null).toList());
        List<IngestDelivery> replayed = deliveries.stream().filter(d -> d.id != null).toList();
        if (!replayed.isEmpty()) {
            replayed.forEach(IngestDelivery.getEntityManager()::merge);
            IngestDelivery.getEntityManager().flush();
        }
    }

    /** Marks the delivery applied with what its events did (stored by {@link #store}). */
    private static IngestDelivery applied(Job job, IngestWriter.Written written) {
        IngestDelivery delivery = job.delivery();
        delivery.outcome = Outcome.APPLIED;
        delivery.reason = null;
        delivery.incidentIds = new ArrayList<>(written.incidentIds());
        List<String> warnings = new ArrayList<>(job.translation().warnings());
        warnings.addAll(written.warnings());
        delivery.warnings = warnings;
        return delivery;
    }

    private Translation translate(String source, byte[] body) {
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedPayload("body", "is not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw new MalformedPayload("body", "cannot be read");
        }
        if (payload == null || payload.isMissingNode()) {
            throw new MalformedPayload("body", "is empty");
        }
        return switch (source) {
            case "alertmanager" -> alertmanager.translate(payload);
            case "grafana" -> grafana.translate(payload);
            case "pagerduty" -> pagerDuty.translate(payload);
            case "opsgenie" -> opsgenie.translate(payload);
            default -> throw new IllegalArgumentException("no adapter for " + source);
        };
    }

    private Receipt unmapped(IngestDelivery delivery, List<String> reasons, List<String> warnings) {
        delivery.outcome = Outcome.UNMAPPED;
        delivery.reason = bounded(String.join("; ", reasons));
        delivery.warnings = new ArrayList<>(warnings);
        delivery.incidentIds = new ArrayList<>();
        long id = storeAlone(delivery);
        LOG.debugf("Delivery %d from %s kept as unmapped: %s", id, delivery.source, delivery.reason);
        return receipt(delivery, id, null);
    }

    private long storeAlone(IngestDelivery delivery) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            store(List.of(delivery));
            return delivery.id;
        });
        count(delivery);
        return id;
    }

    private void count(IngestDelivery delivery) {
        metrics.counter("sla_ledger.ingest.deliveries", "source", delivery.source, "outcome",
                delivery.outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    /** Counts a delivery refused for its secret or signature; such a delivery is not stored. */
    public void countRefused(String source, String reason) {
        metrics.counter("sla_ledger.ingest.refused", "source", source, "reason", reason).increment();
    }

    private static Receipt receipt(IngestDelivery delivery, long id, IngestWriter.Written written) {
        return new Receipt(id, delivery.outcome, List.copyOf(delivery.incidentIds),
                written == null ? 0 : written.created(), written == null ? 0 : written.updated(),
                written == null ? 0 : written.unchanged(), delivery.reason, List.copyOf(delivery.warnings));
    }

    private static String bounded(String reason) {
        return reason == null || reason.length() <= MAX_REASON_LENGTH ? reason
                : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    // --- the inbox for admins -------------------------------------------------------------------

    /**
     * Newest first; {@code source} and {@code outcome} null mean any. Reads each delivery's summary and the
     * size of its body, never the bodies themselves (up to 1 MiB each, {@code sla-ledger.ingest.max-body-bytes}).
     */
    public DeliveryPage list(String source, Outcome outcome, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder where = new StringBuilder("1 = 1");
            Parameters parameters = new Parameters();
            if (source != null) {
                where.append(" and source = :source");
                parameters.and("source", source);
            }
            if (outcome != null) {
                where.append(" and outcome = :outcome");
                parameters.and("outcome", outcome);
            }
            long total = IngestDelivery.count(where.toString(), parameters);
            var query = IngestDelivery.getEntityManager().createNativeQuery("select id, source, received_at, outcome,"
                    + " reason, cast(warnings as text), cast(incident_ids as text), octet_length(body), replay_count,"
                    + " last_replayed_at from ingest_delivery where " + where + " order by id desc limit :limit"
                    + " offset :offset", Object[].class)
                    .setParameter("limit", size).setParameter("offset", (long) page * size);
            parameters.map().forEach((name, value) -> query.setParameter(name,
                    value instanceof Outcome o ? o.name() : value));
            List<Object[]> rows = query.getResultList();
            List<DeliverySummary> items = rows.stream().map(this::summary).toList();
            return new DeliveryPage(items, page, size, total, (int) ((total + size - 1) / size));
        });
    }

    private DeliverySummary summary(Object[] row) {
        try {
            return new DeliverySummary(((Number) row[0]).longValue(), (String) row[1], instant(row[2]),
                    Outcome.valueOf((String) row[3]), (String) row[4],
                    List.of(json.readValue((String) row[5], String[].class)),
                    List.of(json.readValue((String) row[6], Long[].class)), ((Number) row[7]).intValue(),
                    ((Number) row[8]).intValue(), instant(row[9]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable inbox row " + row[0], e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        } else if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not an instant: " + value.getClass());
    }

    public Optional<DeliveryDetail> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> IngestDelivery.<IngestDelivery>findByIdOptional(id)
                .map(DeliveryDetail::of));
    }

    /** Deletes deliveries received longer ago than the retention; returns how many. */
    public long prune() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(config.retentionDays()));
        long deleted = QuarkusTransaction.requiringNew().call(() -> IngestDelivery.delete("receivedAt < ?1", cutoff));
        if (deleted > 0) {
            LOG.infof("Pruned %d ingest deliveries received before %s", deleted, cutoff);
        }
        return deleted;
    }

    @Scheduled(cron = "{sla-ledger.ingest.prune-cron}", identity = "ingest-prune",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        prune();
    }
}
