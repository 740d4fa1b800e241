package com.slaledger.credit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class CreditRepository implements PanacheRepository<Credit> {

    /** The filters of a credit list; null means any. {@code clientKeys} null means every client. */
    public record Filter(CreditState state, String month, String currency, String clientKey, Boolean review,
            Collection<String> clientKeys) {
    }

    Optional<Credit> lockById(long id) {
        return find("from Credit c join fetch c.client where c.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    List<Credit> lockByIds(Collection<Long> ids) {
        return find("from Credit c join fetch c.client where c.id in ?1 order by c.id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    Optional<Credit> findWithClient(long id) {
        return find("from Credit c join fetch c.client where c.id = ?1", id).firstResultOptional();
    }

    /** The month's credits, locked in id order (as the transitions lock), so a sync and a transition never interleave. */
    List<Credit> lockForMonth(String month) {
        return find("from Credit c join fetch c.client where c.month = ?1 order by c.id", month)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    Optional<Credit> findByCreditNoteNumber(String number) {
        return find("creditNoteNumber", number).firstResultOptional();
    }

    /** Owed credits whose deadline is at or before {@code asOf}, of one month or (month null) of every month. */
    List<Credit> overdue(java.time.Instant asOf, String month) {
        String query = "from Credit c join fetch c.client where c.state = ?1 and c.claimDeadline <= ?2"
                + (month == null ? "" : " and c.month = ?3") + " order by c.id";
        return (month == null ? find(query, CreditState.OWED, asOf) : find(query, CreditState.OWED, asOf, month))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    long count(Filter filter) {
        Where where = where(filter);
        var query = getEntityManager().createQuery("select count(c) from Credit c where " + where.query, Long.class);
        where.parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    List<Credit> list(Filter filter, int page, int size) {
        Where where = where(filter);
        return find("from Credit c join fetch c.client where " + where.query
                + " order by c.month desc, c.client.key, c.id", where.parameters).page(page, size).list();
    }

    private record Where(String query, Map<String, Object> parameters) {
    }

    private static Where where(Filter filter) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        terms.add("1 = 1");
        if (filter.state() != null) {
            terms.add("c.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.month() != null) {
            terms.add("c.month = :month");
            parameters.put("month", filter.month());
        }
        if (filter.currency() != null) {
            terms.add("c.currency = :currency");
            parameters.put("currency", filter.currency());
        }
        if (filter.clientKey() != null) {
            terms.add("c.client.key = :client");
            parameters.put("client", filter.clientKey());
        }
        if (filter.review() != null) {
            terms.add("c.reviewFlagged = :review");
            parameters.put("review", filter.review());
        }
        if (filter.clientKeys() != null) {
            terms.add("c.client.key in :visible");
            parameters.put("visible", filter.clientKeys().isEmpty() ? List.of("") : filter.clientKeys());
        }
        return new Where(String.join(" and ", terms), parameters);
    }
}
