package com.slaledger.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class or method: a query parameter the method does not declare with {@code @QueryParam} is
 * refused with a 400 problem naming it, instead of being silently ignored (a report asked for
 * {@code from}/{@code to} must not answer the current month). See {@link KnownQueryParametersFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KnownQueryParametersOnly {
}
