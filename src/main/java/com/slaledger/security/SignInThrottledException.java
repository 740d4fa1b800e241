package com.slaledger.security;

import java.time.Duration;

/**
 * Too many failed password checks: answered {@code 429 Too Many Requests} with {@code Retry-After} in
 * whole seconds (RFC 6585 section 4, RFC 9110 section 10.2.3) and a problem JSON (RFC 9457).
 */
public class SignInThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed password checks");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    static long retryAfterSeconds(Duration left) {
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }
}
