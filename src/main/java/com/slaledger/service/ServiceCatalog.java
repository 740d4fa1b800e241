package com.slaledger.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** The catalog of services, for the API and for the features that link to services. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceCatalog {

    private final ServiceRepository services;

    public ServiceCatalog(ServiceRepository services) {
        this.services = services;
    }

    /** Services by key for another feature; the caller reports keys missing from the answer. */
    public List<Service> findByKeys(Collection<String> keys) {
        return services.findByKeys(keys);
    }
}
