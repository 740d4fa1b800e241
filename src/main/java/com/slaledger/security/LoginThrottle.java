package com.slaledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits password guessing, with the counters in PostgreSQL ({@code sign_in_failure}) so every instance
 * shares them and a restart forgets nothing. Four limits, each over a sliding window (15 minutes):
 * <ul>
 * <li><b>per account</b>, for attempts from an unknown device: from the 5th failure on, each failure
 * locks the username for a growing delay (1 min, 2, 4, 8, then the window), so guesses spread over many
 * addresses stay slow;</li>
 * <li><b>per address</b>, whatever the username: 30 failures lock the address until the oldest of them
 * leaves the window;</li>
 * <li><b>per known device</b>: a browser holding a device cookie from an earlier successful sign-in of
 * this username ({@link KnownDevices}) skips the two limits above, so an attacker guessing this account,
 * or sharing the user's address, cannot lock the real user out; it has its own limit of 5 failures;</li>
 * <li><b>current password</b>: 5 wrong current passwords in a password change lock further checks.</li>
 * </ul>
 * A lock refuses even the right password. The design follows the OWASP Authentication Cheat Sheet
 * ("Account Lockout") and the OWASP "Slow Down Online Guessing Attacks with Device Cookies" article.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {

    /** One sign-in attempt: who, from where, and the id of a verified known-device cookie (or null). */
    public record Attempt(String username, String address, String deviceId) {
    }

    /** The settings; {@link #DEFAULTS} are the production values. */
    public record Limits(Duration window, int accountFailures, Duration firstAccountDelay, int addressFailures,
            int deviceFailures, int currentPasswordFailures) {
    }

    public static final Limits DEFAULTS = new Limits(Duration.ofMinutes(15), 5, Duration.ofMinutes(1), 30, 5, 5);

    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";
    private static final String DEVICE = "device";
    private static final String CURRENT_PASSWORD = "current-password";
    /** Failures read beyond a limit: the growing delay has reached the window well before 32 doublings. */
    private static final int READ_BEYOND_LIMIT = 32;
    /** Old failures of every subject are deleted on every this-many recorded failures. */
    private static final int SWEEP_EVERY = 100;

    private final EntityManager entityManager;
    private final Limits limits;
    private final Clock clock;
    private final AtomicInteger recorded = new AtomicInteger();

    @Inject
    public LoginThrottle(EntityManager entityManager,
            @ConfigProperty(name = "sla-ledger.security.login.failure-window", defaultValue = "PT15M") Duration window,
            @ConfigProperty(name = "sla-ledger.security.login.max-failures", defaultValue = "5") int accountFailures,
            @ConfigProperty(name = "sla-ledger.security.login.first-delay", defaultValue = "PT1M") Duration firstDelay,
            @ConfigProperty(name = "sla-ledger.security.login.max-failures-per-address", defaultValue = "30")
            int addressFailures) {
        this(entityManager, new Limits(window, accountFailures, firstDelay, addressFailures, accountFailures,
                accountFailures), Clock.systemUTC());
    }

    LoginThrottle(EntityManager entityManager, Limits limits, Clock clock) {
        this.entityManager = entityManager;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How long this attempt is refused before any password is checked; empty when it may be checked now.
     * One SQL statement.
     */
    @SuppressWarnings("unchecked")
    public Optional<Duration> lockedFor(Attempt attempt) {
        Instant now = clock.instant();
        if (attempt.deviceId() != null) {
            return slidingLock(failures(DEVICE, attempt.deviceId(), limits.deviceFailures(), now),
                    limits.deviceFailures(), limits.window(), now);
        }
        // one statement for both counts: every Basic request pays this check
        List<Object[]> rows = entityManager.createNativeQuery("(select kind, failed_at from sign_in_failure "
                + "where kind = ?1 and subject = ?2 and failed_at > ?5 order by failed_at desc limit ?6) union all "
                + "(select kind, failed_at from sign_in_failure "
                + "where kind = ?3 and subject = ?4 and failed_at > ?5 order by failed_at desc limit ?7) "
                + "order by 2 desc")
                .setParameter(1, ACCOUNT).setParameter(2, account(attempt.username()))
                .setParameter(3, ADDRESS).setParameter(4, address(attempt.address()))
                .setParameter(5, now.minus(limits.window()))
                .setParameter(6, limits.accountFailures() + READ_BEYOND_LIMIT)
                .setParameter(7, limits.addressFailures() + READ_BEYOND_LIMIT).getResultList();
        List<Instant> accountFailures = rows.stream().filter(row -> ACCOUNT.equals(row[0])).map(row -> instant(row[1]))
                .toList();
        List<Instant> addressFailures = rows.stream().filter(row -> ADDRESS.equals(row[0])).map(row -> instant(row[1]))
                .toList();
        Optional<Duration> account = growingLock(accountFailures, limits.accountFailures(), limits.firstAccountDelay(),
                limits.window(), now);
        Optional<Duration> address = slidingLock(addressFailures, limits.addressFailures(), limits.window(), now);
        return longer(account, address);
    }

    public void recordFailure(Attempt attempt) {
        Instant now = clock.instant();
        if (attempt.deviceId() != null) {
            insert(DEVICE, attempt.deviceId(), now);
        } else {
            insert(ACCOUNT, account(attempt.username()), now);
            insert(ADDRESS, address(attempt.address()), now);
        }
        sweepNowAndThen(now);
    }

    /**
     * A right password forgets the known device's failures. The account's failures stay until they age
     * out: a success must not hand a guesser a fresh allowance.
     */
    public void recordSuccess(Attempt attempt) {
        if (attempt.deviceId() != null) {
            entityManager.createNativeQuery("delete from sign_in_failure where kind = ?1 and subject = ?2")
                    .setParameter(1, DEVICE).setParameter(2, attempt.deviceId()).executeUpdate();
        }
    }

    /** How long a password change's current-password check is refused for this username. */
    public Optional<Duration> currentPasswordLockedFor(String username) {
        Instant now = clock.instant();
        return slidingLock(failures(CURRENT_PASSWORD, account(username), limits.currentPasswordFailures(), now),
                limits.currentPasswordFailures(), limits.window(), now);
    }

    public void recordCurrentPasswordFailure(String username) {
        Instant now = clock.instant();
        insert(CURRENT_PASSWORD, account(username), now);
        sweepNowAndThen(now);
    }

    /**
     * The growing delay: with {@code max} or more failures in the window (newest first), locked until the
     * newest plus {@code first × 2^(count − max)}, at most the window.
     */
    static Optional<Duration> growingLock(List<Instant> newestFirst, int max, Duration first, Duration window,
            Instant now) {
        if (newestFirst.size() < max) {
            return Optional.empty();
        }
        int doublings = Math.min(newestFirst.size() - max, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        if (delay.compareTo(window) > 0) {
            delay = window;
        }
        return remaining(newestFirst.get(0).plus(delay), now);
    }

    /** The sliding limit: with {@code max} or more failures in the window, locked until the max-th newest leaves it. */
    static Optional<Duration> slidingLock(List<Instant> newestFirst, int max, Duration window, Instant now) {
        if (newestFirst.size() < max) {
            return Optional.empty();
        }
        return remaining(newestFirst.get(max - 1).plus(window), now);
    }

    private static Optional<Duration> remaining(Instant until, Instant now) {
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    @SuppressWarnings("unchecked")
    private List<Instant> failures(String kind, String subject, int limit, Instant now) {
        List<Object> rows = entityManager.createNativeQuery("select failed_at from sign_in_failure "
                + "where kind = ?1 and subject = ?2 and failed_at > ?3 order by failed_at desc limit ?4")
                .setParameter(1, kind).setParameter(2, subject).setParameter(4, limit + READ_BEYOND_LIMIT)
                .setParameter(3, now.minus(limits.window())).getResultList();
        return rows.stream().map(LoginThrottle::instant).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        } else if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    private void insert(String kind, String subject, Instant at) {
        entityManager.createNativeQuery("insert into sign_in_failure (kind, subject, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, kind).setParameter(2, subject).setParameter(3, at).executeUpdate();
    }

    private void sweepNowAndThen(Instant now) {
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            entityManager.createNativeQuery("delete from sign_in_failure where failed_at < ?1")
                    .setParameter(1, now.minus(limits.window())).executeUpdate();
        }
    }

    /** Usernames compare ignoring case; one longer than any username (100) is counted by its hash. */
    static String account(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() <= 100 ? normalized : "#" + ApiTokenService.sha256(normalized);
    }

    private static String address(String address) {
        return address == null ? "" : address.length() <= 100 ? address : "#" + ApiTokenService.sha256(address);
    }
}
