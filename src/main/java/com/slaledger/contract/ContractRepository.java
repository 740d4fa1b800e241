package com.slaledger.contract;

import com.slaledger.client.Client;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Contracts are read with their client, services and tiers in one query: every answer shows all three.
 * Single results come from {@code list} because a row limit with collection fetches is applied in memory.
 */
@ApplicationScoped
public class ContractRepository implements PanacheRepository<Contract> {

    private static final String WITH_TERMS = "select c from Contract c join fetch c.client cl"
            + " left join fetch c.services left join fetch c.creditTiers ";

    public Optional<Contract> findWithTerms(long id) {
        return list(WITH_TERMS + "where c.id = ?1", id).stream().findFirst();
    }

    public List<Contract> listByClientKey(String clientKey) {
        return list(WITH_TERMS + "where cl.key = ?1 order by c.effectiveFrom", clientKey);
    }

    /** The client's versions without their terms: enough to check dates against. */
    public List<Contract> listByClient(Client client) {
        return list("client", Sort.by("effectiveFrom"), client);
    }

    public Optional<Contract> inForce(String clientKey, LocalDate day) {
        return list(WITH_TERMS + "where cl.key = ?1 and c.effectiveFrom <= ?2"
                + " and (c.effectiveTo is null or c.effectiveTo > ?2)", clientKey, day).stream().findFirst();
    }

    /** Keys of the services any version of these clients covers. */
    public List<String> coveredServiceKeys(Collection<String> clientKeys) {
        if (clientKeys.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct s.key from Contract c join c.services s"
                + " where c.client.key in :keys", String.class).setParameter("keys", clientKeys).getResultList();
    }

    public List<Contract> overlapping(LocalDate from, LocalDate toExclusive) {
        return list(WITH_TERMS + "where c.effectiveFrom < ?2 and (c.effectiveTo is null or c.effectiveTo > ?1)"
                + " order by cl.key, c.effectiveFrom", from, toExclusive);
    }
}
