package com.slaledger.security;

import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users, their roles and passwords; the checks behind every way of signing in. A change of password,
 * roles or the enabled flag closes the user's form sessions ({@link UserSessions}); an admin setting
 * someone else's password also revokes that user's API tokens (docs/security.md, "Sessions").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UserService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Validator validator;
    private final UserSessions sessions;
    private final LoginThrottle throttle;

    public UserService(UserRepository users, PasswordHasher hasher, Validator validator, UserSessions sessions,
            LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.validator = validator;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public List<UserResponse> list() {
        return users.listOrdered().stream().map(UserResponse::of).toList();
    }

    public Optional<UserResponse> find(String username) {
        return users.findByUsername(username).map(UserResponse::of);
    }

    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    public long count() {
        return users.count();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public UserResponse create(UserRequest request) {
        if (request == null) {
            throw ProblemException.badParameter("body", "must be a user");
        }
        Violations violations = new Violations().addAll(validator.validate(request), "");
        checkRoles(request.roles(), violations);
        checkPasswordBytes(request.password(), "password", violations);
        violations.throwIfAny();
        if (users.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("A user named '" + request.username() + "' exists already");
        }
        UserAccount user = new UserAccount();
        user.username = request.username();
        user.passwordHash = hasher.hash(request.password());
        user.roles = new HashSet<>(request.roles());
        user.enabled = request.enabled() == null || request.enabled();
        users.persistAndFlush(user);
        return UserResponse.of(user);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<UserResponse> update(String username, UserUpdateRequest request) {
        if (request == null) {
            throw ProblemException.badParameter("body", "must name roles and/or enabled");
        }
        Violations violations = new Violations().addAll(validator.validate(request), "");
        if (request.roles() != null) {
            if (request.roles().isEmpty()) {
                violations.add("roles", "must name at least one role");
            }
            checkRoles(request.roles(), violations);
        }
        violations.throwIfAny();
        Optional<UserAccount> found = users.findByUsername(username);
        found.ifPresent(user -> {
            boolean changed = false;
            if (request.roles() != null && !user.roles.equals(new HashSet<>(request.roles()))) {
                user.roles.clear();
                user.roles.addAll(request.roles());
                changed = true;
            }
            if (request.enabled() != null && user.enabled != request.enabled()) {
                user.enabled = request.enabled();
                changed = true;
            }
            users.flush();
            if (changed) {
                sessions.closeAll(user.username);
            }
            refuseWithoutAdmin("This change would leave no enabled admin");
        });
        return found.map(UserResponse::of);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String username) {
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            return false;
        }
        users.delete(found.get());
        users.flush();
        refuseWithoutAdmin("Deleting '" + username + "' would leave no enabled admin");
        return true;
    }

    /**
     * Sets a password. Admins set anyone's; everyone else only their own, and only with the current one
     * (so a stolen session or token alone cannot take over the account). Wrong current passwords are
     * throttled ({@link LoginThrottle#currentPasswordLockedFor}): once locked, the check answers
     * {@link SignInThrottledException} (429) even for the right one. Afterwards every form session of
     * the user is closed; an admin's reset of someone else's password also revokes their API tokens.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<UserResponse> changePassword(String username, PasswordRequest request, SecurityIdentity caller) {
        boolean admin = caller.hasRole(Role.ADMIN);
        if (!admin && !caller.getPrincipal().getName().equals(username)) {
            throw new ProblemException(403, "Forbidden", "Only admins change other users' passwords", List.of());
        }
        if (request == null) {
            throw ProblemException.badParameter("password", "must not be blank");
        }
        Violations violations = new Violations().addAll(validator.validate(request), "");
        checkPasswordBytes(request.password(), "password", violations);
        violations.throwIfAny();
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (!admin) {
            throttle.currentPasswordLockedFor(username).ifPresent(left -> {
                throw new SignInThrottledException(left);
            });
            if (request.currentPassword() == null
                    || !hasher.matches(username, request.currentPassword().toCharArray(), user.passwordHash)) {
                throttle.recordCurrentPasswordFailure(username);
                throw ProblemException.badParameter("currentPassword", "does not match the current password");
            }
        }
        user.passwordHash = hasher.hash(request.password());
        users.flush();
        sessions.closeAll(username);
        if (admin && !caller.getPrincipal().getName().equals(username)) {
            users.getEntityManager().createQuery("delete from ApiToken t where t.user.id = :id")
                    .setParameter("id", user.id).executeUpdate();
        }
        return Optional.of(UserResponse.of(user));
    }

    /**
     * The identity for a username and password, or empty: the same answer, after the same bcrypt work,
     * for an unknown user, a wrong password and a disabled account.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<SecurityIdentity> verify(String username, char[] password) {
        Optional<UserAccount> user = users.findByUsername(username);
        boolean matches = hasher.matches(username, password, user.map(u -> u.passwordHash).orElse(null));
        if (!matches || !user.get().enabled) {
            return Optional.empty();
        }
        return Optional.of(identityOf(user.get()));
    }

    /** The identity of an enabled user by name alone, for a session cookie or an API token already checked. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<SecurityIdentity> trusted(String username) {
        return users.findByUsername(username).filter(user -> user.enabled).map(UserService::identityOf);
    }

    static SecurityIdentity identityOf(UserAccount user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(Set.copyOf(user.roles))
                .build();
    }

    private void refuseWithoutAdmin(String detail) {
        if (users.count() > 0 && users.countEnabledAdmins() == 0) {
            throw ProblemException.conflict(detail + "; make another user admin first");
        }
    }

    private static void checkRoles(List<String> roles, Violations violations) {
        if (roles == null) {
            return;
        }
        if (roles.size() > Role.ALL.size()) {
            violations.add("roles", "must name at most " + Role.ALL.size() + " roles");
            return;
        }
        for (int i = 0; i < roles.size(); i++) {
            if (!Role.isKnown(roles.get(i))) {
                violations.add("roles[" + i + "]", "must be one of " + String.join(", ", Role.ALL));
            }
        }
    }

    private static void checkPasswordBytes(String password, String field, Violations violations) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > PasswordRequest.MAX_LENGTH) {
            violations.add(field, "must be at most " + PasswordRequest.MAX_LENGTH + " bytes in UTF-8");
        }
    }
}
