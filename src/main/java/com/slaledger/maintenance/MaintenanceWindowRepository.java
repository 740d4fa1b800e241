package com.slaledger.maintenance;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Windows are read with the clients and services they name in one query: every answer lists both. */
@ApplicationScoped
public class MaintenanceWindowRepository implements PanacheRepository<MaintenanceWindow> {

    private static final String WITH_SCOPE = "select w from MaintenanceWindow w"
            + " left join fetch w.clients left join fetch w.services";

    public Optional<MaintenanceWindow> findWithScope(long id) {
        // not firstResultOptional: a row limit with collection fetches is applied in memory
        return list(WITH_SCOPE + " where w.id = ?1", id).stream().findFirst();
    }

    /**
     * Windows overlapping {@code [from, to)} (either end may be open), concerning the client or the service
     * when given. A window for all clients concerns every client and every service.
     */
    public List<MaintenanceWindow> search(Instant from, Instant to, String clientKey, String serviceKey) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        overlapping(from, to, conditions, parameters);
        if (clientKey != null) {
            conditions.add("(w.scope = :everyone or exists"
                    + " (select 1 from MaintenanceWindow n join n.clients c where n = w and c.key = :client))");
            parameters.and("client", clientKey);
        }
        if (serviceKey != null) {
            conditions.add("(w.scope = :everyone or exists"
                    + " (select 1 from MaintenanceWindow n join n.services s where n = w and s.key = :service))");
            parameters.and("service", serviceKey);
        }
        if (clientKey != null || serviceKey != null) {
            parameters.and("everyone", MaintenanceScope.ALL_CLIENTS);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return list(WITH_SCOPE + where + " order by w.startsAt, w.id", parameters);
    }

    /** One page of windows and how many there are in all. */
    public record Page(List<MaintenanceWindow> items, long totalItems) {
    }

    /**
     * The windows overlapping {@code [from, to)} and, when {@code endedBy} is given, ended by then (any argument
     * may be null), newest start first: page {@code pageIndex} (from 0) of {@code pageSize}, with their scope.
     */
    public Page newestFirst(Instant from, Instant to, Instant endedBy, int pageIndex, int pageSize) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        overlapping(from, to, conditions, parameters);
        if (endedBy != null) {
            conditions.add("w.seriesEndsAt <= :endedBy");
            parameters.and("endedBy", endedBy);
        }
        String query = "from MaintenanceWindow w"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        long total = count(query, parameters);
        // the page is chosen without the collection fetches (a row limit with them is applied in memory)
        List<Long> ids = find(query + NEWEST_FIRST, parameters).page(pageIndex, pageSize).stream()
                .map(window -> window.id).toList();
        if (ids.isEmpty()) {
            return new Page(List.of(), total);
        }
        return new Page(list(WITH_SCOPE + " where w.id in ?1" + NEWEST_FIRST, ids), total);
    }

    /**
     * The conditions of overlapping {@code [from, to)}, either end open when null: a recurring window from its
     * first occurrence to its series end, so the caller expands its rule to find the occurrences inside.
     */
    private static void overlapping(Instant from, Instant to, List<String> conditions, Parameters parameters) {
        if (from != null) {
            // a recurring window's occurrences reach to its series end (null: a rule that repeats for ever)
            conditions.add("(w.seriesEndsAt is null or w.seriesEndsAt > :from)");
            parameters.and("from", from);
        }
        if (to != null) {
            conditions.add("w.startsAt < :to");
            parameters.and("to", to);
        }
    }

    private static final String NEWEST_FIRST = " order by w.startsAt desc, w.id desc";

    /** Serialises creating windows until the transaction ends, so two identical retries cannot both insert. */
    public void lockCreates() {
        getEntityManager().createNativeQuery("select count(pg_advisory_xact_lock(" + CREATE_LOCK + "))")
                .getSingleResult();
    }

    private static final long CREATE_LOCK = 0x51B_0001L;
}
