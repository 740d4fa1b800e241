package com.slaledger.web;

import com.slaledger.security.Role;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main menu of every page ({@code inject:nav.items} in {@code base.html}). It is a request-scoped
 * bean, not a constant, so the menu can leave out what the user's roles may not open once users exist.
 */
@Named("nav")
@RequestScoped
public class Navigation {

    /** One menu entry; {@code current} marks the section the page belongs to. */
    public record Item(String label, String href, boolean current) {
    }

    static final List<Item> SECTIONS = List.of(
            new Item("Dashboard", "/", false),
            new Item("Clients", "/clients", false),
            new Item("Incidents", "/incidents", false),
            new Item("Reliability", "/reliability", false),
            new Item("Maintenance", "/maintenance", false),
            new Item("Credits", "/credits", false),
            new Item("Contracts", "/contracts", false),
            new Item("Service calendars", "/service-calendars", false),
            new Item("Setup", "/admin/clients", false),
            new Item("Users", "/admin/users", false),
            new Item("Ingest", "/admin/ingest", false),
            new Item("API tokens", "/account/tokens", false));

    /** Who may open each section: the same rules as the pages' {@code @RolesAllowed}. */
    static final Map<String, Set<String>> MAY_OPEN = Map.ofEntries(
            Map.entry("/", Set.copyOf(Role.ALL)),
            Map.entry("/clients", Set.of(Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN)),
            Map.entry("/incidents", Set.of(Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN)),
            Map.entry("/reliability", Set.of(Role.SRE, Role.ADMIN)),
            Map.entry("/maintenance", Set.of(Role.SRE, Role.ADMIN)),
            Map.entry("/credits", Set.of(Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN)),
            Map.entry("/contracts", Set.of(Role.FINANCE, Role.ADMIN)),
            // read by whoever reads SLA reports, since a business-hours report is measured in them
            Map.entry("/service-calendars", Set.of(Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN)),
            Map.entry("/admin/clients", Set.of(Role.ADMIN)),
            Map.entry("/admin/users", Set.of(Role.ADMIN)),
            Map.entry("/admin/ingest", Set.of(Role.ADMIN)),
            Map.entry("/account/tokens", Set.copyOf(Role.ALL)));

    private final CurrentVertxRequest request;
    private final SecurityIdentity identity;

    private final Instance<CsrfTokenParameterProvider> csrf;

    public Navigation(CurrentVertxRequest request, SecurityIdentity identity,
            Instance<CsrfTokenParameterProvider> csrf) {
        this.request = request;
        this.identity = identity;
        this.csrf = csrf;
    }

    /**
     * The signed-in person: the one on the request's route where there is one (also on error pages
     * rendered by a failure handler, outside any resource), else the injected identity.
     */
    private SecurityIdentity identity() {
        RoutingContext current = request.getCurrent();
        if (current != null && current.user() instanceof QuarkusHttpUser user) {
            return user.getSecurityIdentity();
        }
        return identity;
    }

    private boolean hasRole(String role) {
        SecurityIdentity who = identity();
        return who != null && !who.isAnonymous() && who.hasRole(role);
    }

    /** Whether the person may record and edit incidents (sre, admin): pages offer those actions only then. */
    public boolean writesIncidents() {
        return hasRole(Role.SRE) || hasRole(Role.ADMIN);
    }

    /** Whether the contract pages open for the person (finance, admin): pages link to them only then. */
    public boolean readsContracts() {
        return hasRole(Role.FINANCE) || hasRole(Role.ADMIN);
    }

    /** Whether the person may open and change maintenance windows (sre, admin): pages link to them only then. */
    public boolean editsMaintenance() {
        return hasRole(Role.SRE) || hasRole(Role.ADMIN);
    }

    public List<Item> items() {
        String path = request.getCurrent() == null ? "" : request.getCurrent().request().path();
        return SECTIONS.stream()
                .filter(item -> MAY_OPEN.get(item.href()).stream().anyMatch(this::hasRole))
                .map(item -> new Item(item.label(), item.href(), isCurrent(item.href(), path)))
                .toList();
    }

    /**
     * The CSRF token of this request for the sign-out form, or null where the CSRF filter did not run
     * (error pages rendered outside a resource): the layout then leaves the form out.
     */
    public String signOutToken() {
        SecurityIdentity who = identity();
        if (who == null || who.isAnonymous()) {
            return null;
        }
        try {
            return csrf.get().getToken();
        } catch (RuntimeException notFiltered) {
            return null;
        }
    }

    static boolean isCurrent(String href, String path) {
        if (href.equals("/")) {
            return path.equals("/");
        }
        return path.equals(href) || path.startsWith(href + "/");
    }
}
