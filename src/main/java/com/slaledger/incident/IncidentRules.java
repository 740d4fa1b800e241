package com.slaledger.incident;

import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.client.Client;
import com.slaledger.client.ClientService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.Violations;
import com.slaledger.service.Service;
import com.slaledger.service.ServiceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules an incident request must keep, in one place for every way in (API, batch, pages, CSV):
 * bean constraints, the order of the instants (SPEC "Incident lifecycle", via {@link IncidentTimeline}),
 * and services and clients that exist. Field names in violations are relative to the request
 * ({@code affectedServices[1]}); callers add their own prefix ({@code incidents[3].}, a CSV line).
 */
@ApplicationScoped
class IncidentRules {

    private final Validator validator;
    private final ServiceCatalog serviceCatalog;
    private final ClientService clientService;

    IncidentRules(ValidatorFactory validators, ServiceCatalog serviceCatalog, ClientService clientService) {
        // A request is a plain record, never a JPA entity: the default resolver's question "is this property
        // loaded?" (asked of JPA for every property of every timeline entry) cost more than the constraints.
        this.validator = validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
        this.serviceCatalog = serviceCatalog;
        this.clientService = clientService;
    }

    /** Validates every property of a plain object: nothing in a request is lazily loaded. */
    private static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }

    /** Everything wrong with one request that can be told without the database. */
    List<FieldViolation> violationsOf(IncidentRequest request, String prefix) {
        Violations violations = new Violations().addAll(validator.validate(request), prefix);
        boolean noServices = request.affectedServices() == null || request.affectedServices().isEmpty();
        boolean noClients = request.affectedClients() == null || request.affectedClients().isEmpty();
        if (noServices && noClients) {
            violations.add(prefix + "affectedServices", "name at least one affected service or client");
        }
        if (Boolean.TRUE.equals(request.excluded())
                && (request.exclusionReason() == null || request.exclusionReason().isBlank())) {
            violations.add(prefix + "exclusionReason", "must say why the incident is excluded");
        }
        violations.addAll(orderViolations(prefix, IncidentRequest.micros(request.startedAt()),
                IncidentRequest.micros(request.detectedAt()), IncidentRequest.micros(request.acknowledgedAt()),
                IncidentRequest.micros(request.mitigatedAt()), IncidentRequest.micros(request.resolvedAt())));
        return violations.list();
    }

    static List<FieldViolation> orderViolations(String prefix, Instant startedAt, Instant detectedAt,
            Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {
        if (startedAt == null) {
            return List.of();
        }
        return IncidentTimeline.orderViolations(startedAt, detectedAt, acknowledgedAt, mitigatedAt, resolvedAt)
                .stream().map(v -> new FieldViolation(prefix + v.field(), v.message())).toList();
    }

    /** Everything wrong with a request, saving nothing; unknown services and clients once the rest is valid. */
    List<FieldViolation> check(IncidentRequest request) {
        List<FieldViolation> found = violationsOf(request, "");
        if (!found.isEmpty()) {
            return found;
        }
        return references(List.of(request.normalized())).unknown(request, "");
    }

    /** The request in its normal form, or a 400 naming every bad field. */
    IncidentRequest validated(IncidentRequest request) {
        new Violations().addAll(violationsOf(request, "")).throwIfAny();
        IncidentRequest normalized = request.normalized();
        new Violations().addAll(references(List.of(normalized)).unknown(request, "")).throwIfAny();
        return normalized;
    }

    /** The services and clients that normalized requests name, loaded in two queries for all of them. */
    References references(Collection<IncidentRequest> requests) {
        Set<String> serviceKeys = new HashSet<>();
        Set<String> clientKeys = new HashSet<>();
        for (IncidentRequest request : requests) {
            serviceKeys.addAll(request.affectedServices());
            clientKeys.addAll(request.affectedClients());
        }
        return new References(
                serviceCatalog.findByKeys(serviceKeys).stream().collect(Collectors.toMap(s -> s.key, Function.identity())),
                clientService.findByKeys(clientKeys).stream().collect(Collectors.toMap(c -> c.key, Function.identity())));
    }

    /** The services and clients a set of requests names, loaded once for all of them. */
    record References(Map<String, Service> services, Map<String, Client> clients) {

        /**
         * The services and clients a request names that do not exist, by their position in the request as
         * sent (keys are compared stripped, as they are stored).
         */
        List<FieldViolation> unknown(IncidentRequest request, String prefix) {
            List<FieldViolation> found = new ArrayList<>();
            List<String> serviceKeys = request.affectedServices() == null ? List.of() : request.affectedServices();
            for (int i = 0; i < serviceKeys.size(); i++) {
                String key = serviceKeys.get(i).strip();
                if (!services.containsKey(key)) {
                    found.add(new FieldViolation(prefix + "affectedServices[" + i + "]", "no service '" + key + "'"));
                }
            }
            List<String> clientKeys = request.affectedClients() == null ? List.of() : request.affectedClients();
            for (int i = 0; i < clientKeys.size(); i++) {
                String key = clientKeys.get(i).strip();
                if (!clients.containsKey(key)) {
                    found.add(new FieldViolation(prefix + "affectedClients[" + i + "]", "no client '" + key + "'"));
                }
            }
            return found;
        }
    }
}
