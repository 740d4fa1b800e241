package com.slaledger.client;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ClientRepository implements PanacheRepository<Client> {

    public Optional<Client> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /**
     * The clients of these keys (missing ones are left out). The keys travel as one array parameter of a
     * plain SQL query: an HQL {@code in} list is translated anew for every call, which cost a webhook
     * delivery more CPU than the query itself.
     */
    @SuppressWarnings("unchecked")
    public List<Client> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : getEntityManager().createNativeQuery(
                "select * from client where key = any(cast(?1 as text[]))", Client.class)
                .setParameter(1, keys.toArray(String[]::new)).getResultList();
    }

    public List<Client> listOrdered(Boolean active) {
        return active == null ? listAll(Sort.by("key")) : list("active", Sort.by("key"), active);
    }

    public List<Client> listManagedBy(String username, Boolean active) {
        return active == null ? list("accountManagerUsername", Sort.by("key"), username)
                : list("accountManagerUsername = ?1 and active = ?2", Sort.by("key"), username, active);
    }
}
