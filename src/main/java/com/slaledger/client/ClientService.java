package com.slaledger.client;

import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TimeZones;
import com.slaledger.platform.Violations;
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

    public ClientService(ClientRepository clients, Validator validator) {
        this.clients = clients;
        this.validator = validator;
    }

    public List<ClientResponse> list(Boolean active) {
        return clients.listOrdered(active).stream().map(ClientResponse::of).toList();
    }

    public Optional<ClientResponse> find(String key) {
        return clients.findByKey(key).map(ClientResponse::of);
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
                request.timeZone(), request.active());
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
    }

    private void validate(ClientRequest request) {
        violationsOf(request).throwIfAny();
    }

    private Violations violationsOf(ClientRequest request) {
        Violations violations = new Violations().addAll(validator.validate(request), "");
        if (request.timeZone() != null && !TimeZones.isKnown(request.timeZone())) {
            violations.add("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        return violations;
    }
}
