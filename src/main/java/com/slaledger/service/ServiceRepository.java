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

    public List<Service> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("key in ?1", keys);
    }

    public List<Service> listOrdered() {
        return listAll(Sort.by("key"));
    }
}
