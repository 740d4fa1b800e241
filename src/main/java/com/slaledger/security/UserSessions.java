package com.slaledger.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server side of a login-form session, one row per signed-in browser in {@code user_session}.
 * Quarkus' encrypted cookie ({@code quarkus-credential}) says who signed in; it is honoured only
 * together with the {@value #COOKIE} cookie, whose random id must name an open session of that same
 * user. Signing out closes the browser's session; a password change, an admin's reset, a role change,
 * disabling and deleting the user close all of theirs (OWASP Session Management Cheat Sheet,
 * "Renew the session ID after any privilege level change" and "Session expiration"). Sessions idle for
 * longer than the form timeout are closed too. Every instance on the database sees the same rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UserSessions {

    /** The cookie holding the session's random id (HttpOnly, SameSite=Strict, Secure over HTTPS). */
    public static final String COOKIE = "sla-session";
    /** A session's last-seen time is written at most this often, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** Longer than any id this service issues (43 characters); longer cookies are refused unread. */
    private static final int MAX_ID_LENGTH = 64;

    private final SecureRandom random = new SecureRandom();
    private final EntityManager entityManager;
    private final Duration idleTimeout;

    public UserSessions(EntityManager entityManager,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration idleTimeout) {
        this.entityManager = entityManager;
        this.idleTimeout = idleTimeout;
    }

    /** Opens a session for the user and returns its id (32 random bytes, Base64url); only its SHA-256 is stored. */
    public String open(String username) {
        entityManager.createNativeQuery("delete from user_session where last_seen_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) idleTimeout.toSeconds()).executeUpdate();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int inserted = entityManager.createNativeQuery("insert into user_session (user_id, token_hash) "
                + "select id, ?1 from app_user where username = ?2")
                .setParameter(1, ApiTokenService.sha256(id)).setParameter(2, username).executeUpdate();
        if (inserted != 1) {
            throw new IllegalStateException("No user '" + username + "' to open a session for");
        }
        return id;
    }

    /**
     * Whether the id names an open, not idle session of this user who is still enabled; refreshes its
     * last-seen time (at most once a minute).
     */
    public boolean isOpen(String username, String id) {
        if (username == null || id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        List<?> found = entityManager.createNativeQuery("select s.id from user_session s join app_user u on u.id = s.user_id "
                + "where s.token_hash = ?1 and u.username = ?2 and u.enabled "
                + "and s.last_seen_at >= now() - make_interval(secs => ?3)")
                .setParameter(1, ApiTokenService.sha256(id)).setParameter(2, username)
                .setParameter(3, (double) idleTimeout.toSeconds()).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        entityManager.createNativeQuery("update user_session set last_seen_at = now() "
                + "where id = ?1 and last_seen_at < now() - make_interval(secs => ?2)")
                .setParameter(1, ((Number) found.get(0)).longValue())
                .setParameter(2, (double) TOUCH_INTERVAL.toSeconds()).executeUpdate();
        return true;
    }

    /** Closes the session with this id (sign-out); an unknown id is ignored. */
    public void close(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return;
        }
        entityManager.createNativeQuery("delete from user_session where token_hash = ?1")
                .setParameter(1, ApiTokenService.sha256(id)).executeUpdate();
    }

    /** Closes every session of the user (password, roles or enabled flag changed); returns how many. */
    public int closeAll(String username) {
        return entityManager.createNativeQuery("delete from user_session where user_id in "
                + "(select id from app_user where username = ?1)").setParameter(1, username).executeUpdate();
    }

    /** Number of open sessions of the user, idle or not (for tests and the admin's view). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String username) {
        return ((Number) entityManager.createNativeQuery("select count(*) from user_session s join app_user u "
                + "on u.id = s.user_id where u.username = ?1").setParameter(1, username).getSingleResult()).longValue();
    }

    /** The session cookie for an id: HttpOnly, SameSite=Strict, path /, Secure when the request came over HTTPS. */
    static Cookie cookie(RoutingContext context, String id) {
        return Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(context.request().isSSL());
    }
}
