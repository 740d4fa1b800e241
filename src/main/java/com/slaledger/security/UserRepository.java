package com.slaledger.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<UserAccount> {

    public Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<UserAccount> listOrdered() {
        return listAll(Sort.by("username"));
    }

    public long countEnabledAdmins() {
        return count("select count(u) from UserAccount u join u.roles r where u.enabled = true and r = ?1", Role.ADMIN);
    }
}
