package com.slaledger.service;

import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalog of services, for the API and for the features that link to services. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceCatalog {

    private final ServiceRepository services;
    private final Validator validator;

    public ServiceCatalog(ServiceRepository services, Validator validator) {
        this.services = services;
        this.validator = validator;
    }

    public List<ServiceResponse> list() {
        return services.listOrdered().stream().map(ServiceResponse::of).toList();
    }

    public Optional<ServiceResponse> find(String key) {
        return services.findByKey(key).map(ServiceResponse::of);
    }

    /** The service for another feature to link to; 404 problem when it does not exist. */
    public Service require(String key) {
        return services.findByKey(key).orElseThrow(() -> ProblemException.notFound("service", key));
    }

    /** Services by key for another feature; the caller reports keys missing from the answer. */
    public List<Service> findByKeys(Collection<String> keys) {
        return services.findByKeys(keys);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public ServiceResponse create(ServiceRequest request) {
        validate(request);
        if (services.findByKey(request.key()).isPresent()) {
            throw ProblemException.conflict("A service with key '" + request.key() + "' exists already");
        }
        Service service = new Service();
        service.key = request.key();
        apply(request, service);
        services.persistAndFlush(service);
        return ServiceResponse.of(service);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ServiceResponse> update(String key, ServiceRequest request) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badParameter("key", "cannot change; it is '" + key + "'");
        }
        ServiceRequest withKey = new ServiceRequest(key, request.name(), request.description());
        validate(withKey);
        return services.findByKey(key).map(service -> {
            apply(withKey, service);
            services.flush();
            return ServiceResponse.of(service);
        });
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String key) {
        Optional<Service> service = services.findByKey(key);
        if (service.isEmpty()) {
            return false;
        }
        // The foreign keys know every table that links to a service, including features added later.
        try {
            services.delete(service.get());
            services.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Service '" + key + "' is covered by contracts or named by incidents"
                    + " or maintenance windows; it cannot be deleted while they refer to it");
        }
        return true;
    }

    private void apply(ServiceRequest request, Service service) {
        service.name = request.name().strip();
        service.description = request.description() == null || request.description().isBlank()
                ? null : request.description().strip();
    }

    private void validate(ServiceRequest request) {
        Violations violations = new Violations().addAll(validator.validate(request), "");
        // A name shown in lists and reports must not read as another (TextSanity#unfit).
        TextSanity.check("name", request.name(), false, violations);
        violations.throwIfAny();
    }
}
