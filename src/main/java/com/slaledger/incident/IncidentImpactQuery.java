package com.slaledger.incident;

import com.slaledger.platform.ProblemMappers;
import com.slaledger.platform.ReportDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.StatelessSession;
import org.hibernate.query.NativeQuery;

/**
 * Reads the incidents a report needs in ONE statement, whatever their number: the rows whose impact
 * overlaps the report's time range, as {@link IncidentFacts} projections with their service and client
 * keys aggregated in the same statement, so no lazy collection is ever touched per incident.
 *
 * <p>The overlap test is written exactly as the GiST index {@code incident_impact_period_idx} is
 * defined ({@code tstzrange(started_at, impact_ended_at, '[)')}), so PostgreSQL can use it. An ongoing
 * incident has no upper bound and therefore overlaps every later range, which is what "its impact runs
 * to asOf" needs. Incidents that start inside the range but have no length (mitigated the instant they
 * started) overlap nothing, yet reliability still counts them: the second condition keeps them.
 *
 * <p>With a reports datasource configured ({@link ReportDatabase}, a streaming hot standby) every read here
 * runs there, in one read-only transaction of its own, and may therefore lag the primary by the standby's
 * replay delay; without one it runs on the primary in the caller's transaction. The statements are the same
 * either way (Hibernate native queries, counted in its statistics).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IncidentImpactQuery {

    // Service and client ids come aggregated from index-only scans of the join tables; their keys are
    // looked up afterwards in two small queries. Joining `service` and `client` per row made PostgreSQL
    // hash those tables once per incident, which dominated the statement.
    private static final String SELECT = """
            select i.id, i.title, i.severity, i.impact_percent, i.excluded,
                   i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at,
                   (select string_agg(x.service_id::text, ',') from incident_service x
                     where x.incident_id = i.id) as service_ids,
                   (select string_agg(y.client_id::text, ',') from incident_client y
                     where y.incident_id = i.id) as client_ids
              from incident i
             where (tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange(:from, :to, '[)')
                    or (i.started_at >= :from and i.started_at < :to))
            """;

    private static final String ORDER = " order by i.started_at, i.id";

    /** {@code set local} for both settings (set_config's third argument), in one round trip. */
    static final String PLANNER_SETTINGS = "select set_config('max_parallel_workers_per_gather', '0', true),"
            + " set_config('jit', 'off', true)";

    private final EntityManager entityManager;
    private final ReportDatabase reportDatabase;

    public IncidentImpactQuery(EntityManager entityManager, ReportDatabase reportDatabase) {
        this.entityManager = entityManager;
        this.reportDatabase = reportDatabase;
    }

    /** Every incident whose impact overlaps {@code [from, to)} or that starts in it, by start. */
    public List<IncidentFacts> during(Instant from, Instant to) {
        return run(SELECT + ORDER, from, to, Map.of());
    }

    /** As {@link #during}, only the incidents that name the service. */
    public List<IncidentFacts> duringForService(Instant from, Instant to, String serviceKey) {
        return run(SELECT + """
                   and i.id in (select x.incident_id from incident_service x
                                 where x.service_id = (select s.id from service s where s.key = :service)
                                   and x.impact_period && tstzrange(:from, :to, '[)'))
                """ + ORDER, from, to, Map.of("service", serviceKey));
    }

    /**
     * As {@link #during}, only the incidents that can affect the client: those naming it, and those naming
     * no client but one of {@code coveredServiceKeys} (every service any of its contract versions covers).
     * Which version applies to which month is for the caller to decide; this only keeps the rest out.
     */
    public List<IncidentFacts> duringForClient(Instant from, Instant to, String clientKey,
            Collection<String> coveredServiceKeys) {
        // an empty IN list is not valid SQL; a key no service can have (slugs are lower case) keeps it valid
        Collection<String> services = coveredServiceKeys.isEmpty() ? List.of("-") : coveredServiceKeys;
        // The candidates come from two small index reads: the incidents naming the client (all years: a few per
        // client), and the covered services' links whose impact period meets the window (the GiST index on
        // (service_id, impact_period), migration V10). So the work follows the client's own incidents, not the
        // month's incidents of every client nor the services' history; the exact window test and "names no
        // other client" are then checked on those candidates only.
        return run(SELECT + """
                   and i.id in (select y.incident_id from incident_client y
                                 where y.client_id = (select c.id from client c where c.key = :client)
                                union
                                select x.incident_id from incident_service x
                                 where x.service_id = any(array(select s.id from service s where s.key in (:services)))
                                   and x.impact_period && tstzrange(:from, :to, '[)'))
                   and (exists (select 1 from incident_client y where y.incident_id = i.id
                                   and y.client_id = (select c.id from client c where c.key = :client))
                        or not exists (select 1 from incident_client y where y.incident_id = i.id))
                """ + ORDER, from, to, Map.of("client", clientKey, "services", services));
    }

    private List<IncidentFacts> run(String sql, Instant from, Instant to, Map<String, Object> filters) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        Optional<DataSource> replica = reportDatabase.replica();
        if (replica.isEmpty()) {
            return read(entityManager.unwrap(Session.class), sql, from, to, filters);
        }
        return onReplica(replica.get(), session -> read(session, sql, from, to, filters));
    }

    /**
     * Runs {@code reads} in one read-only transaction on a connection of the reports datasource (which
     * joins no JTA transaction), committed when they succeed and rolled back when they fail. A read that the
     * standby cancelled because it held back replay (SQLSTATE 40001, PostgreSQL manual "Hot Standby",
     * "Handling Query Conflicts") runs once more on a fresh snapshot; cancelled again, it fails, and the API
     * answers 503 with {@code Retry-After} ({@link ProblemMappers#isCancelledRead}). A failure to reach the
     * standby is a {@link PersistenceException} with the {@link SQLException} as its cause, so the API answers
     * it as any database outage (503).
     */
    private <T> T onReplica(DataSource replica, Function<StatelessSession, T> reads) {
        try {
            return inReadOnlyTransaction(replica, reads);
        } catch (RuntimeException e) {
            // a standby cancels a statement for a conflict with recovery as a serialization failure
            if (!ProblemMappers.isCancelledRead(e)) {
                throw e;
            }
            return inReadOnlyTransaction(replica, reads);
        }
    }

    private <T> T inReadOnlyTransaction(DataSource replica, Function<StatelessSession, T> reads) {
        SessionFactory sessionFactory = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class);
        try (Connection connection = replica.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (StatelessSession session = sessionFactory.withStatelessOptions().connection(connection)
                    .openStatelessSession()) {
                T result = reads.apply(session);
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Report read on the reports datasource failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<IncidentFacts> read(SharedSessionContract session, String sql, Instant from, Instant to,
            Map<String, Object> filters) {
        // A month is some 20,000 rows at most: parallel workers cost more to start than they save, and each
        // would build its own hash of the sub-selects. JIT compiling the statement costs more than running it
        // (about 245 ms on a month of 1,000,000 incidents): the sub-plans' estimates pass jit_above_cost. Both
        // as `set local`, for this read-only transaction only, in one statement.
        session.createNativeQuery(PLANNER_SETTINGS).getSingleResult();
        NativeQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        query.addScalar("id", Long.class)
                .addScalar("title", String.class)
                .addScalar("severity", String.class)
                .addScalar("impact_percent", BigDecimal.class)
                .addScalar("excluded", Boolean.class)
                .addScalar("started_at", Instant.class)
                .addScalar("detected_at", Instant.class)
                .addScalar("acknowledged_at", Instant.class)
                .addScalar("mitigated_at", Instant.class)
                .addScalar("resolved_at", Instant.class)
                .addScalar("service_ids", String.class)
                .addScalar("client_ids", String.class);
        query.setParameter("from", from).setParameter("to", to);
        filters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                query.setParameterList(name, values);
            } else {
                query.setParameter(name, value);
            }
        });
        List<Object[]> rows = query.getResultList();
        Map<Long, String> serviceKeys = keysById(session, "service", rows, 10);
        Map<Long, String> clientKeys = keysById(session, "client", rows, 11);
        return rows.stream().map(row -> facts(row, serviceKeys, clientKeys)).toList();
    }

    /** The keys of the services or clients the rows name: one query, whatever the number of rows. */
    @SuppressWarnings("unchecked")
    private static Map<Long, String> keysById(SharedSessionContract session, String table, List<Object[]> rows,
            int column) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(row -> ids.addAll(ids(row[column])));
        // `table` is one of two constants above, never input
        List<Object[]> found = session.createNativeQuery("select id, key from " + table + " where id in (:ids)")
                .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids).getResultList();
        Map<Long, String> keys = new HashMap<>();
        found.forEach(row -> keys.put(((Number) row[0]).longValue(), (String) row[1]));
        return keys;
    }

    private static IncidentFacts facts(Object[] row, Map<Long, String> serviceKeys, Map<Long, String> clientKeys) {
        return new IncidentFacts((Long) row[0], (String) row[1], Severity.valueOf((String) row[2]),
                ((BigDecimal) row[3]).stripTrailingZeros(), (Boolean) row[4],
                instant(row[5]), instant(row[6]), instant(row[7]), instant(row[8]), instant(row[9]),
                keys(row[10], serviceKeys), keys(row[11], clientKeys));
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static List<Long> ids(Object joined) {
        String text = Objects.toString(joined, "");
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static List<String> keys(Object joinedIds, Map<Long, String> keysById) {
        return ids(joinedIds).stream().map(keysById::get).sorted().toList();
    }
}
