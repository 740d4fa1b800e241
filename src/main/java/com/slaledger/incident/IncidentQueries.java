package com.slaledger.incident;

import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.incident.IncidentService.IncidentOrder;
import com.slaledger.incident.IncidentService.IncidentPage;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reading incidents: one by id or key, and the filtered, paged list, always within what the caller may
 * see (an account manager sees only their clients' incidents; see {@link Visibility}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class IncidentQueries {

    private final IncidentRepository incidents;
    private final ClientService clientService;
    private final ContractService contracts;
    private final AccessScope scope;

    IncidentQueries(IncidentRepository incidents, ClientService clientService, ContractService contracts,
            AccessScope scope) {
        this.incidents = incidents;
        this.clientService = clientService;
        this.contracts = contracts;
        this.scope = scope;
    }

    /**
     * What an account manager (who is not also sre or admin) may see: incidents naming one of their
     * clients, or naming no client but a service that one of their clients' contracts covers (any
     * version: a little wider than "in force at the time", never narrower). Empty: no bound.
     */
    private Optional<Visibility> visibility() {
        return scope.accountManagerBound(Role.SRE, Role.ADMIN).map(manager -> {
            List<String> clientKeys = clientService.keysManagedBy(manager);
            return new Visibility(Set.copyOf(clientKeys), Set.copyOf(contracts.coveredServiceKeys(clientKeys)));
        });
    }

    private record Visibility(Set<String> clientKeys, Set<String> serviceKeys) {

        boolean allows(Incident incident) {
            if (!incident.clients.isEmpty()) {
                return incident.clients.stream().anyMatch(client -> clientKeys.contains(client.key));
            }
            return incident.services.stream().anyMatch(service -> serviceKeys.contains(service.key));
        }
    }

    Optional<IncidentResponse> find(long id) {
        Optional<Visibility> visibility = visibility();
        return incidents.findByIdOptional(id).filter(i -> visibility.isEmpty() || visibility.get().allows(i))
                .map(IncidentResponse::of);
    }

    Optional<IncidentResponse> findByKey(String source, String externalId) {
        Optional<Visibility> visibility = visibility();
        return incidents.findByKey(source, externalId).filter(i -> visibility.isEmpty() || visibility.get().allows(i))
                .map(IncidentResponse::of);
    }

    Map<IncidentKey, IncidentResponse> findByKeys(
            Collection<IncidentKey> keys) {
        Optional<Visibility> visibility = visibility();
        Map<IncidentKey, IncidentResponse> found = new HashMap<>();
        incidents.findByKeys(keys).forEach((key, incident) -> {
            if (visibility.isEmpty() || visibility.get().allows(incident)) {
                found.put(key, IncidentResponse.of(incident));
            }
        });
        return found;
    }

    IncidentPage list(IncidentFilter filter, int page, int size) {
        Optional<PanacheQuery<Incident>> found = query(filter);
        if (found.isEmpty()) {
            return new IncidentPage(List.of(), page, size, 0, 0);
        }
        PanacheQuery<Incident> query = found.get().page(Page.of(page, size));
        List<IncidentResponse> items = query.list().stream().map(IncidentResponse::of).toList();
        long total = query.count();
        return new IncidentPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** How many incidents the filter matches, within what the caller may see. */
    long count(IncidentFilter filter) {
        return query(filter).map(PanacheQuery::count).orElse(0L);
    }

    /**
     * Every incident the filter matches, newest first, handed over page by page; each page leaves the
     * persistence context afterwards, so memory holds one page of entities at a time.
     */
    void forEach(IncidentFilter filter, int pageSize, Consumer<IncidentResponse> each) {
        Optional<PanacheQuery<Incident>> found = query(filter);
        if (found.isEmpty()) {
            return;
        }
        PanacheQuery<Incident> query = found.get().page(Page.ofSize(pageSize));
        while (true) {
            List<Incident> page = query.list();
            page.stream().map(IncidentResponse::of).forEach(each);
            incidents.getEntityManager().clear();
            if (page.size() < pageSize) {
                return;
            }
            query.nextPage();
        }
    }

    /** The list's query; empty when the caller may see no incident at all. */
    private Optional<PanacheQuery<Incident>> query(IncidentFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        Optional<Visibility> visibility = visibility();
        if (visibility.isPresent() && filter.client() != null && !visibility.get().clientKeys().contains(filter.client())) {
            // another account manager's client answers exactly as a key that names no client at all, so
            // the filter cannot be used to learn which clients exist
            throw ProblemException.notFound("client", filter.client());
        }
        if (visibility.isPresent()) {
            if (visibility.get().clientKeys().isEmpty()) {
                return Optional.empty();
            }
            where.append(" and (exists (select c from Incident iv join iv.clients c where iv = i and c.key in :scopeClients)");
            parameters.and("scopeClients", visibility.get().clientKeys());
            if (!visibility.get().serviceKeys().isEmpty()) {
                where.append(" or (not exists (select c from Incident iw join iw.clients c where iw = i)"
                        + " and exists (select s from Incident ix join ix.services s where ix = i and s.key in :scopeServices))");
                parameters.and("scopeServices", visibility.get().serviceKeys());
            }
            where.append(")");
        }
        if (filter.severity() != null) {
            where.append(" and severity = :severity");
            parameters.and("severity", filter.severity());
        }
        if (filter.service() != null) {
            where.append(" and exists (select s from Incident i2 join i2.services s where i2 = i and s.key = :service)");
            parameters.and("service", filter.service());
        }
        if (filter.client() != null) {
            where.append(" and (").append(affectsClient(filter.client(), parameters)).append(")");
        }
        if (filter.to() != null) {
            where.append(" and startedAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.from() != null) {
            // the incident's impact overlaps the range: it ended after `from`, or has not ended
            where.append(" and (coalesce(mitigatedAt, resolvedAt) is null or coalesce(mitigatedAt, resolvedAt) > :from"
                    + " or startedAt >= :from)");
            parameters.and("from", filter.from());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" and resolvedAt is null");
        } else if (Boolean.FALSE.equals(filter.open())) {
            where.append(" and resolvedAt is not null");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(i.title) like :text escape '\\' or lower(coalesce(i.summary, '')) like :text escape '\\')");
            parameters.and("text", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String order = switch (filter.order() == null ? IncidentOrder.STARTED : filter.order()) {
            case STARTED -> " order by i.startedAt desc, i.id desc";
            // ongoing incidents run to now, as in the reports
            case DURATION -> " order by (extract(epoch from coalesce(i.mitigatedAt, i.resolvedAt, current_timestamp))"
                    + " - extract(epoch from i.startedAt)) desc, i.startedAt desc, i.id desc";
            case SEVERITY -> " order by i.severity asc, i.startedAt desc, i.id desc";
        };
        return Optional.of(incidents.find("from Incident i where " + where + order, parameters));
    }

    /** The text as a LIKE pattern that matches it literally: {@code %}, {@code _} and the escape are escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The SPEC's rule as a query condition: the client is listed, or no client is listed and a service
     * is covered by the client's contract version in force when the incident started.
     */
    private String affectsClient(String clientKey, Parameters parameters) {
        ZoneId zone = clientService.require(clientKey).zone();
        StringBuilder condition = new StringBuilder(
                "exists (select c from Incident i3 join i3.clients c where i3 = i and c.key = :client)");
        parameters.and("client", clientKey);
        List<ContractResponse> versions = contracts.list(clientKey);
        for (int n = 0; n < versions.size(); n++) {
            ContractResponse version = versions.get(n);
            condition.append(" or (i.clients is empty and i.startedAt >= :versionFrom").append(n);
            parameters.and("versionFrom" + n, version.effectiveFrom().atStartOfDay(zone).toInstant());
            if (version.effectiveTo() != null) {
                condition.append(" and i.startedAt < :versionTo").append(n);
                parameters.and("versionTo" + n, version.effectiveTo().atStartOfDay(zone).toInstant());
            }
            condition.append(" and exists (select s from Incident i4 join i4.services s where i4 = i")
                    .append(" and s.key in :versionServices").append(n).append("))");
            parameters.and("versionServices" + n, version.coveredServices());
        }
        return condition.toString();
    }
}
