package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2024-01-16T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void locksAfterTheFifthFailureUntilTheOldestAgesOut() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("dana", "10.0.0.1");
            now = now.plusSeconds(60);
        }
        assertEquals(Optional.empty(), throttle.lockedFor("dana", "10.0.0.1"), "four failures are allowed");
        throttle.recordFailure("dana", "10.0.0.1");
        // the first failure was at 09:00, so the lock lasts until 09:15; it is now 09:04
        assertEquals(Optional.of(Duration.ofMinutes(11)), throttle.lockedFor("dana", "10.0.0.1"));
        now = Instant.parse("2024-01-16T09:15:00Z");
        assertEquals(Optional.empty(), throttle.lockedFor("dana", "10.0.0.1"), "the 09:00 failure has aged out");
    }

    @Test
    void countsPerUsernameAndAddressIgnoringCase() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("Dana", "10.0.0.1");
        }
        assertTrue(throttle.lockedFor("dana", "10.0.0.1").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("dana", "10.0.0.2"), "another address is not locked");
        assertEquals(Optional.empty(), throttle.lockedFor("omar", "10.0.0.1"), "another user is not locked");
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("dana", "10.0.0.1");
        }
        throttle.recordSuccess("dana", "10.0.0.1");
        throttle.recordFailure("dana", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedFor("dana", "10.0.0.1"));
    }
}
