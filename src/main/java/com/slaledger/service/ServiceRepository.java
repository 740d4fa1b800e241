package com.slaledger.service;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ServiceRepository implements PanacheRepository<Service> {

    public Optional<Service> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /**
     * The services of these keys (missing ones are left out). The keys travel as one array parameter of a
     * plain SQL query: an HQL {@code in} list is translated anew for every call, which cost a webhook
     * delivery more CPU than the query itself.
     */
    @SuppressWarnings("unchecked")
    public List<Service> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : getEntityManager().createNativeQuery(
                "select * from service where key = any(cast(?1 as text[]))", Service.class)
                .setParameter(1, keys.toArray(String[]::new)).getResultList();
    }

    public List<Service> listOrdered() {
        return listAll(Sort.by("key"));
    }
}
