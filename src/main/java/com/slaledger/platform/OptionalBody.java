package com.slaledger.platform;

/**
 * Marks a request record whose body may be left out: an empty body (or the JSON literal {@code null}) reaches the
 * resource as null instead of the 400 {@link RequestBodies} gives every other request record. For a body that only
 * adds optional checks to a call that works without one (approving a credit at the amount the approver saw).
 */
public interface OptionalBody {
}
