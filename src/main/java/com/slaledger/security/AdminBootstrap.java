package com.slaledger.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On a start with no user at all, creates the first admin from {@code SLA_LEDGER_ADMIN_USERNAME} and
 * {@code SLA_LEDGER_ADMIN_PASSWORD} (the environment only: a password in a file would end up in git).
 * Runs before the demo data, which may add its own users.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final Optional<String> username;
    private final Optional<String> password;

    public AdminBootstrap(UserService users,
            @ConfigProperty(name = "sla-ledger.admin.username") Optional<String> username,
            @ConfigProperty(name = "sla-ledger.admin.password") Optional<String> password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        createFirstAdmin();
    }

    /** Whether it created the admin. */
    public boolean createFirstAdmin() {
        if (users.count() > 0) {
            return false;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("No user exists and SLA_LEDGER_ADMIN_USERNAME / SLA_LEDGER_ADMIN_PASSWORD are not set:"
                    + " nobody can sign in until they are (or demo data is enabled)");
            return false;
        }
        users.create(new UserRequest(username.get(), password.get(), List.of(Role.ADMIN), true));
        LOG.infof("Created the first admin '%s'", username.get());
        return true;
    }
}
