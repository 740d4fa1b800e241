package com.slaledger.client;

import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.TimeZones;
import com.slaledger.platform.Violations;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import com.slaledger.security.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClientService {

    private final ClientRepository clients;
    private final Validator validator;
    private final AccessScope scope;
    private final UserService users;

    public ClientService(ClientRepository clients, Validator validator, AccessScope scope, UserService users) {
        this.clients = clients;
        this.validator = validator;
        this.scope = scope;
        this.users = users;
    }

    /** The clients the caller may see: an account manager (who is not also admin) sees only their own. */
    public List<ClientResponse> list(Boolean active) {
        Optional<String> manager = scope.accountManagerBound(Role.ADMIN);
        List<Client> found = manager.isPresent() ? clients.listManagedBy(manager.get(), active)
                : clients.listOrdered(active);
        return found.stream().map(ClientResponse::of).toList();
    }

    /** The client if the caller may see it; someone else's client is as unknown as a missing one. */
    public Optional<ClientResponse> find(String key) {
        Optional<String> manager = scope.accountManagerBound(Role.ADMIN);
        return clients.findByKey(key)
                .filter(client -> manager.isEmpty() || manager.get().equals(client.accountManagerUsername))
                .map(ClientResponse::of);
    }

    /** Keys of the clients an account manager looks after, for features that narrow by them. */
    public List<String> keysManagedBy(String username) {
        return clients.listManagedBy(username, null).stream().map(client -> client.key).toList();
    }

    /** The client for another feature to link to; 404 problem when it does not exist. */
    public Client require(String key) {
        return clients.findByKey(key).orElseThrow(() -> ProblemException.notFound("client", key));
    }

    /** Clients by key for another feature; the caller reports keys missing from the answer. */
    public List<Client> findByKeys(Collection<String> keys) {
        return clients.findByKeys(keys);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public ClientResponse create(ClientRequest request) {
        validate(request);
        if (clients.findByKey(request.key()).isPresent()) {
            throw ProblemException.conflict("A client with key '" + request.key() + "' exists already");
        }
        Client client = new Client();
        client.key = request.key();
        apply(request, client);
        clients.persistAndFlush(client);
        return ClientResponse.of(client);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ClientResponse> update(String key, ClientRequest request) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.badParameter("key", "cannot change; it is '" + key + "'");
        }
        ClientRequest withKey = new ClientRequest(key, request.name(), request.accountManager(),
                request.timeZone(), request.active(), request.accountManagerUsername());
        validate(withKey);
        return clients.findByKey(key).map(client -> {
            apply(withKey, client);
            clients.flush();
            return ClientResponse.of(client);
        });
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String key) {
        Optional<Client> client = clients.findByKey(key);
        if (client.isEmpty()) {
            return false;
        }
        try {
            clients.delete(client.get());
            clients.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Client '" + key + "' has contracts, incidents or maintenance windows;"
                    + " set it inactive instead of deleting it");
        }
        return true;
    }

    private void apply(ClientRequest request, Client client) {
        client.name = request.name().strip();
        client.accountManager = request.accountManager();
        client.timeZone = request.timeZone() == null ? "UTC" : request.timeZone();
        client.active = request.active() == null || request.active();
        client.accountManagerUsername = blankToNull(request.accountManagerUsername());
    }

    private void validate(ClientRequest request) {
        violationsOf(request).throwIfAny();
    }

    private Violations violationsOf(ClientRequest request) {
        Violations violations = new Violations().addAll(validator.validate(request), "");
        // A name shown in lists and reports must not read as another (TextSanity#unfit).
        TextSanity.check("name", request.name(), false, violations);
        if (request.timeZone() != null && !TimeZones.isKnown(request.timeZone())) {
            violations.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        String manager = blankToNull(request.accountManagerUsername());
        if (manager != null && !users.exists(manager)) {
            violations.add("accountManagerUsername", "no user '" + manager + "'");
        }
        return violations;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
