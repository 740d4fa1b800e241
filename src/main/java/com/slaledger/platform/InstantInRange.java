package com.slaledger.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant within {@link InputLimits#EARLIEST_INSTANT} and {@link InputLimits#LATEST_INSTANT} (years 1900 to
 * 9999); null passes. On the request records themselves, so every way in (JSON, CSV, webhooks, postmortems)
 * is held to the bound the JSON reader applies, not only the paths that go through that reader.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InstantInRange.Check.class)
public @interface InstantInRange {

    String message() default "must be an ISO-8601 instant such as 2024-01-16T09:00:00Z, from year 1900 to 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind the annotation. */
    class Check implements ConstraintValidator<InstantInRange, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || InputLimits.inRange(value);
        }
    }
}
