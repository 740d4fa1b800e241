package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two lock rules of {@link LoginThrottle}, on failure times written out by hand. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant NINE = Instant.parse("2024-01-16T09:00:00Z");

    /** Failures one minute apart from 09:00, newest first, as the store returns them. */
    private static List<Instant> failuresOneMinuteApart(int count) {
        List<Instant> newestFirst = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            newestFirst.add(NINE.plusSeconds(60L * i));
        }
        return newestFirst;
    }

    @Test
    void theAccountLockGrowsOneTwoFourEightMinutesThenStopsAtTheWindow() {
        Duration first = Duration.ofMinutes(1);
        // four failures (09:00..09:03): no lock
        assertEquals(Optional.empty(),
                LoginThrottle.growingLock(failuresOneMinuteApart(4), 5, first, WINDOW, NINE.plusSeconds(180)));
        // the fifth at 09:04 locks until 09:05; at 09:04:30 half a minute is left, at 09:05 none
        assertEquals(Optional.of(Duration.ofSeconds(60)),
                LoginThrottle.growingLock(failuresOneMinuteApart(5), 5, first, WINDOW, NINE.plusSeconds(240)));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                LoginThrottle.growingLock(failuresOneMinuteApart(5), 5, first, WINDOW, NINE.plusSeconds(270)));
        assertEquals(Optional.empty(),
                LoginThrottle.growingLock(failuresOneMinuteApart(5), 5, first, WINDOW, NINE.plusSeconds(300)));
        // the 6th, 7th, 8th failure lock for 2, 4, 8 minutes after the newest; the 9th for 16 capped to 15
        int[] expectedMinutes = {2, 4, 8, 15, 15};
        for (int k = 0; k < expectedMinutes.length; k++) {
            List<Instant> failures = failuresOneMinuteApart(6 + k);
            Instant newest = failures.get(0);
            assertEquals(Optional.of(Duration.ofMinutes(expectedMinutes[k])),
                    LoginThrottle.growingLock(failures, 5, first, WINDOW, newest), "failure #" + (6 + k));
        }
    }

    @Test
    void theAddressLockLastsUntilTheFifthNewestFailureLeavesTheWindow() {
        // failures at 09:00..09:04, limit 5: locked until 09:00 + 15 min; at 09:04, 11 minutes are left
        assertEquals(Optional.of(Duration.ofMinutes(11)),
                LoginThrottle.slidingLock(failuresOneMinuteApart(5), 5, WINDOW, NINE.plusSeconds(240)));
        assertEquals(Optional.empty(),
                LoginThrottle.slidingLock(failuresOneMinuteApart(5), 5, WINDOW, NINE.plus(WINDOW)));
        assertEquals(Optional.empty(),
                LoginThrottle.slidingLock(failuresOneMinuteApart(4), 5, WINDOW, NINE.plusSeconds(240)));
        // seven failures 09:00..09:06: the 5th newest is 09:02, so the lock ends at 09:17
        assertEquals(Optional.of(Duration.ofMinutes(11)),
                LoginThrottle.slidingLock(failuresOneMinuteApart(7), 5, WINDOW, NINE.plusSeconds(360)));
    }

    @Test
    void usernamesCountIgnoringCaseAndOverlongOnesByTheirHash() {
        assertEquals("dana", LoginThrottle.account(" Dana "));
        String overlong = "x".repeat(5000);
        assertEquals(65, LoginThrottle.account(overlong).length());
        assertEquals(LoginThrottle.account(overlong), LoginThrottle.account(overlong.toUpperCase()));
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertEquals(1, SignInThrottledException.retryAfterSeconds(Duration.ZERO));
        assertEquals(60, SignInThrottledException.retryAfterSeconds(Duration.ofSeconds(60)));
        assertEquals(61, SignInThrottledException.retryAfterSeconds(Duration.ofMillis(60_001)));
    }
}
