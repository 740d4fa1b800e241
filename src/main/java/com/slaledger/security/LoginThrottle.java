package com.slaledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses sign-in for a username from an address after too many failures in a sliding window
 * (by default 5 in 15 minutes), even with the right password, until the oldest failure ages out.
 * Counted per username and address, so a guesser elsewhere cannot lock a user out.
 * In memory: each instance counts on its own and a restart forgets; behind N instances an attacker
 * gets at most N times the allowance.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Above this many tracked keys, expired ones are swept, so guessing random names cannot fill memory. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    public LoginThrottle(@ConfigProperty(name = "sla-ledger.security.login.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "sla-ledger.security.login.failure-window", defaultValue = "PT15M") Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long until this username may try again from this address; empty when it may try now. */
    public Optional<Duration> lockedFor(String username, String address) {
        Deque<Instant> recent = failures.get(key(username, address));
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, recent.peekFirst().plus(window));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
    }

    public void recordFailure(String username, String address) {
        if (failures.size() > SWEEP_ABOVE) {
            sweep();
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            recent.addLast(now);
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    public void recordSuccess(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\u0000"
                + (address == null ? "" : address);
    }
}
