package com.slaledger.demo;

import com.slaledger.calendar.ServiceCalendarService;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractService;
import com.slaledger.demo.DemoData.ClientContract;
import com.slaledger.demo.DemoData.DemoSet;
import com.slaledger.incident.IncidentService;
import com.slaledger.maintenance.MaintenanceWindowService;
import com.slaledger.security.UserRequest;
import com.slaledger.security.UserService;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.whatif.SavedWhatIfService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo set on the first start with {@code sla-ledger.demo-data.enabled}, once: a marker
 * row remembers it, so deleting demo rows later does not bring them back.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final String MARKER = "demo-data-loaded";

    private final boolean enabled;
    private final DemoCredits credits;
    private final EntityManager entityManager;
    private final ServiceCatalog services;
    private final ClientService clients;
    private final ContractService contracts;
    private final MaintenanceWindowService maintenance;
    private final IncidentService incidents;
    private final UserService users;
    private final SavedWhatIfService savedWhatIfs;
    private final ServiceCalendarService calendars;

    public DemoDataLoader(@ConfigProperty(name = "sla-ledger.demo-data.enabled") boolean enabled,
            EntityManager entityManager, ServiceCatalog services, ClientService clients, ContractService contracts,
            MaintenanceWindowService maintenance, IncidentService incidents, UserService users,
            DemoCredits credits, SavedWhatIfService savedWhatIfs, ServiceCalendarService calendars) {
        this.credits = credits;
        this.calendars = calendars;
        this.users = users;
        this.savedWhatIfs = savedWhatIfs;
        this.enabled = enabled;
        this.entityManager = entityManager;
        this.services = services;
        this.clients = clients;
        this.contracts = contracts;
        this.maintenance = maintenance;
        this.incidents = incidents;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            loadOnce(Instant.now());
        }
    }

    /** All of the demo set or, should anything fail, none of it. */
    @Transactional
    public boolean loadOnce(Instant now) {
        // the marker insert both claims the load and serialises two instances starting together
        int claimed = entityManager.createNativeQuery(
                "insert into app_setting (key, value) values (?1, ?2) on conflict (key) do nothing")
                .setParameter(1, MARKER).setParameter(2, now.toString()).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        DemoSet demo = DemoData.build(now);
        // users first: demo clients name the demo account manager
        DemoData.DEMO_USERS.forEach((role, password) -> {
            if (!users.exists(role)) {
                users.create(new UserRequest(role, password, List.of(role), true));
            }
        });
        demo.services().forEach(services::create);
        demo.clients().forEach(clients::create);
        demo.serviceCalendars().forEach(calendars::create);
        for (ClientContract contract : demo.contracts()) {
            contracts.create(contract.clientKey(), contract.contract());
        }
        demo.maintenanceWindows().forEach(maintenance::create);
        incidents.batch(demo.incidents());
        for (DemoData.ClientWhatIf whatIf : demo.whatIfs()) {
            savedWhatIfs.save(whatIf.clientKey(), whatIf.whatIf(), now);
        }
        credits.seed(now);
        LOG.infof("Loaded demo data: %d clients, %d services, %d contracts, %d maintenance windows, %d incidents",
                demo.clients().size(), demo.services().size(), demo.contracts().size(),
                demo.maintenanceWindows().size(), demo.incidents().size());
        return true;
    }
}
