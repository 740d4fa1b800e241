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

    public List<Client> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("key in ?1", keys);
    }

    public List<Client> listOrdered(Boolean active) {
        return active == null ? listAll(Sort.by("key")) : list("active", Sort.by("key"), active);
    }

    public List<Client> listManagedBy(String username, Boolean active) {
        return active == null ? list("accountManagerUsername", Sort.by("key"), username)
                : list("accountManagerUsername = ?1 and active = ?2", Sort.by("key"), username, active);
    }
}
