package com.slaledger.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IncidentImpactQuery {

    // Keys are slugs (no commas, see client_key_slug and service_key_slug), so a comma-joined string is a
    // lossless way to aggregate them that needs no driver-specific array mapping.
    private static final String SELECT = """
            select i.id, i.title, i.severity, i.impact_percent, i.excluded,
                   i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at,
                   (select string_agg(s.key, ',' order by s.key)
                      from incident_service x join service s on s.id = x.service_id
                     where x.incident_id = i.id) as service_keys,
                   (select string_agg(c.key, ',' order by c.key)
                      from incident_client y join client c on c.id = y.client_id
                     where y.incident_id = i.id) as client_keys
              from incident i
             where (tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange(:from, :to, '[)')
                    or (i.started_at >= :from and i.started_at < :to))
            """;

    private static final String ORDER = " order by i.started_at, i.id";

    private final EntityManager entityManager;

    public IncidentImpactQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every incident whose impact overlaps {@code [from, to)} or that starts in it, by start. */
    public List<IncidentFacts> during(Instant from, Instant to) {
        return run(SELECT + ORDER, from, to, Map.of());
    }

    /** As {@link #during}, only the incidents that name the service. */
    public List<IncidentFacts> duringForService(Instant from, Instant to, String serviceKey) {
        return run(SELECT + """
                   and exists (select 1 from incident_service x join service s on s.id = x.service_id
                                where x.incident_id = i.id and s.key = :service)
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
        return run(SELECT + """
                   and (exists (select 1 from incident_client y join client c on c.id = y.client_id
                                 where y.incident_id = i.id and c.key = :client)
                        or (not exists (select 1 from incident_client y where y.incident_id = i.id)
                            and exists (select 1 from incident_service x join service s on s.id = x.service_id
                                         where x.incident_id = i.id and s.key in (:services))))
                """ + ORDER, from, to, Map.of("client", clientKey, "services", services));
    }

    @SuppressWarnings("unchecked")
    private List<IncidentFacts> run(String sql, Instant from, Instant to, Map<String, Object> filters) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql, Object[].class)
                .unwrap(NativeQuery.class);
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
                .addScalar("service_keys", String.class)
                .addScalar("client_keys", String.class);
        query.setParameter("from", from).setParameter("to", to);
        filters.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                query.setParameterList(name, values);
            } else {
                query.setParameter(name, value);
            }
        });
        return query.getResultList().stream().map(IncidentImpactQuery::facts).toList();
    }

    private static IncidentFacts facts(Object[] row) {
        return new IncidentFacts((Long) row[0], (String) row[1], Severity.valueOf((String) row[2]),
                ((BigDecimal) row[3]).stripTrailingZeros(), (Boolean) row[4],
                instant(row[5]), instant(row[6]), instant(row[7]), instant(row[8]), instant(row[9]),
                keys(row[10]), keys(row[11]));
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

    private static List<String> keys(Object joined) {
        String text = Objects.toString(joined, "");
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
