package com.slaledger.incident;

import com.slaledger.platform.ProblemMappers;
import com.slaledger.platform.ReportDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.ResourceRegistry;

/**
 * Reads the incidents a report needs in ONE statement, whatever their number: the rows whose impact
 * overlaps the report's time range, as {@link IncidentFacts} projections with their service and client
 * ids aggregated in the same statement, so no lazy collection is ever touched per incident; one more
 * statement then looks up the keys of those services and clients.
 *
 * <p>The overlap test is written exactly as the GiST index {@code incident_impact_period_idx} is
 * defined ({@code tstzrange(started_at, impact_ended_at, '[)')}), so PostgreSQL can use it. An ongoing
 * incident has no upper bound and therefore overlaps every later range, which is what "its impact runs
 * to asOf" needs. Incidents that start inside the range but have no length (mitigated the instant they
 * started) overlap nothing, yet reliability still counts them: the second condition keeps them.
 *
 * <p>The rows are read with plain JDBC getters, one {@code Calendar} per read for the instants and the impact
 * percent as whole millionths (a {@code bigint}), made a {@code BigDecimal} once per distinct value. Mapping
 * each value through Hibernate's per-value extractors cost more than the statement itself on a client's month
 * of about 1,300 incidents. The statements are still prepared and
 * run by Hibernate's JDBC coordinator on the session's connection: they log, count in its statistics, take
 * the transaction's timeout and turn a {@link SQLException} into a {@link PersistenceException} as any
 * other query does. They see what the database holds: pending changes of the caller's persistence context
 * are not flushed first (the report services that call this never write).
 *
 * <p>With a reports datasource configured ({@link ReportDatabase}, a streaming hot standby) every read here
 * runs there, in one read-only transaction of its own, and may therefore lag the primary by the standby's
 * replay delay; without one it runs on the primary in the caller's transaction. The statements are the same
 * either way.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IncidentImpactQuery {

    // Service and client ids come aggregated from index-only scans of the join tables; their keys are
    // looked up afterwards in one small query. Joining `service` and `client` per row made PostgreSQL
    // hash those tables once per incident, which dominated the statement.
    // impact_percent is numeric(9, 6), so its millionths are a whole number, read as a bigint. The instants stay
    // timestamptz: computing epoch microseconds in SQL (numeric extract) tripled the statement's run time to
    // save the driver far less.
    private static final String SELECT = """
            select i.id, i.title, i.severity, (i.impact_percent * 1000000)::bigint as impact_millionths,
                   i.excluded, i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at,
                   (select string_agg(x.service_id::text, ',') from incident_service x
                     where x.incident_id = i.id) as service_ids,
                   (select string_agg(y.client_id::text, ',') from incident_client y
                     where y.incident_id = i.id) as client_ids
              from incident i
             where (tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange(:from, :to, '[)')
                    or (i.started_at >= :from and i.started_at < :to))
            """;

    private static final String ORDER = " order by i.started_at, i.id";

    private static final NamedSql DURING = NamedSql.of(SELECT + ORDER);

    private static final NamedSql DURING_FOR_SERVICE = NamedSql.of(SELECT + """
               and i.id in (select x.incident_id from incident_service x
                             where x.service_id = (select s.id from service s where s.key = :service)
                               and x.impact_period && tstzrange(:from, :to, '[)'))
            """ + ORDER);

    // The candidates come from two small index reads: the incidents naming the client (all years: a few per
    // client), and the covered services' links whose impact period meets the window (the GiST index on
    // (service_id, impact_period), migration V10). So the work follows the client's own incidents, not the
    // month's incidents of every client nor the services' history; the exact window test and "names no
    // other client" are then checked on those candidates only.
    private static final NamedSql DURING_FOR_CLIENT = NamedSql.of(SELECT + """
               and i.id in (select y.incident_id from incident_client y
                             where y.client_id = (select c.id from client c where c.key = :client)
                            union
                            select x.incident_id from incident_service x
                             where x.service_id = any(array(select s.id from service s where s.key = any(:services)))
                               and x.impact_period && tstzrange(:from, :to, '[)'))
               and (exists (select 1 from incident_client y where y.incident_id = i.id
                               and y.client_id = (select c.id from client c where c.key = :client))
                    or not exists (select 1 from incident_client y where y.incident_id = i.id))
            """ + ORDER);

    /** The keys of the services and clients the rows name, each id list one array: one statement. */
    private static final NamedSql KEYS = NamedSql.of("""
            select false as client, id, key from service where id = any(:services)
            union all
            select true, id, key from client where id = any(:clients)
            """);

    /** {@code set local} for both settings (set_config's third argument), in one round trip. */
    private static final NamedSql PLANNER_SETTINGS = NamedSql.of(
            "select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)");

    private final EntityManager entityManager;
    private final ReportDatabase reportDatabase;

    public IncidentImpactQuery(EntityManager entityManager, ReportDatabase reportDatabase) {
        this.entityManager = entityManager;
        this.reportDatabase = reportDatabase;
    }

    /** Every incident whose impact overlaps {@code [from, to)} or that starts in it, by start. */
    public List<IncidentFacts> during(Instant from, Instant to) {
        return run(DURING, from, to, Map.of());
    }

    /** As {@link #during}, only the incidents that name the service. */
    public List<IncidentFacts> duringForService(Instant from, Instant to, String serviceKey) {
        return run(DURING_FOR_SERVICE, from, to, Map.of("service", serviceKey));
    }

    /**
     * As {@link #during}, only the incidents that can affect the client: those naming it, and those naming
     * no client but one of {@code coveredServiceKeys} (every service any of its contract versions covers).
     * Which version applies to which month is for the caller to decide; this only keeps the rest out.
     */
    public List<IncidentFacts> duringForClient(Instant from, Instant to, String clientKey,
            Collection<String> coveredServiceKeys) {
        return run(DURING_FOR_CLIENT, from, to,
                Map.of("client", clientKey, "services", coveredServiceKeys.toArray(String[]::new)));
    }

    private List<IncidentFacts> run(NamedSql sql, Instant from, Instant to, Map<String, Object> filters) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("from", from.atOffset(ZoneOffset.UTC));
        parameters.put("to", to.atOffset(ZoneOffset.UTC));
        Optional<DataSource> replica = reportDatabase.replica();
        if (replica.isEmpty()) {
            return read(entityManager.unwrap(SharedSessionContractImplementor.class), sql, parameters);
        }
        return onReplica(replica.get(), session -> read(session, sql, parameters));
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
    private <T> T onReplica(DataSource replica, Function<SharedSessionContractImplementor, T> reads) {
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

    private <T> T inReadOnlyTransaction(DataSource replica, Function<SharedSessionContractImplementor, T> reads) {
        SessionFactory sessionFactory = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class);
        try (Connection connection = replica.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (StatelessSession session = sessionFactory.withStatelessOptions().connection(connection)
                    .openStatelessSession()) {
                T result = reads.apply((SharedSessionContractImplementor) session);
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

    private static List<IncidentFacts> read(SharedSessionContractImplementor session, NamedSql sql,
            Map<String, Object> parameters) {
        // A month is some 20,000 rows at most: parallel workers cost more to start than they save, and each
        // would build its own hash of the sub-selects. JIT compiling the statement costs more than running it
        // (about 245 ms on a month of 1,000,000 incidents): the sub-plans' estimates pass jit_above_cost. Both
        // as `set local`, for this read-only transaction only, in one statement.
        query(session, PLANNER_SETTINGS, Map.of(), ResultSet::next);
        List<Row> rows = query(session, sql, parameters, IncidentImpactQuery::rows);
        // many incidents name the same services: each distinct id list is resolved to sorted keys once
        Map<String, List<String>> serviceKeys = new HashMap<>();
        Map<String, List<String>> clientKeys = new HashMap<>();
        for (Row row : rows) {
            if (row.serviceIds() != null) {
                serviceKeys.put(row.serviceIds(), null);
            }
            if (row.clientIds() != null) {
                clientKeys.put(row.clientIds(), null);
            }
        }
        Map<Boolean, Map<Long, String>> keys = query(session, KEYS,
                Map.of("services", ids(serviceKeys.keySet()), "clients", ids(clientKeys.keySet())),
                IncidentImpactQuery::keysById);
        serviceKeys.replaceAll((joined, none) -> sortedKeys(joined, keys.get(false)));
        clientKeys.replaceAll((joined, none) -> sortedKeys(joined, keys.get(true)));
        List<IncidentFacts> facts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            facts.add(row.facts(serviceKeys.getOrDefault(row.serviceIds(), List.of()),
                    clientKeys.getOrDefault(row.clientIds(), List.of())));
        }
        return facts;
    }

    /** An incident row as read, before its service and client ids have keys. */
    private record Row(long id, String title, Severity severity, BigDecimal impactPercent, boolean excluded,
            Instant startedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
            String serviceIds, String clientIds) {

        IncidentFacts facts(List<String> serviceKeys, List<String> clientKeys) {
            return new IncidentFacts(id, title, severity, impactPercent, excluded, startedAt, detectedAt,
                    acknowledgedAt, mitigatedAt, resolvedAt, serviceKeys, clientKeys);
        }
    }

    private static List<Row> rows(ResultSet rows) throws SQLException {
        List<Row> read = new ArrayList<>();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        // a handful of distinct percents (numeric(9, 6) in millionths), each made a BigDecimal once
        Map<Long, BigDecimal> percents = new HashMap<>();
        while (rows.next()) {
            read.add(new Row(rows.getLong(1), rows.getString(2), Severity.valueOf(rows.getString(3)),
                    percents.computeIfAbsent(rows.getLong(4), millionths -> BigDecimal.valueOf(millionths, 6)
                            .stripTrailingZeros()),
                    rows.getBoolean(5), instant(rows, 6, utc), instant(rows, 7, utc), instant(rows, 8, utc),
                    instant(rows, 9, utc), instant(rows, 10, utc), rows.getString(11), rows.getString(12)));
        }
        return read;
    }

    /** A timestamptz as an instant (to the microsecond, as stored); null for SQL null. */
    private static Instant instant(ResultSet rows, int column, Calendar utc) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column, utc);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The ids in comma-joined id lists, as one array parameter. */
    private static long[] ids(Collection<String> joinedLists) {
        return joinedLists.stream().flatMapToLong(joined -> Arrays.stream(joined.split(",")).mapToLong(Long::parseLong))
                .distinct().toArray();
    }

    /** Keys by id, services under {@code false} and clients under {@code true}. */
    private static Map<Boolean, Map<Long, String>> keysById(ResultSet rows) throws SQLException {
        Map<Boolean, Map<Long, String>> keys = Map.of(false, new HashMap<>(), true, new HashMap<>());
        while (rows.next()) {
            keys.get(rows.getBoolean(1)).put(rows.getLong(2), rows.getString(3));
        }
        return keys;
    }

    private static List<String> sortedKeys(String joinedIds, Map<Long, String> keysById) {
        String[] keys = Arrays.stream(joinedIds.split(",")).map(id -> keysById.get(Long.valueOf(id)))
                .toArray(String[]::new);
        Arrays.sort(keys);
        return List.of(keys);
    }

    @FunctionalInterface
    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Prepares and runs one statement on the session's connection through Hibernate's JDBC coordinator (so it
     * is logged, counted, bound by the transaction's timeout and released with the session), and hands its
     * rows to {@code reader}. A {@link SQLException} comes out as Hibernate's {@code JDBCException}, with the
     * driver's exception (and its SQLSTATE) as the cause.
     */
    private static <T> T query(SharedSessionContractImplementor session, NamedSql sql, Map<String, Object> parameters,
            RowsReader<T> reader) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        ResourceRegistry resources = jdbc.getLogicalConnection().getResourceRegistry();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql.text());
        try {
            sql.bind(statement, parameters);
            ResultSet rows = jdbc.getResultSetReturn().extract(statement, sql.text());
            try {
                return reader.read(rows);
            } finally {
                resources.release(rows, statement);
            }
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Report incident read failed",
                    sql.text());
        } finally {
            resources.release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * A statement written with named parameters ({@code :from}; a {@code ::} cast is not one), turned into
     * JDBC's positional ones. Values are bound with {@code setObject}: the driver sends an
     * {@code OffsetDateTime} as {@code timestamptz}, a {@code String[]} as {@code varchar[]} and a
     * {@code long[]} as {@code int8[]}.
     */
    private record NamedSql(String text, List<String> parameterNames) {

        private static final Pattern NAMED = Pattern.compile("(?<!:):([a-z]+)");

        static NamedSql of(String named) {
            List<String> names = new ArrayList<>();
            Matcher matcher = NAMED.matcher(named);
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(text, "?");
            }
            matcher.appendTail(text);
            return new NamedSql(text.toString(), List.copyOf(names));
        }

        void bind(PreparedStatement statement, Map<String, Object> values) throws SQLException {
            for (int i = 0; i < parameterNames.size(); i++) {
                Object value = values.get(parameterNames.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("no value for :" + parameterNames.get(i));
                }
                statement.setObject(i + 1, value);
            }
        }
    }
}
